import ArgumentParser
import Foundation
import PlanIO

/// `planforecast import-plan FILE [--output DIR]`: a plan's target table → `targets.csv`.
public struct ImportPlanCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import-plan",
        abstract: "Import a plan's table of targets (like Phụ lục I) into a targets file.",
        discussion: """
        FILE is the plan document as text (the table as tab-separated lines somewhere in it) or \
        the table exported from a spreadsheet as .csv or .tsv (tab, ; or , between columns; \
        UTF-8 or UTF-16). The table needs a header row naming the columns (Số TT, Nội dung \
        chỉ tiêu, Đơn vị tính, Kế hoạch 5 năm 2026 - 2030, Đơn vị tham mưu thực hiện).

        With --output DIR, writes DIR/targets.csv and DIR/import-report.md (creating DIR when \
        missing), each replaced in one step: an interrupted import leaves the previous files \
        as they were. Nothing is written anywhere else. Without --output (or with --output -), \
        the targets go to standard output and the report to standard error.

        Rows the import cannot classify are listed in the report and on standard error; with \
        --strict they make the command fail (exit 65) without writing anything.

        Examples:
          planforecast import-plan ke-hoach-an-hung-2026-2030.txt \\
            --output plans/an-hung-imported
          planforecast import-plan phu-luc-1.csv --period 2026-2030 > targets.csv
        """)

    @Argument(help: "The plan document (.txt) or the exported table (.csv, .tsv).")
    public var file: String

    @Option(name: .shortAndLong, help: "Folder for targets.csv and import-report.md ('-' for standard output).")
    public var output: String?

    @Option(help: "The plan period, e.g. 2026-2030, when the file does not state it (overrides it when it does).")
    public var period: String?

    @Flag(help: "Fail (exit 65) when any row cannot be classified.")
    public var strict = false

    public init() {}

    /// File names written inside --output; fixed, so no input can steer a write elsewhere.
    public static let targetsFileName = "targets.csv"
    public static let reportFileName = "import-report.md"

    public func validate() throws {
        if let period, Self.parsePeriod(period) == nil {
            throw ValidationError("--period: found \"\(period)\"; expected two years such as 2026-2030")
        }
    }

    static func parsePeriod(_ s: String) -> ClosedRange<Int>? {
        let parts = s.split(whereSeparator: { "-–: ".contains($0) }).compactMap { Int($0) }
        guard parts.count == 2, (1990...2100).contains(parts[0]), (1990...2100).contains(parts[1]), parts[0] <= parts[1], parts[1] - parts[0] <= 50 else { return nil }
        return parts[0]...parts[1]
    }

    public func run() throws {
        try reportingErrors { try perform() }
    }

    func perform() throws {
        let result = try PlanTableImport.importFile(
            atPath: file, options: .init(period: period.flatMap(Self.parsePeriod)))
        let name = (file as NSString).lastPathComponent
        let report = PlanTableImport.report(result, fileName: name)
        for f in result.unclassified {
            CLIOutput.note("\(file):\(f.line): not classified\(f.number.isEmpty ? "" : " (row \(f.number))"): \(f.reason)")
        }
        if strict, let first = result.unclassified.first {
            throw InputError.badData(location: SourceLocation(file: file, line: first.line),
                                     found: "\(result.unclassified.count) row(s) that could not be classified (first: \(first.reason))",
                                     expected: "every row of the table to be a target, a heading or a group header (see the messages above)")
        }
        let csv = PlanTableImport.targetsCSV(result.targets)
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(Data(csv.utf8))
            FileHandle.standardError.write(Data(report.utf8))
            return
        }
        let dir = URL(fileURLWithPath: output).standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) {
            if !isDir.boolValue { throw InputError.io(path: output, reason: "exists and is not a folder; --output names a folder") }
        } else {
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw InputError.io(path: output, reason: "cannot create the folder (\((error as NSError).localizedDescription))")
            }
        }
        // Fixed names directly inside DIR: nothing from the input file steers a path. Each is
        // replaced in one step (AtomicFile: unnamed temporary in DIR, linked and renamed);
        // a symlink already at one of these names is replaced, not followed.
        try AtomicFile.write(csv, to: dir.appendingPathComponent(Self.targetsFileName).path)
        try AtomicFile.write(report, to: dir.appendingPathComponent(Self.reportFileName).path)
        CLIOutput.note("import-plan: \(result.targets.count) targets, \(result.unclassified.count) rows not classified → \(dir.appendingPathComponent(Self.targetsFileName).path)")
    }
}
