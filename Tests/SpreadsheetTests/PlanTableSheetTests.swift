import Foundation
import PlanIO
import PlanModel
import TestSupport
import Testing

@testable import Spreadsheet

/// `import-plan PhuLucI.xlsx`: An Hưng's Phụ lục I laid out as a planner's sheet (a merged
/// title row, a header merged over two rows, group rows merged across, responsible units
/// merged down, numbers stored as numbers and as Vietnamese text) imports to the same
/// targets as its export as Unicode text, the repository's `phu-luc-1-unicode.tsv` (which
/// `PlanTableImportTests` checks against the plan document's own table).
@Suite struct PlanTableSheetTests {
    static let csvFixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PlanIOTests/Fixtures/import/phu-luc-1-unicode.tsv").path

    /// The fields of a target that must match (all but `source`, which names the file and
    /// its line or row).
    func signature(_ targets: [Target]) -> [String] {
        targets.map { t in
            [
                t.id, t.indicator, t.appendixRow, t.nameVi, t.unit, t.kind.rawValue,
                t.comparator.rawValue, "\(t.low ?? -1)", "\(t.high ?? -1)", "\(t.targetYear)",
                t.startYear.description, t.direction.rawValue, t.responsibleUnit, t.note,
                t.appendixNameVi, t.appendixUnit, t.appendixValue
            ].joined(separator: "|")
        }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The CSV's rows as a sheet. `twoRowHeader` puts `Mục tiêu` under the value title in
    /// a second header row, the other header cells merged down over both.
    static func appendixWorkbook(twoRowHeader: Bool, errorCell: String? = nil) throws -> String {
        // Excel's "Unicode text": UTF-16, CRLF, tabs, no quoting in this table.
        let text = try String(contentsOfFile: csvFixture, encoding: .utf16)
        var lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map {
            $0.components(separatedBy: "\t")
        }
        lines[0] = [lines[0][0]]
        var data = "", merges: [String] = []
        var row = 0
        var unitRows: [(row: Int, hasUnit: Bool, group: Bool)] = []
        for (index, cells) in lines.enumerated() {
            row += 1
            var xml = "<row r=\"\(row)\">"
            for (c, field) in cells.enumerated() where !field.isEmpty {
                let ref = "\(CellReference.letters(column: c + 1))\(row)"
                if ref == errorCell {
                    xml += "<c r=\"\(ref)\" t=\"e\"><v>#N/A</v></c>"
                    continue
                }
                // Numbers as Excel stores what a planner types (12,5 → 12.5), except 42,9,
                // kept as text, and 01, whose zero Excel would drop.
                let digits = field.allSatisfy { $0.isNumber || $0 == "," }
                if c == 3, digits, !field.hasPrefix("0"), field != "42,9" {
                    xml += XLSXFixture.number(ref, field.replacingOccurrences(of: ",", with: "."))
                } else {
                    xml += XLSXFixture.text(ref, escape(field))
                }
            }
            data += xml + "</row>"
            let group = cells.first.map { $0.hasPrefix("I") } ?? false
            if index == 0 || group { merges.append("A\(row):E\(row)") }
            if index == 1 && twoRowHeader {
                row += 1
                data += "<row r=\"\(row)\">" + XLSXFixture.text("D\(row)", "Mục tiêu") + "</row>"
                for column in ["A", "B", "C", "E"] {
                    merges.append("\(column)\(row - 1):\(column)\(row)")
                }
            }
            if index >= 1 { unitRows.append((row, cells.count > 4 && !cells[4].isEmpty, group)) }
        }
        // Responsible units merged down over the empty cells under them, within a group.
        for (k, entry) in unitRows.enumerated() where entry.hasUnit && k > 0 {
            var end = k
            while end + 1 < unitRows.count, !unitRows[end + 1].hasUnit, !unitRows[end + 1].group {
                end += 1
            }
            if end > k { merges.append("E\(entry.row):E\(unitRows[end].row)") }
        }
        let extra =
            "<mergeCells count=\"\(merges.count)\">"
            + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        return try XLSXFixture.file(
            XLSXFixture.make(sheets: [
                (
                    name: "Ghi chú",
                    data: "<row r=\"1\">" + XLSXFixture.text("A1", "notes") + "</row>", extra: ""
                ),
                (name: "Phụ lục I", data: data, extra: extra)
            ]), "PhuLucI.xlsx")
    }

    @Test(arguments: [false, true])
    func sheetImportsLikeItsCSVExport(twoRowHeader: Bool) throws {
        let csv = try PlanDocumentImport.importFile(atPath: Self.csvFixture)
        let path = try Self.appendixWorkbook(twoRowHeader: twoRowHeader)
        let sheet = try PlanTableSheet.importWorkbook(path: path, sheet: nil)
        // The sheet named "Phụ lục …" is preferred over the first.
        #expect(sheet.place == "\(path), sheet \"Phụ lục I\"")
        #expect(sheet.headerRow == 2)
        #expect(sheet.result.unclassified.isEmpty, "\(sheet.result.unclassified)")
        #expect(sheet.result.targets.count == 32)
        #expect(
            signature(sheet.result.targets.map(\.target)) == signature(csv.targets.map(\.target)))
        #expect(sheet.result.indicators == csv.indicators)
        // Row 4 of the sheet is appendix row 1 (title, header; the CSV has the same rows).
        let first = try #require(sheet.result.targets.first)
        #expect(
            first.target.source
                == "Phụ lục I dòng 1 — PhuLucI.xlsx, sheet \"Phụ lục I\", row \(twoRowHeader ? 5 : 4)"
        )
        #expect(first.line == (twoRowHeader ? 5 : 4))
    }

    @Test func errorCellIsNamed() throws {
        let path = try Self.appendixWorkbook(twoRowHeader: false, errorCell: "D7")
        #expect(throws: InputError.self) {
            try PlanTableSheet.importWorkbook(path: path, sheet: nil)
        }
        do { _ = try PlanTableSheet.importWorkbook(path: path, sheet: nil) } catch {
            #expect(
                "\(error)".hasPrefix("\(path), sheet \"Phụ lục I\", D7: found the Excel error #N/A")
            )
        }
    }

    @Test func sheetWithoutTableNamesTheSheet() throws {
        let path = try Self.appendixWorkbook(twoRowHeader: false)
        do {
            _ = try PlanTableSheet.importWorkbook(path: path, sheet: "1")
            Issue.record("the notes sheet imported")
        } catch let error as InputError {
            #expect(error.exitCode == 65)
            #expect(
                "\(error)".hasPrefix(
                    "\(path), sheet \"Ghi chú\": found no header row of a target table; expected a row of cells naming"
                ))
        }
    }

    @Test func missingPeriodNamesTheHeaderRow() throws {
        let data =
            "<row r=\"3\">" + XLSXFixture.text("A3", "STT") + XLSXFixture.text("B3", "Chỉ tiêu")
            + XLSXFixture.text("C3", "ĐVT") + XLSXFixture.text("D3", "Kế hoạch") + "</row>"
            + "<row r=\"4\">" + XLSXFixture.number("A4", "1") + XLSXFixture.text("B4", "Tỷ lệ")
            + XLSXFixture.text("C4", "%") + XLSXFixture.number("D4", "90") + "</row>"
        let path = try XLSXFixture.file(
            XLSXFixture.make(sheets: [(name: "S", data: data, extra: "")]))
        do {
            _ = try PlanTableSheet.importWorkbook(path: path, sheet: nil)
            Issue.record("imported without a period")
        } catch {
            #expect(
                "\(error)".hasPrefix("\(path), sheet \"S\", row 3 [Kế hoạch]: found no plan period")
            )
        }
        let dated = try PlanTableSheet.importWorkbook(
            path: path, sheet: nil, options: .init(period: 2026...2030))
        #expect(dated.result.targets.map(\.target.low) == [90])
    }

    /// Property: a number stored as a number reaches the plan import as text its number
    /// rules read back to the same `Double` (20,000 generated values, seed printed).
    @Test func decimalTextReadsBackExactly() throws {
        let seed: UInt64 = 1212
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -8...12, using: &generator)
            var value = pow(10, magnitude) * (Bool.random(using: &generator) ? 1 : -1)
            if Bool.random(using: &generator) {
                value = (value * 1000).rounded() / 1000  // what planners type
            }
            let text = PlanTableSheet.decimalText(value)
            #expect(!text.contains("e") && !text.contains("."), "seed \(seed): \(value) → \(text)")
            let read = try VietnameseNumber.parseRequirement(text, unit: "đồng")
            #expect(read == .value(value), "seed \(seed): \(value) → \(text) → \(read)")
        }
        #expect(PlanTableSheet.decimalText(12.5) == "12,5")
        #expect(PlanTableSheet.decimalText(150) == "150")
        #expect(PlanTableSheet.decimalText(-0.25) == "-0,25")
        #expect(PlanTableSheet.decimalText(1.5e-7) == "0,00000015")
        #expect(PlanTableSheet.decimalText(24.617) == "24,6170")
        #expect(PlanTableSheet.decimalText(0.125, percent: true) == "12,5%")
        #expect(PlanTableSheet.decimalText(0.03, percent: true) == "3%")
    }
}
