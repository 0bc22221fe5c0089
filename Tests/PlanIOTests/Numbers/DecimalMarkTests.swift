import Testing
import TestSupport
@testable import PlanIO

/// `VietnameseNumber.decimalEvidence` and `parse(_:unit:decimalMark:because:)`: which mark
/// a written value proves, and reading with a known mark. Expected values by hand.
@Suite struct DecimalMarkEvidence {
    typealias VN = VietnameseNumber

    @Test func aMarkNotBeforeExactlyThreeDigitsIsDecimal() {
        #expect(VN.decimalEvidence("17.5") == .point)
        #expect(VN.decimalEvidence("15.25") == .point)
        #expect(VN.decimalEvidence("0.500") == .point)  // 0 cannot start a thousands group
        #expect(VN.decimalEvidence("1234.567") == .point)  // 4 digits cannot precede a group
        #expect(VN.decimalEvidence("12,5") == .comma)
        #expect(VN.decimalEvidence(" -12,5 % ") == .comma)
        #expect(VN.decimalEvidence("1 234,567") == .comma)  // spaces group: the comma is decimal
    }

    @Test func repeatedOrMixedMarksProveTheOther() {
        #expect(VN.decimalEvidence("1.234.567") == .comma)  // dots group thousands
        #expect(VN.decimalEvidence("1,234,567") == .point)
        #expect(VN.decimalEvidence("1.234,5") == .comma)  // the last mark is decimal
        #expect(VN.decimalEvidence("1,234.5") == .point)
        #expect(VN.decimalEvidence("1,5E+06") == .comma)
    }

    @Test func integersAndAmbiguousValuesProveNothing() {
        for text in [
            "2028", "14.125", "1.500", "1,500", "250.000", "1 500", "", "abc", "1..5", "NaN"
        ] {
            #expect(VN.decimalEvidence(text) == nil, "\(text)")
        }
    }

    @Test func aKnownMarkSettlesTheAmbiguousValueWhateverTheUnit() throws {
        #expect(try VN.parse("14.125", unit: "DN", decimalMark: .point) == 14.125)
        #expect(try VN.parse("14.125", unit: "DN", decimalMark: .comma) == 14125)
        #expect(try VN.parse("1.500", unit: "%", decimalMark: .comma) == 1500)
        #expect(try VN.parse("1,500", unit: "%", decimalMark: .point) == 1500)
        #expect(try VN.parse("1,500", unit: "người", decimalMark: .comma) == 1.5)
        #expect(try VN.parse("1,234.5", decimalMark: .point) == 1234.5)
        #expect(try VN.parse("1.234.567", decimalMark: .comma) == 1_234_567)
    }

    @Test func aValueProvingTheOtherMarkIsAnError() {
        #expect(throws: VN.ParseError.self) { try VN.parse("12,5", decimalMark: .point) }
        #expect(throws: VN.ParseError.self) { try VN.parse("17.5", decimalMark: .comma) }
        #expect(throws: VN.ParseError.self) { try VN.parse("1.234.567", decimalMark: .point) }
        do {
            _ = try VN.parse("12,5", decimalMark: .point, because: "line 3 reads 17.5")
            Issue.record("12,5 read in a file with a decimal point")
        } catch {
            #expect(
                "\(error)"
                    == "found \"12,5\", written with a decimal comma; expected a decimal point, as line 3 reads 17.5; write every value of the file with one decimal mark"
            )
        }
    }

    /// The invariant stated on `decimalEvidence`, over generated texts: when a text proves
    /// a mark it parses with that mark and not with the other one.
    @Test func evidenceAgreesWithTheParser() {
        var rng = SeededGenerator(seed: 20261202)
        let alphabet = Array("0123456789.,  -%")
        for _ in 0..<20_000 {
            let n = Int.random(in: 1...9, using: &rng)
            let text = String((0..<n).map { _ in alphabet.randomElement(using: &rng)! })
            guard let mark = VN.decimalEvidence(text) else { continue }
            let other = try? VN.parse(text, decimalMark: mark.other)
            #expect(
                other == nil,
                "seed 20261202: \(text) proves \(mark) yet reads as \(other!) with \(mark.other)")
            if let plain = try? VN.parse(text) {
                // The default reader agrees with the evidence whenever it accepts the text.
                #expect((try? VN.parse(text, decimalMark: mark)) == plain, "seed 20261202: \(text)")
            }
        }
    }
}
