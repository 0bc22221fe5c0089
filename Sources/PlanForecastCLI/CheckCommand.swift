import ArgumentParser
import Foundation
import PlanIO

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
            "Actuals CSV (default: the folder's actuals.csv or actuals-example.csv).",
            valueName: "CSV"))
    public var actuals: String?

    public init() {}

    public func run() throws {
        try reportingErrors {
            let report = try PlanCheck.check(directory: planOptions.plan, actualsPath: actuals)
            FileHandle.standardOutput.write(Data(report.text.utf8))
            if !report.isUsable { throw ExitCode(65) }
        }
    }
}
