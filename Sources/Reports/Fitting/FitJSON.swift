import Foundation
import PlanIO
import PlanModel
import Regression

extension FitRunner {
    static func json<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try enc.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

}

struct GroupJSON: Encodable {
    var group: String
    var status: String
    var message: String?
    var fit: FitJSON?
}

/// JSON form of one fit (growth and levels in percent, as everywhere in output).
struct FitJSON: Encodable {
    struct Coefficient: Encodable { var name: String; var estimate: Double; var std_error: Double? }
    struct Interval: Encodable { var level_pct: Double; var lower: Double; var upper: Double }
    struct Growth: Encodable { var rate_pct: Double; var intervals: [Interval] }
    struct Forecast: Encodable {
        var x: Double; var point: Double; var point_is_median: Bool
        var mean: [Interval]; var prediction: [Interval]
    }
    var series: String
    var model: String
    var n: Int
    var df: Int
    var coefficients: [Coefficient]
    var residual_sd: Double?
    var r_squared: Double?
    var adj_r_squared: Double?
    var condition_estimate: Double
    var growth: Growth?
    var forecasts: [Forecast]
    var no_interval_reason: String?

    init(_ f: TrendFit, spec: FitSpec, xs: [Double]) {
        let r = f.regression
        series = f.series; model = f.model.description
        n = r.observationCount; df = r.residualDegreesOfFreedom
        coefficients = f.coefficients.enumerated().map {
            Coefficient(
                name: "b\($0.offset)", estimate: $0.element, std_error: r.standardErrors?[$0.offset]
            )
        }
        residual_sd = r.residualStandardDeviation; r_squared = r.rSquared;
        adj_r_squared = r.adjustedRSquared
        condition_estimate = r.conditionEstimate
        growth = f.growthRate(levels: spec.levels).map { g in
            Growth(
                rate_pct: g.rate * 100,
                intervals: g.intervals.map {
                    Interval(
                        level_pct: $0.level * 100, lower: $0.lower * 100, upper: $0.upper * 100)
                })
        }
        forecasts = f.forecast(at: xs, levels: spec.levels).map { fc in
            Forecast(
                x: fc.x, point: fc.point, point_is_median: fc.pointIsMedian,
                mean: fc.intervals.map {
                    Interval(level_pct: $0.level * 100, lower: $0.meanLower, upper: $0.meanUpper)
                },
                prediction: fc.intervals.map {
                    Interval(
                        level_pct: $0.level * 100, lower: $0.predictionLower,
                        upper: $0.predictionUpper)
                })
        }
        no_interval_reason = f.noIntervalReason
    }
}
