import Testing
import Foundation
import PlanModel
import LinearAlgebra
import Distributions
@testable import Simulation

@Suite struct DesignFunctions {
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
        #expect(
            abs(
                GrowthSpec.normal(mean: 0.1, sd: 0.02).quantile(0.975)
                    - (0.1 + 0.02 * 1.959963984540054)) < 1e-12)
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
                    let v = copy.withUnsafeMutableBufferPointer { Quickselect.select(k, in: $0) }
                    #expect(v == sorted[k])
                }
            }
        }
    }
}
