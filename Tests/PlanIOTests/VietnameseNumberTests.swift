import Testing
import PlanModel
@testable import PlanIO

/// The number rules of `VietnameseNumber`, one behaviour per test, values worked out by hand.
@Suite struct VietnameseNumbers {
    typealias VN = VietnameseNumber

    func fails(_ text: String, unit: String? = nil, _ fragment: String) {
        do {
            let v = try VN.parse(text, unit: unit)
            Issue.record("\(text) parsed as \(v); expected an error mentioning \(fragment)")
        } catch let e as VN.ParseError {
            #expect(e.description.contains(fragment), "\(e.description)")
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func decimalCommaIsTheDecimalMark() throws {
        #expect(try VN.parse("12,5") == 12.5)
        #expect(try VN.parse("42,9") == 42.9)
        #expect(try VN.parse("1,5") == 1.5)
        #expect(try VN.parse("0,125") == 0.125)  // leading 0: cannot be grouping
    }

    @Test func integersAndLeadingZeros() throws {
        #expect(try VN.parse("100") == 100)
        #expect(try VN.parse("01") == 1)  // "01" nhà in Phụ lục I
        #expect(try VN.parse("0") == 0)
    }

    @Test func severalDotsGroupThousands() throws {
        #expect(try VN.parse("1.234.567") == 1_234_567)
        #expect(try VN.parse("12.000.000") == 12_000_000)
    }

    @Test func dotAndCommaTogetherTheLastIsDecimal() throws {
        #expect(try VN.parse("1.234,5") == 1234.5)  // Vietnamese
        #expect(try VN.parse("1,234.5") == 1234.5)  // English spreadsheet
        #expect(try VN.parse("1.234.567,25") == 1_234_567.25)
    }

    @Test func dotWithOtherThanThreeDigitsIsADecimal() throws {
        #expect(try VN.parse("12.5") == 12.5)
        #expect(try VN.parse("3.14") == 3.14)
        #expect(try VN.parse("1234.567") == 1234.567)  // first group > 3 digits: not grouping
        #expect(try VN.parse("0.500") == 0.5)  // leading 0: not grouping
    }

    @Test func ambiguousDotIsAnErrorThatAsksWhich() {
        fails("1.500", "1500 or 1,5")
        fails("1.000", "1000 or 1")
        fails("12,000", unit: "triệu đồng", "12000 or 12")
        fails("250.000", unit: "ha", "250000 or 250")
    }

    @Test func unitDecidesTheAmbiguity() throws {
        // A count has no decimals: 1.000 dân is one thousand people.
        #expect(try VN.parse("1.000", unit: "dân") == 1000)
        #expect(try VN.parse("1.500", unit: "người") == 1500)
        #expect(try VN.parse("2.300", unit: "Số hộ") == 2300)
        // A percentage is never 1500 %: 1.500 % is one and a half percent.
        #expect(try VN.parse("1.500", unit: "%") == 1.5)
        #expect(try VN.parse("12,500", unit: "%/năm") == 12.5)
        #expect(try VN.parse("1.500%") == 1.5)  // the % sign is a unit too
        // A rate per 1000 people is not a count: still ambiguous.
        #expect(throws: VN.ParseError.self) { try VN.parse("1.500", unit: "Số DN/1000 dân") }
    }

    @Test func theProjectsOwnFilesUseADecimalPoint() throws {
        // The tool writes 85.558 (Formatting.number); read back, it must not be 85558.
        #expect(try VN.parse("85.558", dot: .decimalPoint) == 85.558)
        #expect(try VN.parse("1.500", unit: "triệu đồng", dot: .decimalPoint) == 1.5)
        // Still a count: 1.500 người are people, not one and a half.
        #expect(try VN.parse("1.500", unit: "người", dot: .decimalPoint) == 1500)
        // Several dots still group thousands; a comma still asks.
        #expect(try VN.parse("1.234.567", dot: .decimalPoint) == 1_234_567)
        #expect(throws: VN.ParseError.self) {
            try VN.parse("12,500", unit: "ha", dot: .decimalPoint)
        }
        #expect(try VN.parseRequirement("1.125-2.250", dot: .decimalPoint) == .range(1.125, 2.25))
    }

    @Test func spacesOfEveryKindAroundAndAsThousandsMarks() throws {
        #expect(try VN.parse("\u{00A0}12,5\u{00A0}") == 12.5)
        #expect(try VN.parse(" \t42,9 ") == 42.9)
        #expect(try VN.parse("1 234 567") == 1_234_567)
        #expect(try VN.parse("1\u{202F}234,5") == 1234.5)
        #expect(try VN.parse("1\u{00A0}000") == 1000)
        fails("12 5", "grouped in threes")
    }

    @Test func percentSignsAndSigns() throws {
        #expect(try VN.parse("12,5%") == 12.5)
        #expect(try VN.parse("12,5 %") == 12.5)
        #expect(try VN.parse("12,5\u{00A0}%", unit: "%") == 12.5)
        #expect(try VN.parse("-2,5") == -2.5)
        #expect(try VN.parse("−2,5") == -2.5)  // U+2212 minus
        #expect(try VN.parse("+3") == 3)
    }

    @Test func percentAgainstAnotherUnitIsAContradiction() {
        fails("5%", unit: "DN", "unit is \"DN\"")
        fails("120 %", unit: "Triệu đồng/ người/ năm", "without %")
    }

    @Test func exponentsFromSpreadsheets() throws {
        #expect(try VN.parse("1,5E+06") == 1_500_000)
        #expect(try VN.parse("2.5e-3") == 0.0025)
    }

    @Test func notANumberAndInfinityAreRejected() {
        for t in ["NaN", "nan", "Inf", "-inf", "Infinity", "∞", "#DIV/0!", "#N/A"] {
            fails(t, "finite number")
        }
    }

    @Test func hugeNumbersAreRejectedWithTheReason() {
        fails("1000000000000000", "below 10^15")  // 10^15 itself
        fails("1.000.000.000.000.000", "below 10^15")
        fails("1e300", "below 10^15")
        fails("99999999999999999999999999999999999999", "below 10^15")
    }

    @Test func textThatIsNotANumber() {
        fails("", "empty")
        fails("   ", "empty")
        fails("abc", "a number such as 12,5")
        fails("12,5,6", "grouped in threes")  // two commas group, but 5 is not three digits
        fails("1..5", "digits on both sides")
        fails("1,", "digits on both sides")
        fails("1.234 567", "thousands spaces before the decimal mark only")
        fails("1.234.5", "grouped in threes")
        fails("12a", "a number such as 12,5")
    }

    @Test func errorsBecomeLocatedInputErrors() {
        let e = VN.ParseError(found: "\"abc\"", expected: "a number")
        let located = e.at(SourceLocation(file: "targets.csv", line: 4, field: "value_low"))
        #expect(
            located.description == "targets.csv:4 [value_low]: found \"abc\"; expected a number")
        #expect(located.exitCode == 65)
    }
}

