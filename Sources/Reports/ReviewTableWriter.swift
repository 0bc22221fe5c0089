import Foundation
import Forecasting
import PlanModel

/// The terminal report of `review`: one row per target, then footnotes (rule and
/// cut-offs, intervals, actuals source, illustrative marker). Widths count grapheme
/// clusters, so Vietnamese names line up; ANSI colour (traffic light of the status cell,
/// bold header) only with `options.colour`, applied after layout so escapes never count
/// toward a width.
struct ReviewTableWriter {
    let review: Review
    let language: ReportLanguage
    let options: ReportOptions

    static let reset = "\u{1B}[0m"
    static func ansi(_ light: String) -> String {
        switch light {
        case "green": return "\u{1B}[32m"
        case "amber": return "\u{1B}[33m"
        case "red": return "\u{1B}[31m"
        default: return "\u{1B}[90m"
        }
    }

    func render() -> String {
        let x = ReviewText(review: review, language: language)
        // Short headers (a terminal is narrow); the footnote says what each one means.
        let header = [x.colId, x.colTarget, x.colRequirement, x.colUnit, x.colStatus, x.t("Tiến độ", "Ratio"), x.t("Thực hiện", "Latest"),
                      x.t("Xu hướng/năm", "Trend/yr"), x.t("Dự báo", "Projected"), x.t("Cần/năm", "Needed/yr"), x.colGap,
                      x.t("Xác suất", "P(meet)"), x.t("Chủ trì", "Responsible")]
        let right: Set<Int> = [5, 6, 7, 8, 9, 10, 11]
        var rows: [[String]] = []
        var lights: [String] = []
        for a in review.assessments {
            rows.append([a.target.id + (a.illustrative ? "*" : ""), Self.cut(x.name(a), options.maxNameWidth), x.requirement(a),
                         Self.cut(x.unit(a), 12), x.statusCell(a), x.ratio(a), x.latest(a), x.trend(a), x.projected(a),
                         x.required(a.requiredFromNow, a), x.gap(a), x.probability(a), Self.cut(a.target.responsibleUnit, 22)])
            lights.append(a.status.light)
        }
        let table = Self.layout(header: header, rows: rows, rightAligned: right) { row, col, cell in
            guard options.colour else { return cell }
            if row < 0 { return "\u{1B}[1m" + cell + Self.reset }
            if col == 4 { return Self.ansi(lights[row]) + cell + Self.reset }
            return cell
        }
        var out = (options.colour ? "\u{1B}[1m" : "") + "\(x.title): \(x.planName)" + (options.colour ? Self.reset : "") + "\n"
        out += x.asOfLine + "\n"
        if review.usesIllustrative { out += "*** " + x.illustrativeBadge + " ***  " + x.illustrativeNote.dropFirst(2) + "\n" }
        out += "\n" + table + "\n\n"
        out += x.summaryLine + "\n"
        out += x.summarySentence + "\n"
        out += x.ruleLine + " " + x.ruleExtraLine + "\n"
        out += x.columnsLine + "\n"
        out += x.intervalLine + "\n"
        let missed = review.assessments.compactMap { a in x.yearsMissed(a).map { "\(a.target.id): \($0)" } }
        if !missed.isEmpty { out += x.t("Chỉ tiêu duy trì hằng năm — ", "Maintained targets — ") + missed.joined(separator: "; ") + "\n" }
        if let s = x.sourceLine { out += s + "\n" }
        if review.usesIllustrative { out += x.illustrativeNote + "\n" }
        return out
    }

    /// Cuts `s` to `n` grapheme clusters, ending with `…` when cut.
    static func cut(_ s: String, _ n: Int) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        guard n > 1, flat.count > n else { return flat }
        return String(flat.prefix(n - 1)) + "…"
    }

    /// Aligned columns separated by two spaces with a rule under the header. `decorate`
    /// gets each padded cell (row -1 is the header) and may wrap it in escapes.
    static func layout(header: [String], rows: [[String]], rightAligned: Set<Int>,
                       decorate: (Int, Int, String) -> String) -> String {
        let n = header.count
        var widths = header.map(\.count)
        for r in rows { for j in 0..<min(n, r.count) { widths[j] = max(widths[j], r[j].count) } }
        func line(_ r: [String], _ index: Int) -> String {
            var parts: [String] = []
            for j in 0..<n {
                let cell = j < r.count ? r[j] : ""
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                let padded = rightAligned.contains(j) ? pad + cell : cell + pad
                parts.append(decorate(index, j, padded))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = [line(header, -1), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        for (i, r) in rows.enumerated() { out.append(line(r, i)) }
        return out.joined(separator: "\n")
    }
}
