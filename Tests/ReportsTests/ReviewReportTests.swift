import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import Forecasting
import PlanIO
import PlanModel
@testable import Reports

/// Collects parse errors and all character data of an XML document.
final class XMLCheck: NSObject, XMLParserDelegate {
    var error: Error?
    var text = ""
    var elements: [String] = []
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        elements.append(name)
    }
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    /// Parses `xml`; returns nil when it is not well-formed.
    static func parse(_ xml: String) -> XMLCheck? {
        let p = XMLParser(data: Data(xml.utf8))
        let d = XMLCheck()
        p.delegate = d
        return p.parse() && d.error == nil ? d : nil
    }
}

/// Every `<svg …>…</svg>` in a page, as standalone documents.
func svgs(in html: String) -> [String] {
    var out: [String] = []
    var rest = html[...]
    while let start = rest.range(of: "<svg "),
        let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex)
    {
        out.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return out
}

/// The sample review with text from "input files" that tries to become markup.
func hostileReview() -> Review {
    var r = SampleReview.make()
    let evil = "<script>alert(1)</script> & \"quoted\" 'single'; x"
    r.assessments[1].target.nameVi = evil
    r.assessments[1].target.nameEn = evil
    r.assessments[1].target.responsibleUnit = "Phòng <b>Kinh tế</b> & Hạ tầng"
    r.assessments[1].target.note = "note with </dd></dl><script>bad()</script>"
    r.assessments[1].explanation = "why <img src=x onerror=alert(2)>"
    r.plan.nameVi = "Kế hoạch <script>x()</script> & co"
    r.plan.nameEn = r.plan.nameVi
    r.actualsSource = "file <script>.csv"
    r.charts[1].indicator.nameVi = "Thu nhập <script>evil()</script>"
    r.charts[1].indicator.unit = "triệu <đồng> & \"x\""
    // not an id first: kept as written
    r.charts[1].targetMarks = [(2030, 120, "<script>y()</script> T02 ≥ 120")]
    return r
}

@Suite struct HTMLReport {
    let review = SampleReview.make()

    @Test func isWellFormedXMLInBothLanguages() throws {
        for lang in ReportLanguage.allCases {
            let html = ReviewReport.render(review, format: .html, language: lang)
            let doc = try #require(XMLCheck.parse(html), "HTML (\(lang)) is not well-formed XML")
            #expect(doc.elements.first == "html")
            #expect(doc.elements.contains("table"))
        }
    }

