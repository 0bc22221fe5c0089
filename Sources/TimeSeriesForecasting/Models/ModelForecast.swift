import Foundation

/// What one model says about horizons h = 1…H of one series: on the model's scale
/// (`scale`), the centre and standard deviation of a location-scale distribution
/// (normal, or Student t with `degreesOfFreedom`).
///
/// Invariants (checked by `init`): `centers.count == standardDeviations.count == horizon`;
/// every centre is finite; every standard deviation is finite and ≥ 0.
public struct ModelForecast: Sendable {
    /// The model's name as the command line spells it (`theta`, `ets(AAdN)`, …).
    public let method: String
    public let scale: ForecastScale
    public let centers: [Double]
    public let standardDeviations: [Double]
    /// Student t degrees of freedom of the base distribution; nil for normal.
    public let degreesOfFreedom: Double?
    /// The fitted parameters, for people (`alpha=0.82 beta=0.10`).
    public let detail: String

    public init(
        method: String, scale: ForecastScale = .identity, centers: [Double],
        standardDeviations: [Double], degreesOfFreedom: Double? = nil, detail: String = ""
    ) throws {
        guard centers.count == standardDeviations.count,
            centers.allSatisfy(\.isFinite),
            standardDeviations.allSatisfy({ $0.isFinite && $0 >= 0 })
        else {
            throw ForecastError.notFitted("\(method): the fit gave non-finite forecasts")
        }
        self.method = method; self.scale = scale; self.centers = centers
        self.standardDeviations = standardDeviations
        self.degreesOfFreedom = degreesOfFreedom; self.detail = detail
    }

    public var horizon: Int { centers.count }

    /// The point forecast at step h (1-based): the centre mapped back (a median on log or
    /// logit scale; the mean on the data's scale).
    public func point(_ h: Int) -> Double { scale.inverse(centers[h - 1]) }

    /// The model's own distribution at step h, uncalibrated.
    public func distribution(_ h: Int) -> ForecastDistribution {
        ForecastDistribution(
            scale: scale, center: centers[h - 1],
            standardDeviation: standardDeviations[h - 1],
            shape: DistributionShape(spread: 1, degreesOfFreedom: degreesOfFreedom))
    }

    /// The error of `actual` at step h in units of the model's standard deviation on its
    /// scale: (g(actual) − centre) / sd; ±∞ when `actual` is outside the scale's domain
    /// or sd is 0 and the error is not.
    public func standardizedError(_ h: Int, actual: Double) -> Double {
        guard let z = scale.transform(actual) else {
            if case .logit(let b) = scale, actual >= b { return .infinity }
            return -.infinity
        }
        let e = z - centers[h - 1], sd = standardDeviations[h - 1]
        if sd > 0 { return e / sd }
        return e == 0 ? 0 : (e > 0 ? .infinity : -.infinity)
    }
}

/// Why a model gives no forecast for a series.
public enum ForecastError: Error, Equatable, CustomStringConvertible {
    case notFitted(String)
    public var description: String {
        switch self {
        case .notFitted(let m): return m
        }
    }
}
