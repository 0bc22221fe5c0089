import Foundation
import Distributions
import PlanModel
import Regression
import TimeSeriesForecasting

/// What the rule's model says about a target year, in the indicator's unit: the point
/// (a median on log and logit scales), the prediction intervals, and the observed growth
/// (a fraction per year on a log scale, else a change in the unit per year) with its
/// confidence interval. `TargetAssessor` turns it into the reports' figures.
struct ReviewProjection {
    var point: Double
    var intervals: [LevelInterval]
    var growth: Double?
    var growthInterval: LevelInterval?

    /// The forecast model in words, for explanations.
    static func forecastDescription(points: Int) -> String {
        "random walk with drift over \(points) points"
    }

    /// Why the forecast rule uses that model (the assessment's explanation ends with it).
    static func forecastReason(_ forecast: TargetYearForecast) -> String {
        let scale: String
        switch forecast.scale {
        case .identity: scale = "on the values"
        case .logarithm: scale = "on the log scale"
        case .logit(let b): scale = "on the logit scale of value/\(Formatting.number(b))"
        }
        let spread =
            forecast.degreesOfFreedom >= 1
            ? "Student-t intervals with \(forecast.degreesOfFreedom) df"
            : "no interval from \(forecast.points) points"
        return
            "model: random walk with drift \(scale), \(spread); \(forecast.points) points are too few to choose a model by held-out error, and drift forecasts yearly series better than a least-squares trend"
    }
}

extension TargetAssessor {
    /// The least-squares trend's projection for `year` (trend, CAGR and probability rules).
    func projection(_ fit: TrendFit, year: Double, baseline: Double, latest: Observation)
        -> ReviewProjection
    {
        let levels = options.levels
        let latestYears = Double(latest.year - plan.baselineYear)
        let forecast = fit.forecast(at: year, levels: levels)
        var p = ReviewProjection(
            point: forecast.point,
            intervals: forecast.intervals.map {
                LevelInterval(level: $0.level, lower: $0.predictionLower, upper: $0.predictionUpper)
            })
        switch fit.model {
        case .exponential:
            let growth = fit.growthRate(levels: levels)!
            p.growth =
                options.rule == .cagr
                ? Growth.requiredRate(from: baseline, to: latest.value, years: latestYears)
                : growth.rate
            if let iv = growth.intervals.last {
                p.growthInterval = LevelInterval(level: iv.level, lower: iv.lower, upper: iv.upper)
            }
        case .logistic, .linear, .polynomial:
            // Shown in the unit: average change per year of the trend (or end points).
            let fittedBase = fit.forecast(at: Double(plan.baselineYear), levels: []).point
            let fittedNow = fit.forecast(at: Double(latest.year), levels: []).point
            p.growth =
                options.rule == .cagr
                ? (latest.value - baseline) / latestYears : (fittedNow - fittedBase) / latestYears
            if case .linear = fit.model, let se = fit.regression.standardErrors?[1],
                fit.residualDegreesOfFreedom > 0, let level = levels.max()
            {
                let tq = StudentT.critical(
                    level: level, degreesOfFreedom: Double(fit.residualDegreesOfFreedom))
                p.growthInterval = LevelInterval(
                    level: level, lower: fit.coefficients[1] - tq * se,
                    upper: fit.coefficients[1] + tq * se)
            }
        }
        return p
    }

    /// The drift forecast's projection for `year` (forecast rule): median and intervals
    /// of its prediction distribution; growth = the drift (a compound rate on the log
    /// scale, else the end-point change per year in the unit).
    func projection(
        _ forecast: TargetYearForecast, distribution: ForecastDistribution?, year: Double,
        baseline: Double, latest: Observation
    ) -> ReviewProjection {
        var p = ReviewProjection(
            point: forecast.scale.inverse(forecast.median(at: year)), intervals: [])
        if let distribution {
            p.intervals = options.levels.map { level in
                let iv = distribution.interval(level: level)
                return LevelInterval(level: level, lower: iv.lower, upper: iv.upper)
            }
        }
        let level = options.levels.max()
        switch forecast.scale {
        case .logarithm:
            p.growth = expm1(forecast.drift)
            if let level, let iv = forecast.driftInterval(level: level) {
                p.growthInterval = LevelInterval(
                    level: level, lower: expm1(iv.lower), upper: expm1(iv.upper))
            }
        case .identity:
            p.growth = forecast.drift
            if let level, let iv = forecast.driftInterval(level: level) {
                p.growthInterval = LevelInterval(level: level, lower: iv.lower, upper: iv.upper)
            }
        case .logit:
            // The drift is on the logit scale; shown as the end-point change in the unit.
            p.growth = (latest.value - baseline) / Double(latest.year - plan.baselineYear)
        }
        return p
    }
}
