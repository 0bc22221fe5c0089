import Foundation
import Testing
@testable import TimeSeriesForecasting

struct ExponentialSmoothingModelTests {
    let three = try! YearlySeries(name: "s", x: [1, 2, 3], y: [12, 12, 15])

    @Test func sesWithFixedParametersByHand() throws {
        // ℓ0 = 10, α = 0.5, y = 12, 11, 15: ℓ = 11, 11, 13; errors 2, 0, 4 (SSE 20).
        let s = try YearlySeries(name: "s", x: [1, 2, 3], y: [12, 11, 15])
        let model = ExponentialSmoothingModel(trend: .none, fixed: .init(alpha: 0.5, level: 10))
        let f = try model.forecast(s, horizon: 3)
        #expect(f.centers == [13, 13, 13])
        let variance = 20.0 / 3  // nothing estimated: SSE / n
        #expect(abs(f.standardDeviations[1] - (variance * (1 + 0.25)).squareRoot()) < 1e-12)
        #expect(abs(f.standardDeviations[2] - (variance * (1 + 2 * 0.25)).squareRoot()) < 1e-12)
    }

    @Test func holtWithFixedParametersByHand() throws {
        let model = ExponentialSmoothingModel(
            trend: .additive, fixed: .init(alpha: 0.5, beta: 0.2, level: 10, trend: 1))
        let f = try model.forecast(three, horizon: 2)
        #expect(abs(f.centers[0] - 15.583) < 1e-12 && abs(f.centers[1] - 16.961) < 1e-12)
        let variance = 4.0181 / 3
        #expect(abs(f.standardDeviations[1] - (variance * (1 + 0.7 * 0.7)).squareRoot()) < 1e-12)
    }

    @Test func dampedWithFixedParametersByHand() throws {
        let model = ExponentialSmoothingModel(
            trend: .damped, fixed: .init(alpha: 0.5, beta: 0.2, phi: 0.9, level: 10, trend: 1))
        let f = try model.forecast(three, horizon: 2)
        #expect(abs(f.centers[0] - 15.1194872) < 1e-10 && abs(f.centers[1] - 16.10283368) < 1e-10)
    }

    @Test func dampedWithFixedParametersMatchesStatsmodels() throws {
        for (name, ref) in StatsmodelsReference.shared.series {
            let r = ref.etsFixed
            let s = try YearlySeries(
                name: name, x: StatsmodelsReference.years(ref.y.count), y: ref.y)
            let model = ExponentialSmoothingModel(
                trend: .damped,
                fixed: .init(
                    alpha: r.alpha, beta: r.beta, phi: r.phi,
                    level: r.level0, trend: r.trend0))
            let f = try model.forecast(s, horizon: r.forecast.count)
            for h in 0..<f.horizon {
                #expect(
                    abs(f.centers[h] - r.forecast[h]) <= 1e-9 * abs(r.forecast[h]),
                    "\(name) h=\(h + 1)")
                // σ² conventions differ (statsmodels SSE/n); the growth of the variance with h must not.
                let ours = pow(f.standardDeviations[h] / f.standardDeviations[0], 2)
                #expect(
                    abs(ours - r.variance[h] / r.variance[0]) <= 1e-9 * ours, "\(name) h=\(h + 1)")
            }
        }
    }

    /// Both minimise the same SSE under the same bounds (α, β ∈ [1e-4, 0.9999], β ≤ α,
    /// φ ∈ [0.8, 0.98]); ours must find a minimum at least as low, and forecasts close.
    @Test func estimatedFitsMatchStatsmodelsETSModel() throws {
        let models: [String: ExponentialSmoothingModel.Trend] = [
            "ANN": .none, "AAN": .additive, "AAdN": .damped
        ]
        for (name, ref) in StatsmodelsReference.shared.series {
            let s = try YearlySeries(
                name: name, x: StatsmodelsReference.years(ref.y.count), y: ref.y)
            for (code, trend) in models {
                let r = ref.ets[code]!
                let fit = try ExponentialSmoothingModel(trend: trend).fit(s)
                #expect(
                    fit.sumOfSquaredErrors <= r.sse * (1 + 1e-4),
                    "\(name) \(code): SSE \(fit.sumOfSquaredErrors) vs \(r.sse)")
                let f = try fit.forecast(horizon: r.forecast.count)
                let spread = (ref.y.max()! - ref.y.min()!)
                for h in 0..<f.horizon {
                    #expect(
                        abs(f.centers[h] - r.forecast[h]) <= 0.02 * spread,
                        "\(name) \(code) h=\(h + 1): \(f.centers[h]) vs \(r.forecast[h])")
                }
            }
        }
    }

    @Test func etsChoosesTheLeastAICc() throws {
        let ref = StatsmodelsReference.shared.series["trend_noise"]!
        let s = try YearlySeries(name: "t", x: StatsmodelsReference.years(ref.y.count), y: ref.y)
        let best = try ETSAutoModel().select(s)
        for candidate in ETSAutoModel.candidates {
            if let fit = try? candidate.fit(s) { #expect(best.aicc <= fit.aicc) }
        }
    }
}
