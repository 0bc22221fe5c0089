import Foundation

/// One numbered or bulleted target statement of a plan's targets section, with the
/// sub-items (`+ …`) written under it.
///
/// ```text
/// (2) Tổng giá trị sản phẩm trên địa bàn tăng bình quân 12-14(%/năm); trong đó:
/// + Khu vực nông, lâm, thủy sản tăng 1,5-2(%);
/// ```
/// is one statement, item `(2)`, with one sub-item.
///
/// ## Segmentation rules
/// - A statement starts at a line beginning with `(n)`, `(n).`, `n.`, `n)`, `n/`, `n-`
///   (n up to three digits), or a bullet `-`, `–`, `*`, `•`; an unmarked line continues the
///   statement above it (a line wrapped by the word processor).
/// - Lines beginning with `+` are sub-items of the statement above.
/// - A line holding several numbered items (`(1) …; (2) …` or `1. … 2. …`) is split where
///   the next number in sequence starts.
/// - Group headings inside the section (`I. Về kinh tế`, `a) Văn hóa - xã hội`, `1/ Kinh tế`,
///   `- Về kinh tế:`, a bold line) are not statements (a numbered one: under 40 characters, no figure, no
///   pass/fail verb): a line with a Roman numeral or a letter as marker, or a
///   short line (under 60 characters) with no digit, ends the statement above.
struct TargetStatement: Equatable {
    /// The marker as the targets file records it: `(3)` for `(3)`, `3.` for `3.`, `-` for bullets.
    var item: String
    /// The statement's number (its order in the section for bullets).
    var number: Int
    var line: Int
    var text: String
    var subItems: [SubItem]

    struct SubItem: Equatable { var line: Int; var text: String }

    /// A line of the document: its number and its text with Markdown emphasis removed.
    struct Line: Equatable { var number: Int; var text: String }

    static func split(_ lines: [Line]) -> [TargetStatement] {
        var out: [TargetStatement] = []
        var bulletCount = 0
        for line in lines {
            let text = VietnameseNumber.trimmed(line.text)
            if text.isEmpty { continue }
            if let rest = subItemText(text) {
                if !out.isEmpty {
                    out[out.count - 1].subItems.append(SubItem(line: line.number, text: rest))
                } else {
                    out.append(
                        TargetStatement(
                            item: "+", number: 1, line: line.number, text: rest, subItems: []))
                }
                continue
            }
            if let (_, _, rest) = numberedMarker(text), isNumberedGroupHeading(rest) {
                out.append(
                    TargetStatement(item: "", number: 0, line: line.number, text: "", subItems: []))
                continue
            }
            if let (marker, number, rest) = numberedMarker(text) {
                for (k, piece) in splitInline(rest, first: number).enumerated() {
                    let n = number + k
                    let item = marker.replacingOccurrences(of: String(number), with: String(n))
                    out.append(
                        TargetStatement(
                            item: item, number: n, line: line.number, text: piece, subItems: []))
                }
                continue
            }
            if let rest = bulletText(text), isBulletedGroupHeading(rest) {
                out.append(
                    TargetStatement(item: "", number: 0, line: line.number, text: "", subItems: []))
                continue
            }
            if let rest = bulletText(text) {
                bulletCount += 1
                out.append(
                    TargetStatement(
                        item: "-", number: bulletCount, line: line.number, text: rest, subItems: [])
                )
                continue
            }
            // An unmarked line: the rest of a statement cut by a line break, or a group heading.
            let openAbove =
                out.last.map { $0.number != 0 && !endsClause($0.subItems.last?.text ?? $0.text) }
                ?? false
            if !openAbove && isGroupHeading(text) {
                out.append(
                    TargetStatement(item: "", number: 0, line: line.number, text: "", subItems: []))
                continue
            }
            if var last = out.popLast(), last.number != 0 {
                if last.subItems.isEmpty {
                    last.text += " " + text
                } else {
                    last.subItems[last.subItems.count - 1].text += " " + text
                }
                out.append(last)
            } else {
                bulletCount += 1
                out.append(
                    TargetStatement(
                        item: "-", number: bulletCount, line: line.number, text: text, subItems: [])
                )
            }
        }
        return out.filter { $0.number != 0 && !$0.text.isEmpty }
    }

