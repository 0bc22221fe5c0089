import Foundation

/// The header rules every CSV table follows, shared by ``CSVTable`` and the streaming
/// readers built on ``CSVSource`` (such as the `fit` batch), so both give the same messages.
public enum CSVHeader {
    /// The column names of a header record (trimmed), which must be non-empty and distinct.
    public static func names(of record: CSVRecord, file: String) throws -> [String] {
        let names = record.texts.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for name in names {
            if name.isEmpty {
                throw InputError.badData(
                    location: SourceLocation(file: file, line: record.line),
                    found: "an empty column name in the header",
                    expected: "a name for every column")
            }
            if !seen.insert(name).inserted {
                throw InputError.badData(
                    location: SourceLocation(file: file, line: record.line, field: name),
                    found: "column \"\(name)\" twice in the header",
                    expected: "each column name once")
            }
        }
        return names
    }

    /// Throws unless `record` has as many fields as `header`.
    @inline(__always)
    public static func checkWidth(
        of record: CSVRecord, header: [String], file: String, delimiter: Character
    ) throws {
        guard record.count != header.count else { return }
        throw InputError.badData(
            location: SourceLocation(file: file, line: record.line),
            found: "\(record.count) field\(record.count == 1 ? "" : "s")",
            expected:
                "\(header.count) fields like the header (\(header.joined(separator: String(delimiter)))); delimiter \"\(delimiter)\""
        )
    }

    /// The error for a required column that is missing.
    public static func missing(_ column: String, header: [String], required: [String], file: String)
        -> InputError
    {
        .badData(
            location: SourceLocation(file: file, line: 1, field: column),
            found: "header \"\(header.joined(separator: ","))\" without column \"\(column)\"",
            expected: "columns \(required.joined(separator: ","))")
    }
}
