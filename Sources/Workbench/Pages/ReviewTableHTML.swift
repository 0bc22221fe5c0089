import Forecasting
import Reports

/// The dashboard's review table: the HTML report's columns and cells
/// (`ReviewReport.rowCellsHTML`) with two what-if columns, after the status, that each
/// sweep fills in.
///
/// Stable contract (tests and users' scripts rely on it): each row is
/// `<tr data-target="<target id>" data-status="<status code of the review CSV>">`, and the
/// page's script adds `data-probability="<0..1>"` once a sweep has evaluated the target.
enum ReviewTableHTML {
    /// The what-if columns stand right after the report's status (id, target, requirement,
    /// status), so the answer to a move of a control is in view at 1280 px.
    static let whatIfPosition = 4

    static func table(review: Review, language: ReportLanguage, text: WorkbenchText) -> String {
        let e = PageLayout.escape
        var h =
            "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"review-title\">\n"
        h += "<table class=\"review\" id=\"review-table\">\n<thead><tr>"
        var titles = ReviewReport.columnTitles(review, language: language).map {
            "<th scope=\"col\">\(e($0))</th>"
        }
        titles.insert(
            contentsOf: [
                "<th scope=\"col\" class=\"wf\">\(e(text.whatIfProbability))</th>",
                "<th scope=\"col\" class=\"wf\">\(e(text.whatIfProjected))</th>"
            ], at: whatIfPosition)
        h +=
            titles.joined() + "</tr></thead>\n<tbody id=\"review-rows\">\n"
            + rows(review: review, language: language) + "</tbody>\n</table>\n</div>\n"
        h +=
            "<div class=\"foot\" id=\"review-foot\">"
            + footnotes(review: review, language: language) + "</div>\n"
        return h
    }

    static func rows(review: Review, language: ReportLanguage) -> String {
        let e = PageLayout.attribute
        var h = ""
        for a in review.assessments {
            h += "<tr data-target=\"\(e(a.target.id))\" data-status=\"\(e(a.status.rawValue))\">"
            var cells = ReviewReport.rowCellsHTML(a, review: review, language: language)
            cells.insert(
                contentsOf: [
                    "<td class=\"num wf wf-p\">—</td>", "<td class=\"num wf wf-proj\">—</td>"
                ], at: whatIfPosition)
            h += cells.joined() + "</tr>\n"
        }
        return h
    }

    static func footnotes(review: Review, language: ReportLanguage) -> String {
        ReviewReport.footnotes(review, language: language).map { "<p>\(PageLayout.escape($0))</p>" }
            .joined()
    }
}
