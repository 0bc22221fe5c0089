import Foundation

/// Plain number formatting shared by every writer (locale-independent: `.` decimal point,
/// no grouping), so CSV written on any machine reads the same in pandas and R.
public enum Formatting {
    /// At most 12 significant digits (hiding binary noise such as 0.14 × 100 =
    /// 14.000000000000002), no exponent for ordinary magnitudes, no trailing ".0".
    public static func number(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if !v.isFinite { return v > 0 ? "Inf" : "-Inf" }
        let r = roundedToTwelveDigits(v)
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return "\(r)"
    }

    /// `v` printed with `%.12g` and read back: the double nearest to `v` rounded to 12
    /// significant digits. C's `vsnprintf` and `strtod` on a stack buffer, because
    /// `String(format:)` builds an `NSString` through CoreFoundation's formatter on every
    /// call (10 % of a batch review's CPU, perf); the digits are the same, both print
    /// with the C library in the POSIX locale.
    static func roundedToTwelveDigits(_ v: Double) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
            guard let base = buffer.baseAddress else { return v }
            let written = withVaList([v]) { vsnprintf(base, 40, "%.12g", $0) }
            guard written > 0, written < 40 else { return v }
            return strtod(base, nil)
        }
    }

    /// Fixed decimals, e.g. `fixed(12.3456, 2) == "12.35"`.
    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        if !v.isFinite { return v.isNaN ? "NaN" : (v > 0 ? "Inf" : "-Inf") }
        return String(format: "%.\(decimals)f", v)
    }
}
