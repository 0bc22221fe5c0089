import ArgumentParser
import Foundation
import PlanIO
import PlanModel
import Spreadsheet

/// Options every plan-reading command shares.
public struct PlanOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Plan folder (plan.yaml, indicators.csv, targets.csv, baseline.csv) or plan workbook (.xlsx, as `template` writes). Default: the embedded An Hưng plan.",
            valueName: "DIR"))
    public var plan: String?

    public init() {}

    public func load() throws -> Plan { try Self.load(plan) }

    /// A plan folder (each table a CSV file or a workbook: `targets.xlsx`), or a plan
    /// workbook (`template`), or the embedded plan when nil.
    static func load(_ plan: String?) throws -> Plan {
        if let plan, PlanWorkbookReader.isWorkbook(plan) {
            return try PlanWorkbookReader.read(path: plan)
        }
        return try PlanLoader.load(directory: plan, tables: .csvOrWorkbook)
    }

    /// The plan's own actuals: a plan workbook's `actuals` sheet, or the folder's
    /// `actuals.csv` / `actuals.xlsx` / `actuals-example.csv`; nil when it has none.
    func actualsPath() throws -> String? {
        if let plan, PlanWorkbookReader.isWorkbook(plan) { return plan }
        return try PlanLoader.actualsPath(directory: plan)
    }
}

/// Where results go.
public struct OutputOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write results to this file (written to a temporary file and renamed, never left half-written). `-` or absent: standard output.",
            valueName: "PATH"))
    public var output: String?

    public init() {}

    public func write(_ text: String, bom: Bool = false) throws {
        if let output, output != "-" {
            try AtomicFile.write(text, to: output, bom: bom)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

enum CLIOutput {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("planforecast: error: \(message)\n".utf8))
    }
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("planforecast: \(message)\n".utf8))
    }
    /// True when standard error is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
}

/// `--level` of every command: interval levels in percent, comma-separated (`80,95`).
enum IntervalLevels {
    /// The levels as fractions, ascending, each once (`"95, 80"` → [0.8, 0.95]).
    /// - Throws: `InputError.usage` (exit 64) for an empty list or a value that is not a
    ///   percentage strictly between 0 and 100.
    static func parse(_ text: String) throws -> [Double] {
        var levels: [Double] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let p = part.trimmingCharacters(in: .whitespaces)
            guard let v = Double(p), v > 0, v < 100 else {
                throw InputError.usage(
                    "--level: \"\(p)\" is not a percentage strictly between 0 and 100 (e.g. --level 80,95)"
                )
            }
            if !levels.contains(v / 100) { levels.append(v / 100) }
        }
        return levels.sorted()
    }
}
