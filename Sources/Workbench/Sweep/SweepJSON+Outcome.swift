import Foundation
import PlanModel
import Reports
import Simulation

extension SweepJSON {
    /// The answer to a sweep request, in the page's language; `charts` adds the fan charts.
    init(
        outcome: SweepService.Outcome, cached: Bool, workspace: PlanWorkspace, yaml: String,
        language: ReportLanguage, charts: Bool
    ) {
        let r = outcome.result, model = outcome.model
        let review = workspace.review
        let i50 = SweepService.percentiles.firstIndex(of: 50)!
        let i5 = SweepService.percentiles.firstIndex(of: 5)!,
            i95 = SweepService.percentiles.firstIndex(of: 95)!
        func number(_ x: Double, _ decimals: Int) -> String {
            ReviewReport.number(x, decimals: decimals, review: review, language: language)
        }
        scenario = r.scenario
        samples = r.samples
        seed = r.seed
        self.cached = cached
        engineMilliseconds = (outcome.engineSeconds * 1e4).rounded() / 10
        targets = r.targets.map { t in
            let growth = t.metric == .cagr
            let scale = growth ? 100.0 : 1.0
            let q = t.metricDistribution.percentiles.map { $0 * scale }
            let unit =
                growth
                ? (language == .vi ? "%/năm" : "%/yr")
                : (model.plan.indicator(t.indicator)?.unit ?? "")
            let decimals = growth ? 2 : ReportNumberFormat.naturalDecimals(q[i50])
            let separator = language == .vi ? "; " : ", "
            return TargetJSON(
                id: t.id, indicator: t.indicator, requirement: t.requirement,
                metric: t.metric.rawValue,
                targetYear: t.targetYear, probability: t.probability,
                standardError: t.standardError,
                projected: q[i50], projectedLow: q[i5], projectedHigh: q[i95], unit: unit,
                probabilityText: number(t.probability * 100, 1) + " %",
                projectedText:
                    "\(number(q[i50], decimals)) [\(number(q[i5], decimals))\(separator)\(number(q[i95], decimals))] \(unit)"
            )
        }
        series = r.series.map { s in
            SeriesJSON(
                id: s.id, unit: s.unit, years: s.years, percentiles: s.byYear.map(\.percentiles))
        }
        notes = r.notes
        self.yaml = yaml
        if charts {
            let drawn = SweepCharts.charts(review: review, result: r, scenario: model.scenario)
            self.charts = drawn.enumerated().map { i, c in
                ChartJSON(
                    indicator: c.indicator.id,
                    svg: ReviewReport.chartSVG(
                        c, review: review, language: language, index: 100 + i, simulated: true))
            }
        } else {
            self.charts = nil
        }
    }
}
