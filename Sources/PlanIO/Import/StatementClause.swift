import Foundation

/// A clause of a target statement: the words that hold one promise (at most one figure),
/// with the context the statement gives it.
///
/// ```text
/// (6) Thu nhập bình quân trên đầu người tăng bình quân 7(%/năm), đến năm 2030 đạt 120 triệu đồng/người/năm.
/// ```
/// gives two clauses: `Thu nhập … tăng bình quân 7(%/năm)` and `đến năm 2030 đạt 120 …`.
///
/// ## Splitting rules
/// - At `;` and at the end of a sentence (`. ` then a capital letter) always.
/// - At `, ` when the words after it start a new subject (`đến năm`, `tỷ lệ`, `tỷ trọng`,
///   `số`), or when the words on both sides each hold a figure (`dịch vụ chiếm 52%,
///   công nghiệp chiếm 43%`).
/// - At ` và ` followed by `phấn đấu`, `duy trì` or `đến năm`, when both sides hold a figure.
/// - **Components**: the clauses after `trong đó` (`…12-14(%/năm); trong đó: + Khu vực …`),
///   the statement's `+` sub-items, and a parenthesis holding figures and `;`, `:` or a verb
///   that does not follow a figure (`… (Đất trồng trọt đạt 150 triệu/ha/năm; đất …)`) are
///   components of the last main clause before them.
/// - **Context**: a leading `Hằng năm`/`Hàng năm`/`Mỗi năm` makes every clause of the
///   statement an every-year promise; a leading `Đến năm YYYY` gives every clause that year;
///   a part that is only such a phrase is context, not a clause.
struct StatementClause: Equatable {
    var text: String
    var line: Int
    /// Index of the main clause this one is a component of; nil for a main clause.
    var parent: Int?
    var everyYear: Bool
    var contextYear: Int?

    static let newSubjectWords = ["đến năm", "tỷ lệ", "tỷ trọng", "số"]
    static let everyYearWords = ["hằng năm", "hàng năm", "mỗi năm"]

    static func split(_ statement: TargetStatement) -> [StatementClause] {
        var main = statement.text
        var componentTexts: [String] = []
        // Components in a parenthesis.
        if let (inside, without) = componentParenthesis(main) {
            main = without
            componentTexts += splitParts(inside)
        }
        // "trong đó".
        let mainText = ProseText(main)
        if let offset = mainText.find("trong đó") {
            let before = mainText.text(0..<offset)
            let after = String(
                mainText.text((offset + "trong đó".count)..<mainText.count).drop(while: {
                    ":, ".contains($0)
                }))
            main = before
            componentTexts = splitParts(after) + componentTexts
        }
        componentTexts += statement.subItems.flatMap { splitParts($0.text) }
        // Context at the start of the statement.
        let context = ProseText(main)
        var everyYear = everyYearWords.contains { context.matches($0, at: 0) }
        var contextYear = leadingYear(main)
        var clauses: [StatementClause] = []
        for part in splitParts(main) {
            if isOnlyContext(part) {
                if everyYearWords.contains(where: { ProseText(part).matches($0, at: 0) }) {
                    everyYear = true
                }
                if let y = leadingYear(part) { contextYear = y }
                continue
            }
            clauses.append(
                StatementClause(
                    text: part, line: statement.line, parent: nil, everyYear: everyYear,
                    contextYear: contextYear))
        }
        let parent = clauses.isEmpty ? nil : clauses.count - 1
        if parent == nil && !componentTexts.isEmpty {
            // Only components: they are main clauses then.
            return componentTexts.map {
                StatementClause(
                    text: $0, line: statement.line, parent: nil, everyYear: everyYear,
                    contextYear: contextYear)
            }
        }
        for c in componentTexts where !c.isEmpty {
            clauses.append(
                StatementClause(
                    text: c, line: statement.line, parent: parent, everyYear: everyYear,
                    contextYear: contextYear))
        }
        return clauses
    }

    /// Splits at `;`, then at the commas and `và` of the rules above. Parts are trimmed of
    /// trailing `;` and `,` and empty parts dropped.
    static func splitParts(_ text: String) -> [String] {
        var out: [String] = []
        for piece in sentences(text).flatMap({ $0.split(separator: ";") }) {
            out += splitAtCommas(String(piece))
        }
        return out.map { clean($0) }.filter {
            !$0.isEmpty && $0.contains(where: { $0.isLetter || $0.isNumber })
        }
    }

    /// A paragraph's sentences: cut after `. ` followed by a capital letter (a decimal is
    /// written with a comma, so `. ` ends a sentence).
    static func sentences(_ text: String) -> [String] {
        let chars = Array(text)
        var out: [String] = []
        var start = 0
        var i = 0
        while i + 2 < chars.count {
            if chars[i] == ".", chars[i + 1] == " ", chars[i + 2].isUppercase {
                out.append(String(chars[start...i]))
                start = i + 2
            }
            i += 1
        }
        out.append(String(chars[start...]))
        return out
    }

