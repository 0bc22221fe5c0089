import Foundation
import PlanIO

/// A worksheet read as a table: the header row found the way a planner lays out a sheet,
/// and the rows under it as the fields a CSV reader yields, so every reader of the
/// project's CSV files (`ActualsFile.parse`, `TargetsFile.parse` …) reads a sheet too.
///
/// ```swift
/// var book = try Workbook(path: "actuals.xlsx")
/// let table = try SheetTable(sheet: book.sheet(.preferring("actuals")),
///                            layout: .init(required: ["indicator", "year", "value"]))
/// let observations = try table.parse { try ActualsFile.parse($0, plan: plan) }
/// // a bad value: actuals.xlsx, sheet "Thực hiện", C7 [value]: found "mười hai"; expected a number
/// ```
///
/// Invariants:
/// - The header is the first row, among the first `layout.searchRows` non-empty rows, that
///   holds every required column (names compared ignoring case and spaces); with no
///   required columns, the first row with two or more distinct non-blank cells. Rows above
///   it (titles, merged banners, blank rows) are ignored; no header → an error.
/// - A merged range reads as its top-left value in every cell it covers (merged header
///   cells, an indicator merged down over its years).
/// - Data rows keep only the header's columns; rows blank in all of them are skipped.
/// - A number stored as a number becomes text that `VietnameseNumber` reads back to the
///   same `Double` (whole numbers plainly, others in exponent form `1.234e0`, whose mark is
///   always decimal); text stays text and goes through the CSV rules.
/// - In a year column, a number shown as a date becomes its calendar year.
/// - A number shown as a percentage (`0.125` as `12,5%`) becomes the figure shown, exactly,
///   with its `%` (`125e-1%`), as in a CSV export; the readers check `%` against the unit.
/// - An Excel error (`#DIV/0!`, `#N/A`) or a formula without a cached value in a header
///   column of a data row is an error naming the cell.
/// - `table.lines[i]` is the sheet row of `table.rows[i]`; ``parse(_:)`` rewrites errors
///   located by line and field into the cell (`C7`).
public struct SheetTable: Sendable {
    /// What the caller knows of the table it expects.
    public struct Layout: Sendable, Hashable {
        /// Columns that must be in the header row (how it is found).
        public var required: [String]
        /// Column names to spell as the reader expects when the sheet differs only in case
        /// or spaces (`Indicator` → `indicator`). Defaults to `required`.
        public var known: [String]
        /// Columns whose dates become years.
        public var yearColumns: [String]
        /// How many non-empty rows from the top may hold the header.
        public var searchRows: Int

        public init(
            required: [String] = [], known: [String]? = nil,
            yearColumns: [String] = ["year", "start_year", "target_year"],
            searchRows: Int = 30
        ) {
            self.required = required; self.known = known ?? required;
            self.yearColumns = yearColumns; self.searchRows = searchRows
        }
    }

    public let table: CSVTable
    public let sheetName: String
    public let file: String
    /// Sheet row of the header.
    public let headerRow: Int
    /// Sheet column of each header field.
    public let columns: [Int]

    public init(sheet: Worksheet, layout: Layout = Layout()) throws {
        let merged = MergedCells(sheet.merges)
        func value(_ row: SheetRow, _ column: Int) -> Cell? {
            if let cell = row.cell(column) { return cell }
            return merged.anchorCell(row: row.number, column: column, in: sheet.rows)
        }
        let label = "\(sheet.file), sheet \"\(sheet.name)\""
        let known = Dictionary(
            layout.known.map { (SheetTable.fold($0), $0) }, uniquingKeysWith: { a, _ in a })
        let required = Set(layout.required.map(SheetTable.fold))

        // Find the header row.
        var found: (index: Int, names: [(column: Int, name: String)])?
        for (index, row) in sheet.rows.prefix(layout.searchRows).enumerated() {
            let lastColumn = max(
                row.entries.last?.column ?? 0, merged.lastColumn(coveringRow: row.number))
            var names: [(Int, String)] = []
            if lastColumn > 0 {
                for column in 1...min(lastColumn, CellReference.maxColumn) {
                    guard let cell = value(row, column) else { continue }
                    let text = SheetTable.headerText(cell.value)
                    if !text.isEmpty {
                        names.append((column, known[SheetTable.fold(text)] ?? text))
                    }
                }
            }
            let folded = Set(names.map { SheetTable.fold($0.1) })
            let isHeader = required.isEmpty ? folded.count >= 2 : required.isSubset(of: folded)
            if isHeader { found = (index, names); break }
        }
        guard let header = found else {
            let wanted =
                layout.required.isEmpty
                ? "a header row of column names"
                : "a header row with columns \(layout.required.joined(separator: ", "))"
            throw InputError.badData(
                location: SourceLocation(file: label),
                found: sheet.rows.isEmpty
                    ? "an empty sheet" : "no header row in the first \(layout.searchRows) rows",
                expected: wanted)
        }
        let headerRowNumber = sheet.rows[header.index].number
        let yearColumns = Set(layout.yearColumns.map(SheetTable.fold))
        var rows: [[String]] = [], lines: [Int] = []
        rows.reserveCapacity(sheet.rows.count - header.index)
        // Per column, not per cell: folding a name normalises its Unicode (a quarter of
        // a 100,000-row read when it ran per cell).
        let isYear = header.names.map { yearColumns.contains(SheetTable.fold($0.name)) }
        for row in sheet.rows[(header.index + 1)...] {
            var fields: [String] = []
            fields.reserveCapacity(header.names.count)
            var blank = true
            for (position, (column, name)) in header.names.enumerated() {
                guard let cell = value(row, column) else { fields.append(""); continue }
                let text = try SheetTable.fieldText(
                    cell, sheet: sheet, asYear: isYear[position],
                    location: sheet.location(
                        CellReference(column: column, row: row.number), field: name))
                if !text.isEmpty { blank = false }
                fields.append(text)
            }
            if blank { continue }
            rows.append(fields); lines.append(row.number)
        }
        table = CSVTable(file: label, header: header.names.map(\.name), rows: rows, lines: lines)
        sheetName = sheet.name
        file = sheet.file
        headerRow = headerRowNumber
        columns = header.names.map(\.column)
    }

