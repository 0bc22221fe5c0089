import Foundation
import Forecasting
import Reports

/// `GET /plans/<id>`: the plan's dashboard. The what-if panel on the left (on a phone:
/// first), then the review table with the what-if columns, the scenario comparison, the
/// charts, the consistency findings, and actuals upload and report downloads.
enum DashboardPage {
    struct Inputs {
        var workspace: PlanWorkspace
        var workspaces: [PlanWorkspace]
        var scenario: PlanWorkspace.NamedScenario
        /// A `what-if` link that could not be read: the reader's message.
        var scenarioError: String?
        var language: ReportLanguage
        var limits: WorkbenchLimits
        var seed: UInt64
    }

    static func render(_ inputs: Inputs) -> String {
        let w = inputs.workspace, lang = inputs.language
        let text = WorkbenchText(language: lang)
        let e = PageLayout.escape
        let review = w.review
        let planName = lang == .vi || w.plan.nameEn.isEmpty ? w.plan.nameVi : w.plan.nameEn
        var b =
            "<h1>\(e(planName)) <span class=\"meta\">\(w.plan.firstYear)–\(w.plan.lastYear)</span></h1>\n"
        if let err = inputs.scenarioError {
            b += "<p class=\"error\" role=\"alert\">\(e(err))</p>\n"
        }
        b +=
            "<div class=\"layout\">\n<aside class=\"panel\" aria-labelledby=\"whatif-title\">\n<h2 id=\"whatif-title\">\(e(text.whatIf))</h2>\n"
        b += WhatIfPanelHTML.render(
            workspace: w, scenario: inputs.scenario, limits: inputs.limits, text: text)
        b += "</aside>\n<div class=\"content\">\n"

        b +=
            "<section id=\"review\" aria-labelledby=\"review-title\">\n<h2 id=\"review-title\">\(e(text.review))</h2>\n"
        b += "<p class=\"meta\" id=\"review-source\">\(e(sourceLine(review, text: text)))</p>\n"
        if review.usesIllustrative {
            b +=
                "<p class=\"warn\"><span class=\"badge\">\(e(ReviewReport.illustrativeBadge(review, language: lang)))</span> "
            b +=
                "\(e(text.t("Có số liệu minh họa; thay bằng số liệu thật trước khi sử dụng.", "Uses illustrative figures; replace them with real ones before use.")))</p>\n"
        }
        b += ReviewTableHTML.table(review: review, language: lang, text: text)
        b += "</section>\n"

        b +=
            "<section id=\"compare-section\" aria-labelledby=\"compare-title\">\n<h2 id=\"compare-title\">\(e(text.compare))</h2>\n"
        b +=
            "<p class=\"help\">\(e(text.compareHelp))</p>\n<div id=\"compare\" class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"compare-title\"></div>\n"
        b += "<button type=\"button\" id=\"clear-pins\">\(e(text.clearPins))</button>\n</section>\n"

        b +=
            "<section id=\"charts\" aria-labelledby=\"charts-title\">\n<h2 id=\"charts-title\">\(e(text.charts))</h2>\n<p class=\"help\">\(e(text.chartsHelp))</p>\n<div class=\"charts\">\n"
        for (i, c) in review.charts.enumerated() {
            let name =
                lang == .vi || c.indicator.nameEn.isEmpty ? c.indicator.nameVi : c.indicator.nameEn
            b +=
                "<section class=\"chart\" data-indicator=\"\(e(c.indicator.id))\">\n<h3>\(e(name))</h3>\n<div class=\"svg\">"
            b += ReviewReport.chartSVG(c, review: review, language: lang, index: i)
            b += "</div>\n</section>\n"
        }
        b += "</div>\n</section>\n"

        b +=
            "<section id=\"findings\" aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">\(e(text.findings))</h2>\n"
        b += findings(w.findings, text: text)
        b += "</section>\n"

        b +=
            "<section id=\"actuals\" aria-labelledby=\"actuals-title\">\n<h2 id=\"actuals-title\">\(e(text.actualsAndReports))</h2>\n"
        b +=
            "<form id=\"upload\" class=\"upload\"><label>\(e(text.upload)) <input type=\"file\" name=\"actuals\" accept=\".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"></label> "
        b +=
            "<button type=\"submit\">\(e(text.uploadButton))</button> <button type=\"button\" id=\"use-example\" hidden>\(e(text.useExample))</button></form>\n"
        b += "<p class=\"error\" id=\"upload-error\" role=\"alert\" hidden></p>\n"
        b += "<h3>\(e(text.download))</h3>\n<ul class=\"downloads\">\n"
        for (format, label) in [
            ("html", text.reviewHTML), ("csv", text.reviewCSV), ("md", text.reviewMD),
            ("xlsx", text.reviewXLSX)
        ] {
            b +=
                "<li><a href=\"/plans/\(e(w.id))/report.\(format)?lang=\(lang.rawValue)\" data-report=\"\(format)\" download>\(e(label))</a></li>\n"
        }
        b +=
            "<li><a href=\"#\" id=\"download-sweep\" data-sweep-csv>\(e(text.sweepCSV))</a></li>\n</ul>\n</section>\n"
        b += "</div>\n</div>\n"

        let attributes =
            " data-plan=\"\(e(w.id))\" data-lang=\"\(lang.rawValue)\" data-seed=\"\(inputs.seed)\" data-max-pins=\"\(inputs.limits.userScenarios)\""
            + " data-running=\"\(e(text.statusRunning))\" data-saved=\"\(e(text.saved))\""
        let base = "/plans/\(w.id)"
        return PageLayout.page(
            title: planName, language: lang, text: text, plans: inputs.workspaces, current: w.id,
            languageLinks: (base + "?lang=vi", base + "?lang=en"), body: b,
            dataAttributes: attributes)
    }

    static func sourceLine(_ review: Review, text: WorkbenchText) -> String {
        let source =
            review.actualsSource.isEmpty
            ? text.t("không có số liệu thực hiện", "no actuals") : review.actualsSource
        return text.t(
            "Số liệu thực hiện: \(source); đến năm \(review.asOf).",
            "Actuals: \(source); up to \(review.asOf).")
    }

    static func findings(_ findings: [Finding], text: WorkbenchText) -> String {
        let e = PageLayout.escape
        if findings.isEmpty { return "<p>\(e(text.noFindings))</p>\n" }
        var h = "<ul class=\"findings\">\n"
        for f in findings {
            h +=
                "<li class=\"sev-\(e(f.severity.rawValue))\"><strong>\(e(f.severity.rawValue))</strong> "
            h +=
                "<span class=\"meta\">\(e(f.targets.joined(separator: ", ")))</span> \(e(f.message))</li>\n"
        }
        return h + "</ul>\n"
    }
}
