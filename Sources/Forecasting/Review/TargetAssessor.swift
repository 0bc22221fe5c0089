import Distributions
import Foundation
import PlanModel
import Regression

/// Builds one target's `TargetAssessment`: fits the trend, computes the figures a
/// reviewer reads (growth, required growth, projection, gap, P(meet)) and asks
/// `StatusRule` (level and growth targets) or `MaintainedStatusRule` for the status.
struct TargetAssessor {
    let plan: Plan
    let options: ReviewEngine.Options
    let series: ReviewSeries

    func assess(_ target: Target) -> TargetAssessment {
        if target.kind == .qualitative {
            return TargetAssessment(
                target: target, status: .notQuantifiable, rule: options.rule,
                explanation: "qualitative target (Đạt): reported as entered")
        }
        guard let threshold = target.threshold else {
            return TargetAssessment(
                target: target, status: .notQuantifiable, rule: options.rule,
                explanation: "the plan gives no value for this target")
        }
        var a = TargetAssessment(
            target: target, status: .insufficientData, rule: options.rule, explanation: "")
        a.baseline = series.baseline
        a.latest = series.actuals.last
        a.illustrative = series.baselineIllustrative
        guard let baseline = series.baseline else {
            a.explanation = "no baseline value for \(target.indicator)"
            return a
        }
        if target.kind == .maintained { return assessMaintained(a, threshold: threshold) }
        guard let latest = series.actuals.last else {
            a.explanation = "no actuals after \(plan.baselineYear) for \(target.indicator)"
            return a
        }
        if let final = finalOutcome(a, baseline: baseline) { return final }
        let years = Double(target.targetYear - plan.baselineYear)
        // The level the target asks for in the target year (growth targets: the baseline
        // compounded at the required rate).
        let goal: Double
        if target.kind == .growth {
            guard baseline > 0 else {
                a.explanation =
                    "growth from a baseline of \(Formatting.number(baseline)) is undefined"
                return a
            }
            goal = Growth.compound(baseline, rate: threshold, years: years)
        } else {
            goal = threshold
        }
        let model = series.model(goal: goal)
        let sign: Double = target.direction == .higher ? 1 : -1
        let z0 = model.transform(baseline)!, zLatest = model.transform(latest.value)!,
            zGoal = model.transform(goal)!
        let targetYear = Double(target.targetYear)
        // The pace and the target-year median on the model's scale, from the rule's model.
        let slope: Double, zTarget: Double
        var forecastUsed: TargetYearForecast?
        if options.rule == .forecast {
            guard
                let forecast = TargetYearForecast(
                    years: series.years, values: series.values,
                    scale: TargetYearForecast.scale(of: model))
            else {
                a.explanation = "no forecast: the years of \(target.indicator) do not increase"
                return a
            }
            a.model = forecast.name
            forecastUsed = forecast
            let distribution = forecast.distribution(at: targetYear)
            fillFigures(
                &a,
                projection: projection(
                    forecast, distribution: distribution, year: targetYear, baseline: baseline,
                    latest: latest),
                model: model, baseline: baseline, latest: latest, goal: goal, threshold: threshold)
            a.probability = distribution?.meetProbability(goal: goal, direction: target.direction)
            slope = forecast.drift
            zTarget = forecast.median(at: targetYear)
        } else {
            a.model = ReviewSeries.modelName(model)
            let fit: TrendFit
            do {
                fit = try TrendFit.fit(
                    model, x: series.years, y: series.values, series: target.indicator)
            } catch {
                a.explanation = "trend not fitted: \(error)"
                return a
            }
            fillFigures(
                &a,
                projection: projection(fit, year: targetYear, baseline: baseline, latest: latest),
                model: model, baseline: baseline, latest: latest, goal: goal, threshold: threshold)
            a.probability = MeetProbability(fit: fit, at: targetYear)?.of(
                goal: goal, direction: target.direction)
            slope =
                options.rule == .cagr
                ? (zLatest - z0) / Double(latest.year - plan.baselineYear) : fit.coefficients[1]
            zTarget = fit.regression.predict([targetYear]).0
        }

        // The rule's evidence on the oriented model scale.
        let latestMeets =
            target.kind == .level ? target.isMet(latest.value) : sign * (zGoal - zLatest) <= 0
        let evidence = StatusRule.Evidence(
            kind: target.kind, latestMeets: latestMeets, goal: sign * zGoal, latest: sign * zLatest,
            pace: sign * slope, yearsLeft: Double(target.targetYear - latest.year),
            trendAtTargetYear: sign * zTarget, probability: a.probability)
        let verdict = StatusRule(rule: options.rule, cutoffs: options.cutoffs).decide(evidence)
        a.status = verdict.status
        a.progressRatio = verdict.progressRatio.flatMap { $0.isFinite ? $0 : nil }
        a.trendPositionRatio = verdict.trendPositionRatio.flatMap { $0.isFinite ? $0 : nil }
        a.explanation = explanation(
            verdict, target: target, latest: latest, pointsFitted: series.actuals.count + 1)
        if let forecast = forecastUsed {
            a.explanation += " (\(ReviewProjection.forecastReason(forecast)))"
        }
        return a
    }

