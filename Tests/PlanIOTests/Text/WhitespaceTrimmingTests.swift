import Foundation
import Testing
import TestSupport
@testable import PlanIO

/// `String.trimmingWhitespace()` against Foundation's
/// `trimmingCharacters(in: .whitespacesAndNewlines)`, the behaviour it replaces, over
/// generated strings mixing ASCII, Vietnamese letters, combining marks and every kind of
/// white space and line break at both ends.
@Suite struct WhitespaceTrimmingTests {
    static let alphabet: [String] = [
        "a", "Z", "7", ",", "\"", "-", "%", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}",
        "\u{A0}", "\u{1680}", "\u{2000}", "\u{2007}", "\u{200A}", "\u{200B}", "\u{2028}",
        "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "\u{7F}", "\u{0}", "Đ", "ạ",
        "ư", "\u{0301}", "\u{1F600}", "á", "e\u{0301}", "\u{180E}", "\u{200C}", "\u{2060}"
    ]

    @Test func agreesWithFoundationOnGeneratedStrings() {
        let seed: UInt64 = 14_2026
        var generator = SeededGenerator(seed: seed)
        for case_ in 0..<20_000 {
            let length = Int.random(in: 0...8, using: &generator)
            let text = (0..<length).map { _ in Self.alphabet.randomElement(using: &generator)! }
                .joined()
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(
                text.trimmingWhitespace() == expected,
                "seed \(seed), case \(case_): \(Array(text.unicodeScalars.map(\.value)))")
        }
    }

    @Test func examples() {
        #expect("  An Hưng \n".trimmingWhitespace() == "An Hưng")
        #expect("\u{A0}12,5\u{3000}".trimmingWhitespace() == "12,5")
        #expect("plain".trimmingWhitespace() == "plain")
        #expect("".trimmingWhitespace() == "")
        #expect(" \t\r\n ".trimmingWhitespace() == "")
        #expect("a b".trimmingWhitespace() == "a b")
    }
}
