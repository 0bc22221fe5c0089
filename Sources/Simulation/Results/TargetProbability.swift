import PlanModel

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
    /// sampling by more than a factor N/(N−1), and does better for monotone models). For
    /// grids with yearly volatility also this formula, an upper bound (see
    /// `SweepEngine.standardErrorRule`); nil for grids without volatility, where the share
    /// is of fixed grid points, not an estimate.
    public var standardError: Double?
    public var metricDistribution: Distribution1D
}
