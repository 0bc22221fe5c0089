import PlanModel

/// Summary statistics of one quantity across all simulated scenarios.
public struct Distribution1D: Sendable, Equatable {
    /// At the requested percentiles (same order as `SweepResult.percentiles`), computed
    /// exactly as numpy's default (`linear`, R type 7): x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎),
    /// h = (N − 1)·p/100, over the sorted values.
    public var percentiles: [Double]
    public var mean: Double
    /// Sample standard deviation (divisor N − 1; 0 when N = 1).
    public var sd: Double
    public var min: Double
    public var max: Double
}

/// One simulated series (a driver's indicator or an aggregate) year by year.
public struct SeriesSummary: Sendable {
    public var id: String
    public var unit: String
    public var isAggregate: Bool
    /// True when the baseline behind it is an illustrative value.
    public var usesIllustrativeBaseline: Bool
    public var years: [Int]
    public var byYear: [Distribution1D]
}

/// The chance that a target is met.
public struct TargetProbability: Sendable {
    public var id: String
    public var indicator: String
    public var kind: TargetKind
    /// e.g. "12–14 %/yr", "≥ 120".
    public var requirement: String
    /// What the metric is: CAGR from the baseline year (fraction), level in the target
    /// year, or the worst level over the years it must hold.
    public var metric: SweepModel.MetricKind
    public var targetYear: Int
    /// Share of scenarios that meet the target.
    public var probability: Double
    /// Monte Carlo standard error √(p(1 − p)/N). For Latin hypercube samples this is the
    /// same formula, an upper bound in practice (LHS never does worse than independent
    /// sampling by more than a factor N/(N−1), and does better for monotone models). Nil for
    /// grids, where the share is of grid points, not an estimate.
    public var standardError: Double?
    public var metricDistribution: Distribution1D
}

/// One bar of a tornado: a driver moved across its range with the others at their middle,
/// no yearly volatility (shocks kept).
public struct TornadoBar: Sendable {
    public var target: String
    public var driver: String
    /// The driver's range ends (fraction for growth drivers, unit for change drivers).
    public var lowInput: Double
    public var highInput: Double
    /// The target metric with the driver at its low and high end.
    public var metricAtLow: Double
    public var metricAtHigh: Double
    /// The metric with every driver at its middle.
    public var metricAtCentre: Double
    public var swing: Double { abs(metricAtHigh - metricAtLow) }
}

/// Variance-based sensitivity of one target metric to one factor (a driver's mean growth,
/// or `volatility`: all yearly shocks together).
public struct SobolIndex: Sendable {
    public var target: String
    public var factor: String
    public var firstOrder: Double
    public var firstOrderInterval: ClosedRange<Double>
    public var total: Double
    public var totalInterval: ClosedRange<Double>
}

/// Everything a sweep produces.
public struct SweepResult: Sendable {
    public var scenario: String
    public var mode: SweepMode
    public var samples: Int
    public var seed: UInt64
    /// Requested percentiles, in percent (5 = 5th percentile).
    public var percentiles: [Double]
    public var series: [SeriesSummary]
    public var targets: [TargetProbability]
    public var tornado: [TornadoBar]
    public var sobol: [SobolIndex]
    /// Sobol base sample size (0 when not computed) and bootstrap replicates.
    public var sobolSamples: Int
    public var notes: [String]

    /// The driver whose total Sobol index is largest for `target` (tornado swing when no
    /// Sobol indices were computed), with that index or swing. The yearly-volatility factor
    /// is not a driver and is left out here (see `volatilityShare(for:)`).
    public func mostInfluential(for target: String) -> (factor: String, value: Double, by: String)? {
        let s = sobol.filter { $0.target == target && $0.factor != Sensitivity.volatilityFactor }
        if let best = s.max(by: { $0.total < $1.total }) { return (best.factor, best.total, "total Sobol index") }
        if let best = tornado.filter({ $0.target == target && $0.swing > 0 }).max(by: { $0.swing < $1.swing }) {
            return (best.driver, best.swing, "tornado swing")
        }
        return nil
    }

    /// Total Sobol index of the yearly volatility for `target` (nil when not computed).
    public func volatilityShare(for target: String) -> Double? {
        sobol.first { $0.target == target && $0.factor == Sensitivity.volatilityFactor }?.total
    }
}
