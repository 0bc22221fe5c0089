import Foundation

/// Plain number formatting shared by every writer (locale-independent: `.` decimal point,
/// no grouping), so CSV written on any machine reads the same in pandas and R.
public enum Formatting {
    /// Shortest representation that round-trips, trimmed of a trailing ".0".
    public static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    /// Fixed decimals, e.g. `fixed(12.3456, 2) == "12.35"`.
    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        if !v.isFinite { return v.isNaN ? "NaN" : (v > 0 ? "Inf" : "-Inf") }
        return String(format: "%.\(decimals)f", v)
    }
}
