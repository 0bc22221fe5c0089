/// One record of a ``CSVSource``: the line it starts on and its fields as byte ranges.
///
/// ```swift
/// record.count          // number of fields
/// record.text(0)        // "An Hưng" (quotes removed, "" unescaped)
/// record.number(2)      // 12.5 for "12.5"; nil for "12,5" or "abc" (then read it with
///                       // VietnameseNumber for the rules and a located error)
/// record.isEmpty(1)     // true for "" or "  "
/// ```
public struct CSVRecord {
    /// The whole text the ranges point into.
    let bytes: [UInt8]
    /// 1-based line on which the record starts.
    public internal(set) var line: Int
    /// Byte range of each field's content (inside the quotes for a quoted field).
    var fields: [Range<Int>] = []
    /// Whether each field holds `""` to unescape.
    var quoted: [Bool] = []

    init(bytes: [UInt8], line: Int) {
        self.bytes = bytes
        self.line = line
        fields.reserveCapacity(16)
        quoted.reserveCapacity(16)
    }

    /// Number of fields.
    public var count: Int { fields.count }

    /// A record of one field holding only spaces and tabs (a blank line).
    var isBlank: Bool {
        fields.count == 1 && bytes[fields[0]].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The text of field `index` as written (quotes removed, `""` made `"`), untrimmed.
    public func text(_ index: Int) -> String {
        let range = fields[index]
        guard quoted[index] else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            out.append(bytes[i])
            i += bytes[i] == 0x22 ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every field's text.
    public var texts: [String] { fields.indices.map(text) }

    /// The text of field `index` without surrounding white space (`trimmingWhitespace`).
    public func trimmedText(_ index: Int) -> String { text(index).trimmingWhitespace() }

    /// Whether field `index` is empty or only spaces and tabs.
    public func isEmpty(_ index: Int) -> Bool {
        let field = fields[index]
        return bytes.withUnsafeBufferPointer { buffer in
            buffer[field].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
    }

    /// The byte range of field `index` in the source (stable across records).
    public func range(_ index: Int) -> Range<Int> { fields[index] }

    /// Whether field `index` holds the same bytes as `range` of the same source (such as
    /// another record's ``range(_:)``).
    public func field(_ index: Int, equalsBytesAt range: Range<Int>) -> Bool {
        let field = fields[index]
        guard field.count == range.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in buffer[field].elementsEqual(buffer[range])
        }
    }

    /// Field `index` as a plain decimal number (`-12.5`, `2028`, `1.5e-3`; spaces or tabs
    /// around it allowed), or nil for anything else — a decimal comma, grouping, `%`,
    /// `NaN`, a magnitude of 10^15 or more — which the caller then reads with
    /// ``VietnameseNumber`` for its rules and a located error. A lone `.` is a decimal
    /// point here, as in the project's own files and programs' output.
    public func number(_ index: Int) -> Double? {
        let field = fields[index]
        // A buffer pointer, not an ArraySlice: no reference counting per field (the batch
        // reads two or three numbers on each of 500,000 lines). Read-only, within the call.
        return bytes.withUnsafeBufferPointer { buffer in
            var lower = field.lowerBound, upper = field.upperBound
            while lower < upper, buffer[lower] == 0x20 || buffer[lower] == 0x09 { lower += 1 }
            while upper > lower, buffer[upper - 1] == 0x20 || buffer[upper - 1] == 0x09 {
                upper -= 1
            }
            return ASCIIDecimal.parse(UnsafeBufferPointer(rebasing: buffer[lower..<upper]))
        }
    }
}
