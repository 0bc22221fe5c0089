import ArgumentParser

/// `planforecast`: forecasting and simulation for local five-year development plans.
public struct PlanForecastCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "planforecast",
        abstract: "Forecast and review the numeric targets of a local five-year plan.",
        discussion: """
            Units: growth in percent per year in files and output; levels in each indicator's
            own unit. Years are calendar years; the baseline year is the year before the plan.
            Exit codes: 0 success, 64 usage, 65 bad input data, 74 I/O failure.
            Shell completion: planforecast --generate-completion-script bash|zsh|fish.
            """,
        version: Version.text,
        subcommands: [
            MainJobCommand.self,
            ReviewCommand.self,
            ProjectCommand.self,
            TargetsCommand.self,
            FitCommand.self,
            ForecastCommand.self,
            BacktestCommand.self,
            SweepCommand.self,
            ImportPlanCommand.self,
            CheckCommand.self,
            TemplateCommand.self,
            BenchCommand.self,
            ServeCommand.self
        ],
        defaultSubcommand: MainJobCommand.self
    )
    public init() {}
}
