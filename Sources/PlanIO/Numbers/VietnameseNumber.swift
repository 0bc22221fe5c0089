import Foundation
import PlanModel

/// Numbers, units, comparators and ranges as Vietnamese plan documents and spreadsheets
/// write them.
///
/// ```swift
/// try VietnameseNumber.parse("12,5")                 // 12.5     decimal comma
/// try VietnameseNumber.parse("1.234.567")            // 1234567  dots group thousands
/// try VietnameseNumber.parse("1.000", unit: "dân")   // 1000     a count has no decimals
/// try VietnameseNumber.parse("1.500", unit: "%")     // 1.5      a percent is not 1500
/// try VietnameseNumber.parse("1.500")                // throws: 1500 or 1,5? write which
/// try VietnameseNumber.parseRequirement("1,5-2")     // .range(1.5, 2)
/// try VietnameseNumber.parseRequirement("≥ 94")      // .bound(.greaterOrEqual, 94)
/// try VietnameseNumber.parseRequirement("Đạt")       // .qualitative("Đạt")
/// ```
///
/// ## The rules
/// - **Spaces.** Leading and trailing white space of any kind (ASCII, tab, NBSP U+00A0,
///   narrow NBSP U+202F, thin and figure spaces, ideographic space; also zero-width
///   space and BOM) is ignored. Inside a number, a space of any of those kinds may only
///   group thousands (`1 234 567`, `1 234,5`).
/// - **Sign.** `-`, `−` (U+2212) or `+` before the digits.
/// - **Percent.** A `%` after the number (`12,5 %`, `12,5%`). When the caller gives a unit
///   that is not a percentage (`DN`, `triệu đồng`), a `%` is an error: the value and the
///   unit contradict each other.
/// - **Decimal and grouping marks.** The *last* of `,` and `.` is the decimal mark when
///   both occur (`1.234,5` and `1,234.5` are both 1234.5); the other one then groups
///   thousands. A mark that occurs twice or more can only group thousands (`1.234.567`).
///   A mark that occurs once is decimal (`12,5`, `42.9`, `0.500`, `1234.567`) unless it is
///   followed by exactly three digits after an integer part of one to three digits not
///   starting with 0 (`1.500`, `12,000`, `250.000`). Those are **ambiguous**: 1.5 or
///   1500? The unit decides when it can:
///     - a percentage (`%`, `%/năm`) reads them as decimals: the grouped reading would
///       be at least 1000 %, which no plan target is;
///     - a count (`người`, `dân`, `hộ`, `DN`, `nhà`, `trường` … without a `/`) reads them
///       as thousands: nobody writes a count with three decimals;
///     - anything else (money, area, tonnes, no unit) is an error that asks the user to
///       write the value without the ambiguity (`1500` or `1,5`), unless the caller reads
///       a file in the project's own format and passes ``DotRule/decimalPoint``: then
///       `85.558` is a decimal point, as the tool itself writes numbers.
///   When the decimal mark of the whole file is known — the user said so, or other
///   values of the file prove it (see ``decimalEvidence(_:)`` and ``NumberColumn``) —
///   that mark decides before the unit: ``parse(_:unit:decimalMark:because:)``.
///   Grouped digits must come in threes after a first group of one to three digits.
/// - **Exponents.** `1,5E+06` and `2.5e-3` (as spreadsheets export) are accepted; the
///   mantissa's mark is then always decimal.
/// - **Not numbers.** `NaN`, `Inf`, `∞` and the like are errors, and so is any value whose
///   magnitude is 10^15 or more (a plan figure that large is a typing error, and above
///   2^53 a `Double` no longer holds every integer).
///
/// Errors are ``VietnameseNumber/ParseError`` values with what was found and what was
/// expected; readers wrap them into ``InputError/badData(location:found:expected:)`` with
/// the file, line and field (see ``VietnameseNumber/ParseError/at(_:)``).
public enum VietnameseNumber {
    /// The plan model's comparator (Foundation also has a `Comparator`).
    public typealias Comparator = PlanModel.Comparator