    @Test func drawsOneParseableSVGPerIndicatorChart() throws {
        let html = ReviewReport.render(review, format: .html)
        let charts = svgs(in: html)
        #expect(charts.count == review.charts.count)
        for svg in charts {
            let doc = try #require(XMLCheck.parse(svg), "SVG is not well-formed XML")
            #expect(doc.elements.first == "svg")
            #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        }
    }

    @Test func chartsShowBaselineActualsEstimatesTrendFanAndTarget() throws {
        let html = ReviewReport.render(review, format: .html, language: .en)
        // income per head: actuals, one estimate, two bands, one target mark
        let income = svgs(in: html)[1]
        #expect(income.components(separatedBy: "<polygon").count - 1 == 2)  // 80 % and 95 % fans
        #expect(income.contains("fill=\"#1b1b1b\""))  // a final actual
        #expect(income.contains("fill=\"#fff\" stroke=\"#1b1b1b\""))  // the hollow estimate
        #expect(income.contains("<polyline"))  // trend line
        #expect(income.contains("T02 ≥ 120"))
        for label in [
            "Baseline 2025", "Actual", "Estimate", "Trend", "80 % prediction interval",
            "95 % prediction interval", "Target"
        ] {
            #expect(income.contains(">\(label)</text>"), "legend lacks \(label)")
        }
        for year in 2025...2030 { #expect(income.contains(">\(year)</text>")) }
    }

    @Test func aBoundedRateStopsAtItsBoundWithANote() throws {
        var r = review
        // Online dossiers (bound 100) on a steep linear trend: 55 + 12·h passes 100 in 2029.
        r.charts[3].trend = SampleReview.linear(base: 55, baseYear: 2025, d: 12, to: 2030, sd: 1)
        let svg = svgs(in: ReviewReport.render(r, format: .html, language: .en))[3]
        #expect(XMLCheck.parse(svg) != nil)
        #expect(svg.contains(">100</text>"))
        #expect(!svg.contains(">110</text>") && !svg.contains(">120</text>"))
        #expect(svg.contains("trend beyond the bound 100 not drawn"))
        let plain = svgs(in: ReviewReport.render(review, format: .html, language: .en))[3]
        #expect(!plain.contains("not drawn"))
    }

    @Test func aNearlyFlatSeriesGetsAnAxisOfAtLeastFourPercentOfItsMagnitude() throws {
        var r = review
        let ind = r.plan.indicators[4]  // admin_on_time, %, bound 100
        r.charts = [
            IndicatorChart(
                indicator: ind, baselineYear: 2025, baseline: 42.0,
                actuals: [
                    Observation(indicator: ind.id, year: 2026, value: 42.01),
                    Observation(indicator: ind.id, year: 2027, value: 42.02)
                ],
                trend: [], targetMarks: [], targetPath: [], illustrative: false)
        ]
        // span 0.04 × 42.02 = 1.68 around 42.01 → 41.17 … 42.85, + 4 % headroom → 42.92;
        // raw step (42.92 − 41.17)/4 = 0.44 → 0.5: ticks 41,0 … 43,0
        let svg = try #require(svgs(in: ReviewReport.render(r, format: .html, language: .vi)).first)
        for label in ["41,0", "41,5", "42,0", "42,5", "43,0"] {
            #expect(svg.contains(">\(label)</text>"), "\(label)")
        }
        #expect(!svg.contains(">43,5</text>") && !svg.contains(">40,5</text>"))
    }

    @Test func targetMarkLabelsFollowTheReportLanguage() {
        var r = review
        r.charts[4].targetMarks = [(2030, 100, "T05 = 100 every year")]  // as the engine writes it
        r.charts[2].targetMarks = [(2030, 1.5, "T03 < 1.5")]
        let vi = ReviewReport.render(r, format: .html, language: .vi)
        #expect(vi.contains(">T05 100 % hằng năm</text>"))
        #expect(vi.contains(">T03 &lt; 1,5 %</text>"))
        let en = ReviewReport.render(r, format: .html, language: .en)
        #expect(en.contains(">T05 100 % every year</text>"))
        #expect(en.contains(">T03 &lt; 1.5 %</text>"))
    }

    @Test func escapesEveryInputTextAndNeverEmitsAScriptElement() throws {
        for lang in ReportLanguage.allCases {
            let html = ReviewReport.render(hostileReview(), format: .html, language: lang)
            #expect(!html.lowercased().contains("<script"))
            #expect(!html.contains("<img"))
            #expect(!html.contains("<b>"))
            #expect(
                html.contains(
                    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"
                ))
            let doc = try #require(XMLCheck.parse(html))
            // The parser decodes the entities back to the original text.
            #expect(doc.text.contains("<script>alert(1)</script> & \"quoted\" 'single'; x"))
            for svg in svgs(in: html) { #expect(XMLCheck.parse(svg) != nil) }
            #expect(html.contains("&lt;script&gt;y()&lt;/script&gt; T02 ≥ 120"))
            #expect(html.contains("triệu &lt;đồng&gt; &amp; &quot;x&quot;"))
        }
    }

    @Test func opensOfflineWithNoScriptsOrExternalResources() {
        let html = ReviewReport.render(review, format: .html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        // only namespace names
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"))
        #expect(!html.contains("https://"))
        #expect(html.contains("<style>"))
    }

    @Test func vietnameseReportsUseVietnameseNumbersAndLabels() {
        let vi = ReviewReport.render(review, format: .html)  // the plan's language is vi
        #expect(vi.contains("lang=\"vi\""))
        #expect(vi.contains("122,8"))  // T02 projected 122.8
        #expect(vi.contains("[112,6; 133,9]"))
        #expect(vi.contains("đúng hướng"))
        let en = ReviewReport.render(review, format: .html, language: .en)
        #expect(en.contains("122.8"))
        #expect(en.contains("[112.6, 133.9]"))
        #expect(en.contains("on track"))
    }

    @Test func marksIllustrativeDataInBannerTableChartsAndPrint() {
        let html = ReviewReport.render(review, format: .html)
        #expect(html.contains("class=\"warn\""))
        #expect(html.contains("class=\"stamp\""))
        #expect(html.contains("</a>*</td>"))
        for svg in svgs(in: html) { #expect(svg.contains(">MINH HỌA</text>")) }
    }

    @Test func saysNothingIllustrativeWhenNothingIs() {
        var r = review
        r.usesIllustrative = false
        for i in r.assessments.indices { r.assessments[i].illustrative = false }
        for i in r.charts.indices { r.charts[i].illustrative = false }
        for lang in ReportLanguage.allCases {
            for f in [ReportFormat.html, .markdown, .table] {
                let out = ReviewReport.render(r, format: f, language: lang)
                #expect(!out.contains("MINH HỌA") && !out.contains("ILLUSTRATIVE"), "\(f) \(lang)")
            }
        }
    }
}

@Suite struct MarkdownReport {
    @Test func hasHeadingRuleWarningTableAndNotes() {
        let md = ReviewReport.render(SampleReview.make(), format: .markdown, language: .en)
        #expect(
            md.hasPrefix("# Mid-term review: Sample commune plan 2026-2030 (illustrative data)\n"))
        #expect(md.contains("Actuals up to 2027"))
        #expect(
            md.contains(
                "≥ 95 %: on track; 60 %–95 %: acceleration needed; 0 %–60 %: limited progress; below 0 %: deterioration"
            ))
        #expect(md.contains("> **ILLUSTRATIVE**"))
        #expect(md.contains("| ID | Target |"))
        #expect(md.contains("### T05 — Every year, 100 % of procedures settled on time"))
        #expect(md.contains("Years missed: 2026"))
    }

    @Test func vietnameseNotesExplainTheStatusInVietnamese() {
        let md = ReviewReport.render(SampleReview.make(), format: .markdown, language: .vi)
        // T01: ratio 0.757 = ln 1.103 / ln 1.1382, trend 10.3 %/yr against 13.82 %/yr needed from now
        #expect(
            md.contains(
                "- **Cách xác định:** Tốc độ quan sát (xu hướng bình phương tối thiểu (hàm mũ)), tính tiếp từ số thực hiện gần nhất, thu hẹp 76 % khoảng cách còn lại đến mục tiêu vào năm 2030 (10,3 % so với 13,8 % cần đạt mỗi năm từ nay); từ 60 % đến dưới 95 %: cần tăng tốc."
            ))
        // T05: maintained, 2026 missed, 2027 met: limited progress
        #expect(
            md.contains(
                "- **Cách xác định:** Chỉ tiêu phải đạt hằng năm; không đạt trong năm 2026 (đã mất cho những năm đó)."
            ))
        #expect(
            md.contains(
                "- **Cách xác định:** Chỉ tiêu định tính: ghi nhận như trong kế hoạch, không đánh giá bằng số liệu."
            ))
        #expect(md.contains("- **Chi tiết (tiếng Anh):** Trend growth 10.3 %/yr carried on"))
    }

    @Test func escapesMarkupFromInputFiles() {
        let md = ReviewReport.render(hostileReview(), format: .markdown)
        #expect(!md.contains("<script"))
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quoted\" 'single'; x"))
        // A pipe in a name cannot split a table cell.
        #expect(Markdown.escape("a | b") == "a \\| b")
    }
}

