import PlanModel

extension SeriesReader {
    /// The series of a table already read (a workbook sheet through
    /// `Spreadsheet.TableInput`), by the same rules as the CSV pass: an empty y is a gap,
    /// numbers follow ``VietnameseNumber`` with a lone `.` as a decimal point, weights are
    /// ≥ 0, group names are not empty. Errors name the table's own lines, which the sheet
    /// reader turns into cells.
    ///
    /// ```swift
    /// let input = try TableInput.read(path: "series.xlsx")
    /// let series = try input.parse { try SeriesReader.read(table: $0, columns: columns) }
    /// ```
    public static func read(table: CSVTable, columns: SeriesColumns) throws -> [ObservedSeries] {
        var needed = [columns.x, columns.y]
        if let w = columns.weights { needed.append(w) }
        if let g = columns.group { needed.append(g) }
        try table.require(columns: needed)
        let file = table.file
        var out: [ObservedSeries] = []
        var index: [String: Int] = [:]
        if columns.group == nil { out.append(ObservedSeries(name: columns.y)) }
        for row in table.rowAccessors {
            func number(_ name: String) throws -> Double {
                do {
                    return try VietnameseNumber.parse(row[name], dot: .decimalPoint)
                } catch let e as VietnameseNumber.ParseError {
                    throw e.at(SourceLocation(file: file, line: row.line, field: name))
                }
            }
            var k = 0
            if let group = columns.group {
                let name = VietnameseNumber.trimmed(row[group])
                if name.isEmpty {
                    throw row.error(group, found: "an empty value", expected: "a group name")
                }
                if let i = index[name] {
                    k = i
                } else {
                    k = out.count
                    index[name] = k
                    out.append(ObservedSeries(name: name))
                }
            }
            if VietnameseNumber.trimmed(row[columns.y]).isEmpty { continue }  // a gap
            let x = try number(columns.x)
            let y = try number(columns.y)
            out[k].x.append(x)
            out[k].y.append(y)
            out[k].lines.append(row.line)
            if let weights = columns.weights {
                let w = try number(weights)
                if w < 0 {
                    throw row.error(weights, found: Formatting.number(w), expected: "a weight ≥ 0")
                }
                out[k].weights.append(w)
            }
        }
        if columns.group != nil && out.isEmpty {
            throw InputError.badData(
                location: SourceLocation(file: file, line: 1), found: "no data rows",
                expected: "rows to fit")
        }
        return out
    }
}
