import Foundation
import Testing
@testable import TimeSeriesForecasting

struct ForecastDistributionTests {
    @Test func normalQuantilesAndProbabilitiesByHand() {
        let d = ForecastDistribution(
            scale: .identity, center: 100, standardDeviation: 10,
            shape: DistributionShape(spread: 1, degreesOfFreedom: nil))
        #expect(abs(d.quantile(0.975) - (100 + 10 * 1.959963984540054)) < 1e-9)
        #expect(abs(d.probability(atLeast: 100) - 0.5) < 1e-15)
        // P(Z ≥ 1) = 0.15865525393145707 (R: pnorm(1, lower.tail = FALSE)).
        #expect(abs(d.probability(atLeast: 110) - 0.15865525393145707) < 1e-12)
    }

    @Test func logScaleMapsQuantilesBack() {
        let d = ForecastDistribution(
            scale: .logarithm, center: log(50), standardDeviation: 0.1,
            shape: DistributionShape(spread: 2, degreesOfFreedom: 5))
        #expect(abs(d.point - 50) < 1e-12)
        // qt(0.9, 5) = 1.475884048824481 (R).
        #expect(abs(d.quantile(0.9) - 50 * exp(0.1 * 2 * 1.475884048824481)) < 1e-9)
        #expect(d.probability(atLeast: 0) == 1 && d.probability(atLeast: -3) == 1)
    }

    /// Invariants over generated distributions: quantiles increase with p, the interval
    /// holds the point, and P(value ≥ quantile(p)) = 1 − p.
    @Test func invariantsOverGeneratedDistributions() {
        var rng = SeededGenerator(seed: 2026)
        for seed in 0..<300 {
            let scales: [ForecastScale] = [.identity, .logarithm, .logit(bound: 100)]
            let scale = scales[seed % 3]
            let center = scale == .identity ? rng.uniform(-1e4, 1e4) : rng.uniform(-3, 3)
            let df: Double? = seed % 2 == 0 ? nil : rng.uniform(1, 60)
            let d = ForecastDistribution(
                scale: scale, center: center, standardDeviation: rng.uniform(0.001, 2),
                shape: DistributionShape(spread: rng.uniform(0.3, 3), degreesOfFreedom: df))
            var last = -Double.infinity
            for p in stride(from: 0.01, through: 0.99, by: 0.07) {
                let q = d.quantile(p)
                #expect(q >= last, "seed \(seed) p \(p)")
                last = q
                let back = d.probability(atLeast: q)
                #expect(abs(back - (1 - p)) < 1e-6, "seed \(seed) p \(p): \(back)")
            }
            let (lo, hi) = d.interval(level: 0.8)
            #expect(lo <= d.point && d.point <= hi, "seed \(seed)")
        }
    }
}
