import Foundation
import Testing
import TestSupport
import PlanIO
import PlanModel
@testable import Spreadsheet

@Suite struct SheetTableTests {
    typealias F = XLSXFixture
    let actualsLayout = SheetTable.Layout(
        required: ["indicator", "year", "value"], known: ActualsFile.columns)

    func table(_ data: Data, sheet: Workbook.SheetChoice = .first) throws -> SheetTable {
        var book = try Workbook(path: F.file(data))
        return try SheetTable(sheet: book.sheet(sheet), layout: actualsLayout)
    }

    @Test func numbersSharedAndInlineStrings() throws {
        let data = try F.make(
            sheets: [
                (
                    "Thực hiện",
                    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\"><v>2026</v></c><c r=\"C2\"><v>0.1</v></c></row>"
                        + "<row r=\"3\">\(F.text("A3", "budget_revenue"))<c r=\"B3\"><v>2027</v></c>\(F.text("C3", "146,5"))</row>",
                    ""
                )
            ],
            sharedStrings: ["indicator", "year", "value", "budget_revenue"])
        let t = try table(data)
        #expect(t.table.header == ["indicator", "year", "value"])
        // A number cell becomes text with no decimal mark (0.1 = 1 × 10⁻¹), so it never
        // counts as evidence for the file's decimal mark beside text such as "146,5".
        #expect(
            t.table.rows == [
                ["budget_revenue", "2026", "1e-1"], ["budget_revenue", "2027", "146,5"]
            ])
        #expect(t.table.lines == [2, 3])
        // The text a number cell becomes reads back to the very same Double.
        #expect(try VietnameseNumber.parse(t.table.rows[0][2]) == 0.1)
    }

    /// Property: a number stored as a number comes through `numberText` and the Vietnamese
    /// number rules unchanged, for generated doubles of every magnitude a plan can hold.
    @Test func numberTextRoundTripsThroughVietnameseNumber() throws {
        var g = SeededGenerator(seed: 12)
        for i in 0..<20_000 {
            let magnitude = pow(10.0, Double(Int(g.next() % 26)) - 12)  // 1e-12 … 1e13
            var value = Double(g.next() >> 11) / Double(1 << 53) * magnitude
            if g.next() % 2 == 0 { value = -value }
            if i % 7 == 0 { value = value.rounded() }
            let text = SheetTable.numberText(value)
            let back = try VietnameseNumber.parse(text, unit: "tỷ đồng")
            #expect(back == value, "seed 12, case \(i): \(value) → \(text) → \(back)")
        }
    }

    @Test func titleRowsBlankRowsAndMergedHeaderAreSkipped() throws {
        let body =
            "<row r=\"1\">\(F.text("A1", "SỐ LIỆU THỰC HIỆN 2026-2027"))</row>"
            + "<row r=\"2\"><c r=\"A2\" s=\"0\"/></row>"
            + "<row r=\"4\">\(F.text("A4", "Indicator"))\(F.text("B4", " Year "))\(F.text("C4", "value"))</row>"
            + "<row r=\"5\">\(F.text("A5", "budget_revenue"))\(F.number("B5", "2026"))\(F.number("C5", "131"))</row>"
            + "<row r=\"6\">\(F.number("B6", "2027"))\(F.number("C6", "146"))</row>"
            + "<row r=\"8\">\(F.text("A8", "gpv_agriculture"))\(F.number("B8", "2026"))\(F.number("C8", "405"))</row>"
        let merges =
            "<mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"A5:A6\"/></mergeCells>"
        let t = try table(F.make(sheets: [("actuals", body, merges)]))
        #expect(t.headerRow == 4)
        #expect(t.table.header == ["indicator", "year", "value"])
        // A5:A6 merged: the indicator fills row 6; the blank row 7 is skipped.
        #expect(
            t.table.rows == [
                ["budget_revenue", "2026", "131"], ["budget_revenue", "2027", "146"],
                ["gpv_agriculture", "2026", "405"]
            ])
        #expect(t.table.lines == [5, 6, 8])
    }

    @Test func datesInTheYearColumnBecomeYears() throws {
        // Style 1 uses built-in format 14 (a date); 46388 is 2027-01-01, 45658 is 2025-01-01
        // (days since 1899-12-30, worked out by hand: 2025-01-01 − 1899-12-30 = 45658 days).
        let styles = "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>"
        let body =
            "<row r=\"1\">\(F.text("A1", "indicator"))\(F.text("B1", "year"))\(F.text("C1", "value"))</row>"
            + "<row r=\"2\">\(F.text("A2", "x"))\(F.number("B2", "45658", style: 1))\(F.number("C2", "45658", style: 1))</row>"
            + "<row r=\"3\">\(F.text("A3", "x"))\(F.number("B3", "46388.75", style: 1))\(F.number("C3", "1"))</row>"
        let t = try table(F.make(sheets: [("s", body, "")], styles: styles))
        #expect(t.table.rows.map { $0[1] } == ["2025", "2027"])
        #expect(t.table.rows[0][2] == "45658")  // a date outside a year column stays its number
    }

    @Test func customDateFormatsAreRecognised() {
        #expect(WorkbookStructure.isDateFormat("yyyy"))
        #expect(WorkbookStructure.isDateFormat("dd/mm/yyyy"))
        #expect(!WorkbookStructure.isDateFormat("#,##0.0"))
        #expect(!WorkbookStructure.isDateFormat("\"day\"0"))
        #expect(!WorkbookStructure.isDateFormat("[Red]0.0"))
        #expect(!WorkbookStructure.isDateFormat("General"))
    }

    /// A number shown as a percentage reads as the figure shown, with its `%` (a CSV export
    /// writes `12,5%`): built-in formats 9 (`0%`) and 10 (`0.00%`), a custom `0.0%`; not a
    /// `%` inside quotes. Expected texts worked out by hand (0.125 × 100 = 12.5 = 125e-1).
    @Test func percentFormatsReadAsTheFigureShown() throws {
        let styles =
            "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"0.0&quot;%&quot;\"/></numFmts>"
            + "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/><xf numFmtId=\"9\"/>"
            + "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs>"
        var body =
            "<row r=\"1\">\(F.text("A1", "indicator"))\(F.text("B1", "year"))\(F.text("C1", "value"))</row>"
        for (row, value, style) in [
            (2, "0.125", 1), (3, "0.9", 2), (4, "1.5E-2", 3), (5, "12.5", 4), (6, "3", 2)
        ] {
            body +=
                "<row r=\"\(row)\">\(F.text("A\(row)", "x"))\(F.number("B\(row)", "2026"))"
                + "\(F.number("C\(row)", value, style: style))</row>"
        }
        let t = try table(F.make(sheets: [("s", body, "")], styles: styles))
        #expect(t.table.rows.map { $0[2] } == ["125e-1%", "90%", "15e-1%", "125e-1", "300%"])
        for (text, expected) in zip(t.table.rows.map { $0[2] }, [12.5, 90, 1.5, 12.5, 300]) {
            #expect(try VietnameseNumber.parse(text, unit: "%") == expected, "\(text)")
        }
        #expect(WorkbookStructure.isPercentFormat("#,##0.00 %"))
        #expect(!WorkbookStructure.isPercentFormat("0\\%"))
        #expect(!WorkbookStructure.isPercentFormat("[Red]0.0"))
    }

    @Test func cachedFormulaValuesAreRead() throws {
        let body =
            "<row r=\"1\">\(F.text("A1", "indicator"))\(F.text("B1", "year"))\(F.text("C1", "value"))</row>"
            + "<row r=\"2\">\(F.text("A2", "x"))\(F.number("B2", "2026"))<c r=\"C2\"><f>100+31</f><v>131</v></c></row>"
            + "<row r=\"3\">\(F.text("A3", "x"))\(F.number("B3", "2027"))<c r=\"C3\" t=\"str\"><f>\"12\"&amp;\",5\"</f><v>12,5</v></c></row>"
        let t = try table(F.make(sheets: [("s", body, "")]))
        #expect(t.table.rows.map { $0[2] } == ["131", "12,5"])
    }

    @Test func errorsNameFileSheetAndCell() throws {
        let plan = try PlanLoader.load(directory: nil)
        let data = try F.make(sheets: [
            (
                "Thực hiện",
                F.actualsSheet([
                    ("budget_revenue", "2026", "131"), ("budget_revenue", "2027", "mười hai")
                ]), ""
            )
        ])
        let path = try F.file(data, "actuals.xlsx")
        do {
            _ = try ActualsInput.read(path: path, plan: plan)
            Issue.record("accepted a word as a number")
        } catch let e as InputError {
            #expect(e.exitCode == 65)
            #expect(
                e.description.hasPrefix(
                    "\(path), sheet \"Thực hiện\", C3 [value]: found \"mười hai\""), "\(e)")
        }
    }

    @Test func sheetChoice() throws {
        let data = try F.make(sheets: [
            ("Ghi chú", "<row r=\"1\">\(F.text("A1", "note"))</row>", ""),
            ("Actuals 2028", F.actualsSheet([("a", "2026", "1")]), ""),
            ("3", F.actualsSheet([("b", "2026", "2")]), "")
        ])
        var book = try Workbook(path: F.file(data))
        #expect(book.sheetNames == ["Ghi chú", "Actuals 2028", "3"])
        #expect(try book.sheetIndex(.preferring("actuals")) == 1)
        #expect(try book.sheetIndex(.named("actuals 2028")) == 1)
        #expect(try book.sheetIndex(.index(2)) == 1)
        #expect(try book.sheetIndex(.index(3)) == 2)  // named "3"
        #expect(try book.sheetIndex(Workbook.SheetChoice(argument: "Ghi chú")) == 0)
        #expect(try book.sheet(.named("3")).rows.count == 2)
    }
}

/// Numbers stored as numbers carry no decimal mark into the table, and read back exactly.
@Suite struct SheetNumberTextTests {
    @Test func numberTextHasNoDecimalMarkAndRoundTrips() throws {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let n = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &g))
            guard n.isFinite else { continue }
            let text = SheetTable.numberText(n)
            #expect(!text.contains(".") && !text.contains(","), "\(n): \(text)")
            #expect(VietnameseNumber.decimalEvidence(text) == nil, "\(n): \(text)")
            #expect(Double(text) == n, "\(n): \(text)")
        }
        #expect(SheetTable.numberText(103.5) == "1035e-1")
        #expect(SheetTable.numberText(-0.001) == "-1e-3")
        #expect(SheetTable.numberText(1500) == "1500")
    }
}
