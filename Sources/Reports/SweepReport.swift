import Foundation
import PlanModel
import PlanIO
import Simulation

/// Renders sweep results (`SweepEngine.run`) as a terminal summary or a tidy CSV table.
/// Growth metrics and inputs are shown in percent.
///
/// ```swift
/// let result = try SweepEngine.run(model: model, options: options)
/// print(SweepReport.table(result, model: model))
/// ```
public enum SweepReport {
    static func pctLabel(_ p: Double) -> String { "p" + Formatting.number(p) }

    static func isGrowth(_ metric: SweepModel.MetricKind) -> Bool { metric == .cagr }

    /// Input value of a driver in file units (percent for growth drivers).
    static func inputText(_ v: Double, driver: String, model: SweepModel) -> String {
        let growth = model.drivers.first { $0.indicator == driver }?.model != .change
        return growth ? Formatting.fixed(v * 100, 2) + " %" : Formatting.fixed(v, 2)
    }

    static func metricText(_ v: Double, _ metric: SweepModel.MetricKind) -> String {
        metric == .cagr ? Formatting.fixed(v * 100, 2) + " %" : Formatting.fixed(v, 2)
    }

    /// The columns of `csv`.
    public static let csvColumns = [
        "section", "scenario", "id", "factor", "year", "statistic", "value", "std_error",
        "ci_low", "ci_high", "unit"
    ]

    /// Tidy long CSV: one row per (section, id, factor, year, statistic).
    public static func csv(_ r: SweepResult, model: SweepModel) -> String {
        // CSVText quotes every field that needs it (names and units come from input files).
        var w = CSVText(header: csvColumns)
        appendCSVRows(r, model: model, leading: [], to: &w)
        return w.text
    }

    /// The rows of `csv` (no header), each starting with the `leading` fields (the plan id
    /// of a batch sweep, `SweepBatch`).
    public static func appendCSVRows(
        _ r: SweepResult, model: SweepModel, leading: [String], to w: inout CSVWriter
    ) {
        func row(
            _ section: String, _ id: String, _ factor: String, _ year: String, _ stat: String,
            _ value: Double,
            se: Double? = nil, ci: ClosedRange<Double>? = nil, unit: String
        ) {
            let f = { (x: Double?) in x.map { Formatting.number($0) } ?? "" }
            w.row(
                leading + [
                    section, r.scenario, id, factor, year, stat, Formatting.number(value), f(se),
                    f(ci?.lowerBound), f(ci?.upperBound), unit
                ])
        }
        for s in r.series {
            for (t, y) in s.years.enumerated() {
                let d = s.byYear[t]
                for (p, v) in zip(r.percentiles, d.percentiles) {
                    row("series", s.id, "", "\(y)", pctLabel(p), v, unit: s.unit)
                }
                row("series", s.id, "", "\(y)", "mean", d.mean, unit: s.unit)
                row("series", s.id, "", "\(y)", "sd", d.sd, unit: s.unit)
            }
        }
        for t in r.targets {
            row(
                "target", t.id, "", "\(t.targetYear)", "probability", t.probability,
                se: t.standardError, unit: "share")
            let scale = t.metric == .cagr ? 100.0 : 1
            let unit = t.metric == .cagr ? "%/yr" : (model.plan.indicator(t.indicator)?.unit ?? "")
            let m = t.metricDistribution
            for (p, v) in zip(r.percentiles, m.percentiles) {
                row(
                    "target", t.id, "", "\(t.targetYear)", "metric_" + pctLabel(p), v * scale,
                    unit: unit)
            }
            row("target", t.id, "", "\(t.targetYear)", "metric_mean", m.mean * scale, unit: unit)
        }
        for b in r.tornado {
            let tgt = r.targets.first { $0.id == b.target }
            let scale = tgt?.metric == .cagr ? 100.0 : 1
            let unit =
                tgt?.metric == .cagr
                ? "%/yr" : (tgt.flatMap { model.plan.indicator($0.indicator)?.unit } ?? "")
            let growth = model.drivers.first { $0.indicator == b.driver }?.model != .change
            let inScale = growth ? 100.0 : 1
            row(
                "tornado", b.target, b.driver, "", "input_low", b.lowInput * inScale,
                unit: growth ? "%/yr" : "per yr")
            row(
                "tornado", b.target, b.driver, "", "input_high", b.highInput * inScale,
                unit: growth ? "%/yr" : "per yr")
            row(
                "tornado", b.target, b.driver, "", "metric_at_low", b.metricAtLow * scale,
                unit: unit)
            row(
                "tornado", b.target, b.driver, "", "metric_at_high", b.metricAtHigh * scale,
                unit: unit)
            row(
                "tornado", b.target, b.driver, "", "metric_at_centre", b.metricAtCentre * scale,
                unit: unit)
        }
        for s in r.sobol {
            row(
                "sobol", s.target, s.factor, "", "first_order", s.firstOrder,
                ci: s.firstOrderInterval, unit: "share")
            row(
                "sobol", s.target, s.factor, "", "total", s.total, ci: s.totalInterval,
                unit: "share")
        }
    }

