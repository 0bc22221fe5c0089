import Foundation
import PlanIO

extension PlanTableSource {
    /// A plan folder's tables as CSV files or workbooks (`targets.xlsx`): a workbook's sheet
    /// is the one named like the file kind (`targets`, `Targets 2026`), else the first, read
    /// by ``TableInput``, so errors name the file, the sheet and the cell.
    ///
    /// ```swift
    /// let plan = try PlanLoader.load(directory: "plans/x", tables: .csvOrWorkbook)
    /// ```
    public static let csvOrWorkbook = PlanTableSource { path, kind in
        let input = try TableInput.read(
            path: path, sheet: .preferring(kind.rawValue),
            layout: .init(required: kind.required, known: kind.columns))
        let sheet = input.sheet
        return Located(table: input.table, relocate: { sheet?.relocate($0) ?? $0 })
    }
}
