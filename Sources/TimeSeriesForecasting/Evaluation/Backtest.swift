import Foundation

/// Rolling-origin backtest of several forecasting set-ups on a file of series: for each
/// origin j = 0…`origins` − 1, every series loses its last H + j values, the whole
/// forecasting run (choice, pooling and calibration included) sees only what is left,
/// and its forecasts of the next H years are scored against the values held back. With
/// one origin this is the M3 competition's design (train on all but the last H years).
///
/// Scores (Makridakis & Hibon 2000; Hyndman & Koehler 2006): sMAPE = 200|y − f|/(|y| + |f|)
/// in percent, MASE = |y − f| / (mean |first difference| of the training part); coverage
/// = share of held-back values inside each interval; width = (upper − lower) / that
/// MASE scale. Per step h and overall (the mean over every scored forecast, which is the
/// competition's mean of per-series means when every series has all H steps).
///
/// Invariants: 0 ≤ sMAPE ≤ 200; 0 ≤ coverage ≤ 1; a series too short for an origin
/// (fewer than `minimumTraining` values left) is skipped at that origin and counted.
public struct Backtest: Sendable {
    public struct Setup: Sendable {
        public let label: String
        public let forecaster: SeriesForecaster
        public init(label: String, forecaster: SeriesForecaster) {
            self.label = label; self.forecaster = forecaster
        }
    }

    public let setups: [Setup]
    public let horizon: Int
    public let origins: Int
    public let levels: [Double]
    public let minimumTraining: Int

    public init(
        setups: [Setup], horizon: Int, origins: Int = 1, levels: [Double] = [0.8, 0.95],
        minimumTraining: Int = 3
    ) {
        self.setups = setups; self.horizon = horizon; self.origins = origins
        self.levels = levels; self.minimumTraining = minimumTraining
    }

    public func run(_ series: [YearlySeries]) -> BacktestResult {
        var rows: [BacktestResult.Row] = []
        for setup in setups {
            var records: [ScoredForecast] = []
            var skipped = 0, unforecast = 0
            var chosen: [String: Int] = [:]
            for j in 0..<origins {
                let cut = horizon + j
                var training: [YearlySeries] = [], held: [[Double]] = []
                for s in series {
                    guard s.count - cut >= minimumTraining else { skipped += 1; continue }
                    training.append(s.prefix(s.count - cut))
                    held.append(Array(s.y[(s.count - cut)..<(s.count - cut + horizon)]))
                }
                let run = setup.forecaster.run(training)
                for (k, result) in run.results.enumerated() {
                    guard result.forecast != nil else { unforecast += 1; continue }
                    chosen[result.method, default: 0] += 1
                    let scale = AccuracyMeasures.naiveScale(training[k].y)
                    for (h, d) in result.distributions.enumerated() {
                        records.append(
                            ScoredForecast(
                                step: h + 1, actual: held[k][h], distribution: d,
                                scale: scale, levels: levels))
                    }
                }
            }
            rows += BacktestResult.summarize(
                label: setup.label, records: records, horizon: horizon, levels: levels,
                skipped: skipped, unforecast: unforecast, chosen: chosen)
        }
        return BacktestResult(horizon: horizon, origins: origins, levels: levels, rows: rows)
    }
}

/// One held-back value and its forecast.
struct ScoredForecast {
    let step: Int
    let symmetricAPE: Double
    let scaledError: Double?
    let inside: [Bool]
    let scaledWidth: [Double?]

    init(
        step: Int, actual: Double, distribution d: ForecastDistribution, scale: Double?,
        levels: [Double]
    ) {
        self.step = step
        symmetricAPE = AccuracyMeasures.symmetricAPE(actual: actual, forecast: d.point)
        scaledError = scale.map { abs(actual - d.point) / $0 }
        var inside: [Bool] = [], widths: [Double?] = []
        for level in levels {
            let (lo, hi) = d.interval(level: level)
            inside.append(lo <= actual && actual <= hi)
            widths.append(scale.map { (hi - lo) / $0 })
        }
        self.inside = inside; scaledWidth = widths
    }
}
