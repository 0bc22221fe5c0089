import Foundation
import PlanModel
import Regression
import TimeSeriesForecasting

extension TargetAssessor {
    /// A target that must hold every year: the years missed from the actuals, the rule's
    /// model (forecast or trend) for the projection and the direction of travel, the status from
    /// `MaintainedStatusRule`; final once the actuals reach the last year of the period.
    func assessMaintained(_ a0: TargetAssessment, threshold: Double) -> TargetAssessment {
        var a = a0
        let target = a.target
        let inPeriod = series.actuals.filter {
            $0.year >= target.startYear && $0.year <= target.targetYear
        }
        guard let latest = inPeriod.last, let first = inPeriod.first else {
            a.explanation =
                "no actuals in \(target.startYear)–\(target.targetYear) for \(target.indicator)"
            return a
        }
        a.latest = latest
        a.yearsMissed = inPeriod.filter { !target.isMet($0.value) }.map(\.year)
        let sign: Double = target.direction == .higher ? 1 : -1
        // The rule's model, for the projection and the direction of travel.
        let model = series.model(goal: threshold)
        var pace: Double?
        var projectionMeets: Bool?
        let targetYear = Double(target.targetYear)
        var forecastUsed: TargetYearForecast?
        if options.rule == .forecast {
            if let forecast = TargetYearForecast(
                years: series.years, values: series.values,
                scale: TargetYearForecast.scale(of: model)),
                let baseline = series.baseline
            {
                a.model = forecast.name
                forecastUsed = forecast
                let distribution = forecast.distribution(at: targetYear)
                let p = projection(
                    forecast, distribution: distribution, year: targetYear, baseline: baseline,
                    latest: latest)
                let point = series.clamp(p.point)
                a.projected = point
                a.projectedIntervals = p.intervals.map {
                    LevelInterval(
                        level: $0.level, lower: series.clamp($0.lower),
                        upper: series.clamp($0.upper))
                }
                a.gap = sign * (point - threshold)
                projectionMeets = target.isMet(point)
                a.probability = distribution?.meetProbability(
                    goal: threshold, direction: target.direction)
                pace = sign * forecast.drift
                a.trendGrowth = p.growth
                a.trendGrowthInterval = p.growthInterval
                if forecast.scale != .logarithm { a.growthIsChange = true }
            }
        } else if let fit = try? TrendFit.fit(
            model, x: series.years, y: series.values, series: target.indicator)
        {
            a.model = ReviewSeries.modelName(model)
            let forecast = fit.forecast(at: targetYear, levels: options.levels)
            let point = series.clamp(forecast.point)
            a.projected = point
            a.projectedIntervals = series.clampedIntervals(forecast)
            a.gap = sign * (point - threshold)
            projectionMeets = target.isMet(point)
            a.probability = MeetProbability(fit: fit, at: targetYear)?.of(
                goal: threshold, direction: target.direction)
            if options.rule == .cagr, let b0 = series.baseline, let z0 = model.transform(b0),
                let zL = model.transform(latest.value)
            {
                pace = sign * (zL - z0) / Double(max(1, latest.year - series.baselineYear))
            } else {
                pace = sign * fit.coefficients[1]
            }
            if case .exponential = model {
                a.trendGrowth = fit.growthRate()?.rate
            } else {
                a.growthIsChange = true
                let years = Double(max(1, latest.year - series.baselineYear))
                a.trendGrowth =
                    (fit.forecast(at: Double(latest.year), levels: []).point
                        - fit.forecast(at: Double(series.baselineYear), levels: []).point) / years
            }
        }
        let missedText = a.yearsMissed.map(String.init).joined(separator: ", ")
        if latest.year >= target.targetYear {
            // Every year of the period is known: final.
            a.status = a.yearsMissed.isEmpty ? .achieved : .notAchieved
            a.explanation =
                a.yearsMissed.isEmpty
                ? "final: met in every year \(first.year)–\(latest.year)"
                : "final: missed in \(missedText)"
            return a
        }
        let evidence = MaintainedStatusRule.Evidence(
            yearsMissed: a.yearsMissed, latestYear: latest.year, pace: pace,
            projectionMeets: projectionMeets)
        let verdict = MaintainedStatusRule(rule: options.rule).decide(evidence)
        a.status = verdict.status
        switch verdict.reason {
        case .metEveryYear: a.explanation = "met in every year \(first.year)–\(latest.year)"
        case .metButTrendFallsShort:
            a.explanation =
                "met every year so far, but the trend falls short by \(target.targetYear)"
        case .latestMissedMovingAway:
            a.explanation = "missed in \(missedText); the trend moves away from the threshold"
        case .latestMissedOnly:
            a.explanation = "missed in \(missedText), the latest year; the trend does not move away"
        case .earlierYearMissed:
            a.explanation = "missed in \(missedText) (an every-year target, lost for those years)"
        }
        if let forecast = forecastUsed {
            a.explanation += " (\(ReviewProjection.forecastReason(forecast)))"
        }
        return a
    }
}
