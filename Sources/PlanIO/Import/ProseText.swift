import Foundation

/// A piece of prose as characters, with a lower-cased copy of the same length, so that
/// the prose reader can match Vietnamese words case-insensitively and still cut the
/// original text at the same places.
///
/// Invariant: `chars.count == lower.count`; `lower[i]` is the first character of
/// `chars[i].lowercased()` (so `Đ` → `đ`, and nothing is ever lost or shifted).
///
/// ```swift
/// let t = ProseText("Đến năm 2030, đạt 97%")
/// t.hasWord("đến năm", at: 0)   // true
/// ```
struct ProseText {
    let chars: [Character]
    let lower: [Character]

    init(_ text: String) {
        chars = Array(
            text.precomposedStringWithCanonicalMapping.map { $0 == "\u{00A0}" ? " " : $0 })
        lower = chars.map { $0.lowercased().first ?? $0 }
    }

    var count: Int { chars.count }

    /// The original text of `range`, trimmed of spaces.
    func text(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<chars.count)
        return VietnameseNumber.trimmed(String(chars[r]))
    }

    /// The lower-cased text of `range`.
    func lowerText(_ range: Range<Int>) -> String {
        String(lower[range.clamped(to: 0..<lower.count)])
    }

    /// Whether the lower-cased text at `index` starts with `word` (given in lower case).
    func matches(_ word: String, at index: Int) -> Bool {
        var i = index
        for c in word {
            guard i >= 0, i < lower.count, lower[i] == c else { return false }
            i += 1
        }
        return true
    }

    /// Whether `word` occurs at `index` as a whole word (no letter or digit on either side).
    func hasWord(_ word: String, at index: Int) -> Bool {
        guard matches(word, at: index) else { return false }
        let end = index + word.count
        let beforeOK = index == 0 || !Self.isWordCharacter(lower[index - 1])
        let afterOK = end >= lower.count || !Self.isWordCharacter(lower[end])
        return beforeOK && afterOK
    }

    /// The first index at or after `from` where `word` occurs as a whole word.
    func find(_ word: String, from: Int = 0, before limit: Int? = nil) -> Int? {
        let end = min(limit ?? lower.count, lower.count)
        var i = max(0, from)
        while i < end {
            if hasWord(word, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Whether any of `words` occurs anywhere as a whole word.
    func contains(anyOf words: [String]) -> Bool {
        words.contains { find($0) != nil }
    }

    /// The lower-cased text before `index`, trimmed, at most `length` characters.
    func lowerBefore(_ index: Int, length: Int = 24) -> String {
        let start = max(0, index - length)
        return VietnameseNumber.trimmed(lowerText(start..<index))
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
}
