import Foundation
import Forecasting
import PlanModel

/// `review --format md`: heading with the plan name and as-of year, the rule and its
/// cut-offs, an illustrative-data warning when it applies, the traffic-light table, and
/// notes per target. Text from input files is escaped (`Markdown.escape`), so a name cannot
/// open HTML, a link or a table cell.
struct ReviewMarkdownWriter {
    let review: Review
    let language: ReportLanguage

    func render() -> String {
        let x = ReviewText(review: review, language: language)
        let e = Markdown.escape
        var out = "# \(x.title): \(e(x.planName))\n\n"
        out += x.asOfLine + "\n"
        if let s = x.sourceLine { out += "\n" + e(s) + "\n" }
        if review.usesIllustrative {
            out +=
                "\n> **\(x.illustrativeBadge)** — \(e(String(x.illustrativeNote.dropFirst(2))))\n"
        }
        out +=
            "\n" + e(x.ruleLine) + " " + e(x.ruleExtraLine) + "\n\n" + e(x.intervalLine) + " "
            + e(x.gapLine) + "\n\n"
        out +=
            x.statusCounts.map {
                "\(ReviewText.symbol($0.0.light)) \(x.statusLabel($0.0)): **\($0.1)**"
            }.joined(separator: " · ") + "\n\n"
        out += Markdown.escape(x.summarySentence) + "\n\n"

        let header = [
            x.colId, x.colTarget, x.colRequirement, x.colStatus, x.colRatio, x.colLatest,
            x.colTrend, x.colProjected,
            x.colRequired, x.colGap, x.colProbability, x.colResponsible
        ]
        out += "| " + header.joined(separator: " | ") + " |\n"
        out +=
            "|"
            + header.enumerated().map { (4...10).contains($0.offset) ? "---:|" : "---|" }.joined()
            + "\n"
        for a in review.assessments {
            let cells = [
                e(a.target.id) + (a.illustrative ? "\\*" : ""), e(x.name(a)),
                e(x.requirement(a, withUnit: true)),
                x.statusCell(a), e(x.ratio(a)), e(x.latest(a)), e(x.trend(a)), e(x.projected(a)),
                e(x.required(a.requiredFromNow, a)),
                e(x.gap(a)), e(x.probability(a)), e(a.target.responsibleUnit)
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if review.usesIllustrative { out += "\n" + e(x.illustrativeNote) + "\n" }

        out += "\n## " + x.t("Ghi chú theo chỉ tiêu", "Notes by target") + "\n"
        for a in review.assessments {
            out +=
                "\n### \(e(a.target.id)) — \(e(x.name(a)))"
                + (a.illustrative ? " (\(x.illustrativeBadge))" : "") + "\n\n"
            for (label, value) in x.facts(a) { out += "- **\(e(label)):** \(e(value))\n" }
        }
        return out
    }
}

/// Markdown escaping for text from input files.
enum Markdown {
    /// `<`, `>` and `&` as HTML entities (so no renderer, CommonMark or not, can meet a raw
    /// tag), a backslash before every other character CommonMark could read as markup
    /// (`\`, `` ` ``, `*`, `_`, `[`, `]`, `|`, `#`, `!`), newlines as spaces: the text
    /// renders literally, inline and inside table cells.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!": out.append("\\"); out.append(ch)
            case "\n", "\r", "\r\n": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }
}
