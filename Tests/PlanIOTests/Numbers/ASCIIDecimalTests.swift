import Testing
import TestSupport
@testable import PlanIO

/// `ASCIIDecimal` against the standard library's `Double(String)` (an independent,
/// correctly rounded conversion) over generated decimal texts.
@Suite struct ASCIIDecimalParsing {
    func parse(_ s: String) -> Double? { ASCIIDecimal.parse(Array(s.utf8)[...]) }

    @Test func handPickedValues() {
        #expect(parse("12.5") == 12.5)
        #expect(parse("-0.1") == -0.1)
        #expect(parse("+2028") == 2028)
        #expect(parse("1.5e-3") == 0.0015)
        #expect(parse("0.30000000000000004") == 0.30000000000000004)
        for bad in ["", "-", ".", "1.2.3", "12,5", "1e", "nan", "inf", "0x10", "1 000", "1e15"] {
            #expect(parse(bad) == nil, "\(bad)")
        }
    }

    @Test func agreesWithTheStandardLibrary() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<200_000 {
            var s = Bool.random(using: &rng) ? "-" : ""
            s += String(
                (0..<Int.random(in: 1...17, using: &rng)).map { _ in
                    "0123456789".randomElement(using: &rng)!
                })
            if Bool.random(using: &rng) {
                s +=
                    "."
                    + String(
                        (0..<Int.random(in: 1...20, using: &rng)).map { _ in
                            "0123456789".randomElement(using: &rng)!
                        })
            }
            if Int.random(in: 0..<4, using: &rng) == 0 {
                s += "e\(Int.random(in: -30...5, using: &rng))"
            }
            let expected = Double(s).flatMap { abs($0) < 1e15 ? $0 : nil }
            #expect(parse(s) == expected, "seed 42: \(s)")
        }
    }
}