    /// Once the actuals reach the target year the outcome is final and is read off the
    /// actuals themselves: the end-point CAGR for a growth target (the plan's "bình quân"
    /// is exactly that), the target-year value for a level target.
    private func finalOutcome(_ a0: TargetAssessment, baseline: Double) -> TargetAssessment? {
        let target = a0.target
        guard let last = series.actuals.last, last.year >= target.targetYear else { return nil }
        var a = a0
        guard let final = series.actuals.first(where: { $0.year == target.targetYear }) else {
            a.explanation =
                "no actual for the target year \(target.targetYear) (the actuals run past it)"
            return a
        }
        let years = Double(target.targetYear - plan.baselineYear)
        let outcome =
            target.kind == .growth
            ? Growth.requiredRate(from: baseline, to: final.value, years: years) : final.value
        a.status = outcome.map { target.isMet($0) } == true ? .achieved : .notAchieved
        let shown =
            target.kind == .growth
            ? outcome.map { Formatting.fixed($0 * 100, 2) + " %/yr" } ?? "undefined"
            : Formatting.number(final.value)
        a.explanation =
            "final: \(shown) in \(target.targetYear) against \(target.requirementText())"
        return a
    }

    /// Growth figures, projection, intervals and gap, as the reports show them, from the
    /// rule's `projection` (trend or forecast).
    private func fillFigures(
        _ a: inout TargetAssessment, projection: ReviewProjection, model: TrendModel,
        baseline: Double,
        latest: Observation, goal: Double, threshold: Double
    ) {
        let target = a.target
        let years = Double(target.targetYear - plan.baselineYear)
        let remaining = Double(target.targetYear - latest.year)
        let point = series.clamp(projection.point)
        a.projectedIntervals = projection.intervals.map {
            LevelInterval(
                level: $0.level, lower: series.clamp($0.lower), upper: series.clamp($0.upper))
        }
        a.trendGrowth = projection.growth
        a.trendGrowthInterval = projection.growthInterval
        if case .exponential = model {
            a.requiredGrowth =
                target.kind == .growth
                ? threshold : Growth.requiredRate(from: baseline, to: goal, years: years)
            a.requiredFromNow = Growth.requiredRate(from: latest.value, to: goal, years: remaining)
        } else {
            a.growthIsChange = true
            a.requiredGrowth = (goal - baseline) / years
            a.requiredFromNow = remaining > 0 ? (goal - latest.value) / remaining : nil
        }
        if target.kind == .growth {
            // Projected average growth baseline → target year.
            a.projected = Growth.requiredRate(from: baseline, to: point, years: years)
            // An interval whose end is ≤ 0 has no growth rate; such levels are left out.
            a.projectedIntervals = a.projectedIntervals.compactMap {
                guard let lo = Growth.requiredRate(from: baseline, to: $0.lower, years: years),
                    let hi = Growth.requiredRate(from: baseline, to: $0.upper, years: years)
                else { return nil }
                return LevelInterval(level: $0.level, lower: lo, upper: hi)
            }
            a.gap = a.projected.map {
                target.direction == .higher ? $0 - threshold : threshold - $0
            }
        } else {
            a.projected = point
            a.gap = target.direction == .higher ? point - threshold : threshold - point
        }
    }

    private func explanation(
        _ v: StatusRule.Verdict, target: Target, latest: Observation, pointsFitted: Int
    ) -> String {
        let latestText = "latest actual \(Formatting.number(latest.value)) (\(latest.year))"
        let pace: String
        switch options.rule {
        case .cagr: pace = "end-point pace \(plan.baselineYear)–\(latest.year)"
        case .forecast:
            pace = "forecast's pace (\(ReviewProjection.forecastDescription(points: pointsFitted)))"
        case .trend, .probability: pace = "trend over \(pointsFitted) points"
        }
        switch v.reason {
        case .latestMeetsLevel:
            return "\(latestText) already meets \(target.requirementText())"
        case .movingAway:
            return
                "\(latestText) misses \(target.requirementText()) and the \(pace) moves away from it"
        case .probability(let p):
            return
                "probability of meeting the target \(Formatting.fixed(p * 100, 0)) % (at risk below \(Formatting.fixed(options.cutoffs.probabilityAtRisk * 100, 0)) %)"
        case .noProbability:
            return
                "no prediction interval (exact fit: \(pointsFitted) points for the trend's 2 parameters)"
        case .aheadAndStaying:
            return
                "\(latestText) is already at the level the required growth gives for \(target.targetYear), and the \(pace) keeps it there"
        case .aheadButFalling:
            return
                "\(latestText) is at the level the required growth gives for \(target.targetYear), but the \(pace) falls below it by then"
        case .pace(let ratio):
            return
                "the \(pace) closes \(Formatting.fixed(ratio * 100, 0)) % of the remaining gap from the \(latestText) by \(target.targetYear)"
        case .paceButTrendShort(let ratio, let trendRatio):
            return
                "the \(pace) carried on from the \(latestText) closes \(Formatting.fixed(ratio * 100, 0)) % of the remaining gap, but the trend line only \(Formatting.fixed(trendRatio * 100, 0)) %"
        }
    }
}
