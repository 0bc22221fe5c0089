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
    public static func importFile(atPath path: String, options: Options = Options()) throws
        -> Result
    {
        let data = try readFile(atPath: path)
        var opts = options
        if opts.layout == nil { opts.layout = Layout.forFile(path) }
        return try importData(data, fileName: path, options: opts)
    }

    /// The bytes of the file at `path`; a missing file, a folder or an unreadable file is
    /// `InputError.io` (exit 74).
    public static func readFile(atPath path: String) throws -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError.io(path: path, reason: "no such file")
        }
        if isDir.boolValue {
            throw InputError.io(
                path: path, reason: "is a directory; expected a plan document or a CSV/TSV table")
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let ns = error as NSError
            let reason =
                ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoPermissionError
                ? "permission denied" : "cannot be read (\(ns.localizedDescription))"
            throw InputError.io(path: path, reason: reason)
        }
    }

    /// Imports a table from bytes; `fileName` names the file in messages.
    public static func importData(_ data: Data, fileName: String, options: Options = Options())
        throws -> Result
    {
        let text = try decodeText(data, fileName: fileName)
        let layout = options.layout ?? Layout.forFile(fileName)
        return try importText(text, fileName: fileName, layout: layout, period: options.period)
    }

    // MARK: - Import

    static func importText(
        _ text: String, fileName: String, layout: Layout, period forcedPeriod: ClosedRange<Int>?
    ) throws -> Result {
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
            let what =
                layout == .document ? "tab-separated columns" : "columns separated by tab, ; or ,"
            let nonBlank = text.split(whereSeparator: \.isNewline).contains {
                !VietnameseNumber.trimmed(String($0)).isEmpty
            }
            if !nonBlank {
                throw InputError.badData(
                    location: SourceLocation(file: fileName), found: "a file with only blank lines",
                    expected:
                        "a plan table with a header row (Số TT, Nội dung chỉ tiêu, Đơn vị tính, Kế hoạch …)"
                )
            }
            throw InputError.badData(
                location: SourceLocation(file: fileName),
                found: "no header row of a target table",
                expected:
                    "a row of \(what) naming at least the name (Nội dung / Chỉ tiêu), the unit (Đơn vị tính / ĐVT) and the value (Kế hoạch / Mục tiêu / a year)"
            )
        }
        // Plan period and appendix numeral from the header and the text above it.
        let above = records[..<header.index].map { $0.cells.joined(separator: " ") }
        var plan = forcedPeriod ?? period(in: header.valueTitle)
        if plan == nil {
            for l in above.reversed() { if let p = period(in: l) { plan = p; break } }
        }
        guard let plan else {
            throw InputError.badData(
                location: SourceLocation(
                    file: fileName, line: header.line, field: header.valueTitle),
                found:
                    "no plan period (such as 2026 - 2030) in the value column's title or above the table",
                expected: "the period in the title, or --period 2026-2030")
        }
        var appendix = "PL"
        for l in above.reversed() where l.localizedCaseInsensitiveContains("lục") {
            let n = clean(l.replacingOccurrences(of: "*", with: " "))
            if let r = n.range(
                of: "(PHỤ LỤC|Phụ lục|phụ lục)\\s+[IVXLC]+\\b", options: .regularExpression)
            {
                let numeral = n[r].split(separator: " ").last.map(String.init) ?? ""
                appendix = "PL " + numeral; break
            }
        }
        return classify(
            records: Array(records[(header.index + 1)...]), header: header, plan: plan,
            appendix: appendix, layout: layout, delimiter: delimiter, fileName: fileName)
    }

}
