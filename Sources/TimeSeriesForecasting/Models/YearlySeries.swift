import Foundation

/// One series: observation years `x` (increasing) and values `y`.
///
/// Step-based models (naive, drift, smoothing, Theta) need evenly spaced years; trends
/// take any years. The forecast years are `x.last + h · step`, step being the series'
/// smallest gap (1 for yearly data, also for a single observation).
///
/// ```swift
/// let s = try YearlySeries(name: "income", x: [2021, 2022, 2023], y: [10, 11, 12.5])
/// s.forecastYears(horizon: 2)    // [2024, 2025]
/// ```
public struct YearlySeries: Sendable {
    public let name: String
    public let x: [Double]
    public let y: [Double]

    /// Throws when the lengths differ, a value is not finite, or the years are not
    /// strictly increasing (sort and deduplicate before).
    public init(name: String, x: [Double], y: [Double]) throws {
        guard x.count == y.count else {
            throw ForecastError.notFitted("\(x.count) years for \(y.count) values")
        }
        guard !x.isEmpty else { throw ForecastError.notFitted("no observations") }
        for i in x.indices where !(x[i].isFinite && y[i].isFinite) {
            throw ForecastError.notFitted("observation \(i + 1) is not a finite number")
        }
        for i in x.indices.dropFirst() where !(x[i] > x[i - 1]) {
            throw ForecastError.notFitted(
                "years must increase strictly; \(short(x[i])) follows \(short(x[i - 1]))")
        }
        self.name = name; self.x = x; self.y = y
    }

    /// Without checks, for slices of a checked series.
    init(unchecked name: String, x: [Double], y: [Double]) {
        self.name = name; self.x = x; self.y = y
    }

    public var count: Int { y.count }

    /// The spacing of the years: the smallest gap (1 for a single observation), so a
    /// yearly series with a missing year still steps by one year.
    public var step: Double {
        var s = Double.infinity
        for i in x.indices.dropFirst() { s = min(s, x[i] - x[i - 1]) }
        return s.isFinite ? s : 1
    }

    /// True when every gap equals the smallest (to 1e-9 relative).
    public var isEvenlySpaced: Bool {
        let s = step
        return x.indices.dropFirst().allSatisfy {
            abs(x[$0] - x[$0 - 1] - s) <= 1e-9 * max(1, abs(s))
        }
    }

    public func forecastYears(horizon: Int) -> [Double] {
        (0..<horizon).map { x.last! + Double($0 + 1) * step }
    }

    /// The first `length` observations (length ≥ 1).
    public func prefix(_ length: Int) -> YearlySeries {
        YearlySeries(unchecked: name, x: Array(x.prefix(length)), y: Array(y.prefix(length)))
    }

    /// The values, after checking what step-based models need: even spacing and at least
    /// `minimum` observations.
    func regularValues(for model: String, minimum: Int) throws -> [Double] {
        guard count >= minimum else {
            throw ForecastError.notFitted(
                "\(model): needs at least \(minimum) observations; the series has \(count)")
        }
        guard isEvenlySpaced else {
            throw ForecastError.notFitted(
                "\(model): needs evenly spaced years (the series has gaps); use a trend model")
        }
        return y
    }
}
