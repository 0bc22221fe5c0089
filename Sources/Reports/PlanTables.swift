import Foundation
import Forecasting
import PlanIO
import PlanModel

/// Writers for `targets` and `project`: CSV (tidy, long: one row per observation unit,
/// documented in the README), JSON, and aligned terminal tables.
public enum PlanTables {
    /// Numbers in CSV: 12 significant digits, `.` decimal point, no grouping.
    public static func csvNumber(_ v: Double?) -> String {
        guard let v else { return "" }
        if !v.isFinite { return "" }
        return String(format: "%.12g", v)
    }

    static func bool(_ b: Bool?) -> String { b.map { $0 ? "true" : "false" } ?? "" }

    // MARK: targets

    public static func targetsTable(_ plan: Plan) -> String {
        var t = TextTable(header: [
            "id", "item", "appendix", "target (vi)", "kind", "requirement", "year", "responsible"
        ])
        for x in plan.targets {
            t.append([
                x.id, x.planItem, x.appendixRow.replacingOccurrences(of: "PL I.", with: ""),
                x.nameVi, x.kind.rawValue,
                x.requirementText()
                    + (x.kind == .growth
                        ? "" : (x.unit == "%" || x.unit == "Đạt" ? "" : " " + x.unit)),
                x.kind == .maintained ? "\(x.startYear)–\(x.targetYear)" : String(x.targetYear),
                x.responsibleUnit
            ])
        }
        let numbered = Set(plan.targets.map(\.planItem).filter { !$0.isEmpty }).count
        return
            "\(plan.nameVi)\n\(plan.targets.count) targets (\(numbered) numbered items in the plan's list of main targets; appendix rows in the third column)\n\n"
            + t.render(maxColumnWidth: 58) + "\n"
    }

    public static func targetsJSON(_ plan: Plan) throws -> String {
        struct J: Encodable {
            let id, indicator, plan_item, appendix_row, name_vi, name_en, unit, kind,
                comparator: String
            let value_low, value_high: Double?
            let start_year, target_year: Int
            let direction, responsible_unit, source, note: String
        }
        let rows = plan.targets.map { t -> J in
            let s = t.kind == .growth ? 100.0 : 1.0
            return J(
                id: t.id, indicator: t.indicator, plan_item: t.planItem,
                appendix_row: t.appendixRow, name_vi: t.nameVi,
                name_en: t.nameEn, unit: t.unit, kind: t.kind.rawValue,
                comparator: t.low == nil ? "" : t.comparator.rawValue,
                value_low: t.low.map { Double(csvNumber($0 * s))! },
                value_high: t.high.map { Double(csvNumber($0 * s))! },
                start_year: t.startYear, target_year: t.targetYear, direction: t.direction.rawValue,
                responsible_unit: t.responsibleUnit, source: t.source, note: t.note)
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(rows), as: UTF8.self) + "\n"
    }

    // MARK: project

    public static let pathColumns = [
        "plan", "scenario", "indicator", "name_en", "unit", "year", "value", "growth_pct", "basis",
        "path_target", "illustrative"
    ]

    public static func pathsCSV(_ projections: [Projection]) -> String {
        var w = CSVWriter(header: pathColumns)
        for p in projections {
            for s in p.series {
                for pt in s.points {
                    w.row([
                        p.planId, p.scenario, s.indicator.id, s.indicator.nameEn, s.indicator.unit,
                        String(pt.year),
                        csvNumber(pt.value), csvNumber(pt.growth.map { $0 * 100 }),
                        pt.year == s.points[0].year
                            ? ProjectionBasis.baseline.rawValue : s.basis.rawValue,
                        s.pathTarget ?? "", bool(s.illustrative)
                    ])
                }
            }
        }
        return w.text
    }

    public static let outcomeColumns = [
        "plan", "scenario", "target", "indicator", "kind", "requirement", "target_year",
        "projected",
        "projected_unit", "projected_year", "met", "exceeds_range", "required_growth_pct",
        "required_change_per_year", "basis", "illustrative", "remark"
    ]

    public static func outcomesCSV(_ projections: [Projection]) -> String {
        var w = CSVWriter(header: outcomeColumns)
        for p in projections {
            for o in p.outcomes {
                let t = o.target
                let isGrowth = t.kind == .growth
                w.row([
                    p.planId, p.scenario, t.id, t.indicator, t.kind.rawValue, t.requirementText(),
                    String(t.targetYear),
                    csvNumber(o.projected.map { isGrowth ? $0 * 100 : $0 }),
                    isGrowth ? "%/yr" : (t.kind == .qualitative ? "" : t.unit),
                    o.year.map(String.init) ?? "", bool(o.met), bool(o.exceedsRange),
                    csvNumber(o.requiredGrowth.map { $0 * 100 }), csvNumber(o.requiredChange),
                    o.basis?.rawValue ?? "", bool(o.illustrative), o.remark
                ])
            }
        }
        return w.text
    }

