import Foundation
import PlanIO
import PlanModel
import Regression

extension FitRunner {
    static func short(_ v: Double) -> String { String(format: "%.6g", v) }

    static func singleTable(_ f: TrendFit, spec: FitSpec, file: String, xs: [Double]) -> String {
        let r = f.regression
        var s =
            "\(f.model) trend of \(spec.y) on \(spec.x) (\(file)): n = \(r.observationCount), df = \(r.residualDegreesOfFreedom)"
        if spec.weights != nil { s += ", weighted by \(spec.weights!)" }
        s += "\n\n"
        var ct = TextTable(
            header: ["coefficient", "estimate", "std. error", "t"],
            alignments: [.left, .right, .right, .right])
        for (k, b) in f.coefficients.enumerated() {
            let se = r.standardErrors?[k]
            ct.append([
                "b\(k)" + (k == 0 ? " (intercept)" : k == 1 ? " (\(spec.x))" : " (\(spec.x)^\(k))"),
                String(format: "%.15g", b), se.map { String(format: "%.10g", $0) } ?? "NA",
                se.map { String(format: "%.3f", b / $0) } ?? "NA"
            ])
        }
        s += ct.render() + "\n"
        s += "residual SD " + (r.residualStandardDeviation.map(short) ?? "NA")
        s += ", R² " + (r.rSquared.map { String(format: "%.6f", $0) } ?? "NA")
        s += ", adjusted R² " + (r.adjustedRSquared.map { String(format: "%.6f", $0) } ?? "NA")
        s += ", condition estimate " + String(format: "%.3g", r.conditionEstimate)
        if f.model.isTransformed {
            s += "\n(model scale: \(f.model == .exponential ? "log y" : "logit of y/bound"))"
        }
        s += "\n"
        if let g = f.growthRate(levels: spec.levels) {
            s += "\nannual growth " + String(format: "%.4f %%/yr", g.rate * 100)
            for iv in g.intervals {
                s +=
                    "; \(pct(iv.level)) %: "
                    + String(format: "%.4f … %.4f", iv.lower * 100, iv.upper * 100)
            }
            s += "\n"
        }
        if let reason = f.noIntervalReason { s += "\n\(reason).\n" }
        var header = [spec.x, f.model.isTransformed ? "median" : "point"]
        for l in spec.levels {
            header += [
                "mean lo \(pct(l))", "mean hi \(pct(l))", "pred lo \(pct(l))", "pred hi \(pct(l))"
            ]
        }
        var ft = TextTable(
            header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
        for fc in f.forecast(at: xs, levels: spec.levels) {
            var row = [Formatting.number(fc.x), short(fc.point)]
            if fc.intervals.isEmpty { row += Array(repeating: "NA", count: 4 * spec.levels.count) }
            for iv in fc.intervals {
                row += [
                    short(iv.meanLower), short(iv.meanUpper), short(iv.predictionLower),
                    short(iv.predictionUpper)
                ]
            }
            ft.append(row)
        }
        return s + "\nforecast\n" + ft.render() + "\n"
    }

    static func groupTable(
        _ outcomes: [(s: FitSeries, outcome: FitOutcome)], spec: FitSpec, until: Double
    ) -> String {
        let last = spec.levels.last!
        var header = [
            "group", "n", "growth %/yr", "R²", "\(Formatting.number(until))",
            "pred lo \(pct(last))", "pred hi \(pct(last))", "note"
        ]
        if spec.model != .exponential { header.remove(at: 2) }
        var t = TextTable(
            header: header,
            alignments: [.left] + Array(repeating: .right, count: header.count - 2) + [.left])
        for o in outcomes {
            switch o.outcome {
            case .notFitted(let m):
                var row = [o.s.name, "\(o.s.x.count)", "", "", "", "", m]
                if spec.model == .exponential { row.insert("", at: 2) }
                t.append(row)
            case .fitted(let f):
                let fc = f.forecast(at: until, levels: [last])
                var row = [o.s.name, "\(f.regression.observationCount)"]
                if let g = f.growthRate(levels: [last]) {
                    row.append(String(format: "%.3f", g.rate * 100))
                }
                row += [
                    f.regression.rSquared.map { String(format: "%.4f", $0) } ?? "NA",
                    short(fc.point),
                    fc.intervals.first.map { short($0.predictionLower) } ?? "NA",
                    fc.intervals.first.map { short($0.predictionUpper) } ?? "NA",
                    fc.noIntervalReason == nil ? "" : "exact fit: no interval"
                ]
                t.append(row)
            }
        }
        return
            "\(spec.model) trend of \(spec.y) on \(spec.x), by \(spec.group ?? ""); forecast at \(Formatting.number(until))\n"
            + t.render() + "\n"
    }

}
