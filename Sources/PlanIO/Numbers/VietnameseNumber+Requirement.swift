import Foundation
import PlanModel

extension VietnameseNumber {
    // MARK: - Requirements

    /// Words that stand for a comparator before the number.
    static let comparatorWords: [(String, Comparator)] = [
        ("không vượt quá", .lessOrEqual), ("không quá", .lessOrEqual), ("tối đa", .lessOrEqual),
        ("tối thiểu", .greaterOrEqual), ("ít nhất", .greaterOrEqual), ("từ", .greaterOrEqual),
        ("trên", .greater), ("dưới", .less), ("đạt", .equal)
    ]
    /// Symbols, longest first so `<=` wins over `<`.
    static let comparatorSymbols: [(String, Comparator)] = [
        ("<=", .lessOrEqual), ("=<", .lessOrEqual), (">=", .greaterOrEqual),
        ("=>", .greaterOrEqual),
        ("≤", .lessOrEqual), ("≦", .lessOrEqual), ("⩽", .lessOrEqual),
        ("≥", .greaterOrEqual), ("≧", .greaterOrEqual), ("⩾", .greaterOrEqual),
        ("==", .equal), ("<", .less), (">", .greater), ("=", .equal)
    ]
    /// Words after the number that turn it into a bound: `94% trở lên`.
    static let comparatorSuffixes: [(String, Comparator)] = [
        ("trở lên", .greaterOrEqual), ("trở xuống", .lessOrEqual)
    ]
    /// Pass/fail statements.
    static let qualitativeWords: Set<String> = ["đạt", "đạt chuẩn", "hoàn thành", "có", "x"]

    /// Parses what a table cell requires: a bare value, a comparator and a value, a range,
    /// or a qualitative statement.
    ///
    /// Accepted forms (any mixture of spaces, NBSP, `%` signs on either number):
    /// `12,5`, `01`, `< 3`, `≥ 94`, `>=94`, `> 97`, `trên 80`, `94% trở lên`, `12-14`,
    /// `1,5-2`, `150 – 200`, `12 — 14`, `12÷14`, `12~14`, `10 đến 15`, `từ 10 đến 15`,
    /// `Đạt`. A leading `-` or `−` is a minus sign; a dash *after* a number separates a range
    /// (`-2 - 3` is −2 to 3).
    ///
    /// - Throws: ``ParseError`` for empty text, a number that does not parse (see
    ///   ``parse(_:unit:)``), a range whose low end is above its high end (`14-12`), a
    ///   comparator together with a range (`> 12-14`), or a comparator with no number.
    public static func parseRequirement(
        _ text: String, unit: String? = nil, dot: DotRule = .askWhenAmbiguous
    ) throws -> Requirement {
        let t = trimmed(text.precomposedStringWithCanonicalMapping)
        if t.isEmpty {
            throw ParseError(
                found: "an empty value", expected: "a value such as 12,5, 12-14, ≥ 94 or Đạt")
        }
        let lower = normalizedUnit(t)
        if qualitativeWords.contains(lower) || lower == "không đạt" {
            if let unit, !trimmed(unit).isEmpty, isPercentUnit(unit) {
                throw ParseError(
                    found: "\(quote(t)) where the unit is \(quote(trimmed(unit)))",
                    expected: "a number for a unit of %, or the unit Đạt for a pass/fail target")
            }
            return .qualitative(t)
        }
        var rest = Substring(t)
        var comparator: Comparator? = nil
        var comparatorWord = ""
        for (sym, c) in comparatorSymbols where rest.hasPrefix(sym) {
            comparator = c; rest = rest.dropFirst(sym.count); break
        }
        if comparator == nil {
            let lowRest = rest.lowercased()
            for (word, c) in comparatorWords where lowRest.hasPrefix(word) {
                let after = rest.dropFirst(word.count)
                if let f = after.first, isSpace(f) || isASCIIDigit(f) {
                    comparator = c; comparatorWord = word; rest = after; break
                }
            }
        }
        rest = trimmedSub(rest)
        // Suffix words (94% trở lên).
        let lowRest = rest.lowercased()
        for (word, c) in comparatorSuffixes where lowRest.hasSuffix(word) {
            if comparator != nil && comparator != c && comparator != .equal {
                throw ParseError(found: quote(t), expected: "one comparator, such as ≥ 94")
            }
            comparator = c
            rest = trimmedSub(rest.dropLast(word.count))
            break
        }
        if rest.isEmpty {
            throw ParseError(
                found: quote(t), expected: "a number after the comparator, such as ≥ 94")
        }
        // A range: "đến", dashes, "÷", "~" after the first number.
        if let (a, b) = splitRange(rest) {
            if comparator != nil && comparatorWord != "từ" {
                throw ParseError(
                    found: quote(t),
                    expected: "either a comparator (≥ 12) or a range (12-14), not both")
            }
            if a.isEmpty || b.isEmpty {
                throw ParseError(
                    found: quote(t), expected: "a number at each end of the range, such as 12-14")
            }
            let low = try parseRangeEnd(a, whole: t, unit: unit, dot: dot)
            let high = try parseRangeEnd(b, whole: t, unit: unit, dot: dot)
            if low > high {
                throw ParseError(
                    found:
                        "\(quote(t)) (low end \(Formatting.number(low)) above high end \(Formatting.number(high)))",
                    expected:
                        "the low end first: \(Formatting.number(high))-\(Formatting.number(low))")
            }
            return .range(low, high)
        }
        let v: Double
        do { v = try parse(String(rest), unit: unit, dot: dot) } catch let e as ParseError {
            throw rest.count == t.count
                ? e : ParseError(found: "\(e.found) in \(quote(t))", expected: e.expected)
        }
        if let c = comparator { return .bound(c, v) }
        return .value(v)
    }

    static func parseRangeEnd(_ part: Substring, whole: String, unit: String?, dot: DotRule) throws
        -> Double
    {
        do { return try parse(String(part), unit: unit, dot: dot) } catch let e as ParseError {
            throw ParseError(found: "\(e.found) in the range \(quote(whole))", expected: e.expected)
        }
    }

    /// Splits `a SEP b` where SEP is the word `đến` or one of `-`, `–`, `—`, `−`, `÷`, `~`
    /// found after a digit of `a` (so a leading minus sign is not a separator, nor the
    /// minus of an exponent as in `1E-3`).
    static func splitRange(_ s: Substring) -> (Substring, Substring)? {
        if let r = s.range(of: "đến", options: [.caseInsensitive]) {
            let a = trimmedSub(s[..<r.lowerBound]), b = trimmedSub(s[r.upperBound...])
            if a.contains(where: isASCIIDigit) { return (a, b) }
        }
        var seenDigit = false
        var previous: Character = " "
        var idx = s.startIndex
        while idx < s.endIndex {
            let c = s[idx]
            if isASCIIDigit(c) {
                seenDigit = true
            } else if seenDigit, "-–—−÷~".contains(c), previous != "e", previous != "E" {
                return (trimmedSub(s[..<idx]), trimmedSub(s[s.index(after: idx)...]))
            }
            previous = c
            idx = s.index(after: idx)
        }
        return nil
    }
}
