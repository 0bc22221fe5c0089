/// What one worksheet cell holds, as read from the file (cached values for formulas).
///
/// Numbers are the `Double` written in the file, read with Swift's correctly rounded
/// parser, so a number stored as a number comes through exactly.
public enum CellValue: Sendable, Hashable {
    case empty
    case number(Double)
    case text(String)
    case bool(Bool)
    /// An Excel error value such as `#DIV/0!` or `#N/A`.
    case error(String)
    /// A formula with no cached value (the file was written by a program that did not
    /// calculate it): the formula text.
    case uncalculatedFormula(String)

    /// True for `.empty` and for text that is only white space.
    public var isBlank: Bool {
        switch self {
        case .empty: return true
        case .text(let s): return s.allSatisfy(\.isWhitespace)
        default: return false
        }
    }
}

/// A cell with its style index (into the workbook's `cellXfs`, which says whether a number
/// is shown as a date).
public struct Cell: Sendable, Hashable {
    public var value: CellValue
    public var style: Int
    public init(value: CellValue, style: Int = 0) { self.value = value; self.style = style }
}
