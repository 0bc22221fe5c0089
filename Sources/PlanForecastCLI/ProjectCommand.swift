import ArgumentParser
import Forecasting
import PlanIO
import PlanModel
import Reports

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Project every indicator from the baseline, year by year, under scenarios.",
        discussion: """
            Without --scenario, runs the plan's own low, middle and high assumptions
            (plan-low, plan-mid, plan-high: the low end, middle and high end of every
            growth range in the targets). Production value is projected by sector and
            the total is their sum. Indicators without a driver follow the path that
            just reaches their level target. An indicator with no baseline value (an
            imported plan's baseline.csv starts empty) is not projected: the findings
            list it with its targets as "insufficient data", and the plan's scenarios
            leave its growth driver out. Exit 0 whenever the plan loads; 65 when a
            --scenario file drives an indicator that has no baseline value.

            CSV views (tidy: one row per plan, scenario, indicator or target, year):
              paths     plan, scenario, indicator, name_en, unit, year, value,
                        growth_pct, basis, path_target, illustrative
              outcomes  per target: projected value, met, required growth
              findings  consistency checks of the targets given the baseline

            Examples:
              planforecast project
              planforecast project --format csv --output paths.csv
              planforecast project --scenario Scenarios/plan-high.yaml \\
                --format csv --view outcomes
            """)

    @OptionGroup var planOptions: PlanOptions
    @Option(
        name: .long, parsing: .singleValue,
        help: ArgumentHelp(
            "Scenario file (YAML); repeat for several. Default: plan-low, plan-mid, plan-high.",
            valueName: "FILE"))
    var scenario: [String] = []
    @Option(help: "table, csv or xlsx (all three views as sheets; needs --output).") var format:
        Format = .table
    @Option(help: "With --format csv: paths, outcomes or findings.") var view: View = .paths
    @OptionGroup var outputOptions: OutputOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, xlsx }
    enum View: String, ExpressibleByArgument, CaseIterable { case paths, outcomes, findings }

    func run() throws {
        try reportingErrors {
            let plan = try planOptions.load()
            // The plan's own scenarios leave out what has no baseline (an imported plan's
            // empty baseline.csv) and say so; a scenario file is taken as written.
            var dropped: [String] = []
            let scenarios =
                try scenario.isEmpty
                ? PlanAssumption.allCases.map {
                    let (kept, gone) = $0.scenario(for: plan).keepingDriversWithBaseline(in: plan)
                    dropped = gone
                    return kept
                }
                : scenario.map { try ScenarioReader.read(path: $0, plan: plan) }
            let projections = try scenarios.map { try Projector.project(plan: plan, scenario: $0) }
            let findings =
                ConsistencyChecker.check(plan)
                + ProjectionGaps.findings(
                    plan: plan, projections: projections, droppedDrivers: dropped)
            switch (format, view) {
            case (.table, _):
                try outputOptions.write(
                    PlanTables.projectionTable(projections, plan: plan, findings: findings))
            case (.csv, .paths): try outputOptions.write(PlanTables.pathsCSV(projections))
            case (.csv, .outcomes): try outputOptions.write(PlanTables.outcomesCSV(projections))
            case (.csv, .findings):
                try outputOptions.write(PlanTables.findingsCSV(findings, plan: plan))
            case (.xlsx, _):
                try OfficeFormat.writeWorkbook(
                    { try CommandWorkbooks.project(projections, plan: plan, findings: findings) },
                    output: outputOptions.output)
            }
        }
    }
}
