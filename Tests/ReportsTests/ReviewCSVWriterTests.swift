import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import Forecasting
import PlanIO
import PlanModel
@testable import Reports

@Suite struct CSVReport {
    let review = SampleReview.make()

    @Test func plainCSVHasTheDocumentedHeaderAndOneRowPerTarget() throws {
        let csv = ReviewReport.render(review, format: .csv)
        #expect(!csv.hasPrefix("\u{FEFF}"))
        let table = try CSVTable.parse(text: csv, file: "review.csv")
        #expect(table.delimiter == ",")
        #expect(table.header == ReviewReport.csvColumns(levels: [0.8, 0.95]))
        #expect(
            table.header.contains("projected_low_80") && table.header.contains("projected_high_95"))
        #expect(table.rows.count == review.assessments.count)
        let t01 = table.rowAccessors[0]
        #expect(t01["target"] == "T01")
        #expect(t01["status"] == "acceleration_needed")
        #expect(t01["value_low"] == "12.5")  // 0.125 as percent
        #expect(t01["trend_growth"] == "10.3")  // 0.103 as percent
        #expect(t01["growth_unit"] == "%/yr")
        #expect(t01["progress_ratio_pct"] == "75.7")
        #expect(t01["gap"] == "-2.2")  // (0.103 − 0.125) × 100 pp
        #expect(t01["illustrative"] == "true")
        let t03 = table.rowAccessors[2]
        #expect(t03["growth_unit"] == "pp/yr")
        #expect(t03["trend_growth"] == "-0.33")
        #expect(t03["projected_low_95"] == "0.95")
        let t05 = table.rowAccessors[4]
        #expect(t05["years_missed"] == "2026")
    }

    @Test func excelOptionWritesAUTF8ByteOrderMark() {
        let data = ReviewReport.data(review, format: .csv, options: ReportOptions(csvStyle: .excel))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3).prefix(5), as: UTF8.self) == "plan,")
        let plain = ReviewReport.data(review, format: .csv)
        #expect(Array(plain.prefix(5)) == Array("plan,".utf8))
    }

    @Test func semicolonVariantUsesDecimalCommasAndQuotesFieldsWithSemicolons() throws {
        var r = review
        r.assessments[1].target.nameVi = "Thu nhập; bình quân \"đầu người\""
        let data = ReviewReport.data(
            r, format: .csv, language: .vi, options: ReportOptions(csvStyle: .excelSemicolon))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(";\"Thu nhập; bình quân \"\"đầu người\"\"\";"))
        let table = try CSVTable.parse(data: data, file: "review.csv")
        #expect(table.delimiter == ";")
        let t02 = table.rowAccessors[1]
        #expect(t02["name_vi"] == "Thu nhập; bình quân \"đầu người\"")
        #expect(t02["baseline"] == "85,56")
        #expect(t02["projected"] == "122,8")
        #expect(t02["projected_low_95"] == "112,6")
        #expect(t02["trend_growth"] == "7,5")
        #expect(t02["status_label"] == "đúng hướng")
        #expect(t02["target_year"] == "2030")
    }
}

@Suite struct ExcelFormulaGuard {
    @Test func textThatExcelWouldRunAsAFormulaIsPrefixedInExcelStylesOnly() throws {
        var r = SampleReview.make()
        r.assessments[0].target.nameVi = "=HYPERLINK(\"http://x\",\"y\")"
        r.assessments[0].target.responsibleUnit = "-Phòng"
        let excel = try CSVTable.parse(
            data: ReviewReport.data(r, format: .csv, options: ReportOptions(csvStyle: .excel)),
            file: "x.csv")
        #expect(excel.rowAccessors[0]["name_vi"] == "'=HYPERLINK(\"http://x\",\"y\")")
        #expect(excel.rowAccessors[0]["responsible_unit"] == "'-Phòng")
        #expect(excel.rowAccessors[0]["gap"] == "-2.2")  // a negative number stays a number
        let semi = try CSVTable.parse(
            data: ReviewReport.data(
                r, format: .csv, options: ReportOptions(csvStyle: .excelSemicolon)), file: "x.csv")
        #expect(semi.rowAccessors[0]["gap"] == "-2,2")
        let plain = try CSVTable.parse(text: ReviewReport.render(r, format: .csv), file: "x.csv")
        // data for pandas/R unchanged
        #expect(plain.rowAccessors[0]["name_vi"] == "=HYPERLINK(\"http://x\",\"y\")")
    }
}