    public static func findingsCSV(_ findings: [Finding], plan: Plan) -> String {
        var w = CSVWriter(header: [
            "plan", "check", "severity", "targets", "message", "illustrative"
        ])
        for f in findings {
            w.row([
                plan.id, f.kind.rawValue, f.severity.rawValue, f.targets.joined(separator: " "),
                f.message, bool(f.illustrative)
            ])
        }
        return w.text
    }

    /// The terminal report of `project`: paths (one row per indicator and scenario), outcomes
    /// (one row per target, one column per scenario) and consistency findings.
    public static func projectionTable(_ projections: [Projection], plan: Plan, findings: [Finding])
        -> String
    {
        var out =
            "\(plan.nameVi)\nProjection from the \(plan.baselineYear) baseline, \(plan.firstYear)–\(plan.lastYear); scenarios: \(projections.map(\.scenario).joined(separator: ", "))\n"
        let years = [plan.baselineYear] + Array(plan.years)
        var paths = TextTable(
            header: ["indicator", "unit", "scenario"] + years.map(String.init) + ["basis"],
            alignments: [.left, .left, .left] + years.map { _ in .right } + [.left])
        var anyIllustrative = false
        for ind in plan.indicators {
            for p in projections {
                guard let s = p.series(ind.id) else { continue }
                // Series that do not depend on the scenario are shown once.
                if s.basis != .driver && s.basis != .components
                    && p.scenario != projections[0].scenario
                {
                    continue
                }
                let mark = s.illustrative ? "*" : ""
                anyIllustrative = anyIllustrative || s.illustrative
                let scen = (s.basis == .driver || s.basis == .components) ? p.scenario : "(all)"
                let basis =
                    s.basis == .requiredPath
                    ? "required path \(s.pathTarget ?? "")" : s.basis.rawValue
                paths.append(
                    [ind.id + mark, ind.unit, scen]
                        + s.points.map { Formatting.fixed($0.value, $0.value >= 1000 ? 0 : 2) } + [
                            basis
                        ])
            }
        }
        out +=
            "\nProjected values (basis: driver = scenario growth; components = sum of sectors; required path = constant growth/change that just reaches the level target; held = kept at baseline)\n"
        out += paths.render(maxColumnWidth: 32) + "\n"

        var outcomes = TextTable(
            header: ["target", "requirement", "year"] + projections.map(\.scenario) + [
                "needed from baseline"
            ],
            alignments: [.left, .left, .right] + projections.map { _ in .right } + [.right])
        for (i, t) in plan.targets.enumerated() {
            var row = [t.id, t.requirementText(), String(t.targetYear)]
            var needed = ""
            for p in projections {
                let o = p.outcomes[i]
                row.append(cell(o))
                if let g = o.requiredGrowth, t.kind == .level {
                    needed = Formatting.fixed(g * 100, 2) + " %/yr"
                } else if let c = o.requiredChange, t.kind == .level {
                    needed = Formatting.fixed(c, 2) + "/yr"
                }
            }
            if t.kind == .level, let c = projections.first?.outcomes[i].requiredChange,
                plan.indicator(t.indicator)?.measure == .rate
            {
                needed = (c >= 0 ? "+" : "") + Formatting.fixed(c, 2) + " pp/yr"
            }
            row.append(needed)
            outcomes.append(row)
        }
        out +=
            "\nTargets under each scenario (growth targets: average annual growth \(plan.baselineYear)–target year; levels: value in the target year; maintained: worst year). ✓ met, ✗ not met, ~ on the required path, · not quantifiable\n"
        out += outcomes.render(maxColumnWidth: 28) + "\n"

        if !findings.isEmpty {
            out += "\nConsistency of the targets given the baseline\n"
            for f in findings {
                let sym = ["consistent": "✓", "note": "•", "conflict": "✗"][f.severity.rawValue]!
                out += "  \(sym) [\(f.kind.rawValue)] \(f.message)\(f.illustrative ? " *" : "")\n"
            }
        }
        if anyIllustrative {
            let ids = plan.illustrativeIndicators
            out +=
                "\n* Uses ILLUSTRATIVE baseline values (not official figures): \(ids.joined(separator: ", ")). Replace baseline.csv with official 2025 figures.\n"
        }
        return out
    }

    static func cell(_ o: TargetOutcome) -> String {
        let t = o.target
        guard let v = o.projected else { return "·" }
        let text = t.kind == .growth ? Formatting.fixed(v * 100, 2) + " %" : Formatting.fixed(v, 2)
        let mark: String
        switch o.met {
        case .some(true): mark = o.exceedsRange ? "✓+" : "✓"
        case .some(false): mark = "✗"
        case .none: mark = "~"
        }
        return "\(text) \(mark)\(o.illustrative ? "*" : "")"
    }
}