@Suite struct ReportOptionsAndLanguage {
    @Test func languageDefaultsToThePlans() {
        var r = SampleReview.make()
        #expect(ReviewReport.render(r, format: .markdown).hasPrefix("# Rà soát giữa kỳ"))
        r.plan.language = "en"
        #expect(ReviewReport.render(r, format: .markdown).hasPrefix("# Mid-term review"))
    }

    @Test func formatArgumentsParse() {
        #expect(ReportFormat(argument: "md") == .markdown)
        #expect(ReportFormat(argument: "HTML") == .html)
        #expect(ReportFormat(argument: "pdf") == nil)
        #expect(
            ReviewReport.defaultFileName(planId: "an-hung", format: .html) == "review-an-hung.html")
    }

    @Test func theBundleHoldsHTMLMarkdownAndCSVNamedForThePlan() {
        let files = ReviewReport.bundle(SampleReview.make())
        #expect(
            files.map(\.fileName) == ["review-sample.html", "review-sample.md", "review-sample.csv"]
        )
        #expect(files.allSatisfy { !$0.data.isEmpty })
        #expect(Array(files[2].data.prefix(5)) == Array("plan,".utf8))
    }

    /// `PLANFORECAST_DEMO_HTML=/tmp/x.html swift test --filter writesTheDemoReport` writes the
    /// sample HTML report (used by `scripts/screenshot-report --demo`).
    @Test func writesTheDemoReportWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["PLANFORECAST_DEMO_HTML"],
            !path.isEmpty
        else { return }
        let lang = ProcessInfo.processInfo.environment["PLANFORECAST_DEMO_LANG"].flatMap(
            ReportLanguage.init(rawValue:))
        try AtomicFile.write(
            ReviewReport.render(SampleReview.make(), format: .html, language: lang), to: path)
    }
}

