import Foundation
import Testing
@testable import TimeSeriesForecasting

struct NelderMeadTests {
    @Test func findsTheMinimumOfAQuadraticInsideTheBox() {
        let r = NelderMead.minimize(
            start: [0.5, 0.5], lower: [0, 0], upper: [1, 1], tolerance: 1e-14
        ) { p in
            (p[0] - 0.2) * (p[0] - 0.2) + 3 * (p[1] - 0.7) * (p[1] - 0.7)
        }
        #expect(abs(r.point[0] - 0.2) < 1e-5 && abs(r.point[1] - 0.7) < 1e-5)
    }

    @Test func aMinimumOutsideTheBoxEndsOnItsEdge() {
        let r = NelderMead.minimize(start: [0.5], lower: [0], upper: [1], tolerance: 1e-14) { p in
            (p[0] - 3) * (p[0] - 3)
        }
        #expect(abs(r.point[0] - 1) < 1e-9)
    }

    @Test func rosenbrockFromTheTextbookStart() {
        // Rosenbrock's banana, minimum 0 at (1, 1) (Nocedal & Wright, 2006, §9.5).
        let r = NelderMead.minimize(
            start: [-1.2, 1], lower: [-5, -5], upper: [5, 5], tolerance: 1e-16,
            maximumEvaluations: 5000
        ) { p in
            100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0])
        }
        #expect(abs(r.point[0] - 1) < 1e-3 && abs(r.point[1] - 1) < 2e-3)
    }

    @Test func everyEvaluatedPointLiesInTheBox() {
        for seed in 0..<20 {
            var rng = SeededGenerator(seed: UInt64(seed))
            let target = [rng.uniform(-3, 3), rng.uniform(-3, 3)]
            var outside = false
            _ = NelderMead.minimize(
                start: [rng.uniform(-1, 1), rng.uniform(-1, 1)], lower: [-1, -1], upper: [1, 1]
            ) { p in
                if p.contains(where: { $0 < -1 || $0 > 1 }) { outside = true }
                return (p[0] - target[0]) * (p[0] - target[0]) + (p[1] - target[1])
                    * (p[1] - target[1])
            }
            #expect(!outside, "seed \(seed)")
        }
    }
}

/// A small seeded generator for property tests (SplitMix64); failing seeds are printed.
struct SeededGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * Double(next() >> 11) / Double(1 << 53)
    }
    /// Box–Muller.
    mutating func normal() -> Double {
        let u = max(uniform(0, 1), 1e-300), v = uniform(0, 1)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
