import Foundation

// The random-walk family (Hyndman & Athanasopoulos, "Forecasting: Principles and
// Practice", 3rd ed., §5.2 and §5.5; R `forecast::rwf`): one type per file would split
// three ten-line siblings that share their variance formula, so they live together.

/// Last value ("naïve", NAIVE2 of the M3 competition for yearly data):
/// ŷ(n+h) = y(n); σ̂² = mean of the squared first differences (R `rwf`); sd(h) = σ̂·√h.
/// Needs n ≥ 2.
public struct NaiveModel: SeriesModel {
    public init() {}
    public var name: String { "naive" }
    public func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast {
        let y = try series.regularValues(for: name, minimum: 2)
        let d = zip(y.dropFirst(), y).map { $0 - $1 }
        let sigma = (d.reduce(0) { $0 + $1 * $1 } / Double(d.count)).squareRoot()
        return try ModelForecast(
            method: name, centers: Array(repeating: y.last!, count: horizon),
            standardDeviations: (0..<horizon).map { sigma * Double($0 + 1).squareRoot() },
            detail: "last=\(short(y.last!))")
    }
}

/// Random walk with drift: ŷ(n+h) = y(n) + h·b̂ with b̂ the mean first difference
/// (= (y(n) − y(1))/(n − 1)); σ̂ the standard deviation of the m = n − 1 differences;
/// sd(h) = σ̂·√(h + h²/m), which adds the drift's estimation error (R `rwf(drift = TRUE)`).
/// Needs n ≥ 3.
public struct DriftModel: SeriesModel {
    public init() {}
    public var name: String { "drift" }
    public func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast {
        let y = try series.regularValues(for: name, minimum: 3)
        return try RandomWalkDrift.forecast(y, scale: .identity, method: name, horizon: horizon)
    }
}

/// Constant growth at the compound annual growth rate of the end points:
/// g = (y(n)/y(1))^(1/(n−1)) − 1, ŷ(n+h) = y(n)·(1 + g)^h. This is the random walk with
/// drift on log y, so its intervals are the drift model's on the log scale mapped back (the
/// point is the median). Needs n ≥ 3 and every y > 0.
public struct ConstantGrowthModel: SeriesModel {
    public init() {}
    public var name: String { "cagr" }
    public func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast {
        let y = try series.regularValues(for: name, minimum: 3)
        guard y.allSatisfy({ $0 > 0 }) else {
            throw ForecastError.notFitted("cagr: needs every value > 0 (growth is a ratio)")
        }
        return try RandomWalkDrift.forecast(
            y.map { log($0) }, scale: .logarithm, method: name, horizon: horizon)
    }
}

enum RandomWalkDrift {
    static func forecast(_ z: [Double], scale: ForecastScale, method: String, horizon: Int) throws
        -> ModelForecast
    {
        let d = zip(z.dropFirst(), z).map { $0 - $1 }
        let m = Double(d.count)
        let drift = d.reduce(0, +) / m
        let variance = d.reduce(0) { $0 + ($1 - drift) * ($1 - drift) } / (m - 1)
        let hs = (0..<horizon).map { Double($0 + 1) }
        let label =
            scale == .logarithm ? "growth=\(short(expm1(drift) * 100))%" : "drift=\(short(drift))"
        return try ModelForecast(
            method: method, scale: scale, centers: hs.map { z.last! + $0 * drift },
            standardDeviations: hs.map { (variance * ($0 + $0 * $0 / m)).squareRoot() },
            detail: label)
    }
}

/// A compact number for `detail` texts.
func short(_ v: Double) -> String { String(format: "%.4g", v) }
