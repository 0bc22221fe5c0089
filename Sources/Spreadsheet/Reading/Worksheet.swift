import Foundation
import PlanIO

/// One worksheet as read: its name, non-empty rows of typed cells, merged ranges, and what
/// the workbook says about date styles.
public struct Worksheet: Sendable {
    /// The workbook file as the user named it (for messages).
    public var file: String
    public var name: String
    public var rows: [SheetRow]
    public var merges: [CellRange]
    var dateStyles: [Bool]
    var date1904: Bool
    var percentStyles: [Bool] = []

    /// Where a cell is, for messages: `actuals.xlsx, sheet "Thực hiện", C7`.
    public func location(_ cell: CellReference, field: String? = nil) -> SourceLocation {
        Worksheet.location(file: file, sheet: name, cell: cell, field: field)
    }

    static func location(file: String, sheet: String, cell: CellReference, field: String? = nil)
        -> SourceLocation
    {
        SourceLocation(file: "\(file), sheet \"\(sheet)\", \(cell)", line: nil, field: field)
    }

    /// Whether the cell's style shows its number as a percentage (`0.125` as `12,5%`).
    public func isPercent(_ cell: Cell) -> Bool {
        percentStyles.indices.contains(cell.style) && percentStyles[cell.style]
    }

    /// Whether the cell's style shows its number as a date.
    public func isDate(_ cell: Cell) -> Bool {
        dateStyles.indices.contains(cell.style) && dateStyles[cell.style]
    }

    /// The calendar year of an Excel date serial (days since 1899-12-30, or 1904-01-01
    /// for 1904-based workbooks; Excel's phantom 1900-02-29 falls before every year a plan
    /// uses).
    public func year(ofDateSerial serial: Double) -> Int {
        let epoch = date1904 ? -2_082_844_800.0 : -2_209_161_600.0  // 1904-01-01, 1899-12-30 UTC
        let date = Date(timeIntervalSince1970: epoch + serial.rounded(.down) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: date)
    }
}
