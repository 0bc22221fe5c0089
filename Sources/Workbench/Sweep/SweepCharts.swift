import Forecasting
import PlanModel
import Reports
import Simulation

/// Fan charts of a sweep, drawn by the report's chart code: for every indicator the review
/// charts and the sweep simulates, the review's chart (baseline, actuals, targets) with the
/// trend replaced by the simulated median and its 50 % (25th–75th percentile) and 90 %
/// (5th–95th) bands, starting from the baseline.
enum SweepCharts {
    static func charts(review: Review, result: SweepResult, scenario: Scenario) -> [IndicatorChart]
    {
        let p = SweepService.percentiles
        guard let i5 = p.firstIndex(of: 5), let i25 = p.firstIndex(of: 25),
            let i50 = p.firstIndex(of: 50),
            let i75 = p.firstIndex(of: 75), let i95 = p.firstIndex(of: 95)
        else { return [] }
        var out: [IndicatorChart] = []
        for chart in review.charts {
            guard let series = result.series.first(where: { $0.id == chart.indicator.id }) else {
                continue
            }
            var c = chart
            var points: [TrendPoint] = []
            let base = scenario.baselineOverrides[chart.indicator.id] ?? chart.baseline
            if let base, let first = series.years.first, first == chart.baselineYear + 1 {
                points.append(
                    TrendPoint(
                        year: chart.baselineYear, value: base,
                        bands: [
                            LevelInterval(level: 0.9, lower: base, upper: base),
                            LevelInterval(level: 0.5, lower: base, upper: base)
                        ]))
            }
            for (year, d) in zip(series.years, series.byYear) {
                let q = d.percentiles
                points.append(
                    TrendPoint(
                        year: year, value: q[i50],
                        bands: [
                            LevelInterval(level: 0.9, lower: q[i5], upper: q[i95]),
                            LevelInterval(level: 0.5, lower: q[i25], upper: q[i75])
                        ]))
            }
            c.trend = points
            if scenario.baselineOverrides[chart.indicator.id] != nil { c.baseline = base }
            out.append(c)
        }
        return out
    }
}
