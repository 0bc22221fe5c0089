import ArgumentParser
import Foundation
import PlanIO
import Spreadsheet

/// `planforecast import-plan FILE [--output DIR]`: a plan document → a plan folder.
public struct ImportPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import-plan",
        abstract: "Import a plan document (targets in prose and tables) into a plan folder.",
        discussion: """
            FILE is the plan document as text: its targets section (a heading naming \
            "chỉ tiêu", then numbered or bulleted statements: (1), 1., 1-, -, *) and any target \
            table in it (tab-separated lines with Số TT, Nội dung chỉ tiêu, Đơn vị tính, Kế \
            hoạch … columns) are read and merged; or a table exported from a spreadsheet as .csv \
            or .tsv (tab, ; or , between columns; UTF-8 or UTF-16); or a workbook (.xlsx) \
            whose sheet holds the table (--sheet NAME|INDEX; default: the first sheet named \
            like "Phụ lục", else the first), read as its CSV export would be, with messages \
            naming the sheet and row.

            With --output DIR, writes a plan folder: plan.yaml, indicators.csv, targets.csv, \
            baseline.csv and actuals.csv (templates with empty values to fill) and \
            import-report.md, creating DIR when missing; each file is replaced in one step. \
            Without --output (or with --output -), the targets go to standard output and the \
            report to standard error.

            Statements the import cannot classify are listed in the report and on standard \
            error with their line; with --strict they make the command fail (exit 65) without \
            writing anything. Then `planforecast check --plan DIR` lists what to fill.

            Examples:
              planforecast import-plan ke-hoach-an-hung-2026-2030.txt \\
                --output plans/an-hung-imported
              planforecast import-plan phu-luc-1.csv --period 2026-2030 > targets.csv
            """)

    @Argument(
        help:
            "The plan document (.txt, .md), the exported table (.csv, .tsv) or a workbook (.xlsx).")
    public var file: String

    @Option(
        help: ArgumentHelp(
            "With an .xlsx FILE: the sheet holding the table, by name or 1-based number.",
            valueName: "NAME|INDEX"))
    public var sheet: String?

    @Option(
        name: .shortAndLong,
        help: "Folder for the plan files ('-' for the targets on standard output).")
    public var output: String?

    @Option(
        help:
            "The plan period, e.g. 2026-2030, when the file does not state it (overrides it when it does)."
    )
    public var period: String?

    @Flag(help: "Fail (exit 65) when any statement or row cannot be classified.")
    public var strict = false

    public init() {}

    public func validate() throws {
        if let period, Self.parsePeriod(period) == nil {
            throw ValidationError(
                "--period: found \"\(period)\"; expected two years such as 2026-2030")
        }
    }

    static func parsePeriod(_ s: String) -> ClosedRange<Int>? {
        let parts = s.split(whereSeparator: { "-–: ".contains($0) }).compactMap { Int($0) }
        guard parts.count == 2, (1990...2100).contains(parts[0]), (1990...2100).contains(parts[1]),
            parts[0] <= parts[1], parts[1] - parts[0] <= 50
        else { return nil }
        return parts[0]...parts[1]
    }

    public func run() throws {
        try reportingErrors { try perform() }
    }

    func perform() throws {
        let options = PlanDocumentImport.Options(period: period.flatMap(Self.parsePeriod))
        let result: PlanDocumentImport.Result
        // Where a finding's line is: `file:12` in a text, `file, sheet "S", row 12` in a workbook.
        let place: (Int) -> SourceLocation
        if Workbook.looksLikeWorkbook(path: file) {
            let imported = try PlanTableSheet.importWorkbook(
                path: file, sheet: sheet, options: options)
            result = imported.result
            place = { SourceLocation(file: "\(imported.place), row \($0)") }
        } else {
            if sheet != nil {
                throw InputError.usage("--sheet applies to a workbook (.xlsx); \(file) is not one")
            }
            result = try PlanDocumentImport.importFile(atPath: file, options: options)
            place = { SourceLocation(file: file, line: $0) }
        }
        let name = (file as NSString).lastPathComponent
        for f in result.unclassified {
            CLIOutput.note(
                "\(place(f.line)): not classified\(f.number.isEmpty ? "" : " (\(f.number))"): \(f.reason)"
            )
        }
        if strict, let first = result.unclassified.first {
            throw InputError.badData(
                location: place(first.line),
                found:
                    "\(result.unclassified.count) statement(s) or row(s) that could not be classified (first: \(first.reason))",
                expected: "every statement to be a target (see the messages above)")
        }
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(
                Data(PlanTableImport.targetsCSV(result.targets.map(\.target)).utf8))
            FileHandle.standardError.write(
                Data(PlanDocumentImport.report(result, fileName: name).utf8))
            return
        }
        try PlanFolderWriter.write(result, fileName: file, to: output)
        CLIOutput.note(
            "import-plan: \(result.targets.count) targets, \(result.indicators.count) indicators, \(result.unclassified.count) not classified → \(output) (then: planforecast check --plan \(output))"
        )
    }
}
