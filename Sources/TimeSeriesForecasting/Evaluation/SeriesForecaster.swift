import Foundation

/// Forecasts a file of series: one model for all, or `auto` (per-series choice by
/// rolling-origin skill, `ModelSelection`), with intervals calibrated on the pooled
/// held-out errors of the same horizon (`IntervalCalibration`).
///
/// ```swift
/// let s = try YearlySeries(name: "income", x: [2019, 2020, 2021, 2022, 2023, 2024],
///                          y: [10, 11, 12.5, 13, 14.2, 15])
/// let run = SeriesForecaster(choice: .auto(ModelSelection(candidates: …)), horizon: 6)
///     .run([s])
/// run.results[0].distributions[5].probability(atLeast: 20)   // P(2030 value ≥ 20)
/// ```
/// Invariants: one result per input series, in input order; a result has either
/// `horizon` distributions or a `failure` reason; with `calibrate` off the distributions are
/// the model's own.
public struct SeriesForecaster: Sendable {
    public enum Choice: Sendable {
        case single(any SeriesModel)
        case auto(ModelSelection)
    }

    public let choice: Choice
    public let horizon: Int
    public let calibrate: Bool
    public let evaluation: RollingOrigin
    /// The weight of the held-out quantiles against the model's own (`IntervalCalibration`).
    public let calibrationWeight: Double

    public init(
        choice: Choice, horizon: Int, calibrate: Bool = true, evaluation: RollingOrigin? = nil,
        calibrationWeight: Double = 0.6
    ) {
        precondition(horizon >= 1, "the horizon is at least one step")
        self.choice = choice; self.horizon = horizon; self.calibrate = calibrate
        self.calibrationWeight = calibrationWeight
        self.evaluation = evaluation ?? RollingOrigin(horizon: horizon)
    }

    var candidates: [any SeriesModel] {
        switch choice {
        case .single(let m): return [m]
        case .auto(let s): return s.candidates
        }
    }

    public func run(_ series: [YearlySeries]) -> ForecastRun {
        let models = candidates
        let needErrors: Bool
        if case .auto = choice { needErrors = true } else { needErrors = calibrate }
        // 1. Held-out errors of every candidate on every series.
        let errors: [[[HeldOutError]]] =
            needErrors
            ? ParallelMap.map(series.count, minimumChunk: 16) { i in
                models.map { evaluation.errors(of: $0, on: series[i]) }
            }
            : series.map { _ in models.map { _ in [] } }
        // 2. Scores and the pooled evidence.
        let yardsticks = ModelSelection.yardsticks(errors.map(ModelSelection.evidence))
        let own = errors.map { ModelSelection.ownScores($0, yardsticks: yardsticks) }
        let pooled = ModelSelection.pooledScores(own, candidates: models.count)
        // 3. Calibration per candidate from all series' errors.
        let calibrations: [IntervalCalibration?] = models.indices.map { c in
            calibrate
                ? IntervalCalibration(
                    errors: errors.flatMap { $0[c] }, horizon: horizon,
                    empiricalWeight: calibrationWeight) : nil
        }
        // 4. The final forecast per series.
        let results = ParallelMap.map(series.count, minimumChunk: 16) { i -> SeriesResult in
            forecastOne(
                series[i], models: models, own: own[i], pooled: pooled, calibrations: calibrations,
                seriesCount: series.count)
        }
        let evidence = models.indices.map { c in
            ForecastRun.CandidateEvidence(
                model: models[c].name, pooledScore: pooled[c],
                seriesScored: own.filter { $0[c] != nil }.count,
                heldOutErrors: errors.reduce(0) { $0 + $1[c].count },
                calibration: calibrations[c])
        }
        return ForecastRun(horizon: horizon, results: results, candidates: evidence)
    }

