import Foundation

/// The `xl/worksheets/sheetN.xml` of one ``OutputSheet`` (ECMA-376 part 1, §18.3), its
/// elements in the order the schema requires: sheetViews, sheetFormatPr, cols, sheetData,
/// mergeCells, dataValidations, pageMargins, headerFooter.
enum WorksheetXML {
    static func render(_ sheet: OutputSheet, styles: inout StyleTable) -> String {
        let widths = sheet.fittedWidths()
        let columnCount = max(
            widths.count, 1, sheet.charts.map { $0.anchorColumn + $0.widthColumns }.max() ?? 0)
        let lastColumn = CellReference.letters(column: columnCount)
        let frozen = sheet.header.isEmpty ? 0 : sheet.headerRow
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        s += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        s += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        s += "<sheetViews><sheetView workbookViewId=\"0\">"
        if frozen > 0 {
            s +=
                "<pane ySplit=\"\(frozen)\" topLeftCell=\"A\(frozen + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            s +=
                "<selection pane=\"bottomLeft\" activeCell=\"A\(frozen + 1)\" sqref=\"A\(frozen + 1)\"/>"
        }
        s += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            s += "<cols>"
            for (i, w) in widths.enumerated() {
                s +=
                    "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(String(format: "%.1f", w))\" customWidth=\"1\"/>"
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        var rowNumber = 0
        func row(_ cells: [OutputCell]) {
            rowNumber += 1
            s += "<row r=\"\(rowNumber)\">"
            for (i, cell) in cells.enumerated() {
                let ref = CellReference.letters(column: i + 1) + String(rowNumber)
                let styleId = styles.id(cell.style)
                let styleAttribute = styleId == 0 ? "" : " s=\"\(styleId)\""
                switch cell.value {
                case .empty:
                    if styleId != 0 { s += "<c r=\"\(ref)\"\(styleAttribute)/>" }
                // Excel has no NaN or infinity: an empty cell
                case .number(let n) where !n.isFinite:
                    if styleId != 0 { s += "<c r=\"\(ref)\"\(styleAttribute)/>" }
                case .number(let n):
                    s += "<c r=\"\(ref)\"\(styleAttribute)><v>\(numberText(n))</v></c>"
                case .text(let text):
                    let space =
                        text.first?.isWhitespace == true || text.last?.isWhitespace == true
                        ? " xml:space=\"preserve\"" : ""
                    s +=
                        "<c r=\"\(ref)\"\(styleAttribute) t=\"inlineStr\"><is><t\(space)>\(XMLEscape.text(text))</t></is></c>"
                }
            }
            s += "</row>"
        }
        if let banner = sheet.banner {
            row(
                [OutputCell.text(banner, style: .illustrativeBanner)]
                    + Array(
                        repeating: OutputCell(.empty, style: .illustrativeBanner),
                        count: columnCount - 1))
        }
        if !sheet.header.isEmpty { row(sheet.header.map { OutputCell.text($0, style: .header) }) }
        for cells in sheet.rows { row(cells) }
        s += "</sheetData>"
        if sheet.banner != nil && columnCount > 1 {
            s += "<mergeCells count=\"1\"><mergeCell ref=\"A1:\(lastColumn)1\"/></mergeCells>"
        }
        if !sheet.validations.isEmpty {
            s += "<dataValidations count=\"\(sheet.validations.count)\">"
            for v in sheet.validations {
                let prompt =
                    v.prompt.isEmpty
                    ? ""
                    : " showInputMessage=\"1\" promptTitle=\"\(XMLEscape.text(String(v.promptTitle.prefix(32))))\" prompt=\"\(XMLEscape.text(String(v.prompt.prefix(255))))\""
                if v.values.isEmpty {
                    s += "<dataValidation allowBlank=\"1\"\(prompt) sqref=\"\(v.range)\"/>"
                } else {
                    let list =
                        "\""
                        + v.values.joined(separator: ",").replacingOccurrences(
                            of: "\"", with: "\"\"") + "\""
                    s +=
                        "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\"\(prompt) sqref=\"\(v.range)\">"
                    s += "<formula1>\(XMLEscape.text(list))</formula1></dataValidation>"
                }
            }
            s += "</dataValidations>"
        }
        s +=
            "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        s +=
            "<pageSetup paperSize=\"9\" orientation=\"\(sheet.printsLandscape ? "landscape" : "portrait")\"/>"
        if let header = sheet.printHeader {
            s +=
                "<headerFooter><oddHeader>&amp;C&amp;\"-,Bold\"\(XMLEscape.text(header.replacingOccurrences(of: "&", with: "&&")))</oddHeader></headerFooter>"
        }
        if !sheet.charts.isEmpty { s += "<drawing r:id=\"rId1\"/>" }
        return s + "</worksheet>"
    }

    /// The shortest decimal text that reads back to the same `Double`.
    static func numberText(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return n.description
    }
}
