import ArgumentParser
import Foundation
import PlanIO
import PlanModel
import Spreadsheet

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract:
            "Write a plan workbook (.xlsx) to fill in: plan, indicators, targets, baseline, actuals.",
        discussion: """
            The sheets hold the plan folder's columns, with drop-down lists for measure,
            kind, comparator, direction and source, and a note on every header cell in
            Vietnamese and English. With --plan the sheets are filled from that plan (and
            its example actuals). Every command accepts the workbook as --plan FILE.xlsx,
            and review reads its actuals sheet when no --actuals is given.

            Examples:
              planforecast template --output plan.xlsx
              planforecast template --plan Notebooks-data/plans/an-hung --output an-hung.xlsx
              planforecast review --plan an-hung.xlsx
            """)

    @OptionGroup var planOptions: PlanOptions
    @Flag(help: "Leave the sheets empty (headers, lists and notes only), even with --plan.")
    var empty = false
    @Option(
        name: .shortAndLong, help: ArgumentHelp("The workbook to write (.xlsx).", valueName: "PATH")
    ) var output: String

    func run() throws {
        try reportingErrors {
            guard !empty else { return try PlanTemplate.write(plan: nil, to: output) }
            let plan = try planOptions.load()
            let actualsPath = try planOptions.actualsPath()
            let actuals =
                try actualsPath.map {
                    try ActualsInput.read(path: $0, plan: plan, decimalMark: .point)
                } ?? []
            try PlanTemplate.write(plan: plan, actuals: actuals, to: output)
        }
    }
}
