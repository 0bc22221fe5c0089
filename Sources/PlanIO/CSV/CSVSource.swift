import Foundation

/// The one CSV reader of PlanForecast: checked UTF-8 bytes, split into records and fields
/// in one pass, each record with the line it starts on.
///
/// ```swift
/// let source = try CSVSource(data: Data("year;value\n2026;\"12,5\"\n".utf8), file: "a.csv")
/// source.delimiter                                   // ";" (detected)
/// try source.forEachRecord { record in
///     print(record.line, record.count, record.text(1))   // 1 2 value, then 2 2 12,5
/// }
/// ```
///
/// Every table reader (`CSVTable`, and through it the plan folder, actuals, `import-plan`'s
/// CSV input) and the `fit --group` batch (``CSVRecord/number(_:)`` reads plain numbers
/// without building strings) go through this type.
///
/// ## Format (RFC 4180, with what Vietnamese spreadsheets export)
/// - UTF-8, with or without a byte-order mark (dropped, and remembered in ``hadBOM``). A
///   UTF-16 byte-order mark, bytes that are not UTF-8 and NUL bytes are errors naming the
///   line (``UTF8Validation``).
/// - Records end at LF, CRLF or a lone CR; a record that is empty or only spaces and tabs
///   is skipped (a blank line).
/// - Delimiter `,`, `;` or tab: given, or detected from the first record (outside
///   quotes): `;` when it has more semicolons than commas, tab when more tabs than either.
/// - A field that *starts* with `"` is quoted: it runs to the next lone `"`, may hold
///   delimiters and line breaks, and `""` in it is one `"`. After the closing quote only
///   spaces or tabs may come before the delimiter or the end of the record; a quote left
///   open is an error naming the line it opened on. A `"` inside an unquoted field is an
///   ordinary character.
///
/// Hand-written rather than yaslab/CSV.swift (used before): that library cannot say on
/// which line a record starts, reads a quote left open silently to the end of the file,
/// drops a character after a stray closing quote, and builds a `String` per field, which
/// made the 100,000-series batch several times slower than a byte scan.
public struct CSVSource: Sendable {
    /// Name used in messages (the path as the user gave it).
    public let file: String
    /// The text as UTF-8, without the byte-order mark.
    public let bytes: [UInt8]
    /// The field delimiter (ASCII).
    public let delimiter: UInt8
    /// True when the file began with a UTF-8 byte-order mark.
    public let hadBOM: Bool

    /// Reads and checks a file (`InputError.io` when it cannot be read).
    public static func read(path: String, delimiter: Character? = nil) throws -> CSVSource {
        try CSVSource(data: FileInput.read(path: path), file: path, delimiter: delimiter)
    }

    /// Checks CSV bytes: encoding, NUL bytes, emptiness; detects the delimiter unless given.
    /// - Throws: `InputError.badData` naming file and line; `.usage` for a delimiter that
    ///   is not one ASCII character.
    public init(data: Data, file: String, delimiter: Character? = nil) throws {
        try self.init(bytes: [UInt8](data), file: file, delimiter: delimiter)
    }

    /// As ``init(data:file:delimiter:)``, from text.
    public init(text: String, file: String, delimiter: Character? = nil) throws {
        try self.init(bytes: Array(text.utf8), file: file, delimiter: delimiter)
    }

