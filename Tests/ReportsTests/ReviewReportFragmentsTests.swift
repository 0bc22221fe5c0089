import Foundation
import Forecasting
import Testing
@testable import Reports

/// The fragments the workbench lays out are the HTML report's own pieces.
@Suite struct ReviewReportFragmentsTests {
    let review = SampleReview.make()

    @Test func rowCellsAreTheReportsRows() {
        for language in ReportLanguage.allCases {
            let page = ReviewReport.render(review, format: .html, language: language)
            for a in review.assessments {
                let cells = ReviewReport.rowCellsHTML(a, review: review, language: language)
                #expect(cells.count == ReviewReport.columnTitles(review, language: language).count)
                #expect(
                    page.contains("<tr>" + cells.joined() + "</tr>"), "\(a.target.id) \(language)")
            }
            for title in ReviewReport.columnTitles(review, language: language) {
                #expect(page.contains("<th>\(XMLText.escape(title))</th>"))
            }
        }
    }

    @Test func simulatedChartsSayWhatTheFanIs() throws {
        let chart = try #require(review.charts.first)
        let trend = ReviewReport.chartSVG(chart, review: review, language: .en, index: 0)
        let simulated = ReviewReport.chartSVG(
            chart, review: review, language: .en, index: 0, simulated: true)
        #expect(trend.contains(">Trend<") && !trend.contains("Simulated median"))
        #expect(simulated.contains(">Simulated median<") && !simulated.contains(">Trend<"))
        #expect(
            ReviewReport.chartSVG(chart, review: review, language: .vi, index: 0, simulated: true)
                .contains("Trung vị mô phỏng"))
    }
}
