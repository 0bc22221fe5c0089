import ArgumentParser
import Foundation
import PlanIO
import Spreadsheet

/// `planforecast check [--plan DIR] [--actuals CSV]`: what a plan folder lacks for a review.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a plan folder: list, per target, what a review still needs.",
        discussion: """
            Loads the plan folder (any error names file, line and field) and lists every target \
            with no baseline, no actuals, no unit or no figure. Exit 0 when the plan is usable \
            for a review, 65 when something is missing or the folder does not load.

            Examples:
              planforecast import-plan ke-hoach.txt --output imported
              planforecast check --plan imported
            """)

    @OptionGroup public var planOptions: PlanOptions

    @Option(
        help: ArgumentHelp(
            "Actuals CSV or .xlsx (default: the folder's actuals.csv, actuals.xlsx or actuals-example.csv).",
            valueName: "FILE"))
    public var actuals: String?

    @Option(
        help: ArgumentHelp(
            "With a workbook's actuals: the sheet, by name or 1-based number (default: the sheet named actuals, else the first).",
            valueName: "NAME|INDEX"))
    public var sheet: String?

    public init() {}

    public func run() throws {
        try reportingErrors {
            // A folder of CSV files or workbooks, or a plan workbook; actuals likewise.
            let plan = try planOptions.load()
            let path = try actuals ?? planOptions.actualsPath()
            let observations =
                try path.map { try ActualsInput.read(path: $0, plan: plan, sheet: sheet) } ?? []
            let report = PlanCheck.check(plan: plan, actuals: observations, actualsPath: path)
            FileHandle.standardOutput.write(Data(report.text.utf8))
            if !report.isUsable { throw ExitCode(65) }
        }
    }
}
