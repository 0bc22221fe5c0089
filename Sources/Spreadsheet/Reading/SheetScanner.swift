import Foundation
import PlanIO

/// Reads one worksheet part (`xl/worksheets/sheetN.xml`) into rows of typed cells and its
/// merged ranges, resolving shared strings and cell types as it goes.
///
/// Hand-written on purpose: Foundation's `XMLParser` (libxml2 with a dictionary of
/// attributes and several `String`s per element) made a 100,000-row sheet four times
/// slower to read than the same CSV; a worksheet is a flat, known vocabulary, so one pass
/// over the bytes does. The small parts (workbook, relationships, styles, shared strings)
/// still go through `XMLParser`. The scanner reads XML 1.0 as a worksheet uses it:
/// elements with or without namespace prefixes, attributes in either quote, the five
/// predefined entities and character references, CDATA, comments and processing
/// instructions; a DOCTYPE (never in a workbook, and the way entity expansion attacks
/// come) is refused. Malformed input — an unknown entity, a tag left open, an end tag
/// without its start, a document that ends before `</worksheet>` — is an error naming the
/// part.
///
/// Cell types (ECMA-376 §18.18.11): `s` shared string (index checked against the table),
/// `inlineStr`, `str` (a formula's text result), `b` boolean, `e` error (`#DIV/0!`), `n` or
/// none a number; a `<f>` with no `<v>` (or an empty one) is a formula never calculated.
/// A cell or row address missing from the file follows the previous one, as the format
/// allows. Rows must increase and stay within Excel's 1,048,576.
struct SheetScanner {
    private(set) var rows: [SheetRow] = []
    private(set) var merges: [CellRange] = []

    private let sharedStrings: [String]
    private let location: (CellReference) -> SourceLocation
    private let file: String, part: String

    // The cell being read.
    private var rowNumber = 0
    private var rowCells: [SheetRow.Entry] = []
    private var column = 0
    // first byte of t: n, s, i(nlineStr), b, e, d, s(tr)
    private var type: UInt8 = UInt8(ascii: "n")
    private var typeIsStr = false
    private var style = 0
    private var value: [UInt8] = [], formula: [UInt8] = [], inline: [UInt8] = []
    private var hasValue = false, hasFormula = false
    private enum Capture { case none, value, formula, inline }
    private var capture = Capture.none
    private var inPhonetic = false
    private var depth = 0
    private var rootClosed = false

    init(
        sharedStrings: [String], file: String, part: String,
        location: @escaping (CellReference) -> SourceLocation
    ) {
        self.sharedStrings = sharedStrings; self.file = file; self.part = part;
        self.location = location
    }

    static func scan(
        _ data: Data, sharedStrings: [String], file: String, part: String,
        location: @escaping (CellReference) -> SourceLocation
    ) throws -> (rows: [SheetRow], merges: [CellRange]) {
        var scanner = SheetScanner(
            sharedStrings: sharedStrings, file: file, part: part, location: location)
        try data.withUnsafeBytes { raw in try scanner.run(raw.bindMemory(to: UInt8.self)) }
        return (scanner.rows, scanner.merges)
    }

    private func malformed(_ what: String, at offset: Int) -> InputError {
        .badData(
            location: SourceLocation(file: file),
            found: "malformed XML in part \(part) at byte \(offset) (\(what))",
            expected: "an .xlsx workbook that is not damaged")
    }

    private func cellError(_ ref: CellReference, found: String, expected: String) -> InputError {
        .badData(location: location(ref), found: found, expected: expected)
    }

    // MARK: - The pass over the bytes

