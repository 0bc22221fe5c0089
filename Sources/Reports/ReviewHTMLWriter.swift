import Foundation
import Forecasting
import PlanModel

/// `review --format html`: one self-contained page that opens offline (inline CSS and SVG;
/// no scripts, fonts, images or links to other files). It is well-formed XML (XHTML
/// serialisation: every element closed, only the five XML entities), so tests parse it with
/// `XMLParser`, and it is also valid HTML5 for browsers (non-void elements are never
/// self-closed outside SVG).
///
/// Sections: heading (plan, as-of year, actuals source, illustrative banner), status
/// counts, the traffic-light table with footnotes (rule and cut-offs, intervals), one chart
/// per quantitative indicator with the targets on it, and notes per target. Illustrative
/// data are marked in the banner, by `*` in the table, by a badge on each chart section and
/// inside each SVG, and on every printed page (a fixed stamp in print CSS).
struct ReviewHTMLWriter {
    let review: Review
    let language: ReportLanguage
    let options: ReportOptions

    static let css = """
        body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:0 auto;max-width:1400px;padding:18px 26px;color:#1b1b1b;font-size:14px;line-height:1.4;background:#fff}
        h1{font-size:22px;margin:0 0 6px}
        h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px;margin:28px 0 10px}
        h3{font-size:15px;margin:0 0 6px}
        p{margin:4px 0}
        .meta{color:#444}
        .warn{background:#fff3cd;border:1px solid #e0a800;border-left:6px solid #e0a800;padding:8px 12px;margin:12px 0;font-weight:600}
        .badge{display:inline-block;background:#b35c00;color:#fff;font-size:11px;font-weight:700;padding:1px 6px;border-radius:3px;margin-left:6px;vertical-align:middle;letter-spacing:.03em}
        .chips{margin:10px 0}
        .chips span{display:inline-block;margin:0 8px 6px 0;padding:3px 10px;border-radius:12px;font-weight:600}
        table.review{border-collapse:collapse;width:100%;font-size:13px}
        table.review th,table.review td{border-bottom:1px solid #ddd;padding:5px 6px;vertical-align:top;text-align:left}
        table.review th{background:#f0f0f0;font-weight:600;font-size:12px}
        table.review td.num{text-align:right;white-space:nowrap}
        table.review td.id{white-space:nowrap;font-weight:600}
        table.review td.name{min-width:200px}
        table.review td.resp{min-width:120px}
        .st{white-space:nowrap;font-weight:600}
        .st-green{background:#d9f2dd;color:#145a23}
        .st-amber{background:#fff0c2;color:#7a5200}
        .st-red{background:#fbd9d5;color:#8a1c10}
        .st-grey{background:#ececec;color:#555}
        .iv{color:#555;font-size:12px}
        .foot{font-size:12px;color:#444;margin-top:8px}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(600px,1fr));gap:14px}
        section.chart{border:1px solid #ddd;border-radius:6px;padding:10px 12px;break-inside:avoid;page-break-inside:avoid}
        section.chart svg{width:100%;height:auto;display:block}
        section.chart ul{margin:6px 0 0;padding-left:18px;font-size:13px}
        .notes{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px}
        .note{border:1px solid #e2e2e2;border-radius:6px;padding:8px 12px;break-inside:avoid;page-break-inside:avoid}
        .note h3{font-size:14px}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:12.5px;margin:6px 0 4px}
        dl.facts dt{font-weight:600;color:#444}
        dl.facts dd{margin:0}
        a{color:#1f5fa8;text-decoration:none}
        .stamp{display:none}
        @media print{.stamp{display:block;position:fixed;top:0;right:0;background:#b35c00;color:#fff;font-weight:700;padding:2px 8px}body{max-width:none}}
        """

