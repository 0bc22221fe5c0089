import Foundation
import PlanIO
import PlanModel
import Regression

extension FitRunner {
    static func num(_ v: Double?) -> String { v.map { "\($0)" } ?? "" }
    static func singleCSV(_ f: TrendFit, spec: FitSpec, xs: [Double]) -> String {
        var csv = CSVWriter(header: [
            spec.x, "point", "point_is_median", "level_pct", "mean_lower", "mean_upper",
            "prediction_lower", "prediction_upper", "note"
        ])
        for fc in f.forecast(at: xs, levels: spec.levels) {
            if fc.intervals.isEmpty {
                csv.row([
                    Formatting.number(fc.x), "\(fc.point)", "\(fc.pointIsMedian)", "", "", "", "",
                    "", fc.noIntervalReason ?? ""
                ])
            }
            for iv in fc.intervals {
                csv.row([
                    Formatting.number(fc.x), "\(fc.point)", "\(fc.pointIsMedian)", pct(iv.level),
                    "\(iv.meanLower)", "\(iv.meanUpper)", "\(iv.predictionLower)",
                    "\(iv.predictionUpper)", ""
                ])
            }
        }
        return csv.text
    }

    static func groupHeader(spec: FitSpec) -> [String] {
        let p = spec.model.parameterCount
        var h = ["group", "model", "n", "df", "status"]
        h += (0..<p).map { "b\($0)" } + (0..<p).map { "se_b\($0)" }
        h += ["residual_sd", "r_squared", "adj_r_squared", "growth_pct"]
        for l in spec.levels { h += ["growth_lo_\(pct(l))", "growth_hi_\(pct(l))"] }
        h += ["x", "point"]
        for l in spec.levels {
            h += [
                "mean_lo_\(pct(l))", "mean_hi_\(pct(l))", "pred_lo_\(pct(l))", "pred_hi_\(pct(l))"
            ]
        }
        h.append("message")
        return h
    }

    /// Writes one group's CSV row (columns of `groupHeader`) straight into `csv`.
    static func groupRow(
        _ csv: inout CSVWriter, _ name: String, _ outcome: FitOutcome, n: Int, spec: FitSpec,
        until: Double, untilText: String, tCache: inout [Int: [Double]]
    ) {
        let p = spec.model.parameterCount
        let L = spec.levels.count
        csv.add(name); csv.add(spec.model.description)
        switch outcome {
        case .notFitted(let m):
            csv.add("\(n)"); csv.add(""); csv.add("not_fitted")
            csv.addEmpty(2 * p + 4 + 2 * L + 2 + 4 * L)
            csv.add(m)
        case .fitted(let f):
            let r = f.regression
            csv.add("\(r.observationCount)"); csv.add("\(r.residualDegreesOfFreedom)");
            csv.add("fitted")
            for b in f.coefficients { csv.add(b) }
            if let se = r.standardErrors { for v in se { csv.add(v) } } else { csv.addEmpty(p) }
            csv.add(r.residualStandardDeviation); csv.add(r.rSquared); csv.add(r.adjustedRSquared)
            // Student-t critical values, computed once per residual df.
            let df = r.residualDegreesOfFreedom
            var ts = tCache[df]
            if ts == nil, let t = f.criticalValues(levels: spec.levels) { ts = t; tCache[df] = t }
            if let g = f.growthRate(levels: spec.levels, criticalValues: ts) {
                csv.add(g.rate * 100)
                if g.intervals.isEmpty { csv.addEmpty(2 * L) }
                for iv in g.intervals { csv.add(iv.lower * 100); csv.add(iv.upper * 100) }
            } else {
                csv.addEmpty(1 + 2 * L)
            }
            let fc = f.forecast(at: until, levels: spec.levels, criticalValues: ts)
            csv.add(untilText); csv.add(fc.point)
            if fc.intervals.isEmpty { csv.addEmpty(4 * L) }
            for iv in fc.intervals {
                csv.add(iv.meanLower); csv.add(iv.meanUpper); csv.add(iv.predictionLower);
                csv.add(iv.predictionUpper)
            }
            csv.add(f.noIntervalReason ?? "")
        }
        csv.endRow()
    }

    /// Fits every group and writes its row, in contiguous chunks on all cores (the rows
    /// come out in input order; the result is byte-identical to the serial `groupCSV`).
    static func parallelGroupCSV(_ series: [FitSeries], file: String, spec: FitSpec) -> [UInt8] {
        let until = spec.until ?? ((series.flatMap(\.x).max() ?? 0) + 5)
        let untilText = Formatting.number(until)
        let header = CSVWriter(header: groupHeader(spec: spec)).bytes
        let chunks = max(
            1, min(ProcessInfo.processInfo.activeProcessorCount * 2, series.count / 2000))
        let parts = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = series.count * c / chunks, hi = series.count * (c + 1) / chunks
            var csv = CSVWriter()
            var tCache: [Int: [Double]] = [:]
            for s in series[lo..<hi] {
                groupRow(
                    &csv, s.name, fitGroup(s, spec: spec, file: file), n: s.x.count, spec: spec,
                    until: until,
                    untilText: untilText, tCache: &tCache)
            }
            parts.set(c, csv.bytes)
        }
        var out = header
        for c in 0..<chunks { out += parts.get(c) }
        return out
    }

    static func groupCSV(
        _ outcomes: [(s: FitSeries, outcome: FitOutcome)], spec: FitSpec, until: Double
    ) -> String {
        String(decoding: groupCSVBytes(outcomes, spec: spec, until: until), as: UTF8.self)
    }

    static func groupCSVBytes(
        _ outcomes: [(s: FitSeries, outcome: FitOutcome)], spec: FitSpec, until: Double
    ) -> [UInt8] {
        var csv = CSVWriter(header: groupHeader(spec: spec))
        let untilText = Formatting.number(until)
        var tCache: [Int: [Double]] = [:]
        for o in outcomes {
            groupRow(
                &csv, o.s.name, o.outcome, n: o.s.x.count, spec: spec, until: until,
                untilText: untilText, tCache: &tCache)
        }
        return csv.bytes
    }

}

final class ChunkResults: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [UInt8]) { lock.lock(); slots[i] = v; lock.unlock() }
    func get(_ i: Int) -> [UInt8] { lock.lock(); defer { lock.unlock() }; return slots[i] }
}
