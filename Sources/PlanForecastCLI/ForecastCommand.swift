import ArgumentParser
import Foundation
import PlanIO
import Spreadsheet
import TimeSeriesForecasting

/// `planforecast forecast`: point forecasts and calibrated intervals for one series or
/// every group of a long CSV (the work is in `TimeSeriesForecasting`).
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast yearly series h = 1…H with calibrated 80 %/95 % intervals.",
        discussion: """
            Models: naive (last value), drift (random walk with drift), cagr
            (constant growth from the end points), linear, exponential,
            logistic[:BOUND] (least-squares trends), ses, holt, damped
            (Gardner-McKenzie), theta (Assimakopoulos-Nikolopoulos), ets (chosen by
            AICc), comb (mean of ses, holt, damped), mean(a+b+...), median(a+b+...).
            auto (the default) picks per series by rolling-origin skill on the
            series' own past, pooling the evidence over the file's series; the table
            and JSON say which model and why.

            Intervals are calibrated: the model's own spread, reshaped so that its
            held-out errors at the same horizon (pooled over the file's series) fall
            inside at the nominal rates. --calibration none gives the model's own.

            CSV output, one row per group and year:
              group,x,model,point,lo_80,hi_80,lo_95,hi_95,note
            Details: docs/forecasting.md.

            Examples:
              planforecast forecast --input gdp.csv --x year --y value --horizon 6
              planforecast forecast --input actuals.csv --x year --y value \\
                --group indicator --horizon 5 --model theta --format csv
            """)

    @OptionGroup var seriesFile: SeriesFileOptions
    @Option(help: ArgumentHelp("Steps (years) ahead, 1…100.", valueName: "H")) var horizon: Int
    @Option(help: ArgumentHelp("auto or a model (see above).", valueName: "MODEL")) var model:
        String = "auto"
    @Option(help: ArgumentHelp("Interval levels in percent, comma-separated.", valueName: "L,L"))
    var level: String = "80,95"
    @Option(help: "pooled (calibrate intervals on held-out errors) or none.") var calibration:
        CalibrationMode = .pooled
    @Option(
        help: ArgumentHelp(
            "Weight of the held-out errors against the model's own spread, 0…1.", valueName: "W"))
    var calibrationWeight: Double = 0.6
    @Option(
        help: ArgumentHelp("Rolling origins per series for auto and calibration.", valueName: "K"))
    var origins: Int = 10
    @Option(
        help: ArgumentHelp(
            "auto: weight of the file's pooled evidence in held-out forecasts; inf (default): one choice from the pooled evidence; 0: each series on its own past.",
            valueName: "K"))
    var poolingWeight: Double = .infinity
    @Option(help: "table, csv, json or xlsx (the CSV as a sheet; needs --output).")
    var format: ForecastFormat = .table
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingErrors {
            let forecaster = try ForecastOptions.forecaster(
                model: model, horizon: horizon, origins: origins,
                calibration: calibration, poolingWeight: poolingWeight,
                calibrationWeight: calibrationWeight)
            let levels = try ForecastOptions.levels(level)
            let series = try ForecastOptions.readSeries(seriesFile)
            let run = forecaster.run(raw: series)
            let writer = ForecastWriter(levels: levels)
            let data: Data
            switch format {
            case .csv: data = Data(writer.csv(run))
            case .table: data = Data(writer.table(run).utf8)
            case .json: data = try writer.json(run)
            case .xlsx:
                let csv = String(decoding: writer.csv(run), as: UTF8.self)
                try OfficeFormat.writeWorkbook(
                    { [try OutputSheet(csv: csv, name: "forecast")] }, output: outputOptions.output)
                return
            }
            if let path = outputOptions.output, path != "-" {
                try AtomicFile.write(data, to: path)
            } else {
                FileHandle.standardOutput.write(data)
            }
            if case .auto = forecaster.choice, run.results.count > 1 {
                CLIOutput.note(
                    "auto chose "
                        + run.choiceCounts.map { "\($0.model) for \($0.count)" }.joined(
                            separator: ", "))
            }
        }
    }
}

enum ForecastFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json, xlsx }
enum CalibrationMode: String, ExpressibleByArgument, CaseIterable { case pooled, none }

/// Option parsing shared by `forecast` and `backtest`.
enum ForecastOptions {
    static func model(_ name: String, poolingWeight: Double = .infinity) throws
        -> SeriesForecaster.Choice
    {
        if name.lowercased() == "auto" {
            guard poolingWeight >= 0 && !poolingWeight.isNaN else {
                throw InputError.usage("--pooling-weight \(poolingWeight): expected a number ≥ 0")
            }
            return .auto(
                ModelSelection(
                    candidates: try ModelSelection.standardCandidates.map {
                        try ModelMenu.model(named: $0)
                    },
                    poolingWeight: poolingWeight))
        }
        do { return .single(try ModelMenu.model(named: name)) } catch {
            throw InputError.usage("--model \(name): \(error)")
        }
    }

    static func forecaster(
        model: String, horizon: Int, origins: Int, calibration: CalibrationMode,
        poolingWeight: Double = .infinity, calibrationWeight: Double = 0.6
    ) throws -> SeriesForecaster {
        guard (0...1).contains(calibrationWeight) else {
            throw InputError.usage(
                "--calibration-weight \(calibrationWeight): expected a number from 0 to 1")
        }
        guard (1...100).contains(horizon) else {
            throw InputError.usage("--horizon \(horizon): expected 1…100 steps")
        }
        guard (1...100).contains(origins) else {
            throw InputError.usage("--origins \(origins): expected 1…100")
        }
        return SeriesForecaster(
            choice: try self.model(model, poolingWeight: poolingWeight), horizon: horizon,
            calibrate: calibration == .pooled,
            evaluation: RollingOrigin(horizon: horizon, maximumOrigins: origins),
            calibrationWeight: calibrationWeight)
    }

    static func levels(_ text: String) throws -> [Double] { try IntervalLevels.parse(text) }

    /// Reads the series with the one series reader `fit` uses (`PlanIO.SeriesReader`:
    /// one streaming pass, located errors).
    static func readSeries(_ file: SeriesFileOptions) throws -> [SeriesForecaster.RawSeries] {
        let series = try file.read()
        return series.map { SeriesForecaster.RawSeries(name: $0.name, x: $0.x, y: $0.y) }
    }
}