    private mutating func run(_ b: UnsafeBufferPointer<UInt8>) throws {
        let n = b.count
        var i = 0
        while i < n {
            let lt = b[i...].firstIndex(of: UInt8(ascii: "<")) ?? n
            if lt > i && capture != .none { try appendText(b, i, lt) }
            if lt >= n { break }
            i = lt + 1
            guard i < n else { throw malformed("a tag cut short", at: lt) }
            switch b[i] {
            case UInt8(ascii: "?"):
                i = try skip(
                    past: Array("?>".utf8), in: b, from: i, what: "a processing instruction")
            case UInt8(ascii: "!"):
                if matches(b, i + 1, Array("--".utf8)) {
                    i = try skip(past: Array("-->".utf8), in: b, from: i + 3, what: "a comment")
                } else if matches(b, i + 1, Array("[CDATA[".utf8)) {
                    let end = try skip(
                        past: Array("]]>".utf8), in: b, from: i + 8, what: "a CDATA section")
                    if capture != .none { append(Array(b[(i + 8)..<(end - 3)])) }
                    i = end
                } else {
                    throw malformed("a DOCTYPE or other declaration", at: lt)
                }
            case UInt8(ascii: "/"):
                let nameStart = i + 1
                var j = nameStart
                while j < n && b[j] != UInt8(ascii: ">") { j += 1 }
                guard j < n else { throw malformed("an end tag cut short", at: lt) }
                var nameEnd = j
                while nameEnd > nameStart && isSpace(b[nameEnd - 1]) { nameEnd -= 1 }
                depth -= 1
                if depth < 0 { throw malformed("an end tag without its start", at: lt) }
                try end(element(b, nameStart, nameEnd))
                i = j + 1
            default:
                i = try startTag(b, at: lt)
            }
        }
        if !rootClosed || depth != 0 {
            throw malformed("the document ends before </worksheet>", at: n)
        }
    }