    static func clean(_ s: String) -> String {
        var t = VietnameseNumber.trimmed(s)
        while let last = t.last, ";,".contains(last) {
            t.removeLast(); t = VietnameseNumber.trimmed(t)
        }
        return t
    }

    static func hasFigure(_ s: String) -> Bool {
        !ProseFigure.all(in: ProseText(s)).figures.isEmpty
    }

    static func splitAtCommas(_ text: String) -> [String] {
        let t = ProseText(text)
        // Candidate cut points: ", " and " và ".
        var cuts: [(at: Int, length: Int, newSubject: Bool, isAnd: Bool)] = []
        var i = 0
        while i < t.count {
            if t.lower[i] == ",", i + 1 < t.count, t.lower[i + 1] == " " {
                let n = ProseFigure.skipSpaces(t, i + 1)
                cuts.append((i, n - i, newSubjectWords.contains { t.hasWord($0, at: n) }, false))
            } else if t.hasWord("và", at: i), i > 0, t.lower[i - 1] == " " {
                let n = ProseFigure.skipSpaces(t, i + 2)
                if ["phấn đấu", "duy trì", "đến năm"].contains(where: { t.hasWord($0, at: n) }) {
                    cuts.append((i, n - i, false, true))
                }
            }
            i += 1
        }
        if cuts.isEmpty { return [text] }
        var parts: [String] = []
        var start = 0
        for (k, cut) in cuts.enumerated() {
            let left = t.text(start..<cut.at)
            let nextCut = k + 1 < cuts.count ? cuts[k + 1].at : t.count
            let right = t.text((cut.at + cut.length)..<nextCut)
            let bothFigures = hasFigure(left) && hasFigure(right)
            let split =
                cut.isAnd
                ? bothFigures
                : (cut.newSubject && !right.isEmpty && !isOnlyContext(left) || bothFigures)
            if split {
                parts.append(left)
                start = cut.at + cut.length
            }
        }
        parts.append(t.text(start..<t.count))
        return parts
    }

    /// `Hằng năm`, `Đến năm 2030`, `Phấn đấu đến năm 2030`: only time words.
    static func isOnlyContext(_ part: String) -> Bool {
        var s = clean(part).lowercased()
        for prefix in ["phấn đấu "] where s.hasPrefix(prefix) {
            s = String(s.dropFirst(prefix.count))
        }
        if everyYearWords.contains(s) { return true }
        for lead in ["đến năm ", "tới năm ", "đến hết năm ", "từ năm "] where s.hasPrefix(lead) {
            let rest = s.dropFirst(lead.count)
            return rest.count == 4 && rest.allSatisfy(ProseText.isDigit)
        }
        return false
    }

    /// The year of a leading `Đến năm YYYY` (after an optional `Phấn đấu`).
    static func leadingYear(_ text: String) -> Int? {
        let t = ProseText(text)
        for lead in ["đến năm ", "phấn đấu đến năm ", "tới năm ", "đến hết năm "]
        where t.matches(lead, at: 0) {
            let digits = t.lowerText(lead.count..<(lead.count + 4))
            if ProseFigure.isYear(digits) { return Int(digits) }  // 1950-2100, as everywhere
        }
        return nil
    }

    /// A parenthesis of components: holds a figure and `;`, `:` or a verb, and does not follow a
    /// figure (nor a figure and words: `tăng 3% trở lên (để đạt 84%)` gives the level a change
    /// leads to, which ``ProseFigure`` reads).
    static func componentParenthesis(_ text: String) -> (inside: String, without: String)? {
        let chars = Array(text)
        guard let open = chars.firstIndex(of: "("), let close = chars[open...].firstIndex(of: ")")
        else { return nil }
        let inside = String(chars[(open + 1)..<close])
        let before = VietnameseNumber.trimmed(String(chars[..<open]))
        if let last = before.last, ProseText.isDigit(last) || last == "%" { return nil }
        let lower = inside.lowercased()
        // "tăng từ 3% trở lên (để đạt 84% trở lên)": the level a change leads to (ProseFigure).
        let opening = VietnameseNumber.trimmed(lower)
        if hasFigure(before),
            ProseFigure.levelLeads.contains(where: { opening.hasPrefix($0 + " ") })
        {
            return nil
        }
        guard hasFigure(inside),
            lower.contains(";") || lower.contains(":") || lower.contains("đạt")
                || lower.contains("chiếm")
        else { return nil }
        let without = before + (close + 1 < chars.count ? " " + String(chars[(close + 1)...]) : "")
        return (inside, VietnameseNumber.trimmed(without))
    }
}
