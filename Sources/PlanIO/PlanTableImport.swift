import Foundation
import PlanModel

/// Reads a plan's table of targets (like An Hưng's Phụ lục I) as it comes out of the
/// document or a spreadsheet, and turns its rows into ``Target`` values.
///
/// ## What it reads
/// - **A document** (`.txt`, `.md`, anything not `.csv`/`.tsv`): text with the table as
///   tab-separated lines somewhere in it. Quotes are ordinary text. The table starts at
///   its header row and ends at the end of the file or at the first non-blank line with no
///   tab (a note under the table); blank lines inside the table are skipped.
/// - **A spreadsheet export** (`.csv`, `.tsv`): RFC 4180 records (quoted fields may hold
///   delimiters, doubled quotes and line breaks) separated by tab, `;` (Excel where the
///   decimal mark is a comma) or `,`, whichever makes the header row recognisable. Lines
///   above the header (a title) are allowed.
/// - UTF-8 with or without a BOM, or UTF-16 with a BOM (Excel's "Unicode text").
///   Anything else is an error naming the line of the first byte that is not UTF-8.
///
/// The **header row** is the first row with a unit column (`Đơn vị tính`, `ĐVT`), a name
/// column (`Nội dung`, `Chỉ tiêu`, `Tên`) and a value column (`Kế hoạch`, `Mục tiêu`,
/// `Giá trị`, or a year; not a past period's `Thực hiện 2021-2025` or `Ước 2025`); a number
/// column (`STT`, `Số TT`, `TT`) and a responsible-unit column (`… tham mưu …`, `chủ trì`,
/// `phụ trách`, `cơ quan`, `Đơn vị … thực hiện`) are used when present.
/// The plan period is the first `YYYY - YYYY` in the value column's header, else in the
/// text above the table (`GIAI ĐOẠN 2026 - 2030`), else ``Options/period``.
///
/// ## How rows become targets
/// - **Group headers** (`<b>I. Nhóm chỉ tiêu kinh tế</b>`, or a Roman numeral in the
///   number column, with no unit and no value) are skipped and end the responsible unit
///   carried down (a merged cell cannot span them).
/// - **Numbered rows** (`1`, `2.`, `3)`; up to 4 digits) start a new appendix row.
///   **Continuation rows** (empty number, or `a`, `b)`, `2.1`) belong to the last numbered
///   row. A number used twice is imported as `4-2` and reported as a note.
/// - A row whose name says `đến năm YYYY` with a year before the plan period is
///   unclassified (the targets file cannot hold a target year before its start year).
/// - A row with **no unit and no value** heads the continuation rows below it (`6  Thu
///   nhập đầu người tăng bình quân`); the report lists it, and lists it as unclassified
///   when nothing follows it. A row with a unit but no value is unclassified.
/// - The **value** is read by ``VietnameseNumber/parseRequirement(_:unit:dot:)`` with the row's
///   unit; a value it rejects makes the row unclassified, with the reason.
/// - The **responsible unit** of a row with an empty cell is the last one given above it
///   (cells merged down in the document).
/// - **Kind**, in this order:
///   1. `qualitative` when the value is `Đạt`;
///   2. `growth` when the unit is a percentage and the row's name, or the name of its
///      numbered row, says `tăng bình quân` or `tăng trưởng` (`Khu vực Dịch vụ` under
///      `Tổng giá trị sản phẩm tăng bình quân`) — unless the row's own name says `đến năm`;
///   3. `maintained` when the row's name says `hằng năm`, `hàng năm`, `mỗi năm`,
///      `duy trì` or `giữ vững`;
///   4. `level` otherwise.
/// - **Comparator and values**: `12-14` → `range` 12, 14; `< 3` → `<` 3; a bare value →
///   `>=` (`<=` when lower is better): a plan's "100" means "at least 100". Growth values
///   are percent per year in the file (fractions in ``Target``).
/// - **Units**: as written; a growth target's `%` becomes `%/năm` (the targets file's unit
///   for growth). The row's own text, unit and value are kept in `appendix_name_vi`,
///   `appendix_unit` and `appendix_value`.
/// - **Years**: start is the first year of the plan period; target year is the year of
///   `đến năm YYYY` / `năm YYYY` / the end of `giai đoạn YYYY – YYYY` in the row's name (or
///   its heading's), else the last year of the period.
/// - **Direction**: `lower` when the comparator is `<` or `≤`, or the name is about a rate
///   where less is better (`hộ nghèo`, `tăng dân số tự nhiên`, `thất nghiệp`,
///   `suy dinh dưỡng`, `tai nạn`, `tội phạm`, `ô nhiễm`); `higher` otherwise.
/// - **Names**: the name as written without its bullet (`- `, `+ `, `• `). A
///   continuation row whose name is only a qualifier (`- Đến năm 2030`, `- Tăng bình quân
///   hằng năm`) is named `<heading> - <qualifier>` and measures the heading's indicator.
/// - **Row references and ids**: the k-th continuation row under numbered row n is
///   `PL I.n.k` (`appendix_row`; the numeral from `PHỤ LỤC I` above the table, `PL` when
///   there is none), the numbered row itself `PL I.n`: the same scheme as the hand-made
///   An Hưng file. The id is `A` + n in two digits (+ `.k`): `A02`, `A02.1`, `A06.2`. The
///   indicator id is the id in lower case, except that qualifier rows share their
///   heading's (`a06`; growth rows always, level rows while they are in one unit): the import cannot know which rows measure the same series
///   otherwise, so a planner merges indicators by editing that column.
public enum PlanTableImport {

