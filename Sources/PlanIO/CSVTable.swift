import CSV
import Foundation

/// A CSV file read whole and checked: a header row, data rows of the same width, and the
/// line each row starts on, so every error can name file, line and field.
///
/// Parsing of fields (quotes, escaped quotes, CRLF) is done by yaslab/CSV.swift. Before it
/// runs, one pass over the text does what that library does not: it rejects invalid UTF-8
/// (naming the line of the first bad byte), drops a UTF-8 byte-order mark, detects a quote
/// left open (the library would silently read to the end of the file), records the line on
/// which each record starts (records may span lines inside quotes), and detects the
/// delimiter (`,` or, as Vietnamese Excel exports, `;`).
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
        let data = try FileInput.read(path: path)
        return try parse(data: data, file: path, delimiter: delimiter)
    }

    /// Checks and parses CSV bytes (see `read`).
    public static func parse(data: Data, file: String, delimiter: Character? = nil) throws -> CSVTable {
        var bytes = data
        var bom = false
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3); bom = true }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError.badData(location: SourceLocation(file: file, line: 1), found: "a UTF-16 byte-order mark",
                                     expected: "UTF-8 text (in Excel: Save As › CSV UTF-8)")
        }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            let line = FileInput.lineOfFirstInvalidUTF8(Data(bytes))
            throw InputError.badData(location: SourceLocation(file: file, line: line), found: "bytes that are not valid UTF-8 (a legacy encoding such as TCVN3 or Windows-1258?)",
                                     expected: "UTF-8 text (in Excel: Save As › CSV UTF-8)")
        }
        return try parse(text: text, file: file, delimiter: delimiter, hadBOM: bom)
    }

    /// Checks and parses CSV text (see `read`).
    public static func parse(text: String, file: String, delimiter: Character? = nil, hadBOM: Bool = false) throws -> CSVTable {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw InputError.badData(location: SourceLocation(file: file, line: 1), found: "an empty file",
                                     expected: "a header row followed by data rows")
        }
        if text.contains("\u{0}") {
            throw InputError.badData(location: SourceLocation(file: file, line: 1), found: "a NUL byte (a binary file?)",
                                     expected: "UTF-8 text")
        }
        let scan = prescan(text)
        if let open = scan.unclosedQuoteLine {
            throw InputError.badData(location: SourceLocation(file: file, line: open), found: "a quote (\") opened here and never closed",
                                     expected: "a closing quote before the end of the field")
        }
        let delim = delimiter ?? scan.guessedDelimiter
        guard let scalar = delim.unicodeScalars.first else {
            throw InputError.usage("empty delimiter")
        }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: scalar) } catch {
            throw InputError.badData(location: SourceLocation(file: file), found: "text the CSV parser rejected (\(error))", expected: "CSV")
        }
        var all: [[String]] = []
        var lines: [Int] = []
        var record = 0
        while let row = reader.next() {
            let line = record < scan.recordLines.count ? scan.recordLines[record] : (scan.recordLines.last ?? 1)
            record += 1
            // Skip blank lines (a row of one empty field).
            if row.count == 1 && row[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            all.append(row)
            lines.append(line)
        }
        if let error = reader.error {
            throw InputError.badData(location: SourceLocation(file: file), found: "text the CSV parser rejected (\(error))", expected: "CSV")
        }
        guard let head = all.first else {
            throw InputError.badData(location: SourceLocation(file: file, line: 1), found: "no rows", expected: "a header row")
        }
        let header = head.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for h in header {
            if h.isEmpty {
                throw InputError.badData(location: SourceLocation(file: file, line: lines[0]), found: "an empty column name in the header",
                                         expected: "a name for every column")
            }
            if !seen.insert(h).inserted {
                throw InputError.badData(location: SourceLocation(file: file, line: lines[0], field: h), found: "column \"\(h)\" twice in the header",
                                         expected: "each column name once")
            }
        }
        let body = Array(all.dropFirst())
        let bodyLines = Array(lines.dropFirst())
        for (i, r) in body.enumerated() where r.count != header.count {
            // A trailing empty field from a trailing delimiter is tolerated only if it is empty.
            throw InputError.badData(location: SourceLocation(file: file, line: bodyLines[i]),
                                     found: "\(r.count) field\(r.count == 1 ? "" : "s")",
                                     expected: "\(header.count) fields like the header (\(header.joined(separator: String(delim)))); delimiter \"\(delim)\"")
        }
        return CSVTable(file: file, header: header, rows: body, lines: bodyLines, delimiter: delim, hadBOM: hadBOM)
    }

    public init(file: String, header: [String], rows: [[String]], lines: [Int], delimiter: Character = ",", hadBOM: Bool = false) {
        self.file = file; self.header = header; self.rows = rows; self.lines = lines
        self.delimiter = delimiter; self.hadBOM = hadBOM
    }

    /// Index of a column by name.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Throws naming the first missing column and the full expected header.
    public func require(columns: [String]) throws {
        for c in columns where column(c) == nil {
            throw InputError.badData(location: SourceLocation(file: file, line: 1, field: c),
                                     found: "header \"\(header.joined(separator: ","))\" without column \"\(c)\"",
                                     expected: "columns \(columns.joined(separator: ","))")
        }
    }

    /// Throws naming the first column that is not among `allowed` (catches typos).
    public func rejectUnknown(columns allowed: [String]) throws {
        for h in header where !allowed.contains(h) {
            throw InputError.badData(location: SourceLocation(file: file, line: 1, field: h),
                                     found: "unknown column \"\(h)\"",
                                     expected: "only columns \(allowed.joined(separator: ","))")
        }
    }

    /// Row accessors that produce located errors.
    public struct Row {
        public let table: CSVTable
        public let index: Int
        public var line: Int { table.lines[index] }
        public var values: [String] { table.rows[index] }

        /// The trimmed text in column `name` ("" when the column is absent).
        public subscript(_ name: String) -> String {
            guard let j = table.column(name) else { return "" }
            return table.rows[index][j].trimmingCharacters(in: .whitespacesAndNewlines)
        }

        public func location(_ field: String? = nil) -> SourceLocation {
            SourceLocation(file: table.file, line: line, field: field)
        }

        /// A located error about `field`.
        public func error(_ field: String, found: String, expected: String) -> InputError {
            .badData(location: location(field), found: found, expected: expected)
        }

        /// A required non-empty text field.
        public func text(_ name: String) throws -> String {
            let v = self[name]
            if v.isEmpty { throw error(name, found: "an empty value", expected: "a value") }
            return v
        }

        /// A number, read by `VietnameseNumber` (decimal comma, `.` grouping, `%`, NBSP).
        /// `unit` decides an ambiguous `1.500`; `dot` says what a lone `.` means otherwise:
        /// `.decimalPoint` for the project's own files (the default), `.askWhenAmbiguous` for
        /// figures typed by people.
        public func number(_ name: String, unit: String? = nil, dot: VietnameseNumber.DotRule = .decimalPoint) throws -> Double {
            do { return try VietnameseNumber.parse(self[name], unit: unit, dot: dot) } catch let e as VietnameseNumber.ParseError {
                throw e.at(location(name))
            }
        }

        /// An optional number: nil when the field is empty.
        public func optionalNumber(_ name: String, unit: String? = nil) throws -> Double? {
            self[name].isEmpty ? nil : try number(name, unit: unit)
        }

        /// A whole number such as a year.
        public func integer(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int {
            let v = self[name]
            guard let i = Int(v) else {
                throw error(name, found: v.isEmpty ? "an empty value" : "\"\(v)\"", expected: range.map { "a whole number from \($0.lowerBound) to \($0.upperBound)" } ?? "a whole number")
            }
            if let range, !range.contains(i) {
                throw error(name, found: "\(i)", expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return i
        }

        /// One of a fixed set of words.
        public func choice<T: RawRepresentable>(_ name: String, as: T.Type, allowed: [T]) throws -> T where T.RawValue == String {
            let v = self[name]
            if let t = T(rawValue: v.lowercased()) ?? T(rawValue: v) { return t }
            throw error(name, found: v.isEmpty ? "an empty value" : "\"\(v)\"", expected: "one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
    }

    public var rowAccessors: [Row] { rows.indices.map { Row(table: self, index: $0) } }

    // MARK: - Pre-scan

    struct Prescan {
        var recordLines: [Int]
        var unclosedQuoteLine: Int?
        var guessedDelimiter: Character
    }

    /// One pass over the scalars: start line of each record, an unclosed quote, and the
    /// delimiter (`;` when the first record has more semicolons than commas outside quotes).
    static func prescan(_ text: String) -> Prescan {
        var lines: [Int] = [1]
        var line = 1
        var inQuotes = false
        var quoteStart = 0
        var commas = 0, semis = 0, tabs = 0
        var firstRecord = true
        var prevCR = false
        for s in text.unicodeScalars {
            switch s {
            case "\"":
                if !inQuotes { quoteStart = line }
                inQuotes.toggle()
            case "\n":
                if !prevCR { line += 1 }
                if !inQuotes { lines.append(line); firstRecord = false }
            case "\r":
                line += 1
                if !inQuotes { lines.append(line); firstRecord = false }
            case ",": if firstRecord && !inQuotes { commas += 1 }
            case ";": if firstRecord && !inQuotes { semis += 1 }
            case "\t": if firstRecord && !inQuotes { tabs += 1 }
            default: break
            }
            prevCR = (s == "\r")
        }
        // CRLF was counted at the CR; drop the duplicate record start the LF added.
        let delim: Character = semis > commas ? ";" : (tabs > commas && tabs > semis ? "\t" : ",")
        return Prescan(recordLines: dedupCRLF(lines), unclosedQuoteLine: inQuotes ? quoteStart : nil, guessedDelimiter: delim)
    }

    private static func dedupCRLF(_ lines: [Int]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(lines.count)
        for l in lines where out.last != l { out.append(l) }
        return out
    }
}

/// Reading files with errors that say what happened.
public enum FileInput {
    /// Reads a whole file. Missing, unreadable and directory paths give `InputError.io`.
    public static func read(path: String) throws -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError.io(path: path, reason: "no such file")
        }
        if isDir.boolValue { throw InputError.io(path: path, reason: "is a directory; expected a file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError.io(path: path, reason: "permission denied (not readable)")
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError.io(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// Reads a whole file as UTF-8 text (BOM dropped), with located errors.
    public static func readText(path: String) throws -> String {
        var data = try read(path: path)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let s = String(data: Data(data), encoding: .utf8) else {
            throw InputError.badData(location: SourceLocation(file: path, line: lineOfFirstInvalidUTF8(Data(data))),
                                     found: "bytes that are not valid UTF-8", expected: "UTF-8 text")
        }
        return s
    }

    /// The 1-based line holding the first byte that breaks UTF-8 decoding.
    public static func lineOfFirstInvalidUTF8(_ data: Data) -> Int {
        var line = 1
        var i = data.startIndex
        let end = data.endIndex
        while i < end {
            let b = data[i]
            var len = 0
            if b < 0x80 { len = 1 } else if b & 0xE0 == 0xC0 { len = 2 } else if b & 0xF0 == 0xE0 { len = 3 } else if b & 0xF8 == 0xF0 { len = 4 } else { return line }
            if len > 1 {
                if i + len > end { return line }
                for k in 1..<len where data[i + k] & 0xC0 != 0x80 { return line }
                if String(data: data[i..<(i + len)], encoding: .utf8) == nil { return line }
            }
            if b == 0x0A { line += 1 }
            i += len
        }
        return line
    }
}
