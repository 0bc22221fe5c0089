import Foundation
import Testing
import PlanIO
import PlanModel
@testable import Spreadsheet
import ZIPFoundation

/// Every part of a zip, in order (to rebuild a fixture with one part changed).
enum ZIPFoundationReader {
    static func parts(_ data: Data) throws -> [(String, Data)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var out = Data()
            _ = try archive.extract(entry) { out.append($0) }
            return (entry.path, out)
        }
    }
}

/// Each malformed input of issue 12 is refused with exit 65 (or 74 for I/O) and a message
/// naming the file (and sheet and cell where there is one).
@Suite struct WorkbookBadInputTests {
    typealias F = XLSXFixture
    let layout = SheetTable.Layout(
        required: ["indicator", "year", "value"], known: ActualsFile.columns)

    func refused(
        _ path: String, sheet: Workbook.SheetChoice = .first, limits: WorkbookLimits = .standard,
        code: Int32 = 65, _ fragments: String...
    ) {
        do {
            var book = try Workbook(path: path, limits: limits)
            _ = try SheetTable(sheet: book.sheet(sheet), layout: layout)
            Issue.record("accepted \(path)")
        } catch let e as InputError {
            #expect(e.exitCode == code, "\(e)")
            #expect(e.description.hasPrefix(path), "\(e)")
            for f in fragments { #expect(e.description.contains(f), "\(e.description) lacks \(f)") }
        } catch { Issue.record("not an InputError: \(error)") }
    }

    var good: Data {
        get throws { try F.make(sheets: [("actuals", F.actualsSheet([("x", "2026", "1")]), "")]) }
    }

    @Test func missingFileIsIO() throws { refused("/nonexistent/a.xlsx", code: 74, "no such file") }

    @Test func truncatedAndCorruptZip() throws {
        let data = try good
        refused(try F.file(data.prefix(data.count / 2)), "damaged or truncated zip")
        var corrupt = data
        for i in stride(from: 40, to: min(corrupt.count, 400), by: 7) { corrupt[i] ^= 0x5A }
        refused(try F.file(corrupt), "xlsx")
    }

    @Test func notAWorkbook() throws {
        refused(
            try F.file(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "old.xls"),
            ".xls")
        refused(try F.file(Data("indicator,year,value\nx,2026,1\n".utf8), "renamed.xlsx"), "CSV")
        let ods = try F.zip([
            ("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)),
            ("content.xml", Data("<x/>".utf8))
        ])
        refused(try F.file(ods, "sheet.ods"), "OpenDocument")
        let plainZip = try F.zip([("readme.txt", Data("hi".utf8))])
        refused(try F.file(plainZip), "not an Excel workbook")
    }

    @Test func zipBombRefusedByTheDirectorySize() throws {
        // 8 MiB of one repeated row deflates to a few kilobytes; the limit here is 1 MiB.
        let row = "<row>\(F.text("A1", "x"))</row>"
        let body = String(repeating: row, count: (8 << 20) / row.utf8.count)
        let bomb = try F.make(sheets: [("actuals", body, "")])
        #expect(bomb.count < 200_000)
        refused(
            try F.file(bomb), limits: WorkbookLimits(maxPartBytes: 1 << 20),
            "stated in the zip directory", "zip bomb")
    }

    @Test func zipBombRefusedWhileInflatingWhenTheDirectoryLies() throws {
        let row = "<row>\(F.text("A1", "x"))</row>"
        let body = String(repeating: row, count: (4 << 20) / row.utf8.count)
        var bomb = try F.make(sheets: [("actuals", body, "")])
        // Make the central directory (and local header) claim 1000 bytes for the sheet.
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        let bytes = [UInt8](bomb)
        var patched = 0
        for i in 0..<(bytes.count - 46) {
            let central =
                bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01
                && bytes[i + 3] == 0x02
            let local =
                bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03
                && bytes[i + 3] == 0x04
            let nameAt = central ? i + 46 : i + 30
            guard central || local, nameAt + name.count <= bytes.count,
                Array(bytes[nameAt..<nameAt + name.count]) == name
            else { continue }
            let sizeAt = central ? i + 24 : i + 22
            for (k, b) in [UInt8(0xE8), 0x03, 0, 0].enumerated() { bomb[sizeAt + k] = b }
            patched += 1
        }
        #expect(patched == 2)
        refused(try F.file(bomb), "when inflated", "said 1000")
    }

    @Test func missingSheet() throws {
        refused(
            try F.file(good), sheet: .named("Thực hiện"), "no sheet named \"Thực hiện\"",
            "\"actuals\"")
        refused(try F.file(good), sheet: .index(4), "no sheet 4")
    }

    @Test func sheetWithoutHeader() throws {
        let data = try F.make(sheets: [
            ("actuals", "<row r=\"1\">\(F.text("A1", "a"))\(F.text("B1", "b"))</row>", "")
        ])
        refused(try F.file(data), "sheet \"actuals\"", "no header row", "indicator, year, value")
        refused(try F.file(F.make(sheets: [("actuals", "", "")])), "an empty sheet")
    }

    @Test func excelErrorCells() throws {
        for code in ["#DIV/0!", "#N/A"] {
            let body =
                F.actualsSheet([])
                + "<row r=\"2\">\(F.text("A2", "x"))\(F.number("B2", "2026"))<c r=\"C2\" t=\"e\"><f>1/0</f><v>\(code)</v></c></row>"
            refused(
                try F.file(F.make(sheets: [("actuals", body, "")])),
                "sheet \"actuals\", C2 [value]", "Excel error \(code)")
        }
    }

    @Test func formulaWithoutCachedValue() throws {
        let body =
            F.actualsSheet([])
            + "<row r=\"2\">\(F.text("A2", "x"))\(F.number("B2", "2026"))<c r=\"C2\"><f>SUM(D1:D9)</f></c></row>"
        refused(
            try F.file(F.make(sheets: [("actuals", body, "")])), "C2 [value]",
            "=SUM(D1:D9) with no calculated value")
        // As openpyxl writes it: an empty <v></v>.
        let empty =
            F.actualsSheet([])
            + "<row r=\"2\">\(F.text("A2", "x"))\(F.number("B2", "2026"))<c r=\"C2\"><f>1+1</f><v></v></c></row>"
        refused(
            try F.file(F.make(sheets: [("actuals", empty, "")])), "C2 [value]",
            "=1+1 with no calculated value")
    }

    @Test func sharedStringOutOfRange() throws {
        let body = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>"
        refused(
            try F.file(F.make(sheets: [("actuals", body, "")], sharedStrings: ["indicator"])),
            "sheet \"actuals\", A1", "shared string \"7\" (the workbook has 1)")
    }

    @Test func lastExcelRowIsReadAndOneMoreIsRefused() throws {
        let last =
            F.actualsSheet([])
            + "<row r=\"1048576\">\(F.text("A1048576", "x"))\(F.number("B1048576", "2026"))\(F.number("C1048576", "5"))</row>"
        var book = try Workbook(path: F.file(F.make(sheets: [("actuals", last, "")])))
        let t = try SheetTable(sheet: book.sheet(), layout: layout)
        #expect(t.table.lines == [1_048_576])
        let beyond = F.actualsSheet([]) + "<row r=\"1048577\">\(F.text("A1048577", "x"))</row>"
        refused(try F.file(F.make(sheets: [("actuals", beyond, "")])), "row 1048577", "1,048,576")
    }

    @Test func malformedXML() throws {
        let data = try F.zip([
            ("[Content_Types].xml", Data("<Types/>".utf8)),
            ("xl/workbook.xml", Data("<workbook><sheets><sheet name=\"a\"".utf8))
        ])
        refused(try F.file(data), "malformed XML in part xl/workbook.xml")
        // A sheet cut short inside a well-formed zip: not read as a shorter table.
        let good = try F.make(sheets: [
            ("actuals", F.actualsSheet([("x", "2026", "1"), ("x", "2027", "2")]), "")
        ])
        let archive = try ZIPFoundationReader.parts(good)
        let cut = archive.map {
            $0.0 == "xl/worksheets/sheet1.xml" ? ($0.0, $0.1.prefix($0.1.count - 40)) : $0
        }
        refused(
            try F.file(F.zip(cut.map { ($0.0, Data($0.1)) })),
            "malformed XML in part xl/worksheets/sheet1.xml")
    }
}
