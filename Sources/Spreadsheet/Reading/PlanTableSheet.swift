import Foundation
import PlanIO

/// A plan's target table (Phụ lục I) read from a workbook sheet for `import-plan`: the
/// sheet's cells become the rows a spreadsheet export would hold, and the plan import reads
/// them through its own table path (``PlanDocumentImport/importCells(_:place:options:)``).
///
/// ```swift
/// let imported = try PlanTableSheet.importWorkbook(path: "PhuLucI.xlsx", sheet: nil)
/// imported.place                     // PhuLucI.xlsx, sheet "Phụ lục I"
/// imported.result.targets.count      // 32 for An Hưng's appendix
/// ```
///
/// Invariants (what makes a sheet import like its CSV export):
/// - A cell holding text gives that text; a number stored as a number gives its decimal
///   digits with a comma as the decimal mark and no grouping (`12.5` → `12,5`, `150` →
///   `150`, `24.617` → `24,6170`), which the Vietnamese number rules read back to the
///   same value; a number shown as a percentage is written as shown (`0.125` → `12,5%`);
///   `TRUE`/`FALSE` for booleans.
/// - A merged range gives its value in its top-left cell only, as Excel's CSV export does;
///   the import carries a responsible unit merged down a column to the rows below it.
/// - A header whose cells are merged down over more rows (a two-row header: `Kế hoạch
///   2026-2030` over `Mục tiêu`) is read as one row: each column's title is the distinct
///   texts of the merged header rows joined by a space, and the rows under the header row
///   that those merges cover are not data.
/// - An Excel error (`#N/A`) or a formula without a cached value anywhere in the sheet is an
///   error naming the cell. Other errors name the file, the sheet and the row.
/// - The default sheet is the first one named like `Phụ lục` (`Phụ lục I`, `PHỤ LỤC 1`),
///   else the first; `--sheet NAME|INDEX` picks another.
public enum PlanTableSheet {
    public struct Imported: Sendable {
        public var result: PlanDocumentImport.Result
        /// How messages name the table: `PhuLucI.xlsx, sheet "Phụ lục I"`.
        public var place: String
        public var headerRow: Int
    }

    public static func importWorkbook(
        path: String, sheet: String?, options: PlanDocumentImport.Options = .init(),
        limits: WorkbookLimits = .standard
    ) throws -> Imported {
        var book = try Workbook(path: path, limits: limits)
        let choice =
            sheet == nil ? Workbook.SheetChoice.preferring("phụ lục") : .init(argument: sheet)
        return try importSheet(book.sheet(choice), options: options)
    }

    /// Imports one worksheet (see the type's invariants).
    public static func importSheet(_ sheet: Worksheet, options: PlanDocumentImport.Options)
        throws -> Imported
    {
        let place = "\(sheet.file), sheet \"\(sheet.name)\""
        let rows = try sheet.rows.map { row in
            PlanDocumentImport.CellRow(number: row.number, cells: try cells(of: row, in: sheet))
        }
        var imported = try PlanDocumentImport.importCells(rows, place: place, options: options)
        let headerRow = imported.headerRow
        let headerEnd =
            sheet.merges.filter { $0.first.row == headerRow }.map(\.last.row).max() ?? headerRow
        if headerEnd > headerRow {
            let merged = MergedCells(sheet.merges)
            let block = sheet.rows.filter { (headerRow...headerEnd).contains($0.number) }
            let lastColumn = max(
                block.compactMap { $0.entries.last?.column }.max() ?? 0,
                sheet.merges.filter { $0.first.row == headerRow }.map(\.last.column).max() ?? 0)
            var titles: [String] = []
            for column in 1...max(1, lastColumn) {
                var parts: [String] = []
                for row in headerRow...headerEnd {
                    let cell =
                        SheetRow.find(sheet.rows, number: row)?.cell(column)
                        ?? merged.anchorCell(row: row, column: column, in: sheet.rows)
                    let text =
                        cell.map { SheetTable.headerText($0.value) }?.trimmingCharacters(
                            in: .whitespacesAndNewlines) ?? ""
                    if !text.isEmpty && !parts.contains(text) { parts.append(text) }
                }
                titles.append(parts.joined(separator: " "))
            }
            var collapsed = rows.filter { !(headerRow...headerEnd).contains($0.number) }
            let at = collapsed.firstIndex { $0.number > headerRow } ?? collapsed.endIndex
            collapsed.insert(.init(number: headerRow, cells: titles), at: at)
            imported = try PlanDocumentImport.importCells(
                collapsed, place: place, options: options)
        }
        return Imported(result: imported.result, place: place, headerRow: imported.headerRow)
    }

    /// The row's cells from column A to its last cell, as the CSV export writes them.
    static func cells(of row: SheetRow, in sheet: Worksheet) throws -> [String] {
        guard let last = row.entries.last?.column else { return [] }
        var out = Array(repeating: "", count: last)
        for entry in row.entries {
            let ref = CellReference(column: entry.column, row: row.number)
            switch entry.cell.value {
            case .empty: break
            case .text(let text): out[entry.column - 1] = text
            case .bool(let value): out[entry.column - 1] = value ? "TRUE" : "FALSE"
            case .number(let number):
                out[entry.column - 1] = decimalText(number, percent: sheet.isPercent(entry.cell))
            case .error, .uncalculatedFormula:
                // The same messages as every other sheet reader's.
                _ = try SheetTable.fieldText(
                    entry.cell, sheet: sheet, asYear: false, location: sheet.location(ref))
            }
        }
        return out
    }

    /// A number as a planner writes it in Vietnamese, exactly: `12,5`, `150`, `-0,25`,
    /// `0,00000015` (no grouping, no exponent; the digits of ``SheetTable/numberText(_:)``,
    /// the shortest that read back to the same `Double`), and `24,6170` for 24.617, whose
    /// three decimals alone would read as a thousands group.
    /// A number shown as a percentage (`percent`) is written as shown: `0.125` → `12,5%`.
    public static func decimalText(_ number: Double, percent: Bool = false) -> String {
        if percent {
            return decimalText(text: SheetTable.numberText(number, timesPowerOfTen: 2)) + "%"
        }
        return decimalText(text: SheetTable.numberText(number))
    }

    static func decimalText(text: String) -> String {
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...])
        else { return text }
        var digits = String(text[..<e])
        var sign = ""
        if digits.hasPrefix("-") { sign = "-"; digits.removeFirst() }
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let fraction = -exponent
        if digits.count <= fraction {
            digits = String(repeating: "0", count: fraction - digits.count + 1) + digits
        }
        var whole = String(digits.dropLast(fraction)), decimals = String(digits.suffix(fraction))
        while decimals.hasSuffix("0") { decimals.removeLast() }
        if whole.isEmpty { whole = "0" }
        // `24,617` could be 24617 with a comma grouping thousands; a fourth decimal settles it.
        if decimals.count == 3 { decimals += "0" }
        return sign + whole + (decimals.isEmpty ? "" : "," + decimals)
    }
}