    /// Runs a CSV-table reader on the sheet, rewriting its line-and-field errors into cells.
    public func parse<T>(_ body: (CSVTable) throws -> T) throws -> T {
        do { return try body(table) } catch let error as InputError { throw relocate(error) }
    }

    /// `actuals.xlsx, sheet "X":7 [value]` → `actuals.xlsx, sheet "X", C7 [value]`.
    public func relocate(_ error: InputError) -> InputError {
        guard case let .badData(location, found, expected) = error, location.file == table.file,
            let line = location.line
        else { return error }
        // Readers of CSV name the header as line 1; here it is the header row.
        let row = line == 1 ? headerRow : line
        let place: String
        if let field = location.field, let index = table.header.firstIndex(of: field) {
            place = CellReference(column: columns[index], row: row).description
        } else {
            place = "row \(row)"
        }
        return .badData(
            location: SourceLocation(
                file: "\(table.file), \(place)", line: nil, field: location.field), found: found,
            expected: expected)
    }

    static func fold(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.lowercased().filter { !$0.isWhitespace }
    }

    static func headerText(_ value: CellValue) -> String {
        switch value {
        case .text(let s): return s.trimmingCharacters(in: .whitespacesAndNewlines)
        case .number(let n): return numberText(n)
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .empty, .error, .uncalculatedFormula: return ""
        }
    }

    /// The field text of a data cell (see the type's invariants).
    /// `location` is built only for an error (building it for every cell cost an eighth of
    /// a 100,000-row read).
    static func fieldText(
        _ cell: Cell, sheet: Worksheet, asYear: Bool,
        location: @autoclosure () -> SourceLocation
    ) throws -> String {
        switch cell.value {
        case .empty: return ""
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            // Excel's dates run from serial 0 (1900) to 2,958,465 (9999-12-31).
            if asYear && sheet.isDate(cell) && (0...2_958_465).contains(n) {
                return String(sheet.year(ofDateSerial: n))
            }
            // Shown as 12,5% (stored 0.125): the figure the planner typed and sees, as a
            // CSV export writes it; the readers check the % against the unit.
            if sheet.isPercent(cell) { return numberText(n, timesPowerOfTen: 2) + "%" }
            return numberText(n)
        case .error(let code):
            throw InputError.badData(
                location: location(), found: "the Excel error \(code)",
                expected: "a value (correct the formula or type the figure)")
        case .uncalculatedFormula(let formula):
            throw InputError.badData(
                location: location(),
                found: "the formula =\(formula) with no calculated value stored",
                expected:
                    "a value (open and save the workbook in Excel or LibreOffice, which store each formula's result)"
            )
        }
    }

    /// Text that `VietnameseNumber.parse` reads back to exactly `n` and that carries no
    /// decimal mark: `1500`, `-3`, `1035e-1`, `15e-8`. A number stored as a number is
    /// typed, so it must not count as evidence for the file's decimal mark (`NumberColumn`)
    /// beside numbers a planner typed as text (`97,2`). The digits are those of Swift's
    /// `description` (the shortest text that round-trips) with the point moved into the
    /// exponent: the same decimal value, so the same `Double`.
    /// ``numberText(_:)`` of `n` × 10^`power` (`power` ≥ 0), exactly: the decimal digits
    /// are kept and the exponent moved (`0.125`, 2 → `125e-1`), with no rounding.
    public static func numberText(_ n: Double, timesPowerOfTen power: Int) -> String {
        let text = numberText(n)
        guard power > 0 else { return text }
        if let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) {
            let shifted = exponent + power
            // A whole result reads as one (`9e-1` × 100 → `90`, not `9e1`).
            if shifted >= 0 { return text[..<e] + String(repeating: "0", count: shifted) }
            return text[..<e] + "e\(shifted)"
        }
        return text == "0" ? text : text + String(repeating: "0", count: power)
    }

    public static func numberText(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        var text = n.description
        var sign = ""
        if text.hasPrefix("-") { sign = "-"; text.removeFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        if let point = text.firstIndex(of: ".") {
            exponent -= text.distance(from: point, to: text.endIndex) - 1
            text.remove(at: point)
        }
        while text.count > 1, text.hasPrefix("0") { text.removeFirst() }
        return sign + text + "e\(exponent)"
    }
}
