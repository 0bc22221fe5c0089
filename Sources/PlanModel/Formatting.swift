import Foundation

/// Plain number formatting shared by every writer (locale-independent: `.` decimal point,
/// no grouping), so CSV written on any machine reads the same in pandas and R.
public enum Formatting {
    /// At most 12 significant digits (hiding binary noise such as 0.14 × 100 =
    /// 14.000000000000002), no exponent for ordinary magnitudes, no trailing ".0".
    public static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if !v.isFinite { return v > 0 ? "Inf" : "-Inf" }
        let r = Double(String(format: "%.12g", v)) ?? v
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return "\(r)"
    }

    /// Fixed decimals, e.g. `fixed(12.3456, 2) == "12.35"`.
    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        if !v.isFinite { return v.isNaN ? "NaN" : (v > 0 ? "Inf" : "-Inf") }
        return String(format: "%.\(decimals)f", v)
    }
}
