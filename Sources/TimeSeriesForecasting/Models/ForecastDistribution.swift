import Foundation
import Distributions

/// The standardized shape of a forecast distribution: `spread` × a Student t variate with
/// `degreesOfFreedom` (nil: normal). The model's own shape is spread 1; calibration
/// (`IntervalCalibration`) replaces it with the shape its held-out errors show.
public struct DistributionShape: Sendable, Equatable {
    public let spread: Double
    public let degreesOfFreedom: Double?

    public init(spread: Double, degreesOfFreedom: Double?) {
        self.spread = spread; self.degreesOfFreedom = degreesOfFreedom
    }

    /// The p quantile of the standardized variate.
    public func quantile(_ p: Double) -> Double {
        let q =
            degreesOfFreedom.map { StudentT.quantile(p, degreesOfFreedom: $0) }
            ?? StandardNormal.quantile(p)
        return spread * q
    }

    /// P(variate ≤ u).
    public func cdf(_ u: Double) -> Double {
        if spread == 0 { return u >= 0 ? 1 : 0 }
        let v = u / spread
        return degreesOfFreedom.map { StudentT.cdf(v, degreesOfFreedom: $0) }
            ?? StandardNormal.cdf(v)
    }
}

/// A forecast distribution for one future year: value = g⁻¹(centre + sd · S) where S has
/// `shape` and g is `scale`. What the review asks: a point, quantiles, intervals and
/// P(value ≥ threshold).
///
/// ```swift
/// let d = ForecastDistribution(scale: .identity, center: 100, standardDeviation: 10,
///                              shape: DistributionShape(spread: 1, degreesOfFreedom: nil))
/// d.quantile(0.975)                 // ≈ 119.6
/// d.probability(atLeast: 100)       // 0.5
/// ```
/// Invariants: `quantile` is nondecreasing in p; `probability(atLeast:)` is nonincreasing
/// in the threshold, in [0, 1], and `probability(atLeast: quantile(p)) ≈ 1 − p`.
public struct ForecastDistribution: Sendable {
    public let scale: ForecastScale
    public let center: Double
    public let standardDeviation: Double
    public let shape: DistributionShape

    public init(
        scale: ForecastScale, center: Double, standardDeviation: Double, shape: DistributionShape
    ) {
        self.scale = scale; self.center = center
        self.standardDeviation = standardDeviation; self.shape = shape
    }

    /// The point forecast: the median (the centre mapped back).
    public var point: Double { scale.inverse(center) }

    /// The p quantile (0 < p < 1).
    public func quantile(_ p: Double) -> Double {
        scale.inverse(center + standardDeviation * shape.quantile(p))
    }

    /// The central interval of coverage `level` (0.8 → the 10 % and 90 % quantiles).
    public func interval(level: Double) -> (lower: Double, upper: Double) {
        (quantile((1 - level) / 2), quantile((1 + level) / 2))
    }

    /// P(value ≥ threshold).
    public func probability(atLeast threshold: Double) -> Double {
        guard let z = scale.transform(threshold) else {
            if case .logit(let b) = scale, threshold >= b { return 0 }
            return 1  // below the domain (≤ 0 on log scale): every value exceeds it
        }
        if standardDeviation == 0 { return z <= center ? 1 : 0 }
        return 1 - shape.cdf((z - center) / standardDeviation)
    }
}
