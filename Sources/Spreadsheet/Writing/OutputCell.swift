/// A cell to write: a number (stored as a number), text, or nothing, with its style.
public struct OutputCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case empty
        case number(Double)
        case text(String)
    }
    public var value: Value
    public var style: CellStyle

    public init(_ value: Value, style: CellStyle = .plain) {
        self.value = value; self.style = style
    }

    public static func text(_ s: String, style: CellStyle = .plain) -> OutputCell {
        OutputCell(.text(s), style: style)
    }
    /// A finite number; NaN and infinities are written as empty cells (Excel has no such values).
    public static func number(_ n: Double?, format: String? = nil, style: CellStyle = .plain)
        -> OutputCell
    {
        var s = style
        if format != nil { s.numberFormat = format }
        guard let n, n.isFinite else { return OutputCell(.empty, style: s) }
        return OutputCell(.number(n), style: s)
    }
    public static let empty = OutputCell(.empty)

    /// Characters the cell shows, roughly, for fitting the column width.
    var displayWidth: Int {
        switch value {
        case .empty: return 0
        case .number(let n):
            guard n.isFinite, abs(n) < 1e15 else { return n.description.count }
            let digits = String(Int64(abs(n).rounded())).count
            return digits + digits / 3 + 4
        case .text(let s):
            return s.split(separator: "\n").map(\.count).max() ?? 0
        }
    }
}