/// Reviews at the edges: nothing to report, a chart with one point, values that are not
/// numbers, control characters in names.
@Suite struct DegenerateReviews {
    @Test func anEmptyReviewRendersInEveryFormat() throws {
        var r = SampleReview.make()
        r.assessments = []
        r.charts = []
        r.usesIllustrative = false
        for f in ReportFormat.allCases {
            for l in ReportLanguage.allCases {
                #expect(!ReviewReport.render(r, format: f, language: l).isEmpty)
            }
        }
        #expect(XMLCheck.parse(ReviewReport.render(r, format: .html)) != nil)
        let csv = try CSVTable.parse(text: ReviewReport.render(r, format: .csv), file: "x.csv")
        #expect(csv.rows.isEmpty)
    }

    @Test func aChartWithOnePointAndNoTrendStillDrawsAxes() throws {
        var r = SampleReview.make()
        r.charts = [
            IndicatorChart(
                indicator: r.plan.indicators[0], baselineYear: 2025, baseline: nil,
                actuals: [Observation(indicator: "budget_revenue", year: 2026, value: 0)],
                trend: [], targetMarks: [], targetPath: [], illustrative: false)
        ]
        let svg = try #require(svgs(in: ReviewReport.render(r, format: .html)).first)
        #expect(XMLCheck.parse(svg) != nil)
        #expect(svg.contains(">2025</text>") && svg.contains(">2026</text>"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test func nonFiniteValuesShowAsDashesAndNeverReachSVG() throws {
        var r = SampleReview.make()
        r.assessments[1].projected = .nan
        r.assessments[1].gap = .infinity
        r.charts[1].actuals.append(
            Observation(indicator: "income_per_capita", year: 2028, value: .nan))
        r.charts[1].trend[3].value = .infinity
        let html = ReviewReport.render(r, format: .html, language: .en)
        #expect(XMLCheck.parse(html) != nil)
        for svg in svgs(in: html) { #expect(!svg.contains("nan") && !svg.contains("inf")) }
        let csv = try CSVTable.parse(text: ReviewReport.render(r, format: .csv), file: "x.csv")
        #expect(csv.rowAccessors[1]["projected"] == "")
        #expect(csv.rowAccessors[1]["gap"] == "")
    }

    @Test func controlCharactersXMLForbidsAreReplaced() throws {
        var r = SampleReview.make()
        r.assessments[0].target.nameVi = "Thu\u{01}ngân\u{0B}sách"
        let html = ReviewReport.render(r, format: .html)
        let doc = try #require(XMLCheck.parse(html))
        #expect(doc.text.contains("Thu\u{FFFD}ngân\u{FFFD}sách"))
        #expect(XMLText.escape("a\tb\nc") == "a\tb\nc")
    }
}
