import Foundation
import Testing
import TestSupport
import PlanIO
import ZIPFoundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
@testable import Spreadsheet

@Suite struct WorkbookWriterTests {
    func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        var out = Data()
        _ = try archive.extract(archive[path]!) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func writesFrozenBoldHeaderFormatsAndFills() throws {
        var sheet = OutputSheet(name: "review: a/b", header: ["target", "value", "status"])
        sheet.append([
            .text("T01"), .number(1234.5, format: CellStyle.Format.oneDecimal),
            .text("on track", style: TrafficLight.style("green")!)
        ])
        sheet.banner = "ILLUSTRATIVE"
        let data = try WorkbookWriter.data([sheet])
        let xml = try part(data, "xl/worksheets/sheet1.xml")
        #expect(
            xml.contains(
                "<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            ))
        #expect(xml.contains("<mergeCell ref=\"A1:C1\"/>"))
        #expect(xml.contains("<v>1234.5</v>"))
        let styles = try part(data, "xl/styles.xml")
        #expect(styles.contains("formatCode=\"#,##0.0\""))
        #expect(styles.contains("<b/>"))
        #expect(styles.contains("FFD9F2DD"))
        #expect(try part(data, "xl/workbook.xml").contains("name=\"review_ a_b\""))
    }

    /// Property: numbers written come back as the same Doubles through the reader, and text
    /// (with XML's special characters) as the same text.
    @Test func writtenValuesReadBackExactly() throws {
        var g = SeededGenerator(seed: 99)
        var sheet = OutputSheet(name: "data", header: ["text", "number"])
        var expected: [(String, Double)] = []
        for i in 0..<2_000 {
            let value =
                Double(Int64(bitPattern: g.next()) % 1_000_000_000_000)
                / pow(10, Double(g.next() % 9))
            let text = "id<&>\"\(i)\" Hưng"
            sheet.append([.text(text), .number(value)])
            expected.append((text, value))
        }
        let path = try XLSXFixture.file(WorkbookWriter.data([sheet]))
        var book = try Workbook(path: path)
        let read = try book.sheet()
        for (i, row) in read.rows.dropFirst().enumerated() {
            #expect(row.cell(1)?.value == .text(expected[i].0), "seed 99 row \(i)")
            #expect(
                row.cell(2)?.value == .number(expected[i].1), "seed 99 row \(i): \(expected[i].1)")
        }
    }

    @Test func csvColumnsBecomeNumbersOnlyWhenEveryFieldIsANumber() throws {
        let csv = "id,year,value,range,illustrative\nT01,2026,12.5,12-14,false\nT02,2027,,1,true\n"
        let sheet = try OutputSheet(csv: csv, name: "t")
        #expect(
            sheet.rows[0].map(\.value) == [
                .text("T01"), .number(2026), .number(12.5), .text("12-14"), .text("false")
            ])
        #expect(sheet.rows[1][2].value == .empty)
        #expect(sheet.rows[0][1].style.numberFormat == CellStyle.Format.year)
        #expect(sheet.banner == OutputSheet.illustrativeNote)
        let split = try OutputSheet.split(csv: "section,x\np,1\nq,2\np,3\n", on: "section")
        #expect(split.map(\.name) == ["p", "q"])
        #expect(split[0].rows.map { $0[0].value } == [.number(1), .number(3)])
    }

    @Test func chartsAreWrittenAsDrawingMLPartsReferencingTheirCells() throws {
        var data = OutputSheet(name: "data's", header: ["year", "value"])
        for y in 2025...2030 { data.append([.number(Double(y)), .number(Double(y - 2000))]) }
        var charts = OutputSheet(name: "charts", header: [])
        var chart = LineChart(title: "A & B", sheet: data.name, categoryColumn: 1, rows: 2...7)
        chart.series = [
            .init(name: "value", column: 2, colour: "1B1B1B", dashed: true, marker: true)
        ]
        charts.charts = [chart, chart]
        let book = try WorkbookWriter.data([data, charts])
        let types = try part(book, "[Content_Types].xml")
        #expect(
            types.contains("/xl/drawings/drawing1.xml") && types.contains("/xl/charts/chart2.xml"))
        #expect(try part(book, "xl/worksheets/sheet2.xml").contains("<drawing r:id=\"rId1\"/>"))
        #expect(
            try part(book, "xl/worksheets/_rels/sheet2.xml.rels").contains(
                "../drawings/drawing1.xml"))
        #expect(
            try part(book, "xl/drawings/_rels/drawing1.xml.rels").contains("../charts/chart2.xml"))
        let xml = try part(book, "xl/charts/chart1.xml")
        #expect(
            xml.contains("<c:f>&#39;data&#39;&#39;s&#39;!$B$2:$B$7</c:f>")
                && xml.contains("<a:t>A &amp; B</a:t>") && xml.contains("prstDash"))
        // Every part is well-formed XML.
        for path in ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/worksheets/sheet2.xml"]
        {
            let parser = XMLParser(data: Data(try part(book, path).utf8))
            #expect(parser.parse(), "\(path)")
        }
    }

    /// The theme Excel expects (see `ThemeXML`): a well-formed DrawingML theme, related
    /// from the workbook and typed in `[Content_Types].xml`.
    @Test func themePartIsWrittenAndRelated() throws {
        let data = try WorkbookWriter.data([OutputSheet(name: "a", header: ["x"])])
        let theme = try part(data, "xl/theme/theme1.xml")
        let parser = XMLParser(data: Data(theme.utf8))
        #expect(parser.parse(), "theme1.xml is not well-formed")
        for colour in ["dk1", "lt1", "dk2", "lt2", "accent1", "accent6", "hlink", "folHlink"] {
            #expect(theme.contains("<a:\(colour)>"))
        }
        #expect(theme.components(separatedBy: "<a:effectStyle>").count == 4)
        #expect(
            try part(data, "xl/_rels/workbook.xml.rels").contains(
                "relationships/theme\" Target=\"theme/theme1.xml\""))
        #expect(
            try part(data, "[Content_Types].xml").contains(
                "<Override PartName=\"/xl/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>"
            ))
    }

    @Test func sheetNamesAreMadeUnique() throws {
        var sheets = [
            OutputSheet(name: "a", header: []), OutputSheet(name: "A", header: []),
            OutputSheet(name: String(repeating: "x", count: 40), header: [])
        ]
        WorkbookWriter.uniqueNames(&sheets)
        #expect(sheets.map(\.name) == ["a", "A (2)", String(repeating: "x", count: 31)])
    }
}
