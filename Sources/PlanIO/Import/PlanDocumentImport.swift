import Foundation
import PlanModel

/// Imports a whole plan document: the targets stated in prose in its targets section, the
/// rows of its target table when it has one, merged (``TargetMerge``), with the plan's
/// title, period and place, and the indicators the targets measure (``IndicatorInference``).
///
/// ```swift
/// let r = try PlanDocumentImport.importFile(atPath: "ke-hoach-an-hung-2026-2030.txt")
/// r.targets.count        // 34: II.1's 21 statements merged with Phụ lục I's 32 rows
/// r.unclassified         // every statement the reader could not classify, with its line
/// ```
///
/// A spreadsheet export (`.csv`, `.tsv`) has no prose: it is imported by ``PlanTableImport``
/// alone. A document with neither a targets section nor a target table is an error naming
/// both; one with a section but no statement in it imports nothing and says so.
public enum PlanDocumentImport {

    public struct Options: Sendable {
        public var period: ClosedRange<Int>?
        public init(period: ClosedRange<Int>? = nil) { self.period = period }
    }

    public struct Result: Sendable {
        public var targets: [ImportedTarget]
        public var indicators: [Indicator]
        public var findings: [PlanTableImport.Finding]
        public var period: ClosedRange<Int>
        public var title: String
        public var place: String
        /// The line and title of the targets section (0, "" when none).
        public var sectionLine: Int
        public var sectionTitle: String
        /// The table import, when the document has a target table.
        public var table: PlanTableImport.Result?
        /// Indicator decisions the import could not make (an amount's unit when only its growth is stated).
        public var undecided: [PlanTableImport.Finding]
        public var unclassified: [PlanTableImport.Finding] {
            findings.filter { $0.kind == .unclassified }
        }
    }

    public static func importFile(atPath path: String, options: Options = Options()) throws
        -> Result
    {
        let data = try PlanTableImport.readFile(atPath: path)
        return try importData(data, fileName: path, options: options)
    }

    public static func importData(_ data: Data, fileName: String, options: Options = Options())
        throws -> Result
    {
        let result = try importWithoutPeriodCheck(data, fileName: fileName, options: options)
        // The baseline year (the year before the plan) must be a year the plan files accept.
        if result.period.lowerBound < 1991 {
            throw InputError.badData(
                location: SourceLocation(file: fileName),
                found: "the plan period \(result.period.lowerBound)-\(result.period.upperBound)",
                expected:
                    "a plan starting in 1991 or later (its baseline year, the year before, must be 1990 or later)"
            )
        }
        return result
    }

    static func importWithoutPeriodCheck(_ data: Data, fileName: String, options: Options) throws
        -> Result
    {
        let text = try PlanTableImport.decodeText(data, fileName: fileName)
        if PlanTableImport.Layout.forFile(fileName) == .delimited {
            let table = try PlanTableImport.importText(
                text, fileName: fileName, layout: .delimited, period: options.period)
            return assemble(
                prose: [], proseFindings: [], table: table, outline: nil, period: table.period,
                fileName: fileName)
        }
        let outline = DocumentOutline(text: text)
        var table: PlanTableImport.Result? = nil
        var tableError: Error? = nil
        do {
            table = try PlanTableImport.importText(
                text, fileName: fileName, layout: .document,
                period: options.period ?? outline.period)
        } catch { tableError = error }
        guard let period = options.period ?? outline.period ?? table?.period else {
            throw InputError.badData(
                location: SourceLocation(file: fileName),
                found:
                    "no plan period (such as giai đoạn 2026 - 2030) in the title or the first 60 lines",
                expected: "the period in the title, or --period 2026-2030")
        }
        guard let section = outline.section else {
            if let table {
                return assemble(
                    prose: [], proseFindings: [], table: table, outline: outline, period: period,
                    fileName: fileName)
            }
            throw InputError.badData(
                location: SourceLocation(file: fileName),
                found:
                    "no targets section (a heading naming \"chỉ tiêu\") and no target table (\(tableError.map { "\($0)" } ?? ""))",
                expected:
                    "a heading such as \"Các chỉ tiêu chủ yếu\" above numbered target statements, or a table with Đơn vị tính and Kế hoạch columns"
            )
        }
        let statements = TargetStatement.split(Array(outline.lines[section]))
        let prose = ProseTargetReader.read(statements, period: period, fileName: fileName)
        var findings = prose.findings
        if statements.isEmpty {
            findings.append(
                .init(
                    kind: .note, line: outline.lines[max(0, section.lowerBound - 1)].number,
                    number: "", text: outline.sectionTitle,
                    reason: "the targets section holds no numbered or bulleted statement"))
        }
        return assemble(
            prose: prose.targets, proseFindings: findings, table: table, outline: outline,
            period: period, fileName: fileName)
    }

    static func assemble(
        prose: [ImportedTarget], proseFindings: [PlanTableImport.Finding],
        table: PlanTableImport.Result?,
        outline: DocumentOutline?, period: ClosedRange<Int>, fileName: String
    ) -> Result {
        var findings = proseFindings
        var targets = prose
        if let table {
            var lines: [String: Int] = [:]
            for t in table.targets {
                if let r = t.source.range(of: "line ", options: .backwards),
                    let n = Int(t.source[r.upperBound...])
                {
                    lines[t.id] = n
                }
            }
            let merged = TargetMerge.merge(
                prose: prose, table: table.targets, tableLines: lines,
                headings: table.findings.filter { $0.kind == .heading }, appendix: table.appendix)
            targets = merged.targets
            findings += table.findings.filter { $0.kind != .endOfTable && $0.kind != .heading }
            if !prose.isEmpty { findings += merged.notes }
        }
        let inferred = IndicatorInference.assign(&targets)
        findings.sort { $0.line < $1.line }
        let sectionLine =
            outline?.section.map { outline!.lines[max(0, $0.lowerBound - 1)].number } ?? 0
        return Result(
            targets: targets, indicators: inferred.indicators, findings: findings, period: period,
            title: outline?.title ?? "", place: outline?.place ?? "", sectionLine: sectionLine,
            sectionTitle: outline?.sectionTitle ?? "", table: table, undecided: inferred.undecided)
    }
}
