import Foundation
import Testing
import Forecasting
import PlanModel
@testable import Reports

/// The growth column is named for what it holds under the review's rule, in the table,
/// Markdown and HTML, in both languages, and its note says what it is; the CSV keeps its
/// column names.
@Suite struct ReviewTextGrowthColumnTests {
    struct Case: Sendable, CustomStringConvertible {
        var rule: AssessmentRule
        var language: ReportLanguage
        var short: String
        var long: String
        var description: String { "\(rule) \(language)" }
    }

    static let cases: [Case] = [
        Case(
            rule: .forecast, language: .en, short: "Avg/yr",
            long: "Average growth/yr since baseline"),
        Case(
            rule: .forecast, language: .vi, short: "Bình quân/năm",
            long: "Tăng bình quân/năm từ năm gốc"),
        Case(rule: .cagr, language: .en, short: "Avg/yr", long: "Average growth/yr since baseline"),
        Case(rule: .trend, language: .en, short: "Trend/yr", long: "Trend growth/yr"),
        Case(
            rule: .probability, language: .vi, short: "Xu hướng/năm", long: "Tăng theo xu hướng/năm"
        )
    ]

    @Test(arguments: cases)
    func headersAndNotesFollowTheRule(_ c: Case) {
        var review = SampleReview.make()
        review.rule = c.rule
        let table = ReviewReport.render(
            review, format: .table, language: c.language, options: ReportOptions())
        let header = table.split(separator: "\n").first {
            $0.hasPrefix(c.language == .vi ? "Mã " : "ID ")
        }
        #expect(header?.contains(c.short) == true)
        let other = c.short.hasPrefix("Avg") || c.short.hasPrefix("Bình") ? "Trend/yr" : "Avg/yr"
        #expect(header?.contains(other) == false)
        #expect(table.contains(c.short + " = "))  // the columns note explains it
        for format in [ReportFormat.markdown, .html] {
            let text = ReviewReport.render(review, format: format, language: c.language)
            #expect(text.contains(c.long), "\(format)")
            #expect(text.contains(c.long + " = "), "\(format): the note")
        }
        let csv = ReviewReport.render(review, format: .csv, language: c.language)
        #expect(csv.hasPrefix("plan,as_of,rule,"))
        #expect(csv.split(separator: "\n")[0].contains(",trend_growth,"))
    }
}
