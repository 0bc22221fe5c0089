import Foundation

/// Numbers as people type them in Vietnamese spreadsheets: `12.5` or `12,5`, optional
/// surrounding spaces (including NBSP), an optional trailing `%` (the number is kept as is:
/// `12,5 %` → 12.5). Rejects NaN/Inf text and magnitudes beyond 1e15, which no plan figure
/// reaches and which usually mean a unit or thousands-separator mix-up.
public enum NumberText {
    public struct ParseError: Error, Sendable { public let expected: String }

    public static func parse(_ raw: String) throws -> Double {
        var s = raw.replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "\u{202F}", with: " ")
            .trimmingCharacters(in: .whitespaces)
        if s.hasSuffix("%") { s.removeLast(); s = s.trimmingCharacters(in: .whitespaces) }
        if s.isEmpty { throw ParseError(expected: "a number") }
        let lower = s.lowercased()
        if lower.contains("nan") || lower.contains("inf") {
            throw ParseError(expected: "a finite number (NaN and infinity are not values)")
        }
        // Vietnamese decimal comma: exactly one comma and no point.
        if s.contains(",") {
            if s.filter({ $0 == "," }).count == 1 && !s.contains(".") {
                s = s.replacingOccurrences(of: ",", with: ".")
            } else {
                throw ParseError(expected: "a number with one decimal separator (\"12.5\" or \"12,5\")")
            }
        }
        let allowed = Set("0123456789.-+eE")
        guard s.allSatisfy({ allowed.contains($0) }), let v = Double(s) else {
            throw ParseError(expected: "a number such as 12.5 or 12,5")
        }
        guard v.isFinite, abs(v) < 1e15 else {
            throw ParseError(expected: "a number below 1e15 in magnitude (check the unit and thousands separators)")
        }
        return v
    }
}
