import Distributions
import PlanModel
import Regression

/// P(the target-year value meets the goal) from a trend's Student-t prediction
/// distribution on its own scale: z ~ ẑ + t_df · √(σ̂² + se(ẑ)²).
///
/// Invariants: P ≥ 1/2 exactly when the trend's median ẑ meets the goal (the t
/// distribution is symmetric); "lower is better" gives 1 − P(higher) on the same fit.
/// Nil for an exact fit (no residual degrees of freedom, or values on the curve to
/// rounding), which has no spread.
///
/// ```swift
/// MeetProbability(fit: fit, at: 2030).of(goal: 120, direction: .higher)   // 0.66
/// ```
public struct MeetProbability: Sendable {
    /// The trend's median on the model scale at the target year.
    public let median: Double
    /// √(σ̂² + se(ẑ)²) on the model scale.
    public let standardDeviation: Double
    public let degreesOfFreedom: Double
    let model: TrendModel

    /// Nil for an exact fit or a spread at rounding level.
    public init?(fit: TrendFit, at year: Double) {
        guard fit.residualDegreesOfFreedom > 0,
            let residualVariance = fit.regression.residualVariance
        else { return nil }
        let (median, standardError) = fit.regression.predict([year])
        guard let standardError else { return nil }
        let sd = (residualVariance + standardError * standardError).squareRoot()
        // A spread at rounding level (values exactly on the curve) is no spread: whether it
        // comes out 0 or 1e-17 depends on the last bit, and so would P.
        guard sd > 1e-9 * max(1, abs(median)), sd.isFinite else { return nil }
        self.median = median; standardDeviation = sd
        degreesOfFreedom = Double(fit.residualDegreesOfFreedom); model = fit.model
    }

    /// P(value ≥ goal) for `.higher`, P(value ≤ goal) for `.lower`.
    public func of(goal: Double, direction: Direction) -> Double {
        let below: Double
        if let zGoal = model.transform(goal) {
            below = StudentT.cdf(
                (zGoal - median) / standardDeviation, degreesOfFreedom: degreesOfFreedom)
        } else if case .logistic(let bound) = model {
            // A goal at or beyond the bound lies above every value of the model; at or
            // below 0, below every value.
            below = goal >= bound ? 1 : 0
        } else {
            // Log scale: a goal ≤ 0 lies below every value.
            below = 0
        }
        return direction == .higher ? 1 - below : below
    }
}
