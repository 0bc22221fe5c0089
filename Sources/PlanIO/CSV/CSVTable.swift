import Foundation

/// A CSV file read whole and checked: a header row, data rows of the same width, and the
/// line each row starts on, so every error can name file, line and field.
///
/// ```swift
/// let table = try CSVTable.read(path: "actuals.csv")
/// try table.require(columns: ["indicator", "year", "value"])
/// for row in table.rowAccessors {
///     let year = try row.integer("year", in: 1990...2100)   // errors name file:line [year]
/// }
/// ```
///
/// Records come from ``CSVSource`` (the one CSV reader: encoding, byte-order mark,
/// delimiter detection, quotes, line numbers). This type adds the table's rules: a header
/// whose names are non-empty and distinct, and every data row as wide as the header.
public struct CSVTable: Sendable {
    /// Name used in messages (the path as the user gave it).
    public let file: String
    public let header: [String]
    public let rows: [[String]]
    /// 1-based line on which each row starts (`lines[i]` for `rows[i]`).
    public let lines: [Int]
    public let delimiter: Character
    /// True when the file began with a UTF-8 byte-order mark.
    public let hadBOM: Bool

    /// Reads and checks a CSV file. Throws `InputError.io` when the file cannot be read and
    /// `InputError.badData` when it is not a well-formed table.
    public static func read(path: String, delimiter: Character? = nil) throws -> CSVTable {
        try parse(source: CSVSource.read(path: path, delimiter: delimiter))
    }

    /// Checks and parses CSV bytes (see `read`).
    public static func parse(data: Data, file: String, delimiter: Character? = nil) throws
        -> CSVTable
    {
        try parse(source: CSVSource(data: data, file: file, delimiter: delimiter))
    }

    /// Checks and parses CSV text (see `read`).
    public static func parse(
        text: String, file: String, delimiter: Character? = nil, hadBOM: Bool = false
    ) throws -> CSVTable {
        let source = try CSVSource(text: text, file: file, delimiter: delimiter)
        return try parse(source: source, hadBOM: hadBOM || source.hadBOM)
    }

    /// The table of a checked source.
    public static func parse(source: CSVSource, hadBOM: Bool? = nil) throws -> CSVTable {
        var header: [String]? = nil
        var rows: [[String]] = []
        var lines: [Int] = []
        try source.forEachRecord { record in
            guard let header else {
                header = try CSVHeader.names(of: record, file: source.file)
                return
            }
            try CSVHeader.checkWidth(
                of: record, header: header, file: source.file, delimiter: source.delimiterCharacter)
            rows.append(record.texts)
            lines.append(record.line)
        }
        guard let header else {
            throw InputError.badData(
                location: SourceLocation(file: source.file, line: 1), found: "no rows",
                expected: "a header row")
        }
        return CSVTable(
            file: source.file, header: header, rows: rows, lines: lines,
            delimiter: source.delimiterCharacter, hadBOM: hadBOM ?? source.hadBOM)
    }

    public init(
        file: String, header: [String], rows: [[String]], lines: [Int], delimiter: Character = ",",
        hadBOM: Bool = false
    ) {
        self.file = file; self.header = header; self.rows = rows; self.lines = lines
        self.delimiter = delimiter; self.hadBOM = hadBOM
    }

    /// Index of a column by name.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Throws naming the first missing column and the full expected header.
    public func require(columns: [String]) throws {
        for c in columns where column(c) == nil {
            throw CSVHeader.missing(c, header: header, required: columns, file: file)
        }
    }

    /// Throws naming the first column that is not among `allowed` (catches typos).
    public func rejectUnknown(columns allowed: [String]) throws {
        for h in header where !allowed.contains(h) {
            throw InputError.badData(
                location: SourceLocation(file: file, line: 1, field: h),
                found: "unknown column \"\(h)\"",
                expected: "only columns \(allowed.joined(separator: ","))")
        }
    }

    public var rowAccessors: [Row] { rows.indices.map { Row(table: self, index: $0) } }
}
