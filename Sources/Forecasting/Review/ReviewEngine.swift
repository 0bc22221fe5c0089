import Foundation
import PlanModel
import Regression

/// The mid-term review: for every target, where it stands, where it is heading, how sure
/// that is, and what it would take.
///
/// Models on the baseline value plus every actual up to `asOf`: by default
/// (`AssessmentRule.forecast`) a random walk with drift with its exact Student-t
/// prediction distribution (`TargetYearForecast`, why that model is in its doc comment);
/// with `--rule trend`, `cagr` or `probability` least-squares trends (on LAPACK,
/// `Regression.TrendFit`). Both work on the scale `ReviewSeries.model(goal:)` gives:
/// - amounts and counts: exponential (log-linear), so the slope is an annual growth rate;
///   linear when a value or the goal is 0;
/// - bounded rates (coverage, online dossiers, poverty): logistic on the logit of
///   value/bound, when every value and the goal lie strictly inside (0, bound);
///   otherwise (a target of 100 % sits on the bound, where the logit is infinite) linear
///   in percentage points.
///
/// Charts keep the least-squares trend (`ReviewCharts`) under every rule.
///
/// Statuses: `StatusRule` for level and growth targets (the pace observed against the
/// pace needed from the latest actual, on the model's scale oriented so that larger is
/// better; its invariants are listed there), `MaintainedStatusRule` for every-year
/// targets. When the actuals reach the target year the status is final: `achieved` or
/// `not_achieved`, read off the actuals (growth targets: the end-point CAGR, the plan's
/// own definition of an average).
///
/// ```swift
/// let review = ReviewEngine.review(plan: plan, actuals: actuals)
/// review.assessments.filter { $0.status == .deterioration }.map(\.target.id)
/// ```
public enum ReviewEngine {
    public struct Options: Sendable {
        public var rule: AssessmentRule = .forecast
        public var cutoffs = StatusCutoffs()
        /// Interval levels (fractions), e.g. [0.8, 0.95].
        public var levels: [Double] = [0.8, 0.95]
        /// Last year of actuals to use (nil: all).
        public var asOf: Int?
        /// Whether to build the chart data (`Review.charts`); a batch that writes no
        /// charts skips their fits.
        public var charts = true
        public init() {}
    }

    public static func review(
        plan: Plan, actuals: [Observation], options: Options = Options(), actualsSource: String = ""
    ) -> Review {
        let asOf = options.asOf ?? actuals.map(\.year).max() ?? plan.baselineYear
        let used = actuals.filter { $0.year <= asOf && $0.year > plan.baselineYear }
        let illustrativeActuals = used.contains {
            ($0.source + " " + $0.note).lowercased().contains("illustrative")
        }
        var seriesByIndicator: [String: ReviewSeries] = [:]
        func series(_ id: String) -> ReviewSeries? {
            if let cached = seriesByIndicator[id] { return cached }
            let assembled = ReviewSeries.assemble(plan: plan, indicator: id, actuals: used)
            seriesByIndicator[id] = assembled
            return assembled
        }
        var assessments: [TargetAssessment] = []
        for target in plan.targets {
            guard let s = series(target.indicator) else {
                assessments.append(
                    TargetAssessment(
                        target: target, status: .insufficientData, rule: options.rule,
                        explanation: "the plan has no indicator \(target.indicator)"))
                continue
            }
            var a = TargetAssessor(plan: plan, options: options, series: s).assess(target)
            a.illustrative = a.illustrative || (illustrativeActuals && !s.actuals.isEmpty)
            assessments.append(a)
        }
        var charts: [IndicatorChart] = []
        if options.charts {
            for indicator in plan.indicators {
                guard let s = seriesByIndicator[indicator.id], s.baseline != nil, !s.actuals.isEmpty
                else { continue }
                if let c = ReviewCharts.chart(
                    plan: plan, series: s, levels: options.levels,
                    illustrativeActuals: illustrativeActuals)
                {
                    charts.append(c)
                }
            }
        }
        let usesIllustrative = illustrativeActuals || assessments.contains { $0.illustrative }
        return Review(
            plan: plan, asOf: asOf, rule: options.rule, cutoffs: options.cutoffs,
            levels: options.levels,
            assessments: assessments, charts: charts, usesIllustrative: usesIllustrative,
            actualsSource: actualsSource)
    }
}
