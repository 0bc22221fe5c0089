import Foundation
import Testing
import TestSupport
@testable import PlanModel

/// `Formatting.number` against its definition written with Foundation's formatter
/// (`String(format: "%.12g")` read back, as the function did before it called the C
/// library directly), over generated doubles of every kind: short decimals as typed in
/// files, computed values with binary noise, random bit patterns, huge and tiny numbers.
@Suite struct FormattingTests {
    static func reference(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if !v.isFinite { return v > 0 ? "Inf" : "-Inf" }
        let r = Double(String(format: "%.12g", v)) ?? v
        if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
        return "\(r)"
    }

    @Test func numberAgreesWithTheFoundationDefinition() {
        let seed: UInt64 = 2026_14
        var generator = SeededGenerator(seed: seed)
        for case_ in 0..<30_000 {
            let v: Double
            switch case_ % 5 {
            case 0:  // typed: up to 6 digits, 0-3 decimals
                v =
                    Double(Int.random(in: -999_999...999_999, using: &generator))
                    / [1, 10, 100, 1000][Int.random(in: 0...3, using: &generator)]
            case 1:  // computed: binary noise in the last digits
                v =
                    Double(Int.random(in: 1...999, using: &generator)) / 100 * 100
                    * Double.random(in: 0.5...2, using: &generator)
            case 2:  // any bit pattern
                v = Double(bitPattern: generator.next())
            case 3:  // near 12-digit rounding boundaries
                v =
                    (Double(Int.random(in: 1...999_999_999_999, using: &generator)) + 0.5)
                    * pow(10, Double(Int.random(in: -20...5, using: &generator)))
            default:  // 12-17 significant digits
                v = Double.random(in: -1e6...1e6, using: &generator)
            }
            #expect(
                Formatting.number(v) == Self.reference(v),
                "seed \(seed), case \(case_): \(v.bitPattern)")
        }
    }

    @Test func printfFixedAgreesWithStringFormat() {
        let seed: UInt64 = 31
        var generator = SeededGenerator(seed: seed)
        var values: [Double] = [
            0, -0.0, 0.5, 1.5, 2.5, -0.004, 1e300, -1e300, 1e-300, .infinity, -.infinity, .nan,
            Double.greatestFiniteMagnitude
        ]
        for _ in 0..<5_000 {
            values.append(Double(bitPattern: generator.next()))
            values.append(Double.random(in: -1e4...1e4, using: &generator))
        }
        for (case_, v) in values.enumerated() {
            let decimals = case_ % 10
            #expect(
                Formatting.printfFixed(v, decimals) == String(format: "%.\(decimals)f", v),
                "seed \(seed), case \(case_): \(v.bitPattern), \(decimals) decimals")
        }
    }

    @Test func examples() {
        #expect(Formatting.number(0.14 * 100) == "14")
        #expect(Formatting.number(12.5) == "12.5")
        #expect(Formatting.number(2026) == "2026")
        #expect(Formatting.number(1e-5) == "1e-05")
        #expect(Formatting.number(1.0 / 3) == "0.333333333333")
        #expect(Formatting.shortestFormDigits(12.5) == 3)
        #expect(Formatting.shortestFormDigits(0.0125) == 3)
        #expect(Formatting.shortestFormDigits(100) == 1)
        #expect(Formatting.shortestFormDigits(1e-5) == 1)
        #expect(Formatting.shortestFormDigits(0) == 0)
        #expect(Formatting.shortestFormDigits(1.0 / 3) == 16)
    }
}
