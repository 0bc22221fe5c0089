import Foundation
import PlanIO
import Spreadsheet

/// The series of `fit` and `forecast`: from a CSV in one streaming pass, or from a
/// workbook sheet (`.xlsx`, by extension or content) with errors naming the sheet and cell.
enum SeriesInput {
    static func isWorkbook(_ path: String) -> Bool { Workbook.looksLikeWorkbook(path: path) }

    static func read(path: String, columns: SeriesColumns, sheet: String?) throws
        -> [ObservedSeries]
    {
        guard isWorkbook(path) else {
            return try SeriesReader.read(CSVSource.read(path: path), columns: columns)
        }
        var required = [columns.x, columns.y]
        if let g = columns.group { required.append(g) }
        if let w = columns.weights { required.append(w) }
        let input = try TableInput.read(
            path: path, sheet: Workbook.SheetChoice(argument: sheet),
            layout: .init(required: required))
        return try input.parse { try SeriesReader.read(table: $0, columns: columns) }
    }
}
