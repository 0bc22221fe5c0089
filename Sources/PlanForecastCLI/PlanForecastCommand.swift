import ArgumentParser

/// `planforecast`: forecasting and simulation for local five-year development plans.
public struct PlanForecastCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "planforecast",
        abstract: "Forecast and review the numeric targets of a local five-year plan.",
        subcommands: []
    )
    public init() {}
}
