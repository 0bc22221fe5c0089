import Foundation
import Testing
import TestSupport
@testable import PlanIO

/// `NumberColumn` and the actuals reader: one decimal mark per file, decided from all its
/// values; the user's mark wins; contradictions are located errors, never guesses.
@Suite struct NumberColumnRules {
    func cells(_ texts: [String], unit: String? = "DN") -> [NumberColumn.Cell] {
        texts.enumerated().map {
            NumberColumn.Cell(text: $0.element, line: $0.offset + 2, unit: unit)
        }
    }

    @Test func theFileEvidenceDecidesTheAmbiguousValue() throws {
        // The fault of issue 9: 14.125 beside 17.5 and 15.25 was read as 14125.
        #expect(
            try NumberColumn.read(cells(["17.5", "15.25", "14.125"]), file: "a.csv", field: "value")
                == [17.5, 15.25, 14.125])
        #expect(
            try NumberColumn.read(cells(["17,5", "14.125"]), file: "a.csv", field: "value") == [
                17.5, 14125
            ])
        #expect(
            try NumberColumn.read(
                cells(["1.234.567", "1.500"], unit: "%"), file: "a.csv", field: "value") == [
                    1_234_567, 1500
                ])
    }

    @Test func theUsersMarkWinsOverTheUnit() throws {
        // No evidence in the file; a count would read 1.500 as 1500 without the option.
        #expect(try NumberColumn.read(cells(["1.500"]), file: "a.csv", field: "value") == [1500])
        #expect(
            try NumberColumn.read(
                cells(["1.500"]), file: "a.csv", field: "value", decimalMark: .point) == [1.5])
        #expect(
            try NumberColumn.read(
                cells(["1,500"], unit: "%"), file: "a.csv", field: "value", decimalMark: .point)
                == [1500])
    }

    @Test func withoutEvidenceTheUnitRuleStays() throws {
        #expect(
            try NumberColumn.read(
                cells(["1.500", "2028"], unit: "người"), file: "a.csv", field: "value") == [
                    1500, 2028
                ])
        #expect(
            try NumberColumn.read(cells(["1.500"], unit: "%"), file: "a.csv", field: "value") == [
                1.5
            ])
        #expect(throws: InputError.self) {
            try NumberColumn.read(
                self.cells(["1.500"], unit: "tỷ đồng"), file: "a.csv", field: "value")
        }
    }

    @Test func aValueAgainstTheUsersMarkIsALocatedError() {
        #expect(
            throws: InputError.badData(
                location: SourceLocation(file: "a.csv", line: 3, field: "value"),
                found: "\"12,5\", written with a decimal comma",
                expected:
                    "a decimal point, as given for this file (--decimal-point); write every value of the file with one decimal mark"
            )
        ) {
            try NumberColumn.read(
                self.cells(["17", "12,5"]), file: "a.csv", field: "value", decimalMark: .point)
        }
    }

    @Test func bothMarksInOneFileIsAnErrorAtTheOddOne() {
        #expect(
            throws: InputError.badData(
                location: SourceLocation(file: "a.csv", line: 4, field: "value"),
                found:
                    "\"12,5\", written with a decimal comma, in a file whose other values use a decimal point (2 values, first on line 2: \"17.5\")",
                expected: "every value of the file written with one decimal mark")
        ) {
            try NumberColumn.read(
                self.cells(["17.5", "15.25", "12,5"]), file: "a.csv", field: "value")
        }
        // A tie: the later mark is the odd one.
        #expect(throws: InputError.self) {
            try NumberColumn.read(self.cells(["12,5", "17.5"]), file: "a.csv", field: "value")
        }
        do {
            _ = try NumberColumn.read(cells(["12,5", "17.5"]), file: "a.csv", field: "value")
        } catch let InputError.badData(location, _, _) {
            #expect(location.line == 3)
        } catch { Issue.record("\(error)") }
    }
}

/// The fault case end to end through `ActualsFile` on the embedded An Hưng plan.
@Suite struct ActualsDecimalMark {
    let plan = try! PlanLoader.load(directory: nil)

    func read(_ csv: String, decimalMark: DecimalMark? = nil) throws -> [Double] {
        try ActualsFile.parse(
            CSVTable.parse(text: csv, file: "actuals.csv"), plan: plan, decimalMark: decimalMark
        ).map(\.value)
    }

    @Test func fourteenPointOneTwoFiveEnterprisesStayFractional() throws {
        let csv =
            "indicator,year,value\nincome_per_capita,2026,17.5\nincome_per_capita,2027,15.25\nenterprises_active,2028,14.125\n"
        #expect(try read(csv) == [17.5, 15.25, 14.125])
        #expect(try read(csv, decimalMark: .point) == [17.5, 15.25, 14.125])
    }

