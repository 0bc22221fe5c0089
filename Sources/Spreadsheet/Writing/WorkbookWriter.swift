import Foundation
import PlanIO
import ZIPFoundation

/// Writes .xlsx workbooks: its own small SpreadsheetML writer on ZIPFoundation (see
/// docs/office-formats.md for why not libxlsxwriter).
///
/// ```swift
/// var sheet = OutputSheet(name: "review", header: ["target", "projected"])
/// sheet.append([.text("T01"), .number(151.2, format: CellStyle.Format.oneDecimal)])
/// try WorkbookWriter.write([sheet], to: "review.xlsx")       // atomic: temp file + rename
/// ```
///
/// What it writes: numbers as numbers (`<c><v>` with the shortest text that round-trips),
/// text as inline strings, one style per distinct ``CellStyle``, the header row (and the
/// banner above it) frozen, fitted column widths, merged banner, data-validation lists and
/// prompts, and a print header. Sheet names are made unique.
public enum WorkbookWriter {
    /// The workbook as bytes.
    public static func data(_ sheets: [OutputSheet]) throws -> Data {
        var sheets = sheets
        if sheets.isEmpty { sheets = [OutputSheet(name: "Sheet1", header: [])] }
        uniqueNames(&sheets)
        var styles = StyleTable()
        var parts: [(String, Data)] = []
        var drawings = 0, charts = 0
        for (i, sheet) in sheets.enumerated() {
            parts.append(
                (
                    "xl/worksheets/sheet\(i + 1).xml",
                    Data(WorksheetXML.render(sheet, styles: &styles).utf8)
                ))
            guard !sheet.charts.isEmpty else { continue }
            drawings += 1
            parts.append(
                (
                    "xl/worksheets/_rels/sheet\(i + 1).xml.rels",
                    Data(DrawingXML.sheetRelationships(drawing: drawings).utf8)
                ))
            parts.append(
                ("xl/drawings/drawing\(drawings).xml", Data(DrawingXML.drawing(sheet.charts).utf8)))
            parts.append(
                (
                    "xl/drawings/_rels/drawing\(drawings).xml.rels",
                    Data(
                        DrawingXML.relationships(firstChart: charts + 1, count: sheet.charts.count)
                            .utf8)
                ))
            for chart in sheet.charts {
                charts += 1
                parts.append(("xl/charts/chart\(charts).xml", Data(chart.xml().utf8)))
            }
        }
        parts.append(("xl/styles.xml", Data(styles.xml().utf8)))
        parts.append((ThemeXML.path, Data(ThemeXML.xml.utf8)))
        parts.insert(
            (
                "[Content_Types].xml",
                Data(contentTypes(count: sheets.count, drawings: drawings, charts: charts).utf8)
            ), at: 0)
        parts.insert(("_rels/.rels", Data(rootRelationships.utf8)), at: 1)
        parts.insert(("xl/workbook.xml", Data(workbookXML(sheets).utf8)), at: 2)
        parts.insert(
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships(count: sheets.count).utf8)),
            at: 3)
        let archive: Archive
        do { archive = try Archive(accessMode: .create) } catch {
            throw InputError.io(
                path: "(workbook in memory)", reason: "cannot create a zip archive (\(error))")
        }
        for (path, content) in parts {
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(content.count),
                    modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                    compressionMethod: .deflate
                ) { position, size in
                    content.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw InputError.io(path: path, reason: "cannot add to the workbook (\(error))")
            }
        }
        guard let data = archive.data else {
            throw InputError.io(path: "(workbook in memory)", reason: "the zip archive is empty")
        }
        return data
    }

    /// Writes the workbook atomically (temporary file, then rename).
    public static func write(_ sheets: [OutputSheet], to path: String) throws {
        try AtomicFile.write(data(sheets), to: path)
    }

    static func uniqueNames(_ sheets: inout [OutputSheet]) {
        var seen = Set<String>()
        for i in sheets.indices {
            var name = sheets[i].name, n = 2
            while seen.contains(name.lowercased()) {
                let suffix = " (\(n))"
                name = String(sheets[i].name.prefix(31 - suffix.count)) + suffix; n += 1
            }
            seen.insert(name.lowercased()); sheets[i].name = name
        }
    }

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static func contentTypes(count: Int, drawings: Int = 0, charts: Int = 0) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/\(ThemeXML.path)" ContentType="\(ThemeXML.contentType)"/>
            """
        for i in 1...count {
            s +=
                "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        for i in stride(from: 1, through: drawings, by: 1) {
            s +=
                "<Override PartName=\"/xl/drawings/drawing\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>"
        }
        for i in stride(from: 1, through: charts, by: 1) {
            s +=
                "<Override PartName=\"/xl/charts/chart\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
        }
        return s + "</Types>"
    }

    static func workbookXML(_ sheets: [OutputSheet]) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <bookViews><workbookView/></bookViews><sheets>
            """
        for (i, sheet) in sheets.enumerated() {
            s +=
                "<sheet name=\"\(XMLEscape.text(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        s += "</sheets>"
        // Print titles: repeat the header rows on every printed page.
        var names = ""
        for (i, sheet) in sheets.enumerated() where !sheet.header.isEmpty {
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            names +=
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(XMLEscape.text(quoted))!$1:$\(sheet.headerRow)</definedName>"
        }
        if !names.isEmpty { s += "<definedNames>\(names)</definedNames>" }
        return s + "</workbook>"
    }

    static func workbookRelationships(count: Int) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for i in 1...count {
            s +=
                "<Relationship Id=\"rId\(i)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
        }
        s +=
            "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        s +=
            "<Relationship Id=\"rId\(count + 2)\" Type=\"\(ThemeXML.relationshipType)\" Target=\"theme/theme1.xml\"/>"
        return s + "</Relationships>"
    }
}
