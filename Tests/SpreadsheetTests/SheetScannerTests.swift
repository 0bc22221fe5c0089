import Foundation
import Testing
import TestSupport
import PlanIO
@testable import Spreadsheet

/// The worksheet scanner reads the XML a worksheet may hold (values worked out by hand).
@Suite struct SheetScannerTests {
    func scan(_ xml: String, shared: [String] = []) throws -> (
        rows: [SheetRow], merges: [CellRange]
    ) {
        try SheetScanner.scan(Data(xml.utf8), sharedStrings: shared, file: "f.xlsx", part: "p") {
            Worksheet.location(file: "f.xlsx", sheet: "s", cell: $0)
        }
    }

    func values(_ xml: String, shared: [String] = []) throws -> [CellValue] {
        try scan(xml, shared: shared).rows.flatMap { $0.entries.map(\.cell.value) }
    }

    @Test func prefixesEntitiesCdataCommentsAndInstructions() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- written by hand -->
            <x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
            <x:row r='1'><x:c r="A1" t="inlineStr"><x:is><x:t>a &amp; b &lt;&#233;&#x1EA1;&gt;</x:t></x:is></x:c>
            <x:c r="B1" t="str"><x:f>"x"</x:f><x:v><![CDATA[<raw>]]></x:v></x:c><x:c r="C1" s="3"/><x:c r="D1"><x:v> 1.5E+3 </x:v></x:c></x:row>
            </x:sheetData><x:mergeCells><x:mergeCell ref="A1:B2"/></x:mergeCells></x:worksheet>
            """
        let result = try scan(xml)
        #expect(
            result.rows.flatMap { $0.entries.map(\.cell.value) } == [
                .text("a & b <éạ>"), .text("<raw>"), .number(1500)
            ])
        #expect(result.rows[0].entries.map(\.column) == [1, 2, 4])
        #expect(result.merges == [CellRange("A1:B2")!])
    }

    @Test func richInlineTextSkipsPhoneticRuns() throws {
        let xml =
            "<worksheet><sheetData><row><c t=\"inlineStr\"><is><r><t>Hà </t></r><r><t xml:space=\"preserve\">Nội</t></r><rPh><t>ハノイ</t></rPh></is></c></row></sheetData></worksheet>"
        #expect(try values(xml) == [.text("Hà Nội")])
    }

    @Test func addressesMayBeOmitted() throws {
        let xml =
            "<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r=\"C2\"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>"
        let rows = try scan(xml).rows
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows.map { $0.entries.map(\.column) } == [[1, 2], [3, 4]])
    }

    @Test func booleansErrorsSharedStringsAndSharedFormulas() throws {
        let xml =
            "<worksheet><sheetData><row><c t=\"b\"><v>1</v></c><c t=\"e\"><v>#N/A</v></c><c t=\"s\"><v>1</v></c>"
            + "<c><f t=\"shared\" si=\"0\"/><v>7</v></c></row></sheetData></worksheet>"
        #expect(
            try values(xml, shared: ["a", "b"]) == [
                .bool(true), .error("#N/A"), .text("b"), .number(7)
            ])
    }

    @Test func malformedDocumentsAreRefused() {
        let bad = [
            "<!DOCTYPE x [<!ENTITY a \"b\">]><worksheet/>",  // DOCTYPE: entity expansion attacks
            "<worksheet><sheetData><row><c><v>&bogus;</v></c></row></sheetData></worksheet>",
            "<worksheet><sheetData><row><c r=A1><v>1</v></c></row></sheetData></worksheet>",
            "<worksheet><sheetData></sheetData></worksheet></worksheet>",
            "<worksheet><sheetData><row><c><v>1</v></c></row>",  // cut short
            "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet",
            "<worksheet><sheetData><row><c><v>12abc</v></c></row></sheetData></worksheet>"
        ]
        for xml in bad {
            do { _ = try scan(xml); Issue.record("accepted \(xml)") } catch let e as InputError {
                #expect(e.exitCode == 65 && e.description.hasPrefix("f.xlsx"), "\(e)")
            } catch { Issue.record("\(error)") }
        }
    }

    /// Property: random byte strings never trap; they are read or refused with an InputError.
    @Test func randomBytesNeverTrap() {
        var g = SeededGenerator(seed: 7)
        let alphabet = Array("<>/=\"' &;#x:![]?-crvftsowkheID0123456789".utf8)
        for round in 0..<3_000 {
            let length = Int(g.next() % 120)
            var bytes = Array("<worksheet><sheetData><row><c>".utf8)
            for _ in 0..<length { bytes.append(alphabet[Int(g.next() % UInt64(alphabet.count))]) }
            do {
                _ = try SheetScanner.scan(Data(bytes), sharedStrings: [], file: "f", part: "p") {
                    Worksheet.location(file: "f", sheet: "s", cell: $0)
                }
            } catch is InputError { continue } catch {
                Issue.record("seed 7 round \(round): \(error)")
            }
        }
    }
}
