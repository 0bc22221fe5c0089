import Foundation
import PlanModel
import Regression

/// The data behind an indicator's chart in a review: the trend of the baseline and the
/// actuals over the plan's years with its prediction fan, and the indicator's targets.
enum ReviewCharts {
    static func chart(plan: Plan, series: ReviewSeries, levels: [Double], illustrativeActuals: Bool)
        -> IndicatorChart?
    {
        let indicator = series.indicator
        let targets = plan.targets(for: indicator.id).filter {
            $0.kind != .qualitative && $0.threshold != nil
        }
        let level =
            targets.first { $0.kind == .level }?.threshold
            ?? targets.first { $0.kind == .maintained }?.threshold
        let model = series.model(goal: level)
        guard
            let fit = try? TrendFit.fit(
                model, x: series.years, y: series.values, series: indicator.id)
        else { return nil }
        let years = Array(plan.baselineYear...max(plan.baselineYear, plan.lastYear))
        let trend = years.map { year -> TrendPoint in
            let forecast = fit.forecast(at: Double(year), levels: levels)
            return TrendPoint(
                year: year, value: series.clamp(forecast.point),
                bands: series.clampedIntervals(forecast))
        }
        var marks: [(year: Int, value: Double, label: String)] = []
        var path: [(year: Int, value: Double)] = []
        for target in targets {
            guard let threshold = target.threshold else { continue }
            switch target.kind {
            case .level:
                marks.append(
                    (target.targetYear, threshold, "\(target.id) \(target.requirementText())"))
            case .maintained:
                marks.append(
                    (
                        target.targetYear, threshold,
                        "\(target.id) \(target.requirementText()) every year"
                    ))
            case .growth:
                if let b0 = series.baseline, path.isEmpty {
                    path = years.map {
                        (
                            $0,
                            Growth.compound(
                                b0, rate: threshold, years: Double($0 - plan.baselineYear))
                        )
                    }
                }
            case .qualitative: break
            }
        }
        return IndicatorChart(
            indicator: indicator, baselineYear: plan.baselineYear, baseline: series.baseline,
            actuals: series.actuals,
            trend: trend, targetMarks: marks, targetPath: path,
            illustrative: series.baselineIllustrative || illustrativeActuals)
    }
}
