/// An A1-style cell address: column letters and a 1-based row number.
///
/// ```swift
/// CellReference("C7")            // column 3, row 7
/// CellReference(column: 28, row: 1).description   // "AB1"
/// ```
///
/// Invariants: `1 <= column <= 16_384` (XFD) and `1 <= row <= 1_048_576`, Excel's limits;
/// `CellReference(r.description) == r` for every valid `r`.
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Excel's last row (2^20).
    public static let maxRow = 1_048_576
    /// Excel's last column, XFD (2^14).
    public static let maxColumn = 16_384

    /// 1-based column (A = 1).
    public var column: Int
    /// 1-based row.
    public var row: Int

    public init(column: Int, row: Int) { self.column = column; self.row = row }

    /// Parses `C7`, `$C$7` or `xfd1048576`; nil when malformed or outside Excel's grid.
    public init?(_ text: some StringProtocol) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1; letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1; letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0")); digits += 1
                if digits > 7 { return nil }
            default: return nil
            }
            if letters > 3 { return nil }
        }
        guard letters > 0, digits > 0, (1...Self.maxColumn).contains(column),
            (1...Self.maxRow).contains(row)
        else { return nil }
        self.column = column; self.row = row
    }

    /// Column letters for a 1-based column: 1 → A, 27 → AA.
    public static func letters(column: Int) -> String {
        var n = column, out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    public var description: String { Self.letters(column: column) + String(row) }

    public static func < (a: Self, b: Self) -> Bool { (a.row, a.column) < (b.row, b.column) }
}

/// A rectangle of cells such as a merged range `A1:F1`. Invariant: `first <= last`
/// component-wise.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public var first: CellReference
    public var last: CellReference

    public init(first: CellReference, last: CellReference) {
        self.first = CellReference(
            column: min(first.column, last.column), row: min(first.row, last.row))
        self.last = CellReference(
            column: max(first.column, last.column), row: max(first.row, last.row))
    }

    /// Parses `A1:F1` (or a single `B2`).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 1 || parts.count == 2, let a = CellReference(parts[0]),
            let b = CellReference(parts[parts.count - 1])
        else { return nil }
        self.init(first: a, last: b)
    }

    public func contains(_ cell: CellReference) -> Bool {
        (first.row...last.row).contains(cell.row)
            && (first.column...last.column).contains(cell.column)
    }

    public var description: String { "\(first):\(last)" }
}