    /// Reads a start tag beginning at `lt` (the `<`); returns the offset after its `>`.
    private mutating func startTag(_ b: UnsafeBufferPointer<UInt8>, at lt: Int) throws -> Int {
        let n = b.count
        var j = lt + 1
        while j < n && !isSpace(b[j]) && b[j] != UInt8(ascii: ">") && b[j] != UInt8(ascii: "/") {
            j += 1
        }
        let name = element(b, lt + 1, j)
        var attributes = Attributes()
        let wanted = name == .c || name == .row || name == .mergeCell
        var selfClosing = false
        while true {
            while j < n && isSpace(b[j]) { j += 1 }
            guard j < n else { throw malformed("a start tag cut short", at: lt) }
            if b[j] == UInt8(ascii: ">") { j += 1; break }
            if b[j] == UInt8(ascii: "/") {
                guard j + 1 < n, b[j + 1] == UInt8(ascii: ">") else {
                    throw malformed("a stray / in a tag", at: j)
                }
                selfClosing = true; j += 2; break
            }
            let attributeStart = j
            while j < n && b[j] != UInt8(ascii: "=") && !isSpace(b[j]) && b[j] != UInt8(ascii: ">")
            { j += 1 }
            let attributeEnd = j
            while j < n && isSpace(b[j]) { j += 1 }
            guard j < n, b[j] == UInt8(ascii: "=") else {
                throw malformed("an attribute without a value", at: attributeStart)
            }
            j += 1
            while j < n && isSpace(b[j]) { j += 1 }
            guard j < n, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") else {
                throw malformed("an attribute value without quotes", at: j)
            }
            let quote = b[j]
            let valueStart = j + 1
            guard let close = b[valueStart...].firstIndex(of: quote) else {
                throw malformed("an attribute value cut short", at: j)
            }
            if wanted {
                switch attributeEnd - attributeStart {
                case 1 where b[attributeStart] == UInt8(ascii: "r"):
                    attributes.r = try decode(b, valueStart, close)
                case 1 where b[attributeStart] == UInt8(ascii: "t"):
                    attributes.t = try decode(b, valueStart, close)
                case 1 where b[attributeStart] == UInt8(ascii: "s"):
                    attributes.s = try decode(b, valueStart, close)
                case 3 where matches(b, attributeStart, Literal.ref):
                    attributes.ref = try decode(b, valueStart, close)
                default: break
                }
            }
            j = close + 1
        }
        depth += 1
        try start(name, attributes)
        if selfClosing {
            depth -= 1
            try end(name)
        }
        return j
    }

    // MARK: - Elements

    private enum Literal {
        static let row = Array("row".utf8), rPh = Array("rPh".utf8),
            worksheet = Array("worksheet".utf8)
        static let mergeCell = Array("mergeCell".utf8), ref = Array("ref".utf8)
    }

    /// The elements the scanner acts on; every other one is skipped.
    private enum Element { case worksheet, row, c, v, f, t, rPh, mergeCell, other }

    /// The element named by bytes `start..<end` (namespace prefix ignored), without
    /// building a string.
    private func element(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Element {
        var from = start
        for k in start..<end where b[k] == UInt8(ascii: ":") { from = k + 1 }
        switch end - from {
        case 1:
            switch b[from] {
            case UInt8(ascii: "c"): return .c
            case UInt8(ascii: "v"): return .v
            case UInt8(ascii: "f"): return .f
            case UInt8(ascii: "t"): return .t
            default: return .other
            }
        case 3:
            if matches(b, from, Literal.row) { return .row }
            if matches(b, from, Literal.rPh) { return .rPh }
            return .other
        case 9:
            if matches(b, from, Literal.worksheet) { return .worksheet }
            if matches(b, from, Literal.mergeCell) { return .mergeCell }
            return .other
        default: return .other
        }
    }

    /// The attributes the scanner reads (`r`, `t`, `s`, `ref`), decoded.
    private struct Attributes { var r: [UInt8]?, t: [UInt8]?, s: [UInt8]?, ref: [UInt8]? }

    private mutating func start(_ name: Element, _ attributes: Attributes) throws {
        switch name {
        case .c:
            if let r = attributes.r {
                guard let ref = CellReference(String(decoding: r, as: UTF8.self)) else {
                    throw cellError(
                        CellReference(column: max(column, 1), row: max(rowNumber, 1)),
                        found: "cell address \"\(String(decoding: r, as: UTF8.self))\"",
                        expected: "an address such as C7 within Excel's grid")
                }
                column = ref.column
                if ref.row > rowNumber { rowNumber = ref.row }
            } else {
                column += 1
            }
            let t = attributes.t ?? []
            type = t.first ?? UInt8(ascii: "n")
            typeIsStr = t == Array("str".utf8)
            style = attributes.s.flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? 0
            value.removeAll(keepingCapacity: true); formula.removeAll(keepingCapacity: true);
            inline.removeAll(keepingCapacity: true)
            hasValue = false; hasFormula = false
        case .v:
            capture = .value; hasValue = true
        case .f:
            capture = .formula; hasFormula = true
        case .t:
            if type == UInt8(ascii: "i") && !inPhonetic { capture = .inline; hasValue = true }
        case .rPh:
            inPhonetic = true
        case .row:
            let next =
                attributes.r.flatMap { Int(String(decoding: $0, as: UTF8.self)) } ?? rowNumber + 1
            if next > CellReference.maxRow || next < 1 || next <= rowNumber {
                throw cellError(
                    CellReference(column: 1, row: min(max(next, 1), CellReference.maxRow)),
                    found: next > CellReference.maxRow
                        ? "row \(next)" : "row \(next) after row \(rowNumber)",
                    expected: "rows in order within Excel's 1,048,576")
            }
            rowNumber = next; rowCells = []; column = 0
        case .mergeCell:
            if let ref = attributes.ref, let range = CellRange(String(decoding: ref, as: UTF8.self))
            {
                merges.append(range)
            }
        case .worksheet, .other:
            break
        }
    }

    private mutating func end(_ name: Element) throws {
        switch name {
        case .v, .f, .t: capture = .none
        case .c: try finishCell()
        case .row:
            if !rowCells.isEmpty { rows.append(SheetRow(number: rowNumber, entries: rowCells)) }
            rowCells = []
        case .rPh: inPhonetic = false
        case .worksheet: rootClosed = true
        case .mergeCell, .other: break
        }
    }

    private mutating func finishCell() throws {
        let ref = CellReference(column: max(column, 1), row: max(rowNumber, 1))
        let cellValue: CellValue
        // openpyxl and other writers that calculate nothing leave `<v></v>` or no `<v>`.
        let emptyValue = value.allSatisfy(isSpace) && !typeIsStr && type != UInt8(ascii: "i")
        if hasFormula && (!hasValue || emptyValue) {
            cellValue = .uncalculatedFormula(String(decoding: formula, as: UTF8.self))
        } else if !hasValue {
            return  // a styled empty cell
        } else {
            switch type {
            case UInt8(ascii: "s") where !typeIsStr:
                let text = String(decoding: value, as: UTF8.self)
                guard let index = Int(text.trimmingCharacters(in: .whitespaces)),
                    sharedStrings.indices.contains(index)
                else {
                    throw cellError(
                        ref,
                        found:
                            "shared string \"\(text)\" (the workbook has \(sharedStrings.count))",
                        expected: sharedStrings.isEmpty
                            ? "a value stored in the cell (the workbook has no shared-string table)"
                            : "an index from 0 to \(sharedStrings.count - 1) into the shared strings"
                    )
                }
                cellValue = .text(sharedStrings[index])
            case UInt8(ascii: "i"): cellValue = .text(String(decoding: inline, as: UTF8.self))
            case UInt8(ascii: "s"), UInt8(ascii: "d"):
                cellValue = .text(String(decoding: value, as: UTF8.self))
            case UInt8(ascii: "b"):
                cellValue = .bool(value == [UInt8(ascii: "1")] || value == Array("true".utf8))
            case UInt8(ascii: "e"): cellValue = .error(String(decoding: value, as: UTF8.self))
            default:
                // PlanIO's trim: Foundation's bridges every cell through NSString.
                let text = String(decoding: value, as: UTF8.self).trimmingWhitespace()
                if text.isEmpty { return }
                guard let number = Double(text), number.isFinite else {
                    throw cellError(
                        ref, found: "\"\(text)\" in a number cell",
                        expected: "a number (the file is damaged)")
                }
                cellValue = .number(number)
            }
        }
        rowCells.append(SheetRow.Entry(column: column, cell: Cell(value: cellValue, style: style)))
    }

    // MARK: - Bytes

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ literal: [UInt8]) -> Bool {
        guard at + literal.count <= b.count else { return false }
        for (k, byte) in literal.enumerated() where b[at + k] != byte { return false }
        return true
    }

    /// The offset just after the next `literal` from `from`.
    private func skip(
        past literal: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int, what: String
    ) throws -> Int {
        var k = from
        while k + literal.count <= b.count {
            if b[k] == literal[0] && matches(b, k, literal) { return k + literal.count }
            k += 1
        }
        throw malformed("\(what) never closed", at: from)
    }

    private mutating func appendText(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        throws
    {
        append(try decode(b, start, end))
    }

    private mutating func append(_ bytes: [UInt8]) {
        switch capture {
        case .none: break
        case .value: value += bytes
        case .formula: formula += bytes
        case .inline: inline += bytes
        }
    }

    /// Text with entities and character references replaced.
    private func decode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws -> [UInt8]
    {
        guard b[start..<end].contains(UInt8(ascii: "&")) else { return Array(b[start..<end]) }
        var out: [UInt8] = []
        var k = start
        while k < end {
            guard b[k] == UInt8(ascii: "&") else { out.append(b[k]); k += 1; continue }
            guard let semicolon = b[k..<end].firstIndex(of: UInt8(ascii: ";")), semicolon - k <= 10
            else { throw malformed("a & without ;", at: k) }
            let entity = String(decoding: b[(k + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "amp": out.append(UInt8(ascii: "&"))
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let code: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    code = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    code = UInt32(entity.dropFirst())
                } else {
                    code = nil
                }
                guard let code, let scalar = Unicode.Scalar(code), code != 0 else {
                    throw malformed("the entity &\(entity);", at: k)
                }
                out += Array(String(Character(scalar)).utf8)
            }
            k = semicolon + 1
        }
        return out
    }
}
