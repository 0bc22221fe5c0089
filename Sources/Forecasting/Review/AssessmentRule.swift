/// How statuses are decided (see `StatusRule`).
public enum AssessmentRule: String, Sendable, Hashable, CaseIterable {
    /// The forecast of a random walk with drift on the model's scale
    /// (`TargetYearForecast`): its median in the target year, reached from the latest
    /// actual at the forecast's pace, against the pace needed from the latest actual to
    /// the target; P(meet) and the projected intervals from its Student-t prediction
    /// distribution (default).
    case forecast
    /// The least-squares trend's slope, carried on from the latest actual, against the
    /// pace needed from the latest actual to the target; the trend line itself must
    /// reach the on-track share too.
    case trend
    /// As `trend` with the end-point pace (baseline to latest actual) instead of the
    /// trend's slope (Eurostat/UNSD style).
    case cagr
    /// Probability of meeting the target from the trend's prediction distribution; "at
    /// risk" below a threshold.
    case probability
}

/// Cut-offs of the pace rules, as fractions (0.95 = 95 %).
public struct StatusCutoffs: Sendable, Hashable {
    public var onTrack: Double = 0.95
    public var acceleration: Double = 0.60
    public var limited: Double = 0.0
    /// For the probability rule: on track at or above, at risk below.
    public var probabilityOnTrack: Double = 0.5
    public var probabilityAtRisk: Double = 0.2
    public init() {}
}
