/// A native line chart placed on a sheet, its data referenced from cells of a sheet of the
/// same workbook (so the chart follows edits to the numbers).
///
/// ```swift
/// var chart = LineChart(title: "Thu ngân sách (tỷ đồng)", sheet: "series", categoryColumn: 3, rows: 3...9)
/// chart.series.append(.init(name: "actual", column: 5, colour: "1B1B1B", marker: true))
/// sheet.charts.append(chart)   // anchored at `chart.anchorRow`, `chart.anchorColumn`
/// ```
public struct LineChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// 1-based column of the values on the data sheet.
        public var column: Int
        /// Line colour as `RRGGBB`.
        public var colour: String
        public var dashed: Bool
        public var marker: Bool
        public init(
            name: String, column: Int, colour: String, dashed: Bool = false, marker: Bool = false
        ) {
            self.name = name; self.column = column; self.colour = colour; self.dashed = dashed;
            self.marker = marker
        }
    }

    public var title: String
    /// The sheet holding the data.
    public var sheet: String
    /// 1-based column of the categories (years).
    public var categoryColumn: Int
    /// 1-based sheet rows of the data.
    public var rows: ClosedRange<Int>
    public var series: [Series] = []
    /// Top-left cell of the chart (0-based row and column) and its size in cells.
    public var anchorRow = 0, anchorColumn = 0, widthColumns = 10, heightRows = 18

    public init(title: String, sheet: String, categoryColumn: Int, rows: ClosedRange<Int>) {
        self.title = title; self.sheet = sheet; self.categoryColumn = categoryColumn;
        self.rows = rows
    }

    /// `'series'!$C$3:$C$9`.
    func reference(column: Int) -> String {
        let letters = CellReference.letters(column: column)
        let quoted = "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return "\(quoted)!$\(letters)$\(rows.lowerBound):$\(letters)$\(rows.upperBound)"
    }

    /// The `xl/charts/chartN.xml` part (ECMA-376 part 1, §21.2; elements in schema order).
    func xml() -> String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        s += "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
        s += "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        s +=
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:chart>"
        s +=
            "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"vi-VN\" sz=\"1200\" b=\"1\"/>"
        s +=
            "<a:t>\(XMLEscape.text(title))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
        s +=
            "<c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/><c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
        for (i, series) in series.enumerated() {
            s +=
                "<c:ser><c:idx val=\"\(i)\"/><c:order val=\"\(i)\"/><c:tx><c:v>\(XMLEscape.text(series.name))</c:v></c:tx>"
            s +=
                "<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"\(series.colour)\"/></a:solidFill>"
            if series.dashed { s += "<a:prstDash val=\"dash\"/>" }
            s += "</a:ln></c:spPr>"
            if series.marker {
                s +=
                    "<c:marker><c:symbol val=\"circle\"/><c:size val=\"6\"/><c:spPr><a:solidFill><a:srgbClr val=\"\(series.colour)\"/></a:solidFill></c:spPr></c:marker>"
            } else {
                s += "<c:marker><c:symbol val=\"none\"/></c:marker>"
            }
            s +=
                "<c:cat><c:numRef><c:f>\(XMLEscape.text(reference(column: categoryColumn)))</c:f></c:numRef></c:cat>"
            s +=
                "<c:val><c:numRef><c:f>\(XMLEscape.text(reference(column: series.column)))</c:f></c:numRef></c:val><c:smooth val=\"0\"/></c:ser>"
        }
        s += "<c:marker val=\"1\"/><c:axId val=\"500\"/><c:axId val=\"501\"/></c:lineChart>"
        s +=
            "<c:catAx><c:axId val=\"500\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/>"
        s +=
            "<c:numFmt formatCode=\"0\" sourceLinked=\"0\"/><c:tickLblPos val=\"low\"/><c:crossAx val=\"501\"/><c:crosses val=\"autoZero\"/>"
        s += "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>"
        s +=
            "<c:valAx><c:axId val=\"501\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>"
        s +=
            "<c:majorGridlines/><c:numFmt formatCode=\"#,##0.##\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"500\"/>"
        s += "<c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx></c:plotArea>"
        s +=
            "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/>"
        return s + "</c:chart></c:chartSpace>"
    }
}