    /// How the file is laid out: a document with a tab-separated table inside, or a
    /// spreadsheet export (CSV/TSV with quoting).
    public enum Layout: String, Sendable, CaseIterable {
        case document, delimited
        /// `.csv` and `.tsv` are spreadsheet exports; everything else is a document.
        public static func forFile(_ name: String) -> Layout {
            let ext = (name as NSString).pathExtension.lowercased()
            return ext == "csv" || ext == "tsv" ? .delimited : .document
        }
    }

    public struct Options: Sendable {
        /// The plan period when the file does not say it (overrides what it says when set).
        public var period: ClosedRange<Int>?
        public var layout: Layout?
        public init(period: ClosedRange<Int>? = nil, layout: Layout? = nil) {
            self.period = period; self.layout = layout
        }
    }

    /// A row of the table that did not become a target, or that the reader wants known.
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        /// `heading`: a row with no value that heads the rows below it; `unclassified`: a
        /// row that did not become a target; `note`: imported, but worth a look (a row
        /// number used twice); `endOfTable`: where reading stopped.
        public enum Kind: String, Sendable { case heading, unclassified, note, endOfTable }
        public var kind: Kind
        public var line: Int
        /// The appendix row number the row belongs to ("" when none).
        public var number: String
        /// The row's name (or the text of the line for the end of the table).
        public var text: String
        public var reason: String
        public var description: String {
            "line \(line)\(number.isEmpty ? "" : " (row \(number))"): \(text.isEmpty ? "(no name)" : "\"\(text)\""): \(reason)"
        }
    }

    /// What the import produced.
    public struct Result: Sendable {
        public var targets: [Target]
        public var findings: [Finding]
        public var period: ClosedRange<Int>
        /// `PL I` for Phụ lục I.
        public var appendix: String
        /// The line of the header row, and the delimiter used.
        public var headerLine: Int
        public var delimiter: Character
        public var unclassified: [Finding] { findings.filter { $0.kind == .unclassified } }
    }

    // MARK: - Entry points

    /// Reads and imports the file at `path`. I/O problems are `InputError.io` (exit 74),
    /// content problems `InputError.badData` (exit 65).
    public static func importFile(atPath path: String, options: Options = Options()) throws -> Result {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError.io(path: path, reason: "no such file")
        }
        if isDir.boolValue {
            throw InputError.io(path: path, reason: "is a directory; expected a plan document or a CSV/TSV table")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let ns = error as NSError
            let reason = ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoPermissionError
                ? "permission denied" : "cannot be read (\(ns.localizedDescription))"
            throw InputError.io(path: path, reason: reason)
        }
        var opts = options
        if opts.layout == nil { opts.layout = Layout.forFile(path) }
        return try importData(data, fileName: path, options: opts)
    }

    /// Imports a table from bytes; `fileName` names the file in messages.
    public static func importData(_ data: Data, fileName: String, options: Options = Options()) throws -> Result {
        let text = try decodeText(data, fileName: fileName)
        let layout = options.layout ?? Layout.forFile(fileName)
        return try importText(text, fileName: fileName, layout: layout, period: options.period)
    }

    // MARK: - Decoding

    /// UTF-8 (BOM optional) or UTF-16 with a BOM. Invalid bytes are an error at their line.
    public static func decodeText(_ data: Data, fileName: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.isEmpty {
            throw InputError.badData(location: SourceLocation(file: fileName), found: "an empty file",
                                     expected: "a plan table with a header row (Số TT, Nội dung chỉ tiêu, Đơn vị tính, Kế hoạch …)")
        }
        if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let little = bytes[0] == 0xFF
            let body = Array(bytes[2...])
            if body.count % 2 != 0 {
                throw InputError.badData(location: SourceLocation(file: fileName), found: "UTF-16 text cut off in the middle of a character (odd number of bytes)",
                                         expected: "a complete UTF-16 file, or save it as UTF-8")
            }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var k = 0
            while k + 1 < body.count {
                units.append(little ? UInt16(body[k]) | UInt16(body[k + 1]) << 8 : UInt16(body[k]) << 8 | UInt16(body[k + 1]))
                k += 2
            }
            var out = String.UnicodeScalarView()
            var line = 1
            var it = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s):
                    if s == "\n" { line += 1 }
                    out.append(s)
                case .emptyInput: break loop
                case .error:
                    throw InputError.badData(location: SourceLocation(file: fileName, line: line),
                                             found: "a broken UTF-16 character (unpaired surrogate)", expected: "valid UTF-16 text, or save it as UTF-8")
                }
            }
            return String(out)
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        if let bad = firstInvalidUTF8(body) {
            let line = body[body.startIndex..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let lineStart = body[body.startIndex..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            let column = bad - lineStart + 1
            let byte = String(format: "0x%02X", body[bad])
            let hint = body.contains(0) ? " (NUL bytes: probably UTF-16 without a BOM)" : ""
            throw InputError.badData(location: SourceLocation(file: fileName, line: line),
                                     found: "byte \(byte) at byte \(column) of the line that is not UTF-8\(hint)",
                                     expected: "UTF-8 text (save as \"CSV UTF-8\" or UTF-8 text; the whole file in one encoding)")
        }
        if body.contains(0) {
            let at = body.firstIndex(of: 0)!
            let line = body[body.startIndex..<at].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputError.badData(location: SourceLocation(file: fileName, line: line), found: "a NUL byte (binary data or UTF-16 without a BOM)",
                                     expected: "UTF-8 text")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// Index of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; cp = UInt32(c & 0x1F); min = 0x80
            case 0xE0...0xEF: need = 2; cp = UInt32(c & 0x0F); min = 0x800
            case 0xF0...0xF4: need = 3; cp = UInt32(c & 0x07); min = 0x10000
            default: return i
            }
            if i + need >= b.endIndex { return i }   // cut off at the end
            for k in 1...need {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { return i }
                cp = cp << 6 | UInt32(cc & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return i }
            i += need + 1
        }
        return nil
    }

    // MARK: - Records

    /// One row of cells and the line it starts on.
    struct Record { var line: Int; var cells: [String] }

    /// Splits a document: lines, tab-separated cells, no quoting.
    static func documentRecords(_ text: String) -> [Record] {
        var out: [Record] = []
        var line = 0
        // "\r\n" is one Character in Swift: split on every kind of line end.
        for l in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            line += 1
            out.append(Record(line: line, cells: l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
        return out
    }

    /// RFC 4180 records with `delimiter`; a quote left open is an error at its line.
    static func delimitedRecords(_ text: String, delimiter: Character, fileName: String) throws -> [Record] {
        var out: [Record] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var atCellStart = true
        var afterClosingQuote = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        let d = delimiter.unicodeScalars.first!
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { cell.unicodeScalars.append("\""); continue }
                        inQuotes = false; afterClosingQuote = true; pending = n; continue
                    }
                    inQuotes = false; afterClosingQuote = true; continue
                }
                if c == "\n" { line += 1 }
                cell.unicodeScalars.append(c)
                continue
            }
            if c == d {
                cells.append(cell); cell = ""; atCellStart = true; afterClosingQuote = false; continue
            }
            if c == "\n" || c == "\r" {
                if c == "\r" {
                    if let n = it.next(), n != "\n" { pending = n }
                }
                cells.append(cell); cell = ""
                out.append(Record(line: recordLine, cells: cells)); cells = []
                line += 1; recordLine = line; atCellStart = true; afterClosingQuote = false
                continue
            }
            if c == "\"" && atCellStart && cell.allSatisfy({ VietnameseNumber.isSpace($0) }) {
                cell = ""; inQuotes = true; quoteLine = line; atCellStart = false; continue
            }
            if afterClosingQuote && !VietnameseNumber.isSpace(Character(c)) {
                throw InputError.badData(location: SourceLocation(file: fileName, line: line),
                                         found: "text after a closing quote (\"…\"\(Character(c)))",
                                         expected: "a delimiter after a quoted field; write a quote inside a field as \"\"")
            }
            atCellStart = atCellStart && VietnameseNumber.isSpace(Character(c))
            cell.unicodeScalars.append(c)
        }
        if inQuotes {
            throw InputError.badData(location: SourceLocation(file: fileName, line: quoteLine),
                                     found: "a quote opened here and never closed",
                                     expected: "a closing quote (\") before the end of the file")
        }
        if !cells.isEmpty || !cell.isEmpty {
            cells.append(cell)
            out.append(Record(line: recordLine, cells: cells))
        }
        return out
    }

    // MARK: - Header

    enum Column: String, CaseIterable { case number, name, unit, value, responsible }

    struct Header { var line: Int; var columns: [Column: Int]; var index: Int; var valueTitle: String }

    static func clean(_ s: String) -> String {
        var t = stripTags(s)
        if has(t, "**") { t = t.replacingOccurrences(of: "**", with: "") }
        return VietnameseNumber.trimmed(t.precomposedStringWithCanonicalMapping)
    }

    /// Whether `haystack` contains `needle`, byte for byte in UTF-8 (both NFC here). Much
    /// faster than Foundation's `contains`, which folds Unicode for every comparison.
    static func has(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                if nb.isEmpty { return true }
                if hb.count < nb.count { return false }
                let first = nb[0], last = hb.count - nb.count
                var i = 0
                while i <= last {
                    if hb[i] == first {
                        var k = 1
                        while k < nb.count && hb[i + k] == nb[k] { k += 1 }
                        if k == nb.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// `s` without HTML-like tags (`<b>`, `</b>`, `<br/>`: `<` then at most 40 characters
    /// other than `>`, then `>`). A `<` that opens no such tag stays (`< 3`).
    static func stripTags(_ s: String) -> String {
        guard has(s, "<") else { return s }
        let chars = Array(s)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "<" {
                var j = i + 1
                while j < chars.count, j - i <= 41, chars[j] != ">" { j += 1 }
                if j < chars.count, chars[j] == ">" { i = j + 1; continue }
            }
            out.append(chars[i]); i += 1
        }
        return out
    }

    /// Whether `s` holds a year 1900-2099 (four digits starting 19 or 20).
    static func containsYear(_ s: String) -> Bool {
        let d = Array(s.utf8)
        guard d.count >= 4 else { return false }
        for i in 0...(d.count - 4) where (d[i] == 0x31 && d[i + 1] == 0x39) || (d[i] == 0x32 && d[i + 1] == 0x30) {
            if (0x30...0x39).contains(d[i + 2]) && (0x30...0x39).contains(d[i + 3]) { return true }
        }
        return false
    }

    static func normal(_ s: String) -> String { VietnameseNumber.normalizedUnit(clean(s)) }

    static func findHeader(_ records: [Record]) -> Header? {
        for (k, r) in records.enumerated() where r.cells.count >= 3 {
            var cols: [Column: Int] = [:]
            let cells = r.cells.map(normal)
            func take(_ col: Column, _ pred: (String) -> Bool) {
                if cols[col] != nil { return }
                for (i, c) in cells.enumerated() where !cols.values.contains(i) && pred(c) {
                    cols[col] = i; return
                }
            }
            take(.unit) { has($0, "đơn vị tính") || $0 == "đvt" || $0 == "đơn vị đo" }
            take(.number) { ["stt", "số tt", "tt", "số thứ tự", "thứ tự"].contains($0) }
            take(.responsible) { has($0, "tham mưu") || has($0, "chủ trì") || has($0, "phụ trách")
                || (has($0, "đơn vị") && has($0, "thực hiện")) || has($0, "cơ quan") }
            take(.name) { has($0, "nội dung") || has($0, "chỉ tiêu") || $0.hasPrefix("tên") }
            // The plan's column, not the past period's ("Thực hiện 2021-2025", "Ước 2025").
            let past = { (c: String) in has(c, "thực hiện") || has(c, "ước") || has(c, "đã đạt") }
            take(.value) { !past($0) && (has($0, "kế hoạch") || has($0, "mục tiêu")) }
            take(.value) { !past($0) && (has($0, "giá trị") || containsYear($0)) }
            if cols[.unit] != nil, cols[.name] != nil, let v = cols[.value] {
                return Header(line: r.line, columns: cols, index: k, valueTitle: clean(r.cells[v]))
            }
        }
        return nil
    }

    static func period(in text: String) -> ClosedRange<Int>? {
        guard containsYear(text), let r = text.range(of: "(19|20)[0-9]{2}\\s*[-–—]\\s*(19|20)[0-9]{2}", options: .regularExpression) else { return nil }
        let digits = text[r].split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
        guard digits.count == 2, digits[0] >= 1990, digits[0] <= digits[1], digits[1] - digits[0] <= 20 else { return nil }
        return digits[0]...digits[1]
    }

    // MARK: - Import

    static func importText(_ text: String, fileName: String, layout: Layout, period forcedPeriod: ClosedRange<Int>?) throws -> Result {
        var records: [Record] = []
        var header: Header? = nil
        var delimiter: Character = "\t"
        switch layout {
        case .document:
            records = documentRecords(text)
            header = findHeader(records)
        case .delimited:
            var firstError: Error? = nil
            for d: Character in ["\t", ";", ","] {
                do {
                    let rs = try delimitedRecords(text, delimiter: d, fileName: fileName)
                    if let h = findHeader(rs) { records = rs; header = h; delimiter = d; break }
                } catch { if firstError == nil { firstError = error } }
            }
            if header == nil, let firstError { throw firstError }
        }
        guard let header else {
            let what = layout == .document ? "tab-separated columns" : "columns separated by tab, ; or ,"
            let nonBlank = text.split(whereSeparator: \.isNewline).contains { !VietnameseNumber.trimmed(String($0)).isEmpty }
            if !nonBlank {
                throw InputError.badData(location: SourceLocation(file: fileName), found: "a file with only blank lines",
                                         expected: "a plan table with a header row (Số TT, Nội dung chỉ tiêu, Đơn vị tính, Kế hoạch …)")
            }
            throw InputError.badData(location: SourceLocation(file: fileName),
                                     found: "no header row of a target table",
                                     expected: "a row of \(what) naming at least the name (Nội dung / Chỉ tiêu), the unit (Đơn vị tính / ĐVT) and the value (Kế hoạch / Mục tiêu / a year)")
        }
        // Plan period and appendix numeral from the header and the text above it.
        let above = records[..<header.index].map { $0.cells.joined(separator: " ") }
        var plan = forcedPeriod ?? period(in: header.valueTitle)
        if plan == nil {
            for l in above.reversed() { if let p = period(in: l) { plan = p; break } }
        }
        guard let plan else {
            throw InputError.badData(location: SourceLocation(file: fileName, line: header.line, field: header.valueTitle),
                                     found: "no plan period (such as 2026 - 2030) in the value column's title or above the table",
                                     expected: "the period in the title, or --period 2026-2030")
        }
        var appendix = "PL"
        for l in above.reversed() where l.localizedCaseInsensitiveContains("lục") {
            let n = clean(l.replacingOccurrences(of: "*", with: " "))
            if let r = n.range(of: "(PHỤ LỤC|Phụ lục|phụ lục)\\s+[IVXLC]+\\b", options: .regularExpression) {
                let numeral = n[r].split(separator: " ").last.map(String.init) ?? ""
                appendix = "PL " + numeral; break
            }
        }
        return classify(records: Array(records[(header.index + 1)...]), header: header, plan: plan,
                        appendix: appendix, layout: layout, delimiter: delimiter, fileName: fileName)
    }

    /// A row after cleaning, before it becomes a target.
    struct Row {
        var line: Int; var number: String; var name: String; var unit: String; var value: String
        var responsible: String; var bold: Bool
    }

    static let qualifierPrefixes = ["đến năm", "tới năm", "tăng bình quân", "bình quân", "hằng năm", "hàng năm",
                                    "giai đoạn", "năm 20", "mỗi năm", "trong đó"]
    static let growthWords = ["tăng bình quân", "tăng trưởng", "bình quân tăng"]
    static let maintainedWords = ["hằng năm", "hàng năm", "mỗi năm", "duy trì", "giữ vững"]
    static let lowerIsBetterWords = ["hộ nghèo", "tăng dân số tự nhiên", "thất nghiệp", "suy dinh dưỡng",
                                     "tai nạn", "tội phạm", "ô nhiễm"]

    static func stripBullet(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, "-–—+•*·".contains(c) {
            t = VietnameseNumber.trimmedSub(t.dropFirst())
        }
        return String(t)
    }

    static func isRoman(_ s: String) -> Bool {
        var t = s
        if t.hasSuffix(".") { t.removeLast() }
        return !t.isEmpty && t.allSatisfy { "IVXLC".contains($0) }
    }

    /// `2.1`: one to four digits, a dot, one to three digits.
    static func isSubNumber(_ n: String) -> Bool {
        let parts = n.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...4).contains(parts[0].count) && (1...3).contains(parts[1].count)
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func year(in name: String) -> Int? {
        guard containsYear(name) else { return nil }
        let n = name.lowercased()
        if let r = n.range(of: "(đến|tới|trong) năm (19|20)[0-9]{2}", options: .regularExpression) {
            return Int(n[r].suffix(4))
        }
        if let p = period(in: n) { return p.upperBound }
        if let r = n.range(of: "năm (19|20)[0-9]{2}", options: .regularExpression) { return Int(n[r].suffix(4)) }
        return nil
    }

    static func firstWord(_ s: String) -> String {
        String(s.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).first ?? "")
    }

    static func classify(records: [Record], header: Header, plan: ClosedRange<Int>, appendix: String,
                         layout: Layout, delimiter: Character, fileName: String) -> Result {
        var findings: [Finding] = []
        var rows: [Row] = []
        // 1. Clean rows; stop at the end of the table.
        for r in records {
            func cell(_ c: Column) -> String {
                guard let i = header.columns[c], i < r.cells.count else { return "" }
                return r.cells[i]
            }
            if r.cells.allSatisfy({ clean($0).isEmpty }) { continue }
            if layout == .document && r.cells.count == 1 {
                findings.append(Finding(kind: .endOfTable, line: r.line, number: "", text: String(clean(r.cells[0]).prefix(80)),
                                        reason: "end of the table (a line with no tab); the rest of the file is not read"))
                break
            }
            let bold = r.cells.contains { has($0, "<b>") || has($0, "**") }
            rows.append(Row(line: r.line, number: clean(cell(.number)), name: clean(cell(.name)), unit: clean(cell(.unit)),
                            value: clean(cell(.value)), responsible: clean(cell(.responsible)), bold: bold))
        }
        // 2. Walk the rows.
        struct Pending {
            var row: Row; var req: VietnameseNumber.Requirement; var number: String; var sub: Int
            var heading: Row?; var numbered: Row?; var responsible: String
        }
        var pending: [Pending] = []
        var firstLineOfNumber: [String: Int] = [:]
        var occurrence: [String: Int] = [:]
        var currentNumber = ""
        var subCount = 0
        var numberedRow: Row? = nil
        var heading: Row? = nil
        var headingUsed = 0
        var responsible = ""
        func closeHeading() {
            if let h = heading {
                if headingUsed == 0 {
                    findings.append(Finding(kind: .unclassified, line: h.line, number: h.number, text: h.name,
                                            reason: "no value and no unit, and no continuation rows below it"))
                } else {
                    findings.append(Finding(kind: .heading, line: h.line, number: h.number, text: h.name,
                                            reason: "no value: the heading of the \(headingUsed) row\(headingUsed == 1 ? "" : "s") below it"))
                }
            }
            heading = nil; headingUsed = 0
        }
        for row in rows {
            let num = row.number
            let romanStart = isRoman(firstWord(num)) || (num.isEmpty && isRoman(firstWord(row.name)))
            let isGroup = row.unit.isEmpty && row.value.isEmpty && (romanStart || (num.isEmpty && row.bold))
            if isGroup {
                closeHeading(); responsible = ""; currentNumber = ""; numberedRow = nil
                continue
            }
            if !row.responsible.isEmpty { responsible = row.responsible }
            var n = num
            if n.hasSuffix(".") || n.hasSuffix(")") { n.removeLast() }
            let sub: Int
            if !n.isEmpty && n.allSatisfy({ $0.isASCII && $0.isNumber }) && n.count <= 4 {
                closeHeading()
                let base = String(Int(n) ?? 0)
                let k = occurrence[base, default: 0] + 1
                occurrence[base] = k
                if let first = firstLineOfNumber[base] {
                    // A number used twice: keep both rows, the later one as "4-2".
                    findings.append(Finding(kind: .note, line: row.line, number: base, text: row.name,
                                            reason: "row number \(base) again (first on line \(first)); imported as \(base)-\(k)"))
                    currentNumber = "\(base)-\(k)"
                } else {
                    firstLineOfNumber[base] = row.line
                    currentNumber = base
                }
                numberedRow = row
                subCount = 0
                sub = 0
            } else if n.isEmpty || (n.count == 1 && n.first!.isLetter) || isSubNumber(n) {
                if currentNumber.isEmpty {
                    findings.append(Finding(kind: .unclassified, line: row.line, number: num, text: row.name,
                                            reason: "a continuation row (no row number) before any numbered row"))
                    continue
                }
                if let dot = n.firstIndex(of: "."), String(Int(n[..<dot]) ?? -1) != currentNumber.prefix(while: { $0 != "-" }) {
                    findings.append(Finding(kind: .unclassified, line: row.line, number: num, text: row.name,
                                            reason: "sub-row \(num) under row \(currentNumber)"))
                    continue
                }
                subCount += 1
                sub = subCount
            } else {
                findings.append(Finding(kind: .unclassified, line: row.line, number: num, text: row.name,
                                        reason: "row number \"\(num)\" is neither a number, a letter nor empty"))
                continue
            }
            let rowRef = sub == 0 ? currentNumber : "\(currentNumber).\(sub)"
            func unclassified(_ why: String) {
                findings.append(Finding(kind: .unclassified, line: row.line, number: rowRef, text: row.name, reason: why))
            }
            if row.value.isEmpty {
                if row.unit.isEmpty && sub == 0 {
                    heading = row; headingUsed = 0
                } else if row.unit.isEmpty {
                    unclassified("no value and no unit")
                } else {
                    unclassified("no value (unit \(row.unit))")
                }
                continue
            }
            if stripBullet(row.name).isEmpty { unclassified("a value (\(row.value)) with no name"); continue }
            let req: VietnameseNumber.Requirement
            do { req = try VietnameseNumber.parseRequirement(row.value, unit: row.unit) } catch let e as VietnameseNumber.ParseError {
                unclassified("value: \(e.description)")
                continue
            } catch { continue }
            if case .qualitative = req, !row.unit.isEmpty, normal(row.unit) != "đạt" {
                unclassified("value \"\(row.value)\" is pass/fail but the unit is \"\(row.unit)\""); continue
            }
            if normal(row.unit) == "đạt", req.low != nil {
                unclassified("unit \"Đạt\" (pass/fail) but the value is the number \"\(row.value)\""); continue
            }
            if row.unit.isEmpty, req.low != nil {
                unclassified("a number (\(row.value)) with no unit"); continue
            }
            let h = sub > 0 ? heading : nil
            if h != nil { headingUsed += 1 }
            pending.append(Pending(row: row, req: req, number: currentNumber, sub: sub, heading: h,
                                   numbered: sub > 0 ? numberedRow : nil, responsible: responsible))
        }
        closeHeading()
        // 3. Targets.
        var targets: [Target] = []
        var sharedUnits: [String: String] = [:]   // shared indicator id → its level unit
        for p in pending {
            let baseNumber = String(p.number.prefix(while: { $0 != "-" }))   // "4" of "4-2"
            let two = (baseNumber.count == 1 ? "0" + baseNumber : baseNumber) + p.number.dropFirst(baseNumber.count)
            let id = "A" + two + (p.sub > 0 ? ".\(p.sub)" : "")
            let written = stripBullet(p.row.name)
            var name = written
            var indicator = id.lowercased()
            let lowName = written.lowercased()
            var note = ""
            var sharesHeading = false
            let context = [p.heading?.name, p.heading == nil ? p.numbered?.name : nil].compactMap { $0 }
            if let h = p.heading {
                note = "under row \(h.number): \(stripBullet(h.name))"
                if qualifierPrefixes.contains(where: { lowName.hasPrefix($0) }) {
                    name = stripBullet(h.name) + " - " + written
                    sharesHeading = true
                }
            }
            let ownAndContext = [lowName] + context.map { $0.lowercased() }
            let isPercent = VietnameseNumber.isPercentUnit(p.row.unit)
            let kind: TargetKind
            if case .qualitative = p.req {
                kind = .qualitative
            } else if isPercent && !has(lowName, "đến năm")
                        && ownAndContext.contains(where: { s in growthWords.contains { has(s, $0) } }) {
                kind = .growth
            } else if maintainedWords.contains(where: { has(lowName, $0) }) {
                kind = .maintained
            } else {
                kind = .level
            }
            // Rows under one heading share its indicator when they can: growth rates always,
            // levels only in one unit (an indicator has one unit), pass/fail rows never.
            if sharesHeading && kind != .qualitative {
                let shared = "a" + two
                if kind == .growth {
                    indicator = shared
                } else {
                    let u = Identifier.normalizeUnit(p.row.unit)
                    if sharedUnits[shared] == nil || sharedUnits[shared] == u {
                        sharedUnits[shared] = u
                        indicator = shared
                    }
                }
            }
            let lowerBetter = p.req.comparator == .less || p.req.comparator == .lessOrEqual
                || lowerIsBetterWords.contains(where: { has(lowName, $0) })
            var comparator = p.req.comparator ?? .equal
            if case .value = p.req { comparator = lowerBetter ? .lessOrEqual : .greaterOrEqual }
            var low = p.req.low, high = p.req.high
            if kind == .growth { low = low.map { $0 / 100 }; high = high.map { $0 / 100 } }
            let targetYear = year(in: lowName) ?? context.lazy.compactMap { year(in: $0) }.first ?? plan.upperBound
            if targetYear < plan.lowerBound {
                findings.append(Finding(kind: .unclassified, line: p.row.line, number: p.number + (p.sub > 0 ? ".\(p.sub)" : ""), text: p.row.name,
                                        reason: "names the year \(targetYear), before the plan period \(plan.lowerBound)-\(plan.upperBound)"))
                continue
            }
            if kind == .growth, let l = p.req.low, let h = p.req.high, l <= -100 || h > 1000 {
                findings.append(Finding(kind: .unclassified, line: p.row.line, number: p.number + (p.sub > 0 ? ".\(p.sub)" : ""), text: p.row.name,
                                        reason: "a growth rate of \(p.row.value) %/năm; expected one above -100 and at most 1000"))
                continue
            }
            var unit = kind == .growth && !has(p.row.unit, "/") ? p.row.unit + "/năm" : p.row.unit
            if kind == .qualitative && unit.isEmpty { unit = "Đạt" }
            let where_ = appendix == "PL" ? "table row" : "Phụ lục " + appendix.dropFirst(3) + " dòng"
            var t = Target(
                id: id, indicator: indicator, planItem: "", appendixRow: "\(appendix).\(baseNumber)" + (p.sub > 0 ? ".\(p.sub)" : ""),
                nameVi: name, nameEn: "", unit: unit, kind: kind, comparator: comparator,
                low: low, high: high, targetYear: targetYear, startYear: plan.lowerBound,
                direction: lowerBetter ? .lower : .higher, responsibleUnit: p.responsible,
                source: "\(where_) \(baseNumber)\(p.sub > 0 ? " (dòng con \(p.sub))" : "") — \((fileName as NSString).lastPathComponent) line \(p.row.line)",
                note: note)
            t.appendixNameVi = written
            t.appendixUnit = p.row.unit
            t.appendixValue = p.row.value
            targets.append(t)
        }
        findings.sort { $0.line < $1.line }   // stable: keeps the order within a line
        return Result(targets: targets, findings: findings, period: plan, appendix: appendix,
                      headerLine: header.line, delimiter: delimiter)
    }

    // MARK: - Writing

    /// The targets in the project's `targets.csv` format (``TargetsFile/csv(_:)``: UTF-8,
    /// comma-separated, header row, growth values in percent per year), with the appendix
    /// row's own text, unit and value in `appendix_name_vi`, `appendix_unit`, `appendix_value`.
    public static func targetsCSV(_ targets: [Target]) -> String { TargetsFile.csv(targets) }

    /// A plain-text report: what was read, what was imported, and every row that was not.
    public static func report(_ r: Result, fileName: String) -> String {
        var s = "# Import of \(fileName)\n\n"
        s += "- table header at line \(r.headerLine), columns separated by \(r.delimiter == "\t" ? "tab" : "\"\(r.delimiter)\"")\n"
        s += "- plan period \(r.period.lowerBound)-\(r.period.upperBound); appendix \(r.appendix)\n"
        s += "- \(r.targets.count) targets imported; \(r.unclassified.count) rows not classified\n"
        let groups: [(Finding.Kind, String)] = [(.unclassified, "Rows not classified"), (.note, "Notes"),
                                                (.heading, "Headings (not targets themselves)"), (.endOfTable, "End of table")]
        for (kind, title) in groups {
            let fs = r.findings.filter { $0.kind == kind }
            if fs.isEmpty { continue }
            s += "\n## \(title)\n\n"
            for f in fs { s += "- \(f.description)\n" }
        }
        s += "\n## Targets\n\n"
        for t in r.targets {
            s += "- \(t.id) (\(t.appendixRow), \(t.kind.rawValue)): \(t.nameVi): \(t.appendixValue) \(t.unit)\n"
        }
        return s
    }
}
