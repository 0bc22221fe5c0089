/// The JSON shape of a `ForecastRun` (see `ForecastWriter.json`).
struct ForecastJSON: Encodable {
    struct Interval: Encodable { var level_pct: Double; var lower: Double; var upper: Double }
    struct Step: Encodable { var x: Double; var point: Double; var intervals: [Interval] }
    struct Series: Encodable {
        var group: String; var model: String?; var detail: String?; var reason: String?
        var calibrated: Bool; var failure: String?; var forecasts: [Step]
    }
    struct Horizon: Encodable {
        var h: Int; var held_out: Int; var model_coverage_80: Double; var model_coverage_95: Double
        var spread: Double; var degrees_of_freedom: Double?
    }
    struct Candidate: Encodable {
        var model: String; var pooled_scaled_error: Double?; var series_scored: Int
        var held_out_forecasts: Int; var calibration: [Horizon]
    }
    var horizon: Int
    var candidates: [Candidate]
    var series: [Series]

    init(_ run: ForecastRun, levels: [Double]) {
        horizon = run.horizon
        candidates = run.candidates.map { c in
            Candidate(
                model: c.model, pooled_scaled_error: c.pooledScore, series_scored: c.seriesScored,
                held_out_forecasts: c.heldOutErrors,
                calibration: c.calibration?.horizons.map {
                    Horizon(
                        h: $0.step, held_out: $0.count, model_coverage_80: $0.modelCoverage80,
                        model_coverage_95: $0.modelCoverage95, spread: $0.shape.spread,
                        degrees_of_freedom: $0.shape.degreesOfFreedom)
                } ?? [])
        }
        series = run.results.map { r in
            Series(
                group: r.name, model: r.forecast?.method, detail: r.forecast?.detail,
                reason: r.forecast == nil ? nil : r.reason, calibrated: r.calibrated,
                failure: r.failure,
                forecasts: r.distributions.enumerated().map { h, d in
                    Step(
                        x: r.years[h], point: d.point,
                        intervals: levels.map { l in
                            let (lo, hi) = d.interval(level: l)
                            return Interval(level_pct: l * 100, lower: lo, upper: hi)
                        })
                })
        }
    }
}
