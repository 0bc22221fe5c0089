import Foundation
import PlanIO

/// A table read from a CSV file or a workbook sheet, with the rewriting of its errors into
/// cells when it came from a sheet. The one entry point for commands that accept either.
///
/// ```swift
/// let input = try TableInput.read(path: "actuals.xlsx", sheet: .preferring("actuals"),
///                                 layout: .init(required: ["indicator", "year", "value"]))
/// let observations = try input.parse { try ActualsFile.parse($0, plan: plan) }
/// ```
public struct TableInput: Sendable {
    public let table: CSVTable
    /// The sheet it came from, nil for a CSV file.
    public let sheet: SheetTable?

    /// A workbook (by extension, or by content when the name says neither) is read through
    /// `Workbook` and `SheetTable`; anything else through `CSVTable`. `sheet` applies to
    /// workbooks only.
    public static func read(
        path: String, sheet: Workbook.SheetChoice = .first,
        layout: SheetTable.Layout = SheetTable.Layout(),
        limits: WorkbookLimits = .standard
    ) throws -> TableInput {
        if Workbook.looksLikeWorkbook(path: path) {
            var book = try Workbook(path: path, limits: limits)
            let table = try SheetTable(sheet: book.sheet(sheet), layout: layout)
            return TableInput(table: table.table, sheet: table)
        }
        return TableInput(table: try CSVTable.read(path: path), sheet: nil)
    }

    /// Runs a reader of CSV tables; errors name the cell when the table came from a sheet.
    public func parse<T>(_ body: (CSVTable) throws -> T) throws -> T {
        if let sheet { return try sheet.parse(body) }
        return try body(table)
    }
}
