import Distributions
import Foundation
import Regression
import PlanModel
import TimeSeriesForecasting

/// The forecast behind the review's default rule (`AssessmentRule.forecast`): a random walk
/// with drift on the review model's scale (log for amounts and counts, logit for rates
/// inside their bound, the values themselves otherwise; `ReviewSeries.model(goal:)`), with
/// the exact Student-t prediction distribution of that model.
///
/// Why this model for a plan's series (the baseline and 1-4 yearly actuals, 2-5 points):
/// - Choosing by out-of-sample skill, as `SeriesForecaster` does with `--model auto`,
///   needs held-out forecasts: a 5-point series gives two one-step and one two-step
///   forecast from 3-point fits, a 3-point series none. Pooled over a plan's ~30
///   indicators of different kinds that is too little to rank models honestly, and the
///   choice would then make one indicator's verdict depend on the others' actuals.
/// - The auto choice on long yearly series, median(theta+drift+damped), cannot be fitted
///   at all: Theta needs 4 points, damped trend 7 (`docs/forecasting.md`).
/// - Drift uses only what 2-5 points can support (a level and a mean step). On the 562 M3
///   yearly series it forecast far better than the least-squares linear trend
///   (sMAPE 18.14 against 24.92, MASE 2.68 against 4.03; `scripts/score-m3`), and its
///   intervals are exact under its own assumptions, which matters more than anything when
///   the spread is estimated from 1-3 differences (a normal quantile there would cover
///   about 71 % instead of 80 % with 3 differences).
///
/// Model, on the scale z = g(y), for observation years t_0 < … < t_n (gaps allowed):
/// z_i − z_{i−1} = b·Δ_i + σ·√Δ_i·ε_i with ε_i iid N(0, 1), Δ_i = t_i − t_{i−1}. Weighted
/// least squares gives the end-point drift b̂ = (z_n − z_0)/S, S = t_n − t_0, and
/// σ̂² = Σ (z_i − z_{i−1} − b̂Δ_i)²/Δ_i / (m − 1) for m = n increments. The value h years
/// after t_n is z_n + h·b̂ + e with Var e = σ²(h + h²/S); e/(σ̂√(h + h²/S)) is Student t
/// with m − 1 degrees of freedom exactly (σ̂² is independent of b̂ and of the future
/// increments). For yearly steps (Δ = 1, S = m) this is R's `rwf(drift = TRUE)` and
/// `TimeSeriesForecasting.DriftModel` (on log scale `ConstantGrowthModel`), with the t
/// quantile in place of the normal one.
///
/// ```swift
/// let f = TargetYearForecast(years: [2020, 2021, 2022], values: [0, 1, 4], scale: .identity)!
/// f.drift                                   // 2
/// f.distribution(at: 2023)!.interval(level: 0.8)   // 6 ∓ tan(0.4π)·√3
/// ```
/// Invariants: the median at the target year is z_n + h·b̂, increasing in the latest value
/// (for a fixed first value) and the drift; `distribution` is nil with fewer than three
/// points (no spread can be estimated) or when every step is the same to rounding (no
/// spread: the forecast would claim certainty).
public struct TargetYearForecast: Sendable {
    public let scale: ForecastScale
    /// The latest observation's year and value on the model's scale.
    public let latestYear: Double
    public let latest: Double
    /// b̂, per year on the model's scale.
    public let drift: Double
    /// σ̂ per year on the model's scale (nil with a single increment).
    public let stepDeviation: Double?
    /// m − 1.
    public let degreesOfFreedom: Int
    /// S = t_n − t_0, the years the drift was measured over.
    public let span: Double
    public let points: Int

    /// Nil with fewer than 2 points, years not strictly increasing, or a value outside the
    /// scale's domain (or not finite).
    public init?(years: [Double], values: [Double], scale: ForecastScale) {
        guard years.count == values.count, years.count >= 2 else { return nil }
        var z: [Double] = []
        for v in values {
            guard v.isFinite, let t = scale.transform(v), t.isFinite else { return nil }
            z.append(t)
        }
        for i in years.indices.dropFirst() where !(years[i] > years[i - 1]) { return nil }
        let span = years.last! - years[0]
        let drift = (z.last! - z[0]) / span
        let m = years.count - 1
        if m >= 2 {
            var rss = 0.0
            for i in 1...m {
                let dt = years[i] - years[i - 1]
                let e = z[i] - z[i - 1] - drift * dt
                rss += e * e / dt
            }
            stepDeviation = (rss / Double(m - 1)).squareRoot()
        } else {
            stepDeviation = nil
        }
        self.scale = scale; latestYear = years.last!; latest = z.last!; self.drift = drift
        degreesOfFreedom = m - 1; self.span = span; points = years.count
    }

    /// The median at `year` on the model's scale: z_n + h·b̂.
    public func median(at year: Double) -> Double { latest + (year - latestYear) * drift }

    /// The prediction distribution at `year` (after the latest observation); nil without a
    /// spread (see the type's invariants).
    public func distribution(at year: Double) -> ForecastDistribution? {
        guard let sigma = stepDeviation, degreesOfFreedom >= 1 else { return nil }
        let h = year - latestYear
        let centre = median(at: year)
        let sd = sigma * (h + h * h / span).squareRoot()
        // A spread at rounding level (equal steps) is no spread, as for an exact trend fit.
        guard sd.isFinite, sd > 1e-9 * max(1, abs(centre)) else { return nil }
        return ForecastDistribution(
            scale: scale, center: centre, standardDeviation: sd,
            shape: DistributionShape(spread: 1, degreesOfFreedom: Double(degreesOfFreedom)))
    }

    /// The confidence interval of the drift (per year, on the model's scale) at `level`.
    public func driftInterval(level: Double) -> (lower: Double, upper: Double)? {
        guard let sigma = stepDeviation, degreesOfFreedom >= 1, sigma > 0 else { return nil }
        let half =
            StudentT.critical(level: level, degreesOfFreedom: Double(degreesOfFreedom)) * sigma
            / span.squareRoot()
        return (drift - half, drift + half)
    }

    /// "drift(log)", "drift(logit 100)", "drift(linear)": the name reports show.
    public var name: String {
        switch scale {
        case .identity: return "drift(linear)"
        case .logarithm: return "drift(log)"
        case .logit(let b): return "drift(logit \(Formatting.number(b)))"
        }
    }

    /// The scale the review's trend model `model` works on.
    public static func scale(of model: TrendModel) -> ForecastScale {
        switch model {
        case .exponential: return .logarithm
        case .logistic(let b): return .logit(bound: b)
        case .linear, .polynomial: return .identity
        }
    }
}

extension ForecastDistribution {
    /// P(the value meets `goal`): P(value ≥ goal) when higher is better, P(value ≤ goal)
    /// when lower is better. The distribution is continuous, so strict and non-strict
    /// comparators give the same probability.
    func meetProbability(goal: Double, direction: PlanModel.Direction) -> Double {
        let atLeast = probability(atLeast: goal)
        return direction == .higher ? atLeast : 1 - atLeast
    }
}
