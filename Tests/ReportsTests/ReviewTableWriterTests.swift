import Foundation
import Testing
import Forecasting
import PlanModel
@testable import Reports

/// The terminal review table fits the terminal it is printed on, and piped output keeps
/// every column.
@Suite struct ReviewTableWriterTests {
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The table's lines: from the header (first line starting with the id column) to the
    /// blank line after the last row.
    static func tableLines(_ text: String, language: ReportLanguage) -> [String] {
        let all = lines(text)
        let id = language == .vi ? "Mã" : "ID"
        guard let start = all.firstIndex(where: { $0.hasPrefix(id + " ") }) else { return [] }
        let rest = all[start...]
        let end = rest.firstIndex(of: "") ?? all.endIndex
        return Array(all[start..<end])
    }

    @Test(arguments: [ReportLanguage.vi, .en])
    func pipedOutputHasEveryColumnOnOneLinePerTarget(_ language: ReportLanguage) {
        let review = SampleReview.make()
        let text = ReviewReport.render(
            review, format: .table, language: language, options: ReportOptions())
        let table = Self.tableLines(text, language: language)
        // Header, rule, one line per target.
        #expect(table.count == 2 + review.assessments.count)
        #expect(table[0].contains(language == .vi ? "Chủ trì" : "Responsible"))
    }

    /// For every terminal width from 70 to 220 columns, no table line is wider than the
    /// terminal, every target keeps its id, status and P(meet) on its first line, and the
    /// other columns appear below it.
    @Test func everyLineFitsTheTerminal() {
        let review = SampleReview.make()
        for language in [ReportLanguage.vi, .en] {
            let full = ReviewReport.render(
                review, format: .table, language: language, options: ReportOptions())
            let fullWidth = Self.tableLines(full, language: language).map(\.count).max()!
            for width in stride(from: 60, through: 220, by: 5) {
                let text = ReviewReport.render(
                    review, format: .table, language: language, options: ReportOptions(width: width)
                )
                let table = Self.tableLines(text, language: language)
                for line in table {
                    #expect(line.count <= width, "width \(width): \(line.count) columns: \(line)")
                }
                if fullWidth <= width {
                    #expect(text == full, "a table that fits is the full table")
                    continue
                }
                for a in review.assessments {
                    let row = table.first {
                        $0.hasPrefix(a.target.id + " ") || $0.hasPrefix(a.target.id + "*")
                    }
                    #expect(row != nil, "width \(width): no row for \(a.target.id)")
                    let label = language == .vi ? a.status.labelVi : a.status.labelEn
                    #expect(
                        row?.contains(label) == true,
                        "width \(width): \(a.target.id) lost its status")
                }
                #expect(
                    table.contains {
                        $0.hasPrefix("    ")
                            && $0.contains(language == .vi ? "Chủ trì" : "Responsible")
                    })
            }
        }
    }

    @Test func wideKeepsEveryColumnOnANarrowTerminal() {
        let review = SampleReview.make()
        let full = ReviewReport.render(
            review, format: .table, language: .en, options: ReportOptions())
        let wide = ReviewReport.render(
            review, format: .table, language: .en, options: ReportOptions(width: 80, wide: true))
        #expect(wide == full)
    }

    @Test func wrapBreaksBetweenWordsAndIndents() {
        let wrapped = ReviewTableWriter.wrap("aa bb cc dd", width: 9, indent: 2)
        #expect(wrapped == ["  aa bb", "  cc dd"])
        #expect(ReviewTableWriter.wrap("", width: 10, indent: 4) == [])
    }
}