@Suite struct Requirements {
    typealias VN = VietnameseNumber

    @Test func everyFormOfPhuLucI() throws {
        #expect(try VN.parseRequirement("12,5") == .value(12.5))
        #expect(try VN.parseRequirement("12-14") == .range(12, 14))
        #expect(try VN.parseRequirement("1,5-2") == .range(1.5, 2))
        #expect(try VN.parseRequirement("150-200") == .range(150, 200))
        #expect(try VN.parseRequirement("< 3") == .bound(.less, 3))
        #expect(try VN.parseRequirement("≥ 94") == .bound(.greaterOrEqual, 94))
        #expect(try VN.parseRequirement(">97") == .bound(.greater, 97))
        #expect(try VN.parseRequirement("> 97") == .bound(.greater, 97))
        #expect(try VN.parseRequirement("Đạt") == .qualitative("Đạt"))
        #expect(try VN.parseRequirement("01") == .value(1))
        #expect(try VN.parseRequirement("42,9") == .value(42.9))
    }

    @Test func rangeSeparators() throws {
        #expect(try VN.parseRequirement("150 – 200") == .range(150, 200))  // en dash
        #expect(try VN.parseRequirement("150 — 200") == .range(150, 200))  // em dash
        #expect(try VN.parseRequirement("10 đến 15") == .range(10, 15))
        #expect(try VN.parseRequirement("từ 10 đến 15") == .range(10, 15))
        #expect(try VN.parseRequirement("12÷14") == .range(12, 14))
        #expect(try VN.parseRequirement("12~14") == .range(12, 14))
        #expect(try VN.parseRequirement("12%-14%") == .range(12, 14))
        #expect(try VN.parseRequirement("12\u{00A0}-\u{00A0}14 %") == .range(12, 14))
        #expect(try VN.parseRequirement("-2 - 3") == .range(-2, 3))  // leading minus
        #expect(try VN.parseRequirement("1,5E-3") == .value(0.0015))  // not a range
    }

    @Test func comparatorsInASCIIUnicodeAndWords() throws {
        #expect(try VN.parseRequirement(">=94") == .bound(.greaterOrEqual, 94))
        #expect(try VN.parseRequirement("=>94") == .bound(.greaterOrEqual, 94))
        #expect(try VN.parseRequirement("<= 5") == .bound(.lessOrEqual, 5))
        #expect(try VN.parseRequirement("≤5") == .bound(.lessOrEqual, 5))
        #expect(try VN.parseRequirement("= 100") == .bound(.equal, 100))
        #expect(try VN.parseRequirement("trên 80") == .bound(.greater, 80))
        #expect(try VN.parseRequirement("dưới 3%") == .bound(.less, 3))
        #expect(try VN.parseRequirement("tối thiểu 100") == .bound(.greaterOrEqual, 100))
        #expect(try VN.parseRequirement("94% trở lên") == .bound(.greaterOrEqual, 94))
    }

    @Test func comparatorFieldsOfARequirement() throws {
        #expect(try VN.parseRequirement("100").comparator == .equal)
        #expect(try VN.parseRequirement("12-14").comparator == .range)
        #expect(try VN.parseRequirement("12-14").low == 12)
        #expect(try VN.parseRequirement("12-14").high == 14)
        #expect(try VN.parseRequirement("< 3").high == 3)
        #expect(try VN.parseRequirement("Đạt").comparator == nil)
        #expect(try VN.parseRequirement("Đạt").low == nil)
    }

    @Test func decomposedVietnameseStillReadsAsDat() throws {
        // "Đạt" typed with a combining dot below (NFD).
        #expect(try VN.parseRequirement("\u{0110}a\u{0323}t") == .qualitative("Đạt"))
    }

    @Test func reversedRangeIsAnErrorThatShowsTheFix() {
        #expect(
            throws: VN.ParseError(
                found: "\"14-12\" (low end 14 above high end 12)",
                expected: "the low end first: 12-14")
        ) {
            try VN.parseRequirement("14-12")
        }
    }

    @Test func malformedRequirements() {
        for t in ["", "> ", ">= 12-14", "12-", "-", "12-abc", "NaN-3", "3 đến"] {
            #expect(throws: VN.ParseError.self, "\(t)") { try VN.parseRequirement(t) }
        }
    }

    @Test func qualitativeUnderAPercentUnitIsAContradiction() {
        #expect(throws: VN.ParseError.self) { try VN.parseRequirement("Đạt", unit: "%") }
    }
}
