import Testing
import TestSupport
@testable import Simulation

/// `SobolAnalysis.estimate` gives bit for bit what the plain loop it replaced gives (one
/// input at a time, one sum per row in order), over generated outputs, resamples and
/// input counts (1 to 9, so the four-at-a-time blocks and the remainder both run).
@Suite struct SobolEstimateTests {
    static func plain(rows: [Int], fA: [Double], fB: [Double], fAB: [[Double]]) -> [(
        Double, Double
    )] {
        var s = 0.0, s2 = 0.0
        for j in rows {
            s += fA[j] + fB[j]; s2 += fA[j] * fA[j] + fB[j] * fB[j]
        }
        let cnt = Double(2 * rows.count)
        let mean = s / cnt
        let v = max(0, s2 / cnt - mean * mean)
        if !(v > 1e-300) { return Array(repeating: (0, 0), count: fAB.count) }
        return fAB.map { ab in
            var dB = 0.0, dA = 0.0
            for j in rows {
                let e1 = fB[j] - ab[j]; dB += e1 * e1
                let e2 = fA[j] - ab[j]; dA += e2 * e2
            }
            let nn = Double(rows.count)
            return (1 - dB / (2 * nn * v), dA / (2 * nn * v))
        }
    }

    @Test func sameBitsAsThePlainLoop() {
        let seed: UInt64 = 2048
        var g = SeededGenerator(seed: seed)
        for round in 0..<300 {
            let n = Int.random(in: 2...300, using: &g), k = Int.random(in: 1...9, using: &g)
            let scale = [1e-3, 1, 1e6][round % 3]
            func column() -> [Double] { (0..<n).map { _ in g.normal() * scale + scale } }
            let fA = column(), fB = column()
            let fAB = (0..<k).map { _ in column() }
            let rows =
                round % 4 == 0
                ? Array(0..<n) : (0..<n).map { _ in Int.random(in: 0..<n, using: &g) }
            let expected = Self.plain(rows: rows, fA: fA, fB: fB, fAB: fAB)
            let flat = fAB.flatMap { $0 }
            let got = rows.withUnsafeBufferPointer { r in
                fA.withUnsafeBufferPointer { a in
                    fB.withUnsafeBufferPointer { b in
                        flat.withUnsafeBufferPointer { ab in
                            SobolAnalysis.estimate(rows: r, fA: a, fB: b, fAB: ab, inputs: k)
                        }
                    }
                }
            }
            #expect(got.count == k)
            for i in 0..<k {
                #expect(
                    got[i].0.bitPattern == expected[i].0.bitPattern
                        && got[i].1.bitPattern == expected[i].1.bitPattern,
                    "seed \(seed), round \(round), input \(i)")
            }
        }
    }
}
