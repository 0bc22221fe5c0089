import Foundation
import Testing
import Forecasting
import PlanIO
import Spreadsheet
@testable import Reports

@Suite struct ReviewWorkbookTests {
    let review = SampleReview.make()

    @Test func sheetsAndBanner() throws {
        let sheets = try ReviewWorkbook.sheets(review, language: .en)
        #expect(
            sheets.map(\.name) == ["assessments", "targets", "notes", "method", "series", "charts"])
        #expect(
            try ReviewWorkbook.sheets(review, language: .vi).map(\.name) == [
                "Đánh giá", "Chỉ tiêu", "Ghi chú", "Phương pháp", "Chuỗi số liệu", "Biểu đồ"
            ])
        // The sample review is illustrative: every sheet but the plan's own targets says so.
        #expect(review.usesIllustrative)
        #expect(sheets.map { $0.banner != nil } == [true, false, true, true, true, true])
        // One chart per indicator, each reading its own rows of the series sheet.
        let series = sheets[4], charts = sheets[5].charts
        #expect(charts.count == review.charts.count)
        for (chart, data) in zip(charts, review.charts) {
            let ids = Set(chart.rows.map { series.rows[$0 - series.headerRow - 1][0].value })
            #expect(ids == [.text(data.indicator.id)])
        }
    }

    /// The invariant: every number of the assessments sheet is the CSV report's number.
    @Test func assessmentsHoldTheCSVNumbers() throws {
        let sheet = try ReviewWorkbook.sheets(review, language: .en)[0]
        let csv = try CSVTable.parse(
            text: ReviewReport.render(review, format: .csv, language: .en), file: "csv")
        #expect(Set(sheet.header) == Set(csv.header))
        var compared = 0
        for (i, row) in csv.rows.enumerated() {
            for (j, name) in csv.header.enumerated() {
                let cell = sheet.rows[i][sheet.header.firstIndex(of: name)!]
                switch cell.value {
                case .number(let n): #expect(Double(row[j]) == n, "\(name) row \(i)"); compared += 1
                case .text(let t): #expect(t == row[j], "\(name) row \(i)")
                case .empty: #expect(row[j].isEmpty, "\(name) row \(i)")
                }
            }
        }
        #expect(compared > 50)
        // Status cells carry the light's fill.
        let light = sheet.header.firstIndex(of: "light")!,
            label = sheet.header.firstIndex(of: "status_label")!
        for row in sheet.rows {
            guard case .text(let colour) = row[light].value else { continue }
            #expect(row[label].style.fill == TrafficLight.style(colour)?.fill)
        }
    }

    @Test func docxColumnWeightsAndReferenceStyles() {
        let table =
            "| a | b | c | d | e | f | g | h | i | j | k | l |\n|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n"
        let weighted = ReviewDocx.weightColumns(table).components(separatedBy: "\n")[1]
        #expect(weighted.hasPrefix("|-------------|" + String(repeating: "-", count: 60) + "-|"))
        #expect(weighted.contains("------------------:|"))
        // another shape: unchanged
        #expect(ReviewDocx.weightColumns("| a |\n|---|\n") == "| a |\n|---|\n")
        let styles = ReferenceDocx.addStyles("<w:styles><w:style/></w:styles>")
        #expect(
            styles.contains("w:styleId=\"Statusgreen\"") && styles.contains("w:fill=\"D9F2DD\""))
        #expect(
            ReferenceDocx.landscape("<w:body><w:sectPr /></w:body>").contains(
                "w:orient=\"landscape\""))
    }

    @Test func pdfOrientation() {
        #expect(
            ReviewPDF.needsLandscape(
                "<table><tr>" + String(repeating: "<th>x</th>", count: 8) + "</tr></table>"))
        #expect(
            !ReviewPDF.needsLandscape(
                "<table><tr>" + String(repeating: "<th>x</th>", count: 7) + "</tr></table>"))
        #expect(ReviewPDF.needsLandscape(ReviewReport.render(review, format: .html)))
    }

    @Test func missingToolNamesThePackage() {
        do {
            _ = try ExternalTool("planforecast-no-such-tool", package: "pkg", purpose: "a test");
            Issue.record("found")
        } catch let error as ExternalTool.Unavailable {
            #expect(error.exitCode == 69 && error.description.contains("apt-get install pkg"))
        } catch { Issue.record("\(error)") }
    }
}
