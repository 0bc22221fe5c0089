import Foundation
import ZIPFoundation

/// Builds small .xlsx files from hand-written XML parts, so each test states exactly what
/// the file holds (cell types, shared strings, merges, styles) independently of our writer.
enum XLSXFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A workbook whose sheets are given as `<sheetData>` bodies (plus optional extra
    /// elements after sheetData such as `<mergeCells>`).
    static func make(
        sheets: [(name: String, data: String, extra: String)], sharedStrings: [String]? = nil,
        styles: String? = nil
    ) throws -> Data {
        var parts: [(String, String)] = []
        var types =
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types +=
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
        parts.append(("[Content_Types].xml", types))
        var workbook =
            "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        var rels =
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(sheet.name)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
            parts.append(
                (
                    "xl/worksheets/sheet\(i + 1).xml",
                    "<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet.data)</sheetData>\(sheet.extra)</worksheet>"
                ))
        }
        parts.append(("xl/workbook.xml", workbook + "</sheets></workbook>"))
        parts.append(("xl/_rels/workbook.xml.rels", rels + "</Relationships>"))
        if let sharedStrings {
            let items = sharedStrings.map { "<si><t>\($0)</t></si>" }.joined()
            parts.append(
                (
                    "xl/sharedStrings.xml",
                    "<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(items)</sst>"
                ))
        }
        if let styles {
            parts.append(
                (
                    "xl/styles.xml",
                    "<?xml version=\"1.0\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"
                ))
        }
        return try zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, content) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(content.count),
                compressionMethod: .deflate
            ) { position, size in
                content.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A text cell written inline.
    static func text(_ ref: String, _ s: String) -> String {
        "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(s)</t></is></c>"
    }
    static func number(_ ref: String, _ v: String, style: Int? = nil) -> String {
        "<c r=\"\(ref)\"\(style.map { " s=\"\($0)\"" } ?? "")><v>\(v)</v></c>"
    }

    /// Writes `data` to a fresh temporary file named `name`; returns its path.
    static func file(_ data: Data, _ name: String = "book.xlsx") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "xlsx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// The actuals header row and rows `(indicator, year, value)` as cells of rows 1…
    static func actualsSheet(_ rows: [(String, String, String)], firstRow: Int = 1) -> String {
        var s =
            "<row r=\"\(firstRow)\">" + text("A\(firstRow)", "indicator")
            + text("B\(firstRow)", "year") + text("C\(firstRow)", "value") + "</row>"
        for (i, row) in rows.enumerated() {
            let r = firstRow + 1 + i
            s +=
                "<row r=\"\(r)\">" + text("A\(r)", row.0) + number("B\(r)", row.1)
                + (Double(row.2) != nil ? number("C\(r)", row.2) : text("C\(r)", row.2)) + "</row>"
        }
        return s
    }
}
