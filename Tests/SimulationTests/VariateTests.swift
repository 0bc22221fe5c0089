import Testing
import Foundation
import PlanModel
import LinearAlgebra
import Distributions
@testable import Simulation

@Suite struct RandomVariates {
    /// Standard normals: mean 0, variance 1, Kolmogorov–Smirnov distance to GSL's Φ below
    /// the 0.1 % critical value 1.95/√n, and tail frequencies beyond the ziggurat's base
    /// edge r = 3.654 (where the tail algorithm takes over) and at ±2, ±3.
    @Test func zigguratNormalsAreStandardNormal() {
        var g = Xoshiro256StarStar(seed: 42, stream: 0)
        let n = 200_000
        var xs = (0..<n).map { _ in g.normal() }
        let mean = xs.reduce(0, +) / Double(n)
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        #expect(abs(mean) < 4 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 4 * (2 / Double(n)).squareRoot())
        xs.sort()
        var d = 0.0
        for (i, x) in xs.enumerated() {
            let f = StandardNormal.cdf(x)
            d = max(d, abs(f - Double(i) / Double(n)), abs(f - Double(i + 1) / Double(n)))
        }
        #expect(d < 1.95 / Double(n).squareRoot())
        for c in [2.0, 3.0, Ziggurat.r] {
            let p = 2 * (1 - StandardNormal.cdf(c))
            let observed = Double(xs.filter { abs($0) > c }.count) / Double(n)
            #expect(abs(observed - p) < 4 * (p * (1 - p) / Double(n)).squareRoot(), "tail beyond \(c)")
        }
    }

    @Test func uniformsAreUniformOnTheOpenInterval() {
        var g = Xoshiro256StarStar(seed: 0)
        let n = 100_000
        var counts = [Int](repeating: 0, count: 10)
        var sum = 0.0
        for _ in 0..<n {
            let u = g.uniformOpen()
            #expect(u > 0 && u < 1)
            counts[Int(u * 10)] += 1; sum += u
        }
        // χ² with 9 degrees of freedom: 0.1 % critical value 27.9.
        let chi2 = counts.map { Double($0 - n / 10) * Double($0 - n / 10) / Double(n / 10) }.reduce(0, +)
        #expect(chi2 < 27.9)
        #expect(abs(sum / Double(n) - 0.5) < 4 * (1.0 / 12 / Double(n)).squareRoot())
    }

    @Test func streamsDifferAndRepeat() {
        var a = Xoshiro256StarStar(seed: 5, stream: 0), b = Xoshiro256StarStar(seed: 5, stream: 1)
        var a2 = Xoshiro256StarStar(seed: 5, stream: 0)
        let xa = (0..<4).map { _ in a.next() }
        #expect(xa != (0..<4).map { _ in b.next() })
        #expect(xa == (0..<4).map { _ in a2.next() })
    }

    /// xoshiro256** from state (1, 2, 3, 4): first output rotl(2·5, 7)·9 = 11520, second
    /// computed by hand from the update rule (s1 becomes 2 ^ 3 ^ 1... = 0 after step one:
    /// t = 2<<17; s2 = 3^1 = 2; s3 = 4^2 = 6; s1 = 2^2 = 0; s0 = 1^6 = 7; s2 ^= t).
    @Test func referenceOutput() {
        var g = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect(g.next() == 11520)
        // After step one s1 = 0, so the second output is 0.
        #expect(g.next() == 0)
    }

    @Test func latinHypercubePermutationIsABijection() {
        for n in [1, 2, 3, 17, 1000, 4097] {
            let p = FeistelPermutation(count: n, seed: 9, stream: 3)
            #expect(Set((0..<n).map { p($0) }) == Set(0..<n))
        }
    }

    @Test func inverseDistributionFunctions() {
        #expect(GrowthSpec.uniform(low: 0.1, high: 0.2).quantile(0.25) == 0.125)
        // Triangular(0, 1, 2) is symmetric: median 1, F(0.5) = 0.125 so quantile(0.125) = 0.5.
        #expect(abs(GrowthSpec.triangular(low: 0, mode: 1, high: 2).quantile(0.125) - 0.5) < 1e-15)
        #expect(abs(GrowthSpec.normal(mean: 0.1, sd: 0.02).quantile(0.975) - (0.1 + 0.02 * 1.959963984540054)) < 1e-12)
        // Truncated to [m, ∞) the median is m + sd·Φ⁻¹(0.75).
        let t = GrowthSpec.truncatedNormal(mean: 0, sd: 1, low: 0, high: 50).quantile(0.5)
        #expect(abs(t - 0.6744897501960817) < 1e-12)
    }
}

@Suite struct CholeskyFactor {
    @Test func factorOfACorrelationMatrix() throws {
        // [[1, .6], [.6, 1]] = L Lᵀ with L = [[1, 0], [.6, .8]].
        let c = try Cholesky(Matrix([[1, 0.6], [0.6, 1]]))
        #expect(abs(c.lower[0, 0] - 1) < 1e-15 && abs(c.lower[1, 0] - 0.6) < 1e-15)
        #expect(abs(c.lower[1, 1] - 0.8) < 1e-15 && c.lower[0, 1] == 0)
    }

    @Test func notPositiveDefiniteNamesTheOrder() {
        let m = Matrix([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 3)) { try Cholesky(m) }
        #expect(throws: LinearAlgebraError.self) { try Cholesky(Matrix([[1, 2], [0, 1]])) }
    }
}

@Suite struct OrderStatistics {
    @Test func quickselectAgreesWithSorting() {
        var g = Xoshiro256StarStar(seed: 11)
        for n in [1, 2, 3, 10, 101, 1000] {
            // Many ties (values rounded to one decimal) and distinct values alike.
            for ties in [false, true] {
                let xs = (0..<n).map { _ in ties ? (g.normal() * 3).rounded() / 10 : g.normal() }
                let sorted = xs.sorted()
                for k in Set([0, n / 3, n / 2, n - 1]) {
                    var copy = xs
                    let v = copy.withUnsafeMutableBufferPointer { Runner.select(k, in: $0) }
                    #expect(v == sorted[k])
                }
            }
        }
    }
}
