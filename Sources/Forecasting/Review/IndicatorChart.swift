import PlanModel

/// One point of a trend line with its prediction bands (for charts and tables).
public struct TrendPoint: Sendable, Hashable {
    public var year: Int
    /// Point forecast (the median on the original scale for log and logit models).
    public var value: Double
    /// Prediction intervals of an observation, one per level.
    public var bands: [LevelInterval]
    public init(year: Int, value: Double, bands: [LevelInterval]) {
        self.year = year; self.value = value; self.bands = bands
    }
}

/// The data behind one indicator's chart: baseline, actuals, trend with its fan, targets.
public struct IndicatorChart: Sendable {
    public var indicator: Indicator
    public var baselineYear: Int
    public var baseline: Double?
    public var actuals: [Observation]
    public var trend: [TrendPoint]
    /// (year, value) of each level or maintained target on this indicator; growth targets
    /// are drawn as the path from the baseline at the required rate.
    public var targetMarks: [(year: Int, value: Double, label: String)]
    public var targetPath: [(year: Int, value: Double)]
    public var illustrative: Bool

    public init(
        indicator: Indicator, baselineYear: Int, baseline: Double?, actuals: [Observation],
        trend: [TrendPoint],
        targetMarks: [(year: Int, value: Double, label: String)],
        targetPath: [(year: Int, value: Double)], illustrative: Bool
    ) {
        self.indicator = indicator; self.baselineYear = baselineYear; self.baseline = baseline;
        self.actuals = actuals
        self.trend = trend; self.targetMarks = targetMarks; self.targetPath = targetPath;
        self.illustrative = illustrative
    }
}
