import Foundation
import PlanModel
import Regression

/// One indicator's values as the review sees them: the baseline and the actuals after the
/// baseline year up to the review's as-of year, sorted by year.
///
/// An aggregate indicator without actuals of its own (total production = the sectors)
/// gets the sums over the years where every component has a value.
public struct ReviewSeries: Sendable {
    public var indicator: Indicator
    public var baseline: Double?
    public var baselineYear: Int
    public var baselineIllustrative: Bool
    public var actuals: [Observation]

    /// Baseline year followed by the actuals' years.
    public var years: [Double] { [Double(baselineYear)] + actuals.map { Double($0.year) } }
    /// Baseline value (NaN when missing) followed by the actuals.
    public var values: [Double] { [baseline ?? .nan] + actuals.map(\.value) }

    /// Assembles the series of `indicatorID` from `actuals` (already restricted to the
    /// review's years). Nil when the plan has no such indicator.
    public static func assemble(plan: Plan, indicator indicatorID: String, actuals: [Observation])
        -> ReviewSeries?
    {
        guard let indicator = plan.indicator(indicatorID) else { return nil }
        var own = actuals.filter { $0.indicator == indicatorID }.sorted { $0.year < $1.year }
        if own.isEmpty, indicator.isAggregate {
            let parts = indicator.components.map { component in
                Dictionary(
                    actuals.filter { $0.indicator == component }.map { ($0.year, $0) },
                    uniquingKeysWith: { first, _ in first })
            }
            var years = Set(parts.first?.keys.map { $0 } ?? [])
            for part in parts.dropFirst() { years.formIntersection(part.keys) }
            own = years.sorted().compactMap { year in
                let values = parts.compactMap { $0[year] }
                guard values.count == parts.count else { return nil }
                return Observation(
                    indicator: indicatorID, year: year, value: values.reduce(0) { $0 + $1.value },
                    isEstimate: values.contains { $0.isEstimate }, source: "sum of components",
                    note: "")
            }
        }
        return ReviewSeries(
            indicator: indicator, baseline: plan.baselineValue(of: indicatorID),
            baselineYear: plan.baselineYear,
            baselineIllustrative: plan.usesIllustrative(indicatorID), actuals: own)
    }

    /// The trend model for this series given the level the target asks for (nil: none):
    /// - rates: logistic on the logit of value/bound when every value and the goal lie
    ///   strictly inside (0, bound); otherwise linear in percentage points (a goal of
    ///   100 % or 0 % sits on a bound, where the logit is infinite);
    /// - amounts and counts: exponential (log-linear) when every value and the goal are
    ///   positive; otherwise linear (a goal of 0 has no logarithm).
    public func model(goal: Double?) -> TrendModel {
        let candidate: TrendModel
        switch indicator.measure {
        case .rate:
            candidate = .logistic(bound: indicator.upperBound ?? TrendModel.defaultLogisticBound)
        default: candidate = .exponential
        }
        let inside =
            values.allSatisfy { candidate.transform($0) != nil }
            && (goal.map { candidate.transform($0) != nil } ?? true)
        return inside ? candidate : .linear
    }

    /// Rates cannot leave [0, bound], counts and amounts cannot go below 0: a linear
    /// trend's forecasts and bands are clamped there (log and logit trends stay inside by
    /// construction).
    public func clamp(_ value: Double) -> Double {
        switch indicator.measure {
        case .rate:
            return min(max(value, 0), indicator.upperBound ?? TrendModel.defaultLogisticBound)
        case .count, .amount: return max(value, 0)
        case .qualitative: return value
        }
    }

    func clampedIntervals(_ forecast: TrendForecast) -> [LevelInterval] {
        forecast.intervals.map {
            LevelInterval(
                level: $0.level, lower: clamp($0.predictionLower), upper: clamp($0.predictionUpper))
        }
    }

    /// Name of a model as reports show it: "exponential", "linear", "logistic(100)".
    static func modelName(_ model: TrendModel) -> String {
        switch model {
        case .logistic(let bound): return "logistic(\(Formatting.number(bound)))"
        default: return model.description
        }
    }
}