    /// Why a text is not a number (or not a requirement). `found` quotes the text;
    /// `expected` says what would have been right, in words a planner can act on.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var found: String
        public var expected: String
        public init(found: String, expected: String) {
            self.found = found; self.expected = expected
        }
        public var description: String { "found \(found); expected \(expected)" }
        /// The same error located in a file: `InputError.badData` (exit code 65).
        public func at(_ location: SourceLocation) -> InputError {
            .badData(location: location, found: found, expected: expected)
        }
    }

    /// What a table cell asks for: a value, a bound, a range or a pass/fail statement.
    public enum Requirement: Sendable, Equatable {
        /// A bare number: `100`, `12,5`, `01`.
        case value(Double)
        /// A comparator and a number: `< 3`, `≥ 94`, `>=94`, `trên 80`.
        case bound(Comparator, Double)
        /// Both ends inclusive, `low <= high`: `12-14`, `1,5-2`, `150 – 200`, `10 đến 15`.
        case range(Double, Double)
        /// Not a number: `Đạt` (as written).
        case qualitative(String)

        /// The comparator a targets file records: `=` for a bare value, `range` for a
        /// range, nil for a qualitative requirement.
        public var comparator: Comparator? {
            switch self {
            case .value: return .equal
            case .bound(let c, _): return c
            case .range: return .range
            case .qualitative: return nil
            }
        }
        /// The value or the low end of the range; nil when qualitative.
        public var low: Double? {
            switch self {
            case .value(let v), .bound(_, let v), .range(let v, _): return v
            case .qualitative: return nil
            }
        }
        /// The high end of the range, the value itself otherwise; nil when qualitative.
        public var high: Double? {
            switch self {
            case .value(let v), .bound(_, let v), .range(_, let v): return v
            case .qualitative: return nil
            }
        }
    }

    /// What a single `.` followed by exactly three digits means (`1.500`, `85.558`).
    public enum DotRule: Sendable, Hashable {
        /// Documents and tables typed by people: ambiguous unless the unit decides; an
        /// error that asks the user to write `1500` or `1,5` otherwise. The default.
        case askWhenAmbiguous
        /// Files in the project's own formats (targets, baseline, indicators), which the
        /// tool writes with a `.` decimal point and no grouping (`85.558`): a decimal point,
        /// except after a count unit, where it still groups thousands.
        case decimalPoint
    }

    /// Numbers at or above this magnitude are rejected as typing errors.
    public static let largestMagnitude = 1e15

    // MARK: - Units

    /// Whether `unit` is a percentage: `%`, `%/năm`, `% / năm`, `phần trăm`.
    public static func isPercentUnit(_ unit: String) -> Bool {
        let u = normalizedUnit(unit)
        return u.hasPrefix("%") || u.hasPrefix("phần trăm")
    }

    /// Whether `unit` is an index with a base of 100 or 1 (`chỉ số (2020 = 100)`, `lần`):
    /// such a value is never in the thousands, so `102.580` is 102.58.
    public static func isIndexUnit(_ unit: String) -> Bool {
        let u = normalizedUnit(unit)
        return u.hasPrefix("chỉ số") || u.hasPrefix("index") || u == "lần"
    }

    /// Words that name a count of whole things. A unit that is one of these, optionally
    /// after `số`, and has no `/` (so not `Số DN/1000 dân`) is a count.
    static let countWords: Set<String> = [
        "người", "dân", "nhân khẩu", "hộ", "hộ gia đình", "dn", "doanh nghiệp", "htx",
        "hợp tác xã", "cơ sở", "nhà", "trường", "lớp", "phòng", "thôn", "xã", "ấp", "tổ",
        "cái", "chiếc", "con", "lượt", "lượt người", "hồ sơ", "clb", "câu lạc bộ",
        "công trình", "dự án", "lao động", "học sinh", "giường", "km", "trạm", "đơn vị",
        "sản phẩm", "chợ", "điểm", "mô hình", "tuyến"
    ]

    /// Whether `unit` counts whole things (`người`, `DN`, `Nhà`, `số hộ`).
    public static func isCountUnit(_ unit: String) -> Bool {
        var u = normalizedUnit(unit)
        if u.contains("/") { return false }
        if u.hasPrefix("số ") { u = String(u.dropFirst(3)) }
        return countWords.contains(u)
    }

    static func normalizedUnit(_ unit: String) -> String {
        var s = ""
        var lastSpace = true
        for ch in unit.precomposedStringWithCanonicalMapping.lowercased() {
            if isSpace(ch) {
                if !lastSpace { s.append(" ") }
                lastSpace = true
            } else {
                s.append(ch); lastSpace = false
            }
        }
        if s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    // MARK: - Numbers

    /// Parses one number written the Vietnamese way (see the rules above).
    ///
    /// - Parameters:
    ///   - text: the cell as written, e.g. `"12,5"`, `"1.000"`, `" 42,9 % "`.
    ///   - unit: the unit the value is in, when known. It decides ambiguous grouping
    ///     (`1.500`) and makes a `%` after a non-percent unit an error.
    ///   - dot: what a lone `.` before three digits means when the unit does not decide
    ///     (see ``DotRule``); `.decimalPoint` for the project's own files.
    /// - Returns: the value; for a percentage the percent number itself (`"12,5%"` → 12.5).
    /// - Throws: ``ParseError`` for empty text, text that is not a number, NaN/Inf,
    ///   magnitude ≥ 10^15, an ambiguous mark the unit does not decide, and a `%` that
    ///   contradicts `unit`.
    public static func parse(_ text: String, unit: String? = nil, dot: DotRule = .askWhenAmbiguous)
        throws -> Double
    {
        try parse(text, unit: unit, dot: dot, decimalMark: nil)
    }

    /// `parse(_:unit:dot:)`, where a known `decimalMark` settles an ambiguous `1.500`
    /// before the unit or `dot` are asked (see ``parse(_:unit:decimalMark:because:)``).
    static func parse(_ text: String, unit: String?, dot: DotRule, decimalMark: DecimalMark?) throws
        -> Double
    {
        let t = trimmed(text)
        if t.isEmpty {
            throw ParseError(found: "an empty value", expected: "a number such as 12,5")
        }
        var s = Substring(t)
        var hasPercent = false
        if s.last == "%" {
            hasPercent = true
            s = s.dropLast()
            while let c = s.last, isSpace(c) { s = s.dropLast() }
        }
        if hasPercent, let unit, !trimmed(unit).isEmpty, !isPercentUnit(unit) {
            throw ParseError(
                found: "\(quote(t)) (a percentage) where the unit is \(quote(trimmed(unit)))",
                expected: "a number in \(trimmed(unit)), without %")
        }
        return try parseBody(
            s, original: t, unit: hasPercent ? "%" : unit, dot: dot, decimalMark: decimalMark)
    }

    /// How to write a number, in the convention of the file being read.
    static func example(_ dot: DotRule) -> String {
        dot == .decimalPoint ? "a number such as 12.5 or 12,5" : "a number such as 12,5 or 1.000"
    }

    static func parseBody(
        _ body: Substring, original: String, unit: String?, dot: DotRule,
        decimalMark: DecimalMark? = nil
    ) throws -> Double {
        var s = body
        var negative = false
        if let c = s.first, c == "-" || c == "−" || c == "+" {
            negative = (c != "+")
            s = s.dropFirst()
            while let c = s.first, isSpace(c) { s = s.dropFirst() }
        }
        let lowered = s.lowercased()
        let notFinite = [
            "nan", "inf", "infinity", "-inf", "∞", ".nan", ".inf", "-.inf", "+.inf", "#num!",
            "#div/0!", "#value!", "#n/a"
        ]
        if notFinite.contains(lowered) || lowered.hasPrefix("nan") || lowered == "+inf" {
            throw ParseError(
                found: quote(original),
                expected:
                    "a finite number (NaN, infinity and spreadsheet error values are not plan figures)"
            )
        }
        if s.isEmpty {
            throw ParseError(found: quote(original), expected: "a number such as 12,5")
        }
        // Split off an exponent: 1,5E+06.
        var mantissa = s
        var exponent: Int? = nil
        if let eIndex = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<eIndex]
            var e = s[s.index(after: eIndex)...]
            var eNeg = false
            if let c = e.first, c == "-" || c == "+" || c == "−" {
                eNeg = c != "+"; e = e.dropFirst()
            }
            guard !e.isEmpty, e.count <= 4, e.allSatisfy(isASCIIDigit), !mantissa.isEmpty else {
                throw ParseError(found: quote(original), expected: example(dot))
            }
            exponent = (Int(e) ?? 0) * (eNeg ? -1 : 1)
        }
        // Every character must be a digit, a mark or an inner space.
        guard let (groups, marks) = digitGroups(mantissa) else {
            throw ParseError(found: quote(original), expected: example(dot))
        }
        if groups.contains(where: { $0.isEmpty }) {
            throw ParseError(
                found: quote(original),
                expected: example(dot) + " (digits on both sides of every mark)")
        }
        // Decide which mark (if any) is the decimal mark.
        var decimalIndex: Int? = nil  // index into marks
        let kinds = Set(marks.filter { $0 != " " })
        if exponent != nil {
            guard marks.count <= 1, !marks.contains(" ") else {
                throw ParseError(
                    found: quote(original),
                    expected: "a number such as 1,5E+06 (no thousands marks before an exponent)")
            }
            if !marks.isEmpty { decimalIndex = 0 }
        } else if kinds.count == 2 {
            decimalIndex = marks.count - 1  // the last mark is decimal
            let decimalMark = marks[marks.count - 1]
            if marks.filter({ $0 == decimalMark }).count > 1 || marks.contains(" ") {
                throw ParseError(
                    found: quote(original),
                    expected:
                        "a number with one decimal mark after its thousands marks, such as 1.234,5")
            }
        } else if let k = kinds.first {
            let n = marks.filter { $0 == k }.count
            if n >= 2 {
                if marks.contains(" ") {
                    throw ParseError(
                        found: quote(original),
                        expected: "a number with one kind of thousands mark, such as 1.234.567")
                }
                decimalIndex = nil
            } else {
                let at = marks.firstIndex(of: k)!
                if at != marks.count - 1 {
                    // "1.234 567": a decimal mark followed by spaces.
                    throw ParseError(
                        found: quote(original),
                        expected:
                            "a number such as 1 234,5 (thousands spaces before the decimal mark only)"
                    )
                }
                let intPart = groups[at]
                let frac = groups[at + 1]
                let groupedBefore = marks.contains(" ")
                if groupedBefore || frac.count != 3 || intPart.count > 3 || intPart.first == "0" {
                    decimalIndex = at
                } else {
                    // Ambiguous: 1.500 is 1.5 or 1500. The file's known mark decides
                    // first, then the unit, then `dot`.
                    if let decimalMark {
                        decimalIndex = k == decimalMark.character ? at : nil
                    } else if let unit, isCountUnit(unit) {
                        decimalIndex = nil
                    } else if k == ".", dot == .decimalPoint {
                        decimalIndex = at
                    } else if let unit, isPercentUnit(unit) || isIndexUnit(unit) {
                        decimalIndex = at
                    } else {
                        let digits = String(intPart) + String(frac)
                        let asGrouped = String(Int(digits) ?? 0)
                        let asDecimal =
                            String(intPart) + ","
                            + String(frac).replacingOccurrences(
                                of: "0+$", with: "", options: .regularExpression)
                        let dec =
                            asDecimal.hasSuffix(",") ? String(asDecimal.dropLast()) : asDecimal
                        let unitWords =
                            unit.map { trimmed($0).isEmpty ? "" : " (unit \(quote(trimmed($0))))" }
                            ?? ""
                        throw ParseError(
                            found:
                                "\(quote(original))\(unitWords), which could be \(asGrouped) or \(dec)",
                            expected:
                                "the value written without ambiguity: \(asGrouped) (the \(k == "." ? "dot" : "comma") grouping thousands) or \(dec) (decimal comma)"
                        )
                    }
                }
            }
        }
        // Validate thousands groups: first 1-3 digits, the rest exactly 3.
        let lastGroupIndex = decimalIndex.map { $0 } ?? (groups.count - 1)
        if lastGroupIndex > 0 {
            if groups[0].count > 3 || groups[1...lastGroupIndex].contains(where: { $0.count != 3 })
            {
                throw ParseError(
                    found: quote(original),
                    expected: "thousands grouped in threes, such as 1.234.567 or 1 234 567")
            }
        }
        var intDigits = groups[0...lastGroupIndex].joined()
        let fracDigits = decimalIndex.map { String(groups[$0 + 1]) } ?? ""
        while intDigits.count > 1, intDigits.first == "0" { intDigits.removeFirst() }
        let exp = exponent ?? 0
        if intDigits != "0" && intDigits.count + exp > 15 || (intDigits == "0" && exp > 15) {
            throw ParseError(
                found:
                    "\(quote(original)) (\(intDigits.count + exp) digits before the decimal mark)",
                expected: "a number below 10^15; check for a missing decimal mark or a stray digit")
        }
        var plain = intDigits
        if !fracDigits.isEmpty { plain += "." + fracDigits }
        if let e = exponent { plain += "e\(e)" }
        guard let v = Double(plain), v.isFinite else {
            throw ParseError(found: quote(original), expected: example(dot))
        }
        if abs(v) >= largestMagnitude {
            throw ParseError(
                found: "\(quote(original)) (\(Formatting.number(v)))",
                expected: "a number below 10^15; check for a missing decimal mark or a stray digit")
        }
        return negative ? -v : v
    }

    /// Splits digits at marks: `1.234,5` → groups `1` `234` `5`, marks `.` `,`; a space of
    /// any kind becomes the mark `" "`. Nil when a character is neither a digit, `.`, `,`
    /// nor a space. Groups may be empty (`1..5`); callers decide what that means.
    static func digitGroups(_ mantissa: Substring) -> (groups: [Substring], marks: [Character])? {
        var groups: [Substring] = []
        var marks: [Character] = []
        var start = mantissa.startIndex
        var i = mantissa.startIndex
        while i < mantissa.endIndex {
            let c = mantissa[i]
            if !isASCIIDigit(c) {
                guard c == "." || c == "," || isSpace(c) else { return nil }
                groups.append(mantissa[start..<i])
                marks.append(c == "." || c == "," ? c : " ")
                start = mantissa.index(after: i)
            }
            i = mantissa.index(after: i)
        }
        groups.append(mantissa[start...])
        return (groups, marks)
    }

    // MARK: - Characters

    /// White space of every kind a document or spreadsheet may put around or inside a number.
    public static func isSpace(_ c: Character) -> Bool {
        if c.isWhitespace { return true }
        switch c {
        case "\u{200B}", "\u{FEFF}", "\u{2060}": return true
        default: return false
        }
    }

    static func isASCIIDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" && c.isASCII }

    /// `text` without leading and trailing spaces of any kind (see ``isSpace(_:)``).
    public static func trimmed(_ text: String) -> String { String(trimmedSub(Substring(text))) }

    static func trimmedSub(_ s: Substring) -> Substring {
        var s = s
        while let c = s.first, isSpace(c) { s = s.dropFirst() }
        while let c = s.last, isSpace(c) { s = s.dropLast() }
        return s
    }

    static func quote(_ s: String) -> String {
        let shown = s.count > 60 ? String(s.prefix(57)) + "…" : s
        var out = "\""
        for u in shown.unicodeScalars {
            if u.value < 0x20 || u.value == 0x7F {
                out += "\\u{\(String(u.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
