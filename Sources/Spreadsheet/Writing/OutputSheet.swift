/// One worksheet to write.
///
/// ```swift
/// var sheet = OutputSheet(name: "targets", header: ["id", "value"])
/// sheet.append([.text("T01"), .number(12.5, format: CellStyle.Format.oneDecimal)])
/// sheet.banner = "ILLUSTRATIVE: made-up figures"   // row 1, above the header
/// ```
///
/// Invariants of the written sheet: the header row is bold and frozen (with the banner,
/// when there is one, above it and frozen too); every column is at least as wide as its
/// widest cell up to `maxColumnWidth` characters; the name is a valid Excel sheet name
/// (≤ 31 characters, none of `[]:*?/\`).
public struct OutputSheet: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[OutputCell]] = []
    /// A line above the header (the ILLUSTRATIVE marking), merged across the table.
    public var banner: String?
    /// Also printed in the page header when set.
    public var printHeader: String?
    public var validations: [DataValidationList] = []
    /// Fixed widths by 0-based column, overriding the fitted width.
    public var columnWidths: [Int: Double] = [:]
    public var maxColumnWidth = 60.0
    /// Native line charts drawn on this sheet.
    public var charts: [LineChart] = []
    /// Printed in landscape (the default for sheets of more than six columns).
    public var landscape: Bool?

    /// Whether the sheet prints in landscape.
    var printsLandscape: Bool { landscape ?? (header.count > 6) }

    public init(name: String, header: [String]) {
        self.name = OutputSheet.validName(name)
        self.header = header
    }

    public mutating func append(_ row: [OutputCell]) { rows.append(row) }

    /// Moves the named columns to the front, in the order given (names not in the header
    /// are ignored); the others keep their order after them.
    public mutating func moveToFront(_ names: [String]) {
        let front = names.compactMap { header.firstIndex(of: $0) }
        let order = front + header.indices.filter { !front.contains($0) }
        header = order.map { header[$0] }
        rows = rows.map { row in order.map { $0 < row.count ? row[$0] : .empty } }
        var widths: [Int: Double] = [:]
        for (new, old) in order.enumerated() { if let w = columnWidths[old] { widths[new] = w } }
        columnWidths = widths
    }

    /// Sheet row (1-based) of the header.
    public var headerRow: Int { banner == nil ? 1 : 2 }

    /// Replaces the characters Excel forbids and cuts to 31 characters.
    static func validName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        let cut = String(cleaned.prefix(31))
        return cut.isEmpty ? "Sheet" : cut
    }

    /// Fitted column widths in Excel character units.
    func fittedWidths() -> [Double] {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        var widths = [Double](repeating: 8, count: columns)
        for (i, h) in header.enumerated() { widths[i] = max(widths[i], Double(h.count) + 3) }
        for row in rows {
            for (i, cell) in row.enumerated() {
                widths[i] = max(widths[i], Double(cell.displayWidth) + 2)
            }
        }
        return widths.enumerated().map { i, w in columnWidths[i] ?? min(w, maxColumnWidth) }
    }
}
