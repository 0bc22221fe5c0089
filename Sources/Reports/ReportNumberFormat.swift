import Foundation
import PlanModel

/// Numbers as a reader of the report expects them: Vietnamese reports write a decimal comma
/// and group thousands with `.` (`1.234,5`), English reports a decimal point and `,`
/// (`1,234.5`).
///
/// Rounding is done once, by C's `%.*f` (`Formatting.printfFixed`: round-half-even on the
/// binary value, as `printf`), and the digits are then regrouped, so both languages show the same
/// digits. A result that rounds to zero never shows a minus sign (`-0.004` with two
/// decimals is `0,00`, not `-0,00`). NaN and infinities are written `—` (no value), since a
/// report reader cannot act on them.
///
/// ```swift
/// ReportNumberFormat.vi.string(1234.5, decimals: 1)   // "1.234,5"
/// ReportNumberFormat.en.string(1234.5, decimals: 1)   // "1,234.5"
/// ReportNumberFormat.vi.string(-0.05, decimals: 2)    // "-0,05"
/// ```
public struct ReportNumberFormat: Sendable, Hashable {
    public var decimalSeparator: Character
    /// Separator between groups of three integer digits; nil for no grouping.
    public var groupingSeparator: Character?

    public init(decimalSeparator: Character, groupingSeparator: Character?) {
        self.decimalSeparator = decimalSeparator; self.groupingSeparator = groupingSeparator
    }

    /// Vietnamese: `1.234,5`.
    public static let vi = ReportNumberFormat(decimalSeparator: ",", groupingSeparator: ".")
    /// English: `1,234.5`.
    public static let en = ReportNumberFormat(decimalSeparator: ".", groupingSeparator: ",")

    public static func forLanguage(_ language: ReportLanguage) -> ReportNumberFormat {
        language == .vi ? .vi : .en
    }

    /// `value` with exactly `decimals` digits after the separator (0 for none).
    public func string(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let d = max(0, decimals)
        var s = Formatting.printfFixed(value, d)
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() }
        if negative && s.allSatisfy({ $0 == "0" || $0 == "." }) { negative = false }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        var grouped = ""
        if let sep = groupingSeparator {
            for (i, ch) in integer.enumerated() {
                if i > 0 && (integer.count - i) % 3 == 0 { grouped.append(sep) }
                grouped.append(ch)
            }
        } else {
            grouped = integer
        }
        var out = (negative ? "-" : "") + grouped
        if parts.count > 1 { out += String(decimalSeparator) + parts[1] }
        return out
    }

    /// `value` with a sign always shown (`+1,5`, `-0,3`, `0,0`): for gaps and changes.
    public func signed(_ value: Double, decimals: Int) -> String {
        let s = string(value, decimals: decimals)
        if s == "—" || s.hasPrefix("-") { return s }
        let isZero = s.allSatisfy { $0 == "0" || $0 == decimalSeparator || $0 == groupingSeparator }
        return isZero ? s : "+" + s
    }

    /// Decimals that keep about three to four significant digits for the magnitudes a plan
    /// holds: 0 from 1000 up, 1 from 10 up, 2 below 10.
    public static func naturalDecimals(_ value: Double) -> Int {
        let a = abs(value)
        if a >= 1000 { return 0 }
        if a >= 10 { return 1 }
        return 2
    }

    /// `value` with at most `naturalDecimals`, trailing zero decimals dropped (`100`,
    /// `3,6`, `85,6`).
    public func natural(_ value: Double) -> String {
        trimmed(value, maxDecimals: Self.naturalDecimals(value))
    }

    /// `value` rounded to `maxDecimals`, without trailing zero decimals: figures as a plan
    /// writes them (`1,5`, `120`, `12,5`).
    public func trimmed(_ value: Double, maxDecimals: Int = 6) -> String {
        guard value.isFinite else { return "—" }
        var d = max(0, maxDecimals)
        let digits = Formatting.printfFixed(value, d)
        if let dot = digits.firstIndex(of: ".") {
            var frac = digits[digits.index(after: dot)...]
            while frac.last == "0" { frac = frac.dropLast() }
            d = frac.count
        }
        return string(value, decimals: d)
    }
}
