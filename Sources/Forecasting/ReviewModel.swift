import PlanModel

/// Status of a target at a mid-term review. The default rule (`AssessmentRule.trend`)
/// compares the observed annual growth (least-squares trend over the baseline and all
/// actuals) with the growth required from the baseline to the target, with the cut-offs
/// of the Eurostat SDG progress assessment: ratio ≥ 95 % on track, 60-95 % acceleration
/// needed, 0-60 % limited progress, < 0 deterioration.
public enum TargetStatus: String, Sendable, Hashable, CaseIterable {
    case achieved
    case onTrack = "on_track"
    case accelerationNeeded = "acceleration_needed"
    case limitedProgress = "limited_progress"
    case deterioration
    /// Final: the target year has passed (actuals reach it) and the target was missed.
    case notAchieved = "not_achieved"
    case insufficientData = "insufficient_data"
    case notQuantifiable = "not_quantifiable"

    /// Traffic-light colour used by reports.
    public var light: String {
        switch self {
        case .achieved, .onTrack: return "green"
        case .accelerationNeeded: return "amber"
        case .limitedProgress, .deterioration, .notAchieved: return "red"
        case .insufficientData, .notQuantifiable: return "grey"
        }
    }

    public var labelEn: String {
        switch self {
        case .achieved: return "achieved"
        case .onTrack: return "on track"
        case .accelerationNeeded: return "acceleration needed"
        case .limitedProgress: return "limited progress"
        case .deterioration: return "deterioration"
        case .notAchieved: return "not achieved"
        case .insufficientData: return "insufficient data"
        case .notQuantifiable: return "not quantifiable"
        }
    }

    public var labelVi: String {
        switch self {
        case .achieved: return "đã đạt"
        case .onTrack: return "đúng hướng"
        case .accelerationNeeded: return "cần tăng tốc"
        case .limitedProgress: return "tiến triển hạn chế"
        case .deterioration: return "đi xuống"
        case .notAchieved: return "không đạt"
        case .insufficientData: return "thiếu số liệu"
        case .notQuantifiable: return "không định lượng"
        }
    }
}

/// How statuses are decided.
public enum AssessmentRule: String, Sendable, Hashable, CaseIterable {
    /// Ratio of the least-squares trend growth to the required growth (default).
    case trend
    /// Ratio of the end-point CAGR (baseline to latest actual) to the required growth
    /// (Eurostat/UNSD style).
    case cagr
    /// Probability of meeting the target from the trend's prediction distribution; "at
    /// risk" below a threshold.
    case probability
}

/// Cut-offs of the ratio rules, as fractions (0.95 = 95 %).
public struct StatusCutoffs: Sendable, Hashable {
    public var onTrack: Double = 0.95
    public var acceleration: Double = 0.60
    public var limited: Double = 0.0
    /// For the probability rule: on track at or above, at risk below.
    public var probabilityOnTrack: Double = 0.5
    public var probabilityAtRisk: Double = 0.2
    public init() {}
}

/// A two-sided interval at a confidence or prediction level (0.8, 0.95).
public struct LevelInterval: Sendable, Hashable {
    public var level: Double
    public var lower: Double
    public var upper: Double
    public init(level: Double, lower: Double, upper: Double) { self.level = level; self.lower = lower; self.upper = upper }
}

/// One point of a trend line with its prediction bands (for charts and tables).
public struct TrendPoint: Sendable, Hashable {
    public var year: Int
    /// Point forecast (the median on the original scale for log and logit models).
    public var value: Double
    /// Prediction intervals of an observation, one per level.
    public var bands: [LevelInterval]
    public init(year: Int, value: Double, bands: [LevelInterval]) { self.year = year; self.value = value; self.bands = bands }
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
    /// Observed / required, the quantity the cut-offs apply to.
    public var progressRatio: Double?
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
        projected = nil; projectedIntervals = []; gap = nil; probability = nil; yearsMissed = []
        illustrative = false
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

    public init(indicator: Indicator, baselineYear: Int, baseline: Double?, actuals: [Observation], trend: [TrendPoint],
                targetMarks: [(year: Int, value: Double, label: String)], targetPath: [(year: Int, value: Double)], illustrative: Bool) {
        self.indicator = indicator; self.baselineYear = baselineYear; self.baseline = baseline; self.actuals = actuals
        self.trend = trend; self.targetMarks = targetMarks; self.targetPath = targetPath; self.illustrative = illustrative
    }
}

/// A mid-term review of a plan.
public struct Review: Sendable {
    public var plan: Plan
    /// The last year of actuals used.
    public var asOf: Int
    public var rule: AssessmentRule
    public var cutoffs: StatusCutoffs
    public var levels: [Double]
    public var assessments: [TargetAssessment]
    public var charts: [IndicatorChart]
    /// True when illustrative baseline values or illustrative actuals were used.
    public var usesIllustrative: Bool
    public var actualsSource: String

    public init(plan: Plan, asOf: Int, rule: AssessmentRule, cutoffs: StatusCutoffs, levels: [Double],
                assessments: [TargetAssessment], charts: [IndicatorChart], usesIllustrative: Bool, actualsSource: String) {
        self.plan = plan; self.asOf = asOf; self.rule = rule; self.cutoffs = cutoffs; self.levels = levels
        self.assessments = assessments; self.charts = charts; self.usesIllustrative = usesIllustrative
        self.actualsSource = actualsSource
    }
}
