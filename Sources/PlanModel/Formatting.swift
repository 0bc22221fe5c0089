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
    ///
    /// When `v`'s shortest round-trip form has at most 12 significant digits (values read
    /// from files: 12.5, 2026, 0.07), `%.12g` prints exactly those digits — `v` lies within
    /// half an ulp of them, far from any 12-digit rounding boundary — so `v` comes back
    /// unchanged and the C library is not called.
    static func roundedToTwelveDigits(_ v: Double) -> Double {
        if shortestFormDigits(v) <= 12 { return v }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 40) { buffer in
            guard let base = buffer.baseAddress else { return v }
            let written = withVaList([v]) { vsnprintf(base, 40, "%.12g", $0) }
            guard written > 0, written < 40 else { return v }
            return strtod(base, nil)
        }
    }

    /// Significant digits of `v.description` (Swift's shortest round-trip form), leading
    /// and trailing zeros not counted: 3 for 12.5 and 0.0125, 1 for 100.0 and 1e-05.
    static func shortestFormDigits(_ v: Double) -> Int {
        var first = -1, last = -1, index = 0
        for byte in v.description.utf8 {
            if byte == 0x65 { break }  // "e": the exponent follows
            if byte >= 0x31 && byte <= 0x39 {
                if first < 0 { first = index }
                last = index
            }
            if byte >= 0x30 && byte <= 0x39 { index += 1 }
        }
        return first < 0 ? 0 : last - first + 1
    }

    /// Fixed decimals, e.g. `fixed(12.3456, 2) == "12.35"`.
    public static func fixed(_ v: Double, _ decimals: Int) -> String {
        if !v.isFinite { return v.isNaN ? "NaN" : (v > 0 ? "Inf" : "-Inf") }
        return printfFixed(v, decimals)
    }

    /// What `String(format: "%.<decimals>f", v)` gives (C's `%f`: the binary value rounded
    /// to `decimals` decimals; `inf`, `nan` for non-finite values), printed by C's
    /// `vsnprintf` into a buffer: `String(format:)` goes through CoreFoundation's formatter
    /// and an `NSString` on every call, 31 % of a batch HTML review's CPU (perf; the charts
    /// format every coordinate). Same C library, same POSIX locale, same digits.
    public static func printfFixed(_ v: Double, _ decimals: Int) -> String {
        let precision = Int32(clamping: max(0, decimals))
        func print(capacity: Int) -> (String?, Int32) {
            withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
                guard let base = buffer.baseAddress else { return (nil, -1) }
                let written = withVaList([precision, v]) {
                    vsnprintf(base, capacity, "%.*f", $0)
                }
                guard written >= 0, Int(written) < capacity else { return (nil, written) }
                return (String(cString: base), written)
            }
        }
        let (text, written) = print(capacity: 64)
        if let text { return text }
        guard written > 0 else { return String(format: "%.\(decimals)f", v) }
        return print(capacity: Int(written) + 1).0 ?? String(format: "%.\(decimals)f", v)
    }
}
