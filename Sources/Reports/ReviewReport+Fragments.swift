import Foundation
import Forecasting
import PlanModel

/// Pieces of the HTML report for pages that lay them out themselves (the workbench's
/// dashboard), so the page shows the same statuses, colours, numbers and wording as
/// `review --format html`. Every fragment is escaped well-formed XHTML.
///
/// ```swift
/// let cells = ReviewReport.rowCellsHTML(review.assessments[0], review: review, language: .en)  // 12 <td>
/// let svg = ReviewReport.chartSVG(review.charts[0], review: review, language: .en, index: 0)
/// ```
extension ReviewReport {
    /// The report's stylesheet (traffic-light classes `st-green`, `st-amber`, `st-red`,
    /// `st-grey`, the table and the charts).
    public static var stylesheet: String { ReviewHTMLWriter.css }

    /// Column titles of the traffic-light table, in the order of `rowCellsHTML`.
    public static func columnTitles(_ review: Review, language: ReportLanguage? = nil) -> [String] {
        ReviewHTMLWriter.columnTitles(text(review, language))
    }

    /// The `<td>` cells of one target's row, exactly as the HTML report writes them, one
    /// string per column of `columnTitles`.
    public static func rowCellsHTML(
        _ assessment: TargetAssessment, review: Review,
        language: ReportLanguage? = nil
    ) -> [String] {
        ReviewHTMLWriter.rowCellList(assessment, text: text(review, language))
    }

    /// The table's footnotes: the status rule and its cut-offs, the intervals, the gap.
    public static func footnotes(_ review: Review, language: ReportLanguage? = nil) -> [String] {
        let x = text(review, language)
        var lines = [x.ruleLine + " " + x.ruleExtraLine, x.intervalLine, x.gapLine]
        if review.usesIllustrative { lines.append(x.illustrativeNote) }
        return lines
    }

    /// Status label in the language (`đúng hướng`, `on track`) with its traffic-light symbol.
    public static func statusText(
        _ assessment: TargetAssessment, review: Review,
        language: ReportLanguage? = nil
    ) -> String {
        text(review, language).statusCell(assessment)
    }

    /// The "illustrative" badge text (`MINH HỌA`, `ILLUSTRATIVE`).
    public static func illustrativeBadge(_ review: Review, language: ReportLanguage? = nil)
        -> String
    {
        text(review, language).illustrativeBadge
    }

    /// A value in the report's number format (`1.234,5` in Vietnamese, `1,234.5` in English).
    public static func number(
        _ value: Double, decimals: Int, review: Review, language: ReportLanguage? = nil
    ) -> String {
        text(review, language).number.string(value, decimals: decimals)
    }

    /// One indicator's chart as SVG. `simulated` words the blue line and fan as a
    /// simulation's median and bands instead of a trend and its prediction intervals.
    /// `index` keeps clip-path ids apart when several charts share a page.
    public static func chartSVG(
        _ chart: IndicatorChart, review: Review, language: ReportLanguage? = nil,
        index: Int, simulated: Bool = false
    ) -> String {
        var svg = ReviewChartSVG(
            chart: chart, asOf: review.asOf, text: text(review, language), index: index)
        svg.fan = simulated ? .simulation : .trend
        return svg.render()
    }

    static func text(_ review: Review, _ language: ReportLanguage?) -> ReviewText {
        ReviewText(review: review, language: language ?? ReportLanguage.default(for: review.plan))
    }
}