    /// Terminal summary: targets first (the answer), then series, tornado and Sobol tables.
    public static func table(_ r: SweepResult, model: SweepModel) -> String {
        var out: [String] = []
        out.append(
            "Sweep \(r.scenario) — plan \(model.plan.id), \(r.mode.rawValue), \(r.samples) scenarios, seed \(r.seed)"
        )
        out.append("")
        var tt = TextTable(
            header: [
                "target", "indicator", "required", "P(met)", "± s.e.", "median [p5–p95]",
                "driver that matters most", "yearly noise"
            ],
            alignments: [.left, .left, .left, .right, .right, .right, .left, .right])
        let i5 = r.percentiles.firstIndex(of: 5), i50 = r.percentiles.firstIndex(of: 50),
            i95 = r.percentiles.firstIndex(of: 95)
        for t in r.targets {
            let m = t.metricDistribution
            var band =
                i50.map { metricText(m.percentiles[$0], t.metric) } ?? metricText(m.mean, t.metric)
            if let i5, let i95 {
                band +=
                    " [\(metricText(m.percentiles[i5], t.metric))–\(metricText(m.percentiles[i95], t.metric))]"
            }
            let most =
                r.mostInfluential(for: t.id).map { m -> String in
                    m.by == "tornado swing"
                        ? "\(m.factor) (swing \(metricText(m.value, t.metric)))"
                        : "\(m.factor) (ST \(Formatting.fixed(m.value, 2)))"
                } ?? "—"
            let noise = r.volatilityShare(for: t.id).map { "ST " + Formatting.fixed($0, 2) } ?? "—"
            let metricName =
                t.metric == .cagr
                ? "CAGR \(model.plan.baselineYear)–\(t.targetYear)"
                : (t.metric == .level ? "\(t.targetYear)" : "worst year")
            tt.append([
                t.id, "\(t.indicator) (\(metricName))", t.requirement,
                Formatting.fixed(t.probability * 100, 1) + " %",
                t.standardError.map { Formatting.fixed($0 * 100, 2) } ?? "—", band, most, noise
            ])
        }
        out.append(
            "Targets (P(met) and s.e. in percent; ST = total Sobol index: share of the metric's variance the factor takes part in)"
        )
        out.append(tt.render())
        out.append("")
        var st = TextTable(
            header: ["series", "year"] + r.percentiles.map(pctLabel) + ["mean", "sd", "unit"],
            alignments: [.left, .right] + r.percentiles.map { _ in .right } + [
                .right, .right, .left
            ])
        for s in r.series {
            for (t, y) in s.years.enumerated() {
                let d = s.byYear[t]
                st.append(
                    [s.id + (s.usesIllustrativeBaseline ? "*" : ""), "\(y)"]
                        + d.percentiles.map { Formatting.fixed($0, 2) }
                        + [Formatting.fixed(d.mean, 2), Formatting.fixed(d.sd, 2), s.unit])
            }
        }
        out.append("Series (* = illustrative baseline)")
        out.append(st.render())
        if !r.tornado.isEmpty {
            out.append("")
            var tb = TextTable(
                header: [
                    "target", "driver", "driver low–high", "metric at low", "at high", "swing"
                ],
                alignments: [.left, .left, .right, .right, .right, .right])
            for b in r.tornado where b.swing > 0 {
                let metric = r.targets.first { $0.id == b.target }?.metric ?? .level
                tb.append([
                    b.target, b.driver,
                    inputText(b.lowInput, driver: b.driver, model: model) + " – "
                        + inputText(b.highInput, driver: b.driver, model: model),
                    metricText(b.metricAtLow, metric), metricText(b.metricAtHigh, metric),
                    metricText(b.swing, metric)
                ])
            }
            out.append(
                "Tornado (one driver across its range, others at their middle, no volatility; drivers with no effect left out)"
            )
            out.append(tb.render())
        }
        if !r.sobol.isEmpty {
            out.append("")
            var sb = TextTable(
                header: ["target", "factor", "first order [95 % CI]", "total [95 % CI]"],
                alignments: [.left, .left, .right, .right])
            func ci(_ v: Double, _ r: ClosedRange<Double>) -> String {
                "\(Formatting.fixed(v, 3)) [\(Formatting.fixed(r.lowerBound, 3)), \(Formatting.fixed(r.upperBound, 3))]"
            }
            for s in r.sobol {
                sb.append([
                    s.target, s.factor, ci(s.firstOrder, s.firstOrderInterval),
                    ci(s.total, s.totalInterval)
                ])
            }
            out.append(
                "Sobol indices (Saltelli sampling, Jansen estimators, N = \(r.sobolSamples); see docs/sweep.md)"
            )
            out.append(sb.render())
        }
        if !r.notes.isEmpty {
            out.append("")
            out += r.notes.map { "Note: " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