    func forecastOne(
        _ s: YearlySeries, models: [any SeriesModel], own: [(mean: Double, count: Int)?],
        pooled: [Double?], calibrations: [IntervalCalibration?], seriesCount: Int
    ) -> SeriesResult {
        let years = s.forecastYears(horizon: horizon)
        let order: [(index: Int, score: Double)]
        switch choice {
        case .single: order = [(0, own[0]?.mean ?? .nan)]
        case .auto(let selection): order = selection.ranking(own: own, pooled: pooled)
        }
        var failures: [String] = []
        for (rank, entry) in order.enumerated() {
            let model = models[entry.index]
            do {
                let f = try model.forecast(s, horizon: horizon)
                let shapes = (1...horizon).map { h in calibrations[entry.index]?.shape(step: h) }
                let distributions = (1...horizon).map { h -> ForecastDistribution in
                    let d = f.distribution(h)
                    guard let shape = shapes[h - 1] else { return d }
                    return ForecastDistribution(
                        scale: d.scale, center: d.center,
                        standardDeviation: d.standardDeviation, shape: shape)
                }
                let reason = explain(
                    rank: rank, order: order, models: models, own: own, pooled: pooled,
                    seriesCount: seriesCount, failures: failures)
                return SeriesResult(
                    name: s.name, years: years, forecast: f, distributions: distributions,
                    reason: reason, failure: nil, calibrated: shapes.contains { $0 != nil })
            } catch {
                failures.append("\(error)")
            }
        }
        return SeriesResult(
            name: s.name, years: years, forecast: nil, distributions: [],
            reason: "", failure: failures.joined(separator: "; "), calibrated: false)
    }

    func explain(
        rank: Int, order: [(index: Int, score: Double)], models: [any SeriesModel],
        own: [(mean: Double, count: Int)?], pooled: [Double?], seriesCount: Int, failures: [String]
    ) -> String {
        guard case .auto = choice else { return "model chosen by the user" }
        let chosen = order[rank]
        func describe(_ c: Int) -> String {
            let o =
                own[c].map {
                    String(format: "%.3g own over %d held-out forecasts", $0.mean, $0.count)
                } ?? "no own held-out forecast"
            let p =
                pooled[c].map { String(format: ", %.3g pooled over %d series", $0, seriesCount) }
                ?? ""
            return o + p
        }
        var text = String(
            format: "least rolling-origin error score %.3g (%@; 1 = the file's average)",
            chosen.score, describe(chosen.index))
        if let next = order.dropFirst(rank + 1).first, next.score.isFinite {
            text += String(format: "; next %@ %.3g", models[next.index].name, next.score)
        }
        if !failures.isEmpty {
            text += "; better-scored models could not fit: " + failures.joined(separator: "; ")
        }
        return text
    }
}

/// The forecast of one series.
public struct SeriesResult: Sendable {
    public let name: String
    /// The forecast years (last year + h·step).
    public let years: [Double]
    /// The chosen model's own forecast (nil when no model fitted).
    public let forecast: ModelForecast?
    /// One per step, calibrated when `calibrated`.
    public let distributions: [ForecastDistribution]
    /// Why this model (auto) or "model chosen by the user".
    public let reason: String
    /// Why there is no forecast (nil when there is one).
    public let failure: String?
    public let calibrated: Bool

    public var method: String { forecast?.method ?? "" }
}

/// The results of a `SeriesForecaster` run, with the evidence behind the choices.
public struct ForecastRun: Sendable {
    public struct CandidateEvidence: Sendable {
        public let model: String
        public let pooledScore: Double?
        public let seriesScored: Int
        public let heldOutErrors: Int
        public let calibration: IntervalCalibration?
    }
    public let horizon: Int
    public let results: [SeriesResult]
    public let candidates: [CandidateEvidence]

    /// How many series chose each model, most chosen first.
    public var choiceCounts: [(model: String, count: Int)] {
        var counts: [String: Int] = [:]
        for r in results where r.failure == nil { counts[r.method, default: 0] += 1 }
        return counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { ($0.key, $0.value) }
    }
}
