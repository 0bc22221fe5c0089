import ArgumentParser
import Foundation
import PlanIO
import TimeSeriesForecasting

/// `planforecast backtest`: rolling-origin scores of several models on a long CSV (the
/// work is in `TimeSeriesForecasting.Backtest`).
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score models by rolling-origin evaluation: sMAPE, MASE, interval coverage.",
        discussion: """
            For each origin j = 0…K-1 every series loses its last H + j values; each
            model (auto included: its choice and calibration see only the rest)
            forecasts H years, scored against the values held back. One origin is
            the M3 competition's design.

            CSV (standard output or --output), one row per model and horizon and an
            overall row (h = all):
              model,h,n,smape,mase,coverage_80,width_80,coverage_95,width_95
            --summary FILE.md or FILE.html writes a summary (HTML with an SVG chart
            of sMAPE and coverage by horizon). Details: docs/forecasting.md.

            Example:
              planforecast backtest --input series.csv --x year --y value \\
                --group series --horizon 6 --models naive,drift,theta,auto \\
                --summary backtest.html
            """)

    @OptionGroup var seriesFile: SeriesFileOptions
    @Option(help: ArgumentHelp("Steps (years) ahead, 1…100.", valueName: "H")) var horizon: Int
    @Option(
        help: ArgumentHelp(
            "Models, comma-separated (auto and any of `forecast`'s).", valueName: "M,M"))
    var models: String = "naive,drift,theta,damped,auto"
    @Option(
        help: ArgumentHelp("Rolling origins (1 = hold out the last H values once).", valueName: "K")
    ) var origins: Int = 1
    @Option(help: ArgumentHelp("Interval levels in percent, comma-separated.", valueName: "L,L"))
    var level: String = "80,95"
    @Option(help: "pooled (calibrated intervals) or none.") var calibration: CalibrationMode =
        .pooled
    @Option(
        help: ArgumentHelp(
            "Write a Markdown (.md) or HTML (.html) summary here.", valueName: "PATH")) var summary:
        String?
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingErrors {
            guard (1...100).contains(origins) else {
                throw InputError.usage("--origins \(origins): expected 1…100")
            }
            let levels = try ForecastOptions.levels(level)
            let names = models.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard !names.isEmpty else {
                throw InputError.usage("--models: name at least one model")
            }
            let setups = try names.map { name in
                Backtest.Setup(
                    label: name,
                    forecaster: try ForecastOptions.forecaster(
                        model: name, horizon: horizon, origins: 10, calibration: calibration))
            }
            if let summary, !(summary.hasSuffix(".md") || summary.hasSuffix(".html")) {
                throw InputError.usage(
                    "--summary \(summary): expected a path ending in .md or .html")
            }
            let raw = try ForecastOptions.readSeries(seriesFile)
            let series = raw.compactMap { s -> YearlySeries? in
                let order = s.x.indices.sorted { s.x[$0] < s.x[$1] }
                return try? YearlySeries(
                    name: s.name, x: order.map { s.x[$0] }, y: order.map { s.y[$0] })
            }
            if series.count < raw.count {
                CLIOutput.note("\(raw.count - series.count) series skipped (repeated years)")
            }
            let result = Backtest(
                setups: setups, horizon: horizon, origins: origins, levels: levels
            ).run(series)
            let writer = BacktestWriter()
            try outputOptions.write(writer.csv(result))
            if let summary {
                try AtomicFile.write(
                    summary.hasSuffix(".html") ? writer.html(result) : writer.markdown(result),
                    to: summary)
            }
        }
    }
}
