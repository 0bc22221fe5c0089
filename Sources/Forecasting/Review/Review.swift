import PlanModel

/// A mid-term review of a plan: `ReviewEngine.review(plan:actuals:options:actualsSource:)`.
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

    public init(
        plan: Plan, asOf: Int, rule: AssessmentRule, cutoffs: StatusCutoffs, levels: [Double],
        assessments: [TargetAssessment], charts: [IndicatorChart], usesIllustrative: Bool,
        actualsSource: String
    ) {
        self.plan = plan; self.asOf = asOf; self.rule = rule; self.cutoffs = cutoffs;
        self.levels = levels
        self.assessments = assessments; self.charts = charts;
        self.usesIllustrative = usesIllustrative
        self.actualsSource = actualsSource
    }
}
