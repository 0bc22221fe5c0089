import PlanModel

/// A two-sided interval at a confidence or prediction level (0.8, 0.95).
public struct LevelInterval: Sendable, Hashable {
    public var level: Double
    public var lower: Double
    public var upper: Double
    public init(level: Double, lower: Double, upper: Double) {
        self.level = level; self.lower = lower; self.upper = upper
    }
}

/// Everything a reviewer sees about one target.
public struct TargetAssessment: Sendable {
    public var target: Target
    public var status: TargetStatus
    public var rule: AssessmentRule
    /// How the status was reached, in a sentence (English).
    public var explanation: String
    public var baseline: Double?
    public var latest: Observation?
    /// Trend model used: "exponential", "logistic(100)", "linear".
    public var model: String?
    /// Observed annual growth from the trend (fraction/yr) with its confidence interval;
    /// for rates on a linear or logit trend, the change per year in the unit (pp/yr).
    public var trendGrowth: Double?
    public var trendGrowthInterval: LevelInterval?
    /// Growth (fraction/yr) or change (unit/yr) needed from the baseline to the target.
    public var requiredGrowth: Double?
    /// … and from the latest actual to the target.
    public var requiredFromNow: Double?
    /// True when the growth figures are changes in the unit (pp/yr) rather than fractions.
    public var growthIsChange: Bool
    /// Observed pace ÷ pace needed from the latest actual to the target, on the trend
    /// model's scale: the share of the remaining gap the observed pace closes by the target
    /// year. The quantity the cut-offs apply to (`StatusRule`); nil when the latest actual
    /// already meets the target.
    public var progressRatio: Double?
    /// Share of the remaining gap the trend line itself (its median in the target year)
    /// closes, on the model's scale; the trend rule asks it to pass the on-track cut-off
    /// too (`StatusRule`). Nil for the CAGR rule and when no gap remains.
    public var trendPositionRatio: Double?
    /// Projected value in the target year (growth targets: projected CAGR) and its
    /// prediction intervals.
    public var projected: Double?
    public var projectedIntervals: [LevelInterval]
    /// Projected minus threshold, in the target's unit (signed: positive is better).
    public var gap: Double?
    /// Probability of meeting the target (from the prediction distribution).
    public var probability: Double?
    /// Maintained targets: the years an actual missed the requirement.
    public var yearsMissed: [Int]
    public var illustrative: Bool

    public init(target: Target, status: TargetStatus, rule: AssessmentRule, explanation: String) {
        self.target = target; self.status = status; self.rule = rule; self.explanation = explanation
        baseline = nil; latest = nil; model = nil; trendGrowth = nil; trendGrowthInterval = nil
        requiredGrowth = nil; requiredFromNow = nil; growthIsChange = false; progressRatio = nil
        trendPositionRatio = nil; projected = nil; projectedIntervals = []; gap = nil;
        probability = nil
        yearsMissed = []; illustrative = false
    }
}