    init(bytes raw: [UInt8], file: String, delimiter: Character?) throws {
        self.file = file
        var bytes = raw
        hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hadBOM { bytes.removeFirst(3) }
        func failure(_ line: Int, _ found: String, _ expected: String) -> InputError {
            .badData(
                location: SourceLocation(file: file, line: line), found: found, expected: expected)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw failure(
                1, "a UTF-16 byte-order mark", "UTF-8 text (in Excel: Save As › CSV UTF-8)")
        }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            throw failure(
                UTF8Validation.line(ofByte: bad, in: bytes),
                "bytes that are not valid UTF-8 (a legacy encoding such as TCVN3 or Windows-1258?)",
                "UTF-8 text (in Excel: Save As › CSV UTF-8)")
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw failure(1, "an empty file", "a header row followed by data rows")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw failure(
                UTF8Validation.line(ofByte: nul, in: bytes), "a NUL byte (a binary file?)",
                "UTF-8 text")
        }
        if let delimiter {
            guard let ascii = delimiter.asciiValue, ascii != 0x22, ascii != 0x0A, ascii != 0x0D
            else {
                throw InputError.usage(
                    "delimiter \"\(delimiter)\": expected one ASCII character such as , ; or a tab")
            }
            self.delimiter = ascii
        } else {
            self.delimiter = CSVSource.detectDelimiter(bytes)
        }
        self.bytes = bytes
    }

    /// `;` when the first record has more semicolons than commas outside quotes, tab when
    /// it has more tabs than either, `,` otherwise.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        var atFieldStart = true  // a quote opens a field only at its start, as in `forEachRecord`
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if inQuotes {
                if b == 0x22 {
                    if i < bytes.count && bytes[i] == 0x22 { i += 1 } else { inQuotes = false }
                }
                continue
            }
            switch b {
            case 0x22 where atFieldStart: inQuotes = true
            case 0x0A, 0x0D: return pick()
            case 0x2C: commas += 1
            case 0x3B: semicolons += 1
            case 0x09: tabs += 1
            default: break
            }
            atFieldStart = b == 0x2C || b == 0x3B || b == 0x09
        }
        return pick()
        func pick() -> UInt8 {
            semicolons > commas ? 0x3B : (tabs > commas && tabs > semicolons ? 0x09 : 0x2C)
        }
    }

    /// The delimiter as a character.
    public var delimiterCharacter: Character { Character(Unicode.Scalar(delimiter)) }

    /// Calls `body` with each record that is not blank, in order. The record is a view
    /// valid during the call (copy what you keep with ``CSVRecord/text(_:)``); `body`
    /// may throw to stop.
    /// - Throws: `InputError.badData` for a quote left open or text after a closing
    ///   quote, naming the line; whatever `body` throws.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        var record = CSVRecord(bytes: bytes, line: 1)
        let end = bytes.count
        let delimiter = self.delimiter
        var i = 0
        var line = 1
        while i < end {
            record.line = line
            record.fields.removeAll(keepingCapacity: true)
            record.quoted.removeAll(keepingCapacity: true)
            // One record: fields up to LF, CR, CRLF or the end.
            var atRecordEnd = false
            while !atRecordEnd {
                if i < end && bytes[i] == 0x22 {
                    let openLine = line
                    i += 1
                    let start = i
                    var escaped = false
                    while true {
                        guard i < end else {
                            throw InputError.badData(
                                location: SourceLocation(file: file, line: openLine),
                                found: "a quote (\") opened here and never closed",
                                expected: "a closing quote before the end of the field")
                        }
                        let b = bytes[i]
                        if b == 0x22 {
                            if i + 1 < end && bytes[i + 1] == 0x22 {
                                escaped = true; i += 2; continue
                            }
                            break
                        }
                        if b == 0x0A {
                            if i == 0 || bytes[i - 1] != 0x0D { line += 1 }
                        } else if b == 0x0D {
                            line += 1
                        }
                        i += 1
                    }
                    record.fields.append(start..<i)
                    record.quoted.append(escaped)
                    i += 1  // the closing quote
                    while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) && bytes[i] != delimiter
                    { i += 1 }
                    if i < end && bytes[i] != delimiter && bytes[i] != 0x0A && bytes[i] != 0x0D {
                        let after = String(
                            decoding: bytes[i..<min(end, i + 10)].prefix {
                                $0 != 0x0A && $0 != 0x0D
                            }, as: UTF8.self)
                        throw InputError.badData(
                            location: SourceLocation(file: file, line: line),
                            found: "text after a closing quote (\"…\"\(after))",
                            expected:
                                "a delimiter after a quoted field; write a quote inside a field as \"\""
                        )
                    }
                } else {
                    let start = i
                    while i < end, bytes[i] != delimiter, bytes[i] != 0x0A, bytes[i] != 0x0D {
                        i += 1
                    }
                    record.fields.append(start..<i)
                    record.quoted.append(false)
                }
                if i < end && bytes[i] == delimiter {
                    i += 1  // (at the very end, the next pass adds the empty last field)
                    continue
                }
                atRecordEnd = true
                if i < end {
                    if bytes[i] == 0x0D && i + 1 < end && bytes[i + 1] == 0x0A { i += 1 }
                    i += 1
                    line += 1
                }
            }
            if !record.isBlank { try body(record) }
        }
    }
}
