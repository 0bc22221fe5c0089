/// The decimal mark of a file or a column: `.` (pandas, R, English spreadsheets) or `,`
/// (Vietnamese documents and spreadsheets). The other mark may then only group thousands.
///
/// ```swift
/// VietnameseNumber.decimalEvidence("17.5")        // .point   (a dot before 1 digit)
/// VietnameseNumber.decimalEvidence("12,5")        // .comma
/// VietnameseNumber.decimalEvidence("1.234.567")   // .comma   (dots that group thousands)
/// VietnameseNumber.decimalEvidence("14.125")      // nil      (14.125 or 14125: no evidence)
/// try VietnameseNumber.parse("14.125", decimalMark: .point)   // 14.125
/// try VietnameseNumber.parse("14.125", decimalMark: .comma)   // 14125
/// try VietnameseNumber.parse("12,5", decimalMark: .point)     // throws: a decimal comma
/// ```
public enum DecimalMark: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case point = "."
    case comma = ","

    /// The mark as a character.
    public var character: Character { self == .point ? "." : "," }
    /// The other mark (the one that may group thousands).
    public var other: DecimalMark { self == .point ? .comma : .point }
    /// "a decimal point" / "a decimal comma".
    public var description: String { self == .point ? "a decimal point" : "a decimal comma" }

    init?(_ c: Character) {
        switch c {
        case ".": self = .point
        case ",": self = .comma
        default: return nil
        }
    }
}

extension VietnameseNumber {
    /// The decimal mark that `text` proves, or nil when it proves none.
    ///
    /// Evidence, after a sign, a `%` and surrounding spaces are set aside:
    /// - both `.` and `,` occur: the last one is decimal (`1.234,5` → comma, `1,234.5` → point);
    /// - one mark occurs twice or more: it groups thousands, so the other is decimal
    ///   (`1.234.567` → comma);
    /// - one mark occurs once and is *not* followed by exactly three digits after an
    ///   integer part of one to three digits not starting with 0, or thousands spaces come
    ///   before it: it is decimal (`17.5`, `15.25`, `0.500`, `1234.567`, `1 234,5`);
    /// - a mark before an exponent is decimal (`1,5E+06` → comma).
    ///
    /// No evidence: integers (`2028`, `1 500`), the ambiguous `1.500` / `14.125` / `1,500`,
    /// and text that is not a number (the parser reports it).
    ///
    /// Invariant: whenever this returns a mark `m`, `parse(text, decimalMark: m)` reads
    /// `text` with `m` as its decimal mark and `parse(text, decimalMark: m.other)` throws.
    public static func decimalEvidence(_ text: String) -> DecimalMark? {
        var s = trimmedSub(Substring(text))
        if s.last == "%" { s = trimmedSub(s.dropLast()) }
        if let c = s.first, c == "-" || c == "−" || c == "+" { s = trimmedSub(s.dropFirst()) }
        var mantissa = s
        var hasExponent = false
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = s[..<e]
            hasExponent = true
        }
        guard let (groups, marks) = digitGroups(mantissa) else { return nil }
        if groups.contains(where: \.isEmpty) { return nil }
        let decimalMarks = marks.filter { $0 != " " }
        guard let last = decimalMarks.last else { return nil }
        if hasExponent { return decimalMarks.count == 1 ? DecimalMark(last) : nil }
        let kinds = Set(decimalMarks)
        if kinds.count == 2 { return DecimalMark(last) }
        if decimalMarks.count >= 2 { return DecimalMark(last)?.other }
        // One mark, once: decimal unless it looks like a thousands group.
        guard let at = marks.lastIndex(of: last), at == marks.count - 1 else { return nil }
        let integerPart = groups[at], fraction = groups[at + 1]
        let groupedBefore = marks.contains(" ")
        if groupedBefore || fraction.count != 3 || integerPart.count > 3 || integerPart.first == "0"
        {
            return DecimalMark(last)
        }
        return nil
    }

    /// Parses `text` in a file whose decimal mark is known (from the user's option or the
    /// file's own evidence, see ``decimalEvidence(_:)``). The known mark beats the unit:
    /// with `.point`, `14.125` is 14.125 even for a count of enterprises.
    ///
    /// - Parameters:
    ///   - decimalMark: the file's decimal mark; the other mark may only group thousands.
    ///   - because: why the file has that mark, for the error message (e.g. `"the other
    ///     values of this file (line 3: 17.5)"`).
    /// - Throws: ``ParseError`` when `text` proves the other mark (`12,5` in a file with a
    ///   decimal point), and every error of ``parse(_:unit:dot:)``.
    public static func parse(
        _ text: String, unit: String? = nil, decimalMark: DecimalMark,
        because: String = "the file's decimal mark"
    ) throws -> Double {
        if let evidence = decimalEvidence(text), evidence != decimalMark {
            throw ParseError(
                found: "\(quote(trimmed(text))), written with \(evidence)",
                expected:
                    "\(decimalMark.description), as \(because); write every value of the file with one decimal mark"
            )
        }
        return try parse(text, unit: unit, dot: .askWhenAmbiguous, decimalMark: decimalMark)
    }
}
