import ArgumentParser
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

/// The input options `forecast` and `backtest` share: the file, its sheet, and the columns.
struct SeriesFileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CSV file (or .xlsx workbook) with a header row.", valueName: "CSV"))
    var input: String
    @Option(
        help: ArgumentHelp(
            "With an .xlsx --input: the sheet, by name or 1-based number (default: the first).",
            valueName: "NAME|INDEX"))
    var sheet: String?
    @Option(help: ArgumentHelp("Column of the years.", valueName: "COL")) var x: String
    @Option(help: ArgumentHelp("Column of the values.", valueName: "COL")) var y: String
    @Option(help: ArgumentHelp("Column naming each series (one per group).", valueName: "COL"))
    var group: String?

    var columns: SeriesColumns { SeriesColumns(x: x, y: y, group: group) }

    /// The series, from the CSV or the workbook sheet.
    func read() throws -> [ObservedSeries] {
        try SeriesInput.read(path: input, columns: columns, sheet: sheet)
    }
}