    @Test func theDecimalPointOptionWinsOverTheCountUnit() throws {
        let csv =
            "indicator,year,value\nenterprises_active,2026,16\nenterprises_active,2027,1.500\n"
        #expect(try read(csv) == [16, 1500])  // no evidence: the unit rule
        #expect(try read(csv, decimalMark: .point) == [16, 1.5])  // the option wins
    }

    @Test func aCommaInAPointFileNamesItsLine() {
        let csv =
            "indicator,year,value\nincome_per_capita,2026,17.5\nincome_per_capita,2027,15.25\nincome_per_capita,2028,18,5\n"
        // (an unquoted 18,5 in a comma-separated file is a field count error; use ;)
        let semi = csv.replacingOccurrences(of: ",", with: ";").replacingOccurrences(
            of: "18;5", with: "18,5")
        do {
            _ = try read(semi)
            Issue.record("read a file mixing 17.5 and 18,5")
        } catch let e as InputError {
            #expect(e.exitCode == 65)
            #expect(
                e.description.hasPrefix(
                    "actuals.csv:4 [value]: found \"18,5\", written with a decimal comma"))
        } catch { Issue.record("\(error)") }
    }
}

/// Property: a value formatted in a convention and read back from a file gives the value.
@Suite struct DecimalMarkRoundTrip {
    /// A random value with 0-4 decimals, written in `mark` with or without thousands
    /// grouping; returns the text and the value (from Swift's own `Double(String)`).
    static func written(_ mark: DecimalMark, fractionDigits: Int, using rng: inout SeededGenerator)
        -> (String, Double)
    {
        let integer = UInt64.random(
            in: 0...(Bool.random(using: &rng) ? 999 : 9_999_999_999), using: &rng)
        let fraction = (0..<fractionDigits).map { _ in String(Int.random(in: 0...9, using: &rng)) }
            .joined()
        var intText = String(integer)
        if Bool.random(using: &rng), intText.count > 3 {
            let separators: [String] = mark == .point ? [","] : [".", " ", "\u{00A0}"]
            let separator = separators.randomElement(using: &rng)!
            var groups: [String] = []
            var digits = Substring(intText)
            while digits.count > 3 {
                groups.insert(String(digits.suffix(3)), at: 0); digits = digits.dropLast(3)
            }
            groups.insert(String(digits), at: 0)
            intText = groups.joined(separator: separator)
        }
        let text = fraction.isEmpty ? intText : intText + mark.rawValue + fraction
        let value = Double(fraction.isEmpty ? String(integer) : "\(integer).\(fraction)")!
        return (text, value)
    }

    @Test func formattedValuesReadBack() throws {
        let units: [String?] = ["DN", "%", "tỷ đồng", "người", "ha", nil]
        for seed in UInt64(1)...400 {
            var rng = SeededGenerator(seed: seed)
            let mark = DecimalMark.allCases.randomElement(using: &rng)!
            let n = Int.random(in: 1...8, using: &rng)
            var texts: [String] = [], values: [Double] = []
            for _ in 0..<n {
                let (t, v) = Self.written(
                    mark, fractionDigits: Int.random(in: 0...4, using: &rng), using: &rng)
                texts.append(t); values.append(v)
            }
            // One value with one or two decimals proves the file's mark.
            let (proof, proofValue) = Self.written(
                mark, fractionDigits: Int.random(in: 1...2, using: &rng), using: &rng)
            let at = Int.random(in: 0...n, using: &rng)
            texts.insert(proof, at: at); values.insert(proofValue, at: at)
            let cells = texts.enumerated().map {
                NumberColumn.Cell(
                    text: $0.element, line: $0.offset + 2, unit: units.randomElement(using: &rng)!)
            }
            let decided = try? NumberColumn.read(cells, file: "p.csv", field: "value")
            #expect(
                decided == values,
                "seed \(seed): \(mark) \(texts) read as \(decided.map { "\($0)" } ?? "an error")")
            let given = try? NumberColumn.read(
                cells, file: "p.csv", field: "value", decimalMark: mark)
            #expect(given == values, "seed \(seed): \(mark) given, \(texts)")
            // The same file with the other mark given is an error, never another reading.
            #expect(throws: InputError.self, "seed \(seed)") {
                try NumberColumn.read(cells, file: "p.csv", field: "value", decimalMark: mark.other)
            }
        }
    }

    @Test func givenMarkReadsFilesWithoutEvidence() throws {
        for seed in UInt64(1000)...1400 {
            var rng = SeededGenerator(seed: seed)
            let mark = DecimalMark.allCases.randomElement(using: &rng)!
            let written = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                Self.written(mark, fractionDigits: [0, 3].randomElement(using: &rng)!, using: &rng)
            }
            let cells = written.enumerated().map {
                NumberColumn.Cell(text: $0.element.0, line: $0.offset + 2, unit: "DN")
            }
            let read = try? NumberColumn.read(
                cells, file: "p.csv", field: "value", decimalMark: mark)
            #expect(read == written.map(\.1), "seed \(seed): \(written.map(\.0))")
        }
    }
}
