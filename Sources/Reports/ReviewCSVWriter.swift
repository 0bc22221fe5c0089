import Foundation
import Forecasting
import PlanIO
import PlanModel

/// `review --format csv`: one row per target, tidy (one value per cell, units in their own
/// columns, percent figures in `_pct` columns), documented in `docs/review.md`.
///
/// Numbers have up to 12 significant digits and no grouping; with `CSVStyle.plain` and
/// `.excel` the decimal separator is `.`, with `.excelSemicolon` it is `,` and fields are
/// separated by `;`. Missing values are empty; booleans `true`/`false`. Only `status_label`
/// depends on the report language. The Excel styles also defuse text that Excel would
/// run as a formula (`excelSafe`).
struct ReviewCSVWriter {
    let review: Review
    let language: ReportLanguage
    let style: CSVStyle

    static func levelTag(_ level: Double) -> String {
        Formatting.number(level * 100).replacingOccurrences(of: ".", with: "_")
    }

    static func columns(levels: [Double]) -> [String] {
        var c = [
            "plan", "as_of", "rule", "target", "indicator", "name_vi", "name_en", "kind",
            "comparator", "value_low", "value_high",
            "value_unit", "start_year", "target_year", "direction", "status", "status_label",
            "light", "progress_ratio_pct",
            "baseline_year", "baseline", "latest_year", "latest", "latest_estimate", "unit",
            "trend_model",
            "growth_unit", "trend_growth", "trend_growth_level_pct", "trend_growth_low",
            "trend_growth_high",
            "required_growth", "required_from_now", "projected", "projected_unit"
        ]
        for l in levels.sorted() {
            c += ["projected_low_\(levelTag(l))", "projected_high_\(levelTag(l))"]
        }
        c += [
            "gap", "gap_unit", "probability_pct", "years_missed", "responsible_unit",
            "illustrative", "explanation"
        ]
        return c
    }

    /// Levels of the review, or those found in the assessments when `review.levels` is empty.
    var levels: [Double] {
        let ls =
            review.levels.isEmpty
            ? review.assessments.flatMap { $0.projectedIntervals.map(\.level) } : review.levels
        var seen: [Double] = []
        for l in ls.sorted() where !seen.contains(where: { abs($0 - l) < 1e-9 }) { seen.append(l) }
        return seen
    }

    /// For the Excel styles: a text field that Excel would run as a formula (first
    /// character `=`, `+`, `-`, `@`, tab or carriage return, and not a number) gets a
    /// leading `'`, which Excel shows as text. Numbers, including negative ones, are kept.
    func excelSafe(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first)
        else { return field }
        let asNumber = field.replacingOccurrences(of: String(style.decimalSeparator), with: ".")
        if Double(asNumber) != nil { return field }
        return "'" + field
    }

    func num(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "" }
        let s = Formatting.number(v)
        return style.decimalSeparator == "."
            ? s : s.replacingOccurrences(of: ".", with: String(style.decimalSeparator))
    }
    func pct(_ v: Double?) -> String { num(v.map { $0 * 100 }) }
    static func bool(_ b: Bool) -> String { b ? "true" : "false" }

    func render() -> String {
        let plan = review.plan
        let levels = self.levels
        var w = CSVWriter(header: Self.columns(levels: levels), delimiter: style.delimiter)
        for a in review.assessments {
            let tg = a.target
            let ind = plan.indicator(tg.indicator)
            let unit = ind?.unit ?? tg.unit
            let growthTarget = tg.kind == .growth
            // Growth figures: percent per year, or a change in the unit per year.
            let growthUnit =
                a.growthIsChange ? (unit.hasPrefix("%") ? "pp/yr" : "\(unit)/yr") : "%/yr"
            func g(_ v: Double?) -> String { a.growthIsChange ? num(v) : pct(v) }
            func p(_ v: Double?) -> String { growthTarget ? pct(v) : num(v) }
            var row = [
                plan.id, String(review.asOf), review.rule.rawValue, tg.id, tg.indicator, tg.nameVi,
                tg.nameEn, tg.kind.rawValue,
                tg.low == nil ? "" : tg.comparator.rawValue,
                growthTarget ? pct(tg.low) : num(tg.low),
                growthTarget ? pct(tg.high) : num(tg.high),
                tg.low == nil ? "" : (growthTarget ? "%/yr" : unit),
                String(tg.startYear), String(tg.targetYear), tg.direction.rawValue,
                a.status.rawValue, language == .vi ? a.status.labelVi : a.status.labelEn,
                a.status.light, pct(a.progressRatio),
                String(plan.baselineYear), num(a.baseline), a.latest.map { String($0.year) } ?? "",
                num(a.latest?.value),
                a.latest.map { Self.bool($0.isEstimate) } ?? "",
                tg.kind == .qualitative ? "" : unit, a.model ?? "",
                a.trendGrowth == nil && a.requiredGrowth == nil && a.requiredFromNow == nil
                    ? "" : growthUnit,
                g(a.trendGrowth), pct(a.trendGrowthInterval?.level),
                g(a.trendGrowthInterval?.lower), g(a.trendGrowthInterval?.upper),
                g(a.requiredGrowth), g(a.requiredFromNow), p(a.projected),
                a.projected == nil ? "" : (growthTarget ? "%/yr" : unit)
            ]
            for l in levels {
                let i = a.projectedIntervals.first { abs($0.level - l) < 1e-9 }
                row += [p(i?.lower), p(i?.upper)]
            }
            row += [
                growthTarget ? pct(a.gap) : num(a.gap),
                a.gap == nil ? "" : (growthTarget || unit.hasPrefix("%") ? "pp" : unit),
                pct(a.probability), a.yearsMissed.map(String.init).joined(separator: " "),
                tg.responsibleUnit,
                Self.bool(a.illustrative), a.explanation
            ]
            w.row(style.writesBOM ? row.map(excelSafe) : row)
        }
        return w.text
    }
}
