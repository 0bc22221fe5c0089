/// Merged ranges of a sheet, for looking up the value a covered cell shows (its range's
/// top-left cell).
struct MergedCells {
    private let ranges: [CellRange]

    init(_ ranges: [CellRange]) { self.ranges = ranges }

    /// The top-left cell of the merged range covering (`row`, `column`), when that is
    /// another cell.
    func anchorCell(row: Int, column: Int, in rows: [SheetRow]) -> Cell? {
        guard !ranges.isEmpty else { return nil }
        let ref = CellReference(column: column, row: row)
        guard let range = ranges.first(where: { $0.contains(ref) }), range.first != ref else {
            return nil
        }
        return SheetRow.find(rows, number: range.first.row)?.cell(range.first.column)
    }

    /// The last column of merged ranges crossing `row` (0 when none).
    func lastColumn(coveringRow row: Int) -> Int {
        ranges.filter { ($0.first.row...$0.last.row).contains(row) }.map(\.last.column).max() ?? 0
    }
}

extension SheetRow {
    /// Binary search of rows sorted by number (the parser keeps them so).
    static func find(_ rows: [SheetRow], number: Int) -> SheetRow? {
        var low = 0, high = rows.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if rows[mid].number == number { return rows[mid] }
            if rows[mid].number < number { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}
