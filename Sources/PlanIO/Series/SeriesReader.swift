import PlanModel

/// Reads series (x, y, optional weights, optionally one per group) from a CSV in one
/// streaming pass over ``CSVSource`` — fast enough for `fit --group` on 100,000 series:
/// plain numbers are read from the bytes (``CSVRecord/number(_:)``), and a long file
/// sorted by group finds each row's series without building its name.
///
/// ```swift
/// let source = try CSVSource.read(path: "actuals.csv")
/// let series = try SeriesReader.read(source, columns: SeriesColumns(x: "year", y: "value", group: "indicator"))
/// series[0].name   // the first group, in file order
/// ```
///
/// Rules: a row whose y is empty is a gap (its group still exists, possibly with no
/// observations); numbers follow ``VietnameseNumber`` with a lone `.` as a decimal point
/// (`DotRule.decimalPoint`: these are data files, usually written by programs), so
/// `12,5`, `1 234,5` and `12,5 %` are read too; a weight must be ≥ 0; a group name must
/// not be empty. Every problem is an `InputError` naming file, line and column.
public enum SeriesReader {
    public static func read(_ source: CSVSource, columns: SeriesColumns) throws -> [ObservedSeries]
    {
        var needed = [columns.x, columns.y]
        if let w = columns.weights { needed.append(w) }
        if let g = columns.group { needed.append(g) }
        let file = source.file
        var header: [String]? = nil
        var jx = 0, jy = 0
        var jw: Int? = nil, jg: Int? = nil
        var out: [ObservedSeries] = []
        var index: [String: Int] = [:]
        var previousGroup: Range<Int>? = nil  // bytes of the previous row's group field
        var previousSeries = 0
        if columns.group == nil { out.append(ObservedSeries(name: columns.y)) }

        func number(_ record: CSVRecord, _ j: Int, _ name: String) throws -> Double {
            if let v = record.number(j) { return v }
            do { return try VietnameseNumber.parse(record.text(j), dot: .decimalPoint) } catch let e
                as VietnameseNumber.ParseError
            {
                throw e.at(SourceLocation(file: file, line: record.line, field: name))
            }
        }

        try source.forEachRecord { record in
            guard let names = header else {
                let names = try CSVHeader.names(of: record, file: file)
                for c in needed where !names.contains(c) {
                    throw CSVHeader.missing(c, header: names, required: needed, file: file)
                }
                jx = names.firstIndex(of: columns.x)!; jy = names.firstIndex(of: columns.y)!
                jw = columns.weights.flatMap { names.firstIndex(of: $0) }
                jg = columns.group.flatMap { names.firstIndex(of: $0) }
                header = names
                return
            }
            try CSVHeader.checkWidth(
                of: record, header: names, file: file, delimiter: source.delimiterCharacter)
            var k = 0
            if let jg {
                // Sorted long files: the same group bytes as the previous row → same series.
                if let previousGroup, record.field(jg, equalsBytesAt: previousGroup) {
                    k = previousSeries
                } else {
                    let name = record.trimmedText(jg)
                    if name.isEmpty {
                        throw InputError.badData(
                            location: SourceLocation(
                                file: file, line: record.line, field: columns.group),
                            found: "an empty value", expected: "a group name")
                    }
                    if let i = index[name] {
                        k = i
                    } else {
                        k = out.count; index[name] = k
                        out.append(ObservedSeries(name: name, capacity: 8, weighted: jw != nil))
                    }
                    previousSeries = k
                }
                previousGroup = record.range(jg)
            }
            if record.isEmpty(jy) { return }  // a gap
            let x = try number(record, jx, columns.x)
            let y = try number(record, jy, columns.y)
            out[k].x.append(x); out[k].y.append(y); out[k].lines.append(record.line)
            if let jw {
                let w = try number(record, jw, columns.weights!)
                if w < 0 {
                    throw InputError.badData(
                        location: SourceLocation(
                            file: file, line: record.line, field: columns.weights),
                        found: Formatting.number(w), expected: "a weight ≥ 0")
                }
                out[k].weights.append(w)
            }
        }
        if header == nil || (columns.group != nil && out.isEmpty) {
            throw InputError.badData(
                location: SourceLocation(file: file, line: 1), found: "no data rows",
                expected: "rows to fit")
        }
        return out
    }
}