    /// `(12) text`, `(12). text`, `12. text`, `12) text`, `12/ text`, `12- text`.
    static func numberedMarker(_ text: String) -> (String, Int, String)? {
        let chars = Array(text)
        var i = 0
        let paren = chars.first == "("
        if paren { i = 1 }
        let digitsStart = i
        while i < chars.count, i - digitsStart < 3, ProseText.isDigit(chars[i]) { i += 1 }
        guard i > digitsStart, let n = Int(String(chars[digitsStart..<i])) else { return nil }
        var marker: String
        if paren {
            guard i < chars.count, chars[i] == ")" else { return nil }
            i += 1
            if i < chars.count, chars[i] == "." { i += 1 }
            marker = "(\(n))"
        } else {
            guard i < chars.count, ".)/-".contains(chars[i]) else { return nil }
            // "1.234" or "1.5" is a number, not a marker.
            if i + 1 < chars.count, ProseText.isDigit(chars[i + 1]) { return nil }
            marker = "\(n)" + String(chars[i])
            i += 1
        }
        let rest = VietnameseNumber.trimmed(String(chars[i...]))
        return (marker, n, rest)
    }

    static func bulletText(_ text: String) -> String? {
        guard let first = text.first, "-–—*•·".contains(first) else { return nil }
        let rest = VietnameseNumber.trimmed(String(text.drop(while: { "-–—*•· ".contains($0) })))
        return rest.isEmpty ? nil : rest
    }

    static func subItemText(_ text: String) -> String? {
        guard text.first == "+" else { return nil }
        return VietnameseNumber.trimmed(String(text.dropFirst()))
    }

    /// `(1) a; (2) b` → ["a;", "b"]; `1. a. 2. b` → ["a.", "b"]. Only the next number in sequence splits.
    static func splitInline(_ text: String, first: Int) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        var next = first + 1
        while true {
            let patterns = ["(\(next))", " \(next). ", " \(next)/ ", " \(next)) "]
            var cut: Range<Substring.Index>? = nil
            for p in patterns {
                if let r = rest.range(of: p), cut == nil || r.lowerBound < cut!.lowerBound {
                    // Only after the end of a clause: start, ";", "." or ":" before it.
                    let before = VietnameseNumber.trimmed(String(rest[..<r.lowerBound]))
                    if let last = before.last, ";.:".contains(last) { cut = r }
                }
            }
            guard let c = cut else { break }
            pieces.append(VietnameseNumber.trimmed(String(rest[..<c.lowerBound])))
            rest = rest[c.upperBound...]
            next += 1
        }
        pieces.append(VietnameseNumber.trimmed(String(rest)))
        return pieces
    }

    /// `1. Kinh tế:`, `2/ Văn hóa - xã hội`: a numbered line under 40 characters ending with
    /// `:`, starting with `Về`, or of at most four words, with no figure and no pass/fail
    /// verb, heads a group; it is not a statement.
    static func isNumberedGroupHeading(_ rest: String) -> Bool {
        let words = rest.split(separator: " ").filter { $0.contains(where: \.isLetter) }.count
        return rest.count < 40
            && (rest.hasSuffix(":") || words <= 4 || rest.lowercased().hasPrefix("về "))
            && !StatementClause.hasFigure(rest)
            && !ProseTargetReader.passFailVerbs.contains { ProseText(rest).find($0) != nil }
    }

    /// `- Về kinh tế:`, `- Về xây dựng hệ thống chính trị:`: a bulleted line under 60
    /// characters that starts with `Về` and ends with `:`, with no figure, heads a group (its
    /// pass/fail words, such as `xây dựng`, name the field, not a promise).
    static func isBulletedGroupHeading(_ rest: String) -> Bool {
        rest.count < 60 && rest.hasSuffix(":") && rest.lowercased().hasPrefix("về ")
            && !StatementClause.hasFigure(rest)
    }

    static func endsClause(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return ".;:!?".contains(last)
    }

    static func isGroupHeading(_ text: String) -> Bool {
        let first = text.split(separator: " ").first.map(String.init) ?? ""
        let marker = first.trimmingCharacters(in: CharacterSet(charactersIn: ".)/:"))
        if !marker.isEmpty, marker.allSatisfy({ "IVXLC".contains($0) }), first.count > marker.count
        {
            return true
        }
        if first.count == 2, let l = first.first, l.isLetter, l.isLowercase, first.last == ")" {
            return true
        }
        return text.count < 60 && !text.contains(where: ProseText.isDigit)
    }
}
