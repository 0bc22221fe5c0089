/// The distinct cell styles of a workbook and the `xl/styles.xml` that declares them.
/// Index 0 is the default style, as Excel requires.
struct StyleTable {
    private(set) var styles: [CellStyle] = [.plain]
    private var index: [CellStyle: Int] = [.plain: 0]

    mutating func id(_ style: CellStyle) -> Int {
        if let i = index[style] { return i }
        styles.append(style)
        index[style] = styles.count - 1
        return styles.count - 1
    }

    func xml() -> String {
        var formats: [String] = [], fonts: [String] = [], fills: [String] = []
        func position(_ list: inout [String], _ item: String) -> Int {
            if let i = list.firstIndex(of: item) { return i }
            list.append(item); return list.count - 1
        }
        fonts.append("<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        fills.append("<fill><patternFill patternType=\"none\"/></fill>")
        fills.append("<fill><patternFill patternType=\"gray125\"/></fill>")
        var xfs: [String] = []
        for style in styles {
            var font = "<font>"
            if style.bold { font += "<b/>" }
            if style.italic { font += "<i/>" }
            font += "<sz val=\"11\"/>"
            if let colour = style.fontColour { font += "<color rgb=\"FF\(colour)\"/>" }
            font += "<name val=\"Calibri\"/><family val=\"2\"/></font>"
            let fontId = position(&fonts, font)
            var fillId = 0
            if let fill = style.fill {
                fillId = position(
                    &fills,
                    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(fill)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
                )
            }
            var formatId = 0
            if let code = style.numberFormat { formatId = 164 + position(&formats, code) }
            var xf =
                "<xf numFmtId=\"\(formatId)\" fontId=\"\(fontId)\" fillId=\"\(fillId)\" borderId=\"0\" xfId=\"0\""
            if formatId != 0 { xf += " applyNumberFormat=\"1\"" }
            if fontId != 0 { xf += " applyFont=\"1\"" }
            if fillId != 0 { xf += " applyFill=\"1\"" }
            xf +=
                style.wrap
                ? " applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>" : "/>"
            xfs.append(xf)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out += "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        if !formats.isEmpty {
            out += "<numFmts count=\"\(formats.count)\">"
            for (i, code) in formats.enumerated() {
                out += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(XMLEscape.text(code))\"/>"
            }
            out += "</numFmts>"
        }
        out += "<fonts count=\"\(fonts.count)\">\(fonts.joined())</fonts>"
        out += "<fills count=\"\(fills.count)\">\(fills.joined())</fills>"
        out +=
            "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        out +=
            "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(xfs.count)\">\(xfs.joined())</cellXfs>"
        out +=
            "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        out += "</styleSheet>"
        return out
    }
}