    /// An id attribute value from a target id: letters, digits, `-` and `_` kept, the rest `_`.
    static func anchor(_ id: String) -> String {
        "t-"
            + String(
                id.unicodeScalars.map {
                    ($0.isASCII
                        && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_"))
                        ? Character($0) : "_"
                })
    }

    func render() -> String {
        let x = ReviewText(review: review, language: language)
        let e = XMLText.escape
        let title = "\(x.title): \(x.planName)"
        var h =
            "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language.rawValue)\" xml:lang=\"\(language.rawValue)\">\n<head>\n"
        h +=
            "<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        h += "<meta name=\"generator\" content=\"PlanForecast\" />\n"
        h +=
            "<title>\(e(title))\(review.usesIllustrative ? " (" + e(x.illustrativeBadge) + ")" : "")</title>\n"
        h += "<style>\n\(Self.css)\n</style>\n</head>\n<body>\n"
        if review.usesIllustrative { h += "<div class=\"stamp\">\(e(x.illustrativeBadge))</div>\n" }

        // Heading.
        h += "<header>\n<h1>\(e(x.title)): \(e(x.planName))</h1>\n"
        h += "<p class=\"meta\">\(e(x.asOfLine))</p>\n"
        if let s = x.sourceLine { h += "<p class=\"meta\">\(e(s))</p>\n" }
        if review.usesIllustrative {
            h +=
                "<div class=\"warn\"><span class=\"badge\">\(e(x.illustrativeBadge))</span> \(e(String(x.illustrativeNote.dropFirst(2))))</div>\n"
        }
        h += "</header>\n"

        // Status counts.
        h += "<div class=\"chips\">"
        for (s, n) in x.statusCounts {
            h +=
                "<span class=\"st-\(s.light)\">\(ReviewText.symbol(s.light)) \(e(x.statusLabel(s))): \(n)</span>"
        }
        h += "</div>\n"
        h += "<p class=\"summary\">\(e(x.summarySentence))</p>\n"

        // Traffic-light table.
        h +=
            "<section id=\"table\">\n<h2>\(e(x.t("Đánh giá từng chỉ tiêu", "Status of every target")))</h2>\n"
        h += "<table class=\"review\">\n<thead><tr>"
        for c in Self.columnTitles(x) {
            h += "<th>\(e(c))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        for a in review.assessments {
            h += "<tr>" + Self.rowCells(a, text: x) + "</tr>\n"
        }
        h += "</tbody>\n</table>\n"
        h +=
            "<div class=\"foot\">\n<p>\(e(x.ruleLine)) \(e(x.ruleExtraLine))</p>\n<p>\(e(x.intervalLine))</p>\n<p>\(e(x.gapLine))</p>\n"
        if review.usesIllustrative { h += "<p><strong>\(e(x.illustrativeNote))</strong></p>\n" }
        h += "</div>\n</section>\n"

        // Charts.
        if options.charts && !review.charts.isEmpty {
            h +=
                "<section id=\"charts\">\n<h2>\(e(x.t("Biểu đồ theo chỉ tiêu định lượng", "Charts by quantitative indicator")))</h2>\n<div class=\"charts\">\n"
            for (i, c) in review.charts.enumerated() {
                let name =
                    x.vi
                    ? c.indicator.nameVi
                    : (c.indicator.nameEn.isEmpty ? c.indicator.nameVi : c.indicator.nameEn)
                h +=
                    "<section class=\"chart\">\n<h3>\(e(name))\(c.illustrative ? "<span class=\"badge\">\(e(x.illustrativeBadge))</span>" : "")</h3>\n"
                h += ReviewChartSVG(chart: c, asOf: review.asOf, text: x, index: i).render() + "\n"
                let on = review.assessments.filter { $0.target.indicator == c.indicator.id }
                if !on.isEmpty {
                    h += "<ul>\n"
                    for a in on {
                        h +=
                            "<li><a href=\"#\(Self.anchor(a.target.id))\">\(e(a.target.id))</a> \(e(x.requirement(a))): "
                        h += "<span class=\"st st-\(a.status.light)\">\(e(x.statusCell(a)))</span>"
                        if a.projected != nil {
                            h += " — \(e(x.colProjected.lowercased())) \(e(x.projected(a)))"
                        }
                        h += "</li>\n"
                    }
                    h += "</ul>\n"
                }
                h += "</section>\n"
            }
            h += "</div>\n</section>\n"
        }

        // Notes per target.
        h +=
            "<section id=\"notes\">\n<h2>\(e(x.t("Ghi chú theo chỉ tiêu", "Notes by target")))</h2>\n"
        h += "<div class=\"notes\">\n"
        for a in review.assessments {
            h +=
                "<div class=\"note\">\n<h3 id=\"\(Self.anchor(a.target.id))\">\(e(a.target.id)) — \(e(x.name(a)))\(a.illustrative ? "<span class=\"badge\">\(e(x.illustrativeBadge))</span>" : "")</h3>\n<dl class=\"facts\">\n"
            for (label, value) in x.facts(a) { h += "<dt>\(e(label))</dt><dd>\(e(value))</dd>\n" }
            h += "</dl>\n</div>\n"
        }
        h += "</div>\n</section>\n"
        h +=
            "<footer class=\"foot\"><p>PlanForecast — \(e(x.t("báo cáo tạo tự động; kiểm tra số liệu gốc trước khi sử dụng.", "generated report; check the source figures before use.")))</p>"
        if review.usesIllustrative { h += "<p><strong>\(e(x.illustrativeNote))</strong></p>" }
        h += "</footer>\n</body>\n</html>\n"
        return h
    }

    /// The `<td>` cells of one target's row in the traffic-light table (also used by the
    /// workbench's dashboard, so both show the same numbers and wording).
    static func rowCells(_ a: TargetAssessment, text x: ReviewText) -> String {
        rowCellList(a, text: x).joined()
    }

    /// The same cells one by one, in the order of `columnTitles`.
    static func rowCellList(_ a: TargetAssessment, text x: ReviewText) -> [String] {
        let e = XMLText.escape
        func num(_ s: String) -> String { "<td class=\"num\">\(Self.splitInterval(s))</td>" }
        return [
            "<td class=\"id\"><a href=\"#\(Self.anchor(a.target.id))\">\(e(a.target.id))</a>\(a.illustrative ? "*" : "")</td>",
            "<td class=\"name\">\(e(x.name(a)))</td>",
            "<td>\(e(x.requirement(a, withUnit: true)))</td>",
            "<td class=\"st st-\(a.status.light)\">\(e(x.statusCell(a)))</td>",
            num(x.ratio(a)), num(x.latest(a)), num(x.trend(a)), num(x.projected(a)),
            num(x.required(a.requiredFromNow, a)),
            num(x.gap(a)), num(x.probability(a)),
            "<td class=\"resp\">\(e(a.target.responsibleUnit))</td>"
        ]
    }

    /// Column titles of the traffic-light table, in the order of `rowCells`.
    static func columnTitles(_ x: ReviewText) -> [String] {
        [
            x.colId, x.colTarget, x.colRequirement, x.colStatus, x.colRatio, x.colLatest,
            x.colTrend, x.colProjected,
            x.colRequired, x.colGap, x.colProbability, x.colResponsible
        ]
    }

    /// Escapes a numeric cell and puts a bracketed interval on its own smaller line.
    static func splitInterval(_ s: String) -> String {
        if let r = s.range(of: " [") {
            return XMLText.escape(String(s[..<r.lowerBound])) + "<br /><span class=\"iv\">"
                + XMLText.escape(String(s[s.index(after: r.lowerBound)...])) + "</span>"
        }
        return XMLText.escape(s)
    }
}
