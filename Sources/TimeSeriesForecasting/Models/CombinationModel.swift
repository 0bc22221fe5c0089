import Foundation

/// An equal-weight combination of models (Makridakis & Hibon 2000: COMB S-H-D, the mean
/// of SES, Holt and damped, beat each of them on the M3 yearly data). The point is the
/// mean (or median) of the members' points; the standard deviation the mean of the
/// members' (on the data's scale; for a log- or logit-scale member, half the width of its
/// central 68.27 % interval), a conservative choice since combined errors are less than
/// perfectly correlated; calibration (`IntervalCalibration`) then sets the width from
/// held-out errors. Every member must fit.
public struct CombinationModel: SeriesModel {
    public enum Rule: String, Sendable { case mean, median }
    public let members: [any SeriesModel]
    public let rule: Rule
    public let name: String

    public init(_ members: [any SeriesModel], rule: Rule = .mean, name: String? = nil) {
        precondition(!members.isEmpty, "a combination needs members")
        self.members = members; self.rule = rule
        self.name = name ?? "\(rule.rawValue)(\(members.map(\.name).joined(separator: "+")))"
    }

    public func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast {
        let forecasts = try members.map { try $0.forecast(series, horizon: horizon) }
        var centers: [Double] = [], sds: [Double] = []
        for h in 1...max(horizon, 1) where h <= horizon {
            let points = forecasts.map { $0.point(h) }
            centers.append(
                rule == .mean ? points.reduce(0, +) / Double(points.count) : median(points))
            let spreads = forecasts.map { f -> Double in
                if f.scale == .identity { return f.standardDeviations[h - 1] }
                let d = f.distribution(h)
                return (d.quantile(0.841_344_746) - d.quantile(0.158_655_254)) / 2
            }
            sds.append(spreads.reduce(0, +) / Double(spreads.count))
        }
        return try ModelForecast(
            method: name, centers: centers, standardDeviations: sds,
            detail: forecasts.map { "\($0.method)[\($0.detail)]" }.joined(separator: " "))
    }
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted(), n = s.count
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}
