import Foundation
import PlanModel

/// A target table that arrives already split into cells — a workbook sheet — imported by
/// exactly the path a spreadsheet export takes (``PlanTableImport``'s `.delimited` layout).
///
/// ```swift
/// let rows = [
///     PlanDocumentImport.CellRow(number: 1, cells: ["PHỤ LỤC I - GIAI ĐOẠN 2026 - 2030"]),
///     PlanDocumentImport.CellRow(
///         number: 3, cells: ["Số TT", "Nội dung Chỉ tiêu", "Đơn vị Tính", "Kế hoạch"]),
///     PlanDocumentImport.CellRow(number: 4, cells: ["1", "Tỷ lệ hộ nghèo", "%", "< 3"]),
/// ]
/// let imported = try PlanDocumentImport.importCells(rows, place: #"PL.xlsx, sheet "PL I""#)
/// imported.result.targets[0].target.source   // "Phụ lục I dòng 1 — PL.xlsx, sheet "PL I", row 4"
/// imported.headerRow                         // 3
/// ```
///
/// Invariants:
/// - The targets, findings and indicators are those of the same rows written as a TSV
///   export (one line per row, cells quoted where they hold a tab, quote or line break):
///   the rows are rendered so and read by the same code, rather than by a second copy of
///   the header search and row rules.
/// - Every line number in the result (findings, `ImportedTarget.line`, the table's header
///   line, each target's `source`) is the row's own `number` (a sheet row), and errors name
///   `place, row N` instead of a line.
extension PlanDocumentImport {
    /// One row of a table: the number its place gives it (a sheet row, 1-based) and its
    /// cells from the first column (blank cells as "").
    public struct CellRow: Sendable, Hashable {
        public var number: Int
        public var cells: [String]
        public init(number: Int, cells: [String]) { self.number = number; self.cells = cells }
    }

    /// What ``importCells(_:place:options:)`` returns: the import, and the row of the
    /// table's header.
    public struct CellImport: Sendable {
        public var result: Result
        public var headerRow: Int
    }

    /// Imports a target table given as rows of cells. `place` names it in messages and in
    /// each target's `source` (`PhuLucI.xlsx, sheet "Phụ lục I"`; it must not contain `/`).
    /// Rows must be in increasing order of `number`.
    public static func importCells(
        _ rows: [CellRow], place: String, options: Options = Options()
    ) throws -> CellImport {
        var text = ""
        var rowOfLine: [Int: Int] = [:]
        var line = 1
        for row in rows {
            rowOfLine[line] = row.number
            let cells = row.cells.map(tsvCell)
            text += cells.joined(separator: "\t") + "\n"
            line += 1 + cells.reduce(0) { $0 + $1.utf8.filter { $0 == 0x0A }.count }
        }
        func sheetRow(_ line: Int) -> Int { rowOfLine[line] ?? line }
        let table: PlanTableImport.Result
        do {
            table = try PlanTableImport.importText(
                text, fileName: place, layout: .delimited, period: options.period)
        } catch let InputError.badData(location, found, expected) where location.file == place {
            throw InputError.badData(
                location: SourceLocation(
                    file: location.line.map { "\(place), row \(sheetRow($0))" } ?? place,
                    field: location.field), found: found,
                expected: expected.replacingOccurrences(
                    of: "a row of columns separated by tab, ; or ,", with: "a row of cells"))
        }
        var result = assemble(
            prose: [], proseFindings: [], table: table, outline: nil, period: table.period,
            fileName: place)
        if result.period.lowerBound < 1991 {
            throw InputError.badData(
                location: SourceLocation(file: "\(place), row \(sheetRow(table.headerLine))"),
                found: "the plan period \(result.period.lowerBound)-\(result.period.upperBound)",
                expected: "a plan starting in 1991 or later (--period to state it)")
        }
        // Lines of the rendered text → the rows they came from.
        let name = (place as NSString).lastPathComponent
        func relocate(_ finding: PlanTableImport.Finding) -> PlanTableImport.Finding {
            var moved = finding
            moved.line = sheetRow(finding.line)
            return moved
        }
        result.findings = result.findings.map(relocate)
        result.undecided = result.undecided.map(relocate)
        result.table?.findings = table.findings.map(relocate)
        result.table?.headerLine = sheetRow(table.headerLine)
        for index in result.targets.indices {
            let line = result.targets[index].line
            result.targets[index].line = sheetRow(line)
            var source = result.targets[index].target.source
            let suffix = "\(name) line \(line)"
            if source.hasSuffix(suffix) {
                source.removeLast(suffix.count)
                source += "\(name), row \(sheetRow(line))"
                result.targets[index].target.source = source
            }
        }
        if var tableTargets = result.table?.targets {
            for index in tableTargets.indices {
                let source = tableTargets[index].source
                if let range = source.range(of: "\(name) line ", options: .backwards),
                    let line = Int(source[range.upperBound...])
                {
                    tableTargets[index].source =
                        source[..<range.lowerBound] + "\(name), row \(sheetRow(line))"
                }
            }
            result.table?.targets = tableTargets
        }
        return CellImport(result: result, headerRow: sheetRow(table.headerLine))
    }

    /// A cell as a TSV field: quoted (quotes doubled) when it holds a tab, a quote or a line
    /// break; line breaks become `\n`.
    static func tsvCell(_ cell: String) -> String {
        var text = cell
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
        }
        guard text.contains(where: { $0 == "\t" || $0 == "\"" || $0 == "\n" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
