/// How a written cell looks: font weight and colour, fill, number format, wrapping.
/// Styles are values; ``StyleTable`` gives each distinct one its `cellXfs` index.
public struct CellStyle: Sendable, Hashable {
    public var bold = false
    public var italic = false
    /// Font colour as `RRGGBB`; nil for automatic.
    public var fontColour: String?
    /// Solid fill as `RRGGBB`; nil for none.
    public var fill: String?
    /// An Excel number format code (`#,##0.0`, `0`, `0.0%`); nil for General. Excel and
    /// LibreOffice show `,` and `.` by the reader's locale (`1.234,5` in Vietnamese).
    public var numberFormat: String?
    public var wrap = false

    public init(
        bold: Bool = false, italic: Bool = false, fontColour: String? = nil, fill: String? = nil,
        numberFormat: String? = nil, wrap: Bool = false
    ) {
        self.bold = bold; self.italic = italic; self.fontColour = fontColour; self.fill = fill
        self.numberFormat = numberFormat; self.wrap = wrap
    }

    public static let plain = CellStyle()
    public static let header = CellStyle(bold: true, fill: "F0F0F0")
    /// The ILLUSTRATIVE banner: bold white on the reports' amber-brown badge colour.
    public static let illustrativeBanner = CellStyle(
        bold: true, fontColour: "FFFFFF", fill: "B35C00")

    /// Number formats used by the report workbooks.
    public enum Format {
        public static let year = "0"
        public static let whole = "#,##0"
        public static let oneDecimal = "#,##0.0"
        public static let twoDecimals = "#,##0.00"
        public static let fourDecimals = "#,##0.0000"
    }
}

/// The reports' traffic-light colours (the HTML report's `.st-*` classes), fill and text.
public enum TrafficLight {
    /// Fill and font colour for a light named `green`, `amber`, `red` or `grey`.
    public static func style(_ light: String) -> CellStyle? {
        switch light {
        case "green": return CellStyle(fontColour: "145A23", fill: "D9F2DD")
        case "amber": return CellStyle(fontColour: "7A5200", fill: "FFF0C2")
        case "red": return CellStyle(fontColour: "8A1C10", fill: "FBD9D5")
        case "grey": return CellStyle(fontColour: "555555", fill: "ECECEC")
        default: return nil
        }
    }
}
