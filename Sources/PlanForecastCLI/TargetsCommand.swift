import ArgumentParser
import PlanIO
import Reports

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "List a plan's targets.",
        discussion: """
            Every target of section II.1 and every row of the plan's target appendix,
            with kind (growth, level, maintained, qualitative), requirement, years and
            responsible unit. Growth targets are in percent per year.

            Examples:
              planforecast targets
              planforecast targets --format csv --output targets.csv
              planforecast targets --plan Notebooks-data/plans/my-commune --format json
            """)

    @OptionGroup var planOptions: PlanOptions
    @Option(help: "table, csv, json or xlsx.") var format: TargetsFormat = .table
    @OptionGroup var outputOptions: OutputOptions

    enum TargetsFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json, xlsx }

    func run() throws {
        try reportingErrors {
            let plan = try planOptions.load()
            switch format {
            case .table: try outputOptions.write(PlanTables.targetsTable(plan))
            case .csv: try outputOptions.write(TargetsFile.csv(plan.targets))
            case .json: try outputOptions.write(PlanTables.targetsJSON(plan))
            case .xlsx:
                try OfficeFormat.writeWorkbook(
                    { try CommandWorkbooks.targets(plan) }, output: outputOptions.output)
            }
        }
    }
}
