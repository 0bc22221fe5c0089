import Testing
@testable import Distributions

/// The generator against an independent Python implementation of the published reference
/// code (SplitMix64 seeding and xoshiro256**, Blackman & Vigna), printed by
/// scripts/distribution-reference-values.py.
@Suite struct Xoshiro256StarStarReference {
    /// From state (1, 2, 3, 4) the first output is rotl(2·5, 7)·9 = 11520 and the second 0
    /// (by hand: after one step s1 = 2 ^ (3 ^ 1) = 0); the rest from the Python reference.
    @Test func outputsFromAGivenState() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1509978240, 1215971899390074240, 1216172134540287360, 607988272756665600
        ]
        #expect((0..<6).map { _ in g.next() } == expected)
    }

    @Test func seedingThroughSplitMix64() {
        var zero = Xoshiro256StarStar(seed: 0)
        #expect(
            (0..<5).map { _ in zero.next() }
                == [
                    0x99ec5f36cb75f2b4, 0xbf6e1f784956452a, 0x1a5f849d4933e6e0, 0x6aa594f1262d2d2c,
                    0xbba5ad4a1f842e59
                ])
        var g = Xoshiro256StarStar(seed: 2026)
        #expect(
            (0..<5).map { _ in g.next() }
                == [
                    0x92e011592e98ae15, 0x489f37946d6d18d8, 0xd0009e279d9cdeda, 0xe4c7dca786d56702,
                    0xcfe18b79c1223aca
                ])
    }

    @Test func streamDerivation() {
        var g = Xoshiro256StarStar(seed: 2026, stream: 3)
        #expect(
            (0..<3).map { _ in g.next() } == [
                0x37f3373b7a852558, 0x898957be86d7e74c, 0x98ede33f1eb1d54b
            ])
    }

    /// uniformOpen = (k + ½)·2⁻⁵³ with k the top 53 bits: the Python reference's values.
    @Test func uniformOpenFromTheTopBits() {
        var g = Xoshiro256StarStar(seed: 2026)
        let expected = [0.5737315027932677, 0.28367946027485796, 0.8125094267576176]
        for e in expected { #expect(g.uniformOpen() == e) }
    }
}

@Suite struct Xoshiro256StarStarStreams {
    /// Reproducibility: the same (seed, stream) gives the same sequence; neighbouring
    /// streams and seeds differ.
    @Test func sameSeedSameSequenceOtherStreamsDiffer() {
        var a = Xoshiro256StarStar(seed: 5, stream: 0), b = Xoshiro256StarStar(seed: 5, stream: 1)
        var again = Xoshiro256StarStar(seed: 5, stream: 0),
            other = Xoshiro256StarStar(seed: 6, stream: 0)
        let xa = (0..<64).map { _ in a.next() }
        #expect(xa == (0..<64).map { _ in again.next() })
        #expect(xa != (0..<64).map { _ in b.next() })
        #expect(xa != (0..<64).map { _ in other.next() })
    }

    @Test func uniformsAreUniformOnTheOpenInterval() {
        var g = Xoshiro256StarStar(seed: 0)
        let n = 100_000
        var counts = [Int](repeating: 0, count: 10)
        var sum = 0.0
        var inside = true
        for _ in 0..<n {
            let u = g.uniformOpen()
            inside = inside && u > 0 && u < 1
            counts[Int(u * 10)] += 1; sum += u
        }
        #expect(inside)
        // χ² with 9 degrees of freedom: 0.1 % critical value 27.88 (scipy.stats.chi2.ppf(0.999, 9)).
        let chi2 = counts.map { Double($0 - n / 10) * Double($0 - n / 10) / Double(n / 10) }.reduce(
            0, +)
        #expect(chi2 < 27.88)
        #expect(abs(sum / Double(n) - 0.5) < 4 * (1.0 / 12 / Double(n)).squareRoot())
    }
}
