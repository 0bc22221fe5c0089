import Foundation
import Forecasting
import PlanModel

/// The terminal report of `review`: one row per target, then footnotes (rule and
/// cut-offs, intervals, actuals source, illustrative marker). Widths count grapheme
/// clusters, so Vietnamese names line up; ANSI colour (traffic light of the status cell,
/// bold header) only with `options.colour`, applied after layout so escapes never count
/// toward a width. On a terminal narrower than the table (`options.width`), the essential
/// columns stay in the table and the rest go on an indented line under each row, unless
/// `options.wide`; piped output (`width` nil) is always the full table.
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
        let full = fullTable(x)
        let fits = options.width.map { full.renderedWidth(maxColumnWidth: .max) <= $0 } ?? true
        let table =
            fits || options.wide
            ? render(full, statusColumn: 4) : compactTable(x, width: options.width!)
        var out =
            (options.colour ? "\u{1B}[1m" : "") + "\(x.title): \(x.planName)"
            + (options.colour ? Self.reset : "") + "\n"
        out += x.asOfLine + "\n"
        if review.usesIllustrative {
            out += "*** " + x.illustrativeBadge + " ***  " + x.illustrativeNote.dropFirst(2) + "\n"
        }
        out += "\n" + table + "\n\n"
        out += x.summaryLine + "\n"
        out += x.summarySentence + "\n"
        out += x.ruleLine + " " + x.ruleExtraLine + "\n"
        out += x.columnsLine + "\n"
        out += x.intervalLine + "\n"
        let missed = review.assessments.compactMap { a in
            x.yearsMissed(a).map { "\(a.target.id): \($0)" }
        }
        if !missed.isEmpty {
            out +=
                x.t("Chỉ tiêu duy trì hằng năm — ", "Maintained targets — ")
                + missed.joined(separator: "; ") + "\n"
        }
        if let s = x.sourceLine { out += s + "\n" }
        if review.usesIllustrative { out += x.illustrativeNote + "\n" }
        return out
    }

    /// Every column, one line per target: what a pipe, a file or `--wide` gets.
    func fullTable(_ x: ReviewText) -> TextTable {
        // Short headers (a terminal is narrow); the footnote says what each one means.
        var table = TextTable(
            header: [
                x.colId, x.colTarget, x.colRequirement, x.colUnit, x.colStatus,
                x.t("Tiến độ", "Ratio"), x.t("Thực hiện", "Latest"),
                x.colGrowthShort, x.t("Dự báo", "Projected"),
                x.t("Cần/năm", "Needed/yr"), x.colGap,
                x.t("Xác suất", "P(meet)"), x.t("Chủ trì", "Responsible")
            ],
            alignments: [.left, .left, .left, .left, .left] + Array(repeating: .right, count: 7) + [
                .left
            ])
        for a in review.assessments {
            table.append([
                a.target.id + (a.illustrative ? "*" : ""),
                Self.cut(x.name(a), options.maxNameWidth), x.requirement(a),
                Self.cut(x.unit(a), 12), x.statusCell(a), x.ratio(a), x.latest(a), x.trend(a),
                x.projected(a),
                x.required(a.requiredFromNow, a), x.gap(a), x.probability(a),
                Self.cut(a.target.responsibleUnit, 22)
            ])
        }
        return table
    }

    /// A terminal narrower than the full table: the essential columns (id, target, status,
    /// latest, projected, P(meet)), the target's name cut to what the width leaves (at
    /// least 12 letters), and the other columns on an indented line below each row,
    /// wrapped to the width. When even that is too wide, `projected` and then `latest` move
    /// to the line below too, so every line fits a terminal of 60 columns or more.
    func compactTable(_ x: ReviewText, width: Int) -> String {
        let latest = x.t("Thực hiện", "Latest"), projected = x.t("Dự báo", "Projected")
        for moved in [[], [projected], [projected, latest]] {
            let text = compactTable(x, width: width, moving: moved)
            if moved.count == 2 || Self.lines(text).allSatisfy({ $0.count <= width }) {
                return text
            }
        }
        return ""  // not reached: the last pass always returns
    }

    func compactTable(_ x: ReviewText, width: Int, moving moved: [String]) -> String {
        typealias Column = (
            header: String, alignment: TextTable.Alignment, cell: (TargetAssessment) -> String
        )
        let columns: [Column] = [
            (x.colId, .left, { $0.target.id + ($0.illustrative ? "*" : "") }),
            (x.colTarget, .left, { x.name($0) }),
            (x.colStatus, .left, { x.statusCell($0) }),
            (x.t("Thực hiện", "Latest"), .right, { x.latest($0) }),
            (x.t("Dự báo", "Projected"), .right, { x.projected($0) }),
            (x.t("Xác suất", "P(meet)"), .right, { x.probability($0) })
        ].filter { !moved.contains($0.header) }
        var table = TextTable(header: columns.map(\.header), alignments: columns.map(\.alignment))
        var details: [String] = []
        for a in review.assessments {
            table.append(columns.map { $0.cell(a) })
            var fields: [(String, String)] = [
                (
                    x.colRequirement,
                    x.requirement(a)
                        + ([x.requirement(a), ""].contains(x.unit(a)) ? "" : " " + x.unit(a))
                ),
                (x.t("Tiến độ", "Ratio"), x.ratio(a)), (x.colGrowthShort, x.trend(a))
            ]
            if moved.contains(x.t("Thực hiện", "Latest")) {
                fields.append((x.t("Thực hiện", "Latest"), x.latest(a)))
            }
            if moved.contains(x.t("Dự báo", "Projected")) {
                fields.append((x.t("Dự báo", "Projected"), x.projected(a)))
            }
            fields += [
                (x.t("Cần/năm", "Needed/yr"), x.required(a.requiredFromNow, a)),
                (x.colGap, x.gap(a)),
                (x.t("Chủ trì", "Responsible"), a.target.responsibleUnit)
            ]
            details.append(
                fields.filter { !["", "–", "—"].contains($0.1) }.map { "\($0.0) \($0.1)" }.joined(
                    separator: " · "))
        }
        // The name column takes what the other columns leave.
        var widths = table.columnWidths(maxColumnWidth: .max)
        let others =
            widths.enumerated().filter { $0.offset != 1 }.map(\.element).reduce(0, +) + 2
            * (widths.count - 1)
        widths[1] = max(12, min(widths[1], width - others))
        table.rows = table.rows.map { row in
            var r = row; r[1] = Self.cut(r[1], widths[1]); return r
        }
        let lines = Self.lines(render(table, statusColumn: 2))
        var out = Array(lines.prefix(2))
        for (index, line) in lines.dropFirst(2).enumerated() {
            out.append(line)
            out += Self.wrap(details[index], width: width, indent: 4)
        }
        return out.joined(separator: "\n")
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The table with the header bold and the status cell in its traffic-light colour.
    func render(_ table: TextTable, statusColumn: Int) -> String {
        let lights = review.assessments.map(\.status.light)
        return table.render(maxColumnWidth: .max) { row, column, cell in
            guard options.colour else { return cell }
            if row < 0 { return "\u{1B}[1m" + cell + Self.reset }
            if column == statusColumn { return Self.ansi(lights[row]) + cell + Self.reset }
            return cell
        }
    }

    /// Greedy word wrap to `width` columns, each line indented by `indent` spaces.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, indent + current.count + 1 + word.count > width {
                lines.append(pad + current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(pad + current) }
        return lines
    }

    /// Cuts `s` to `n` grapheme clusters, ending with `…` when cut.
    static func cut(_ s: String, _ n: Int) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        guard n > 1, flat.count > n else { return flat }
        return String(flat.prefix(n - 1)) + "…"
    }
}
