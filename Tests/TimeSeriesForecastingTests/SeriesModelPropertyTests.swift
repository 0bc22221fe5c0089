import Foundation
import Testing
@testable import TimeSeriesForecasting

/// Every model of the menu, on generated series of every awkward kind (constant, zeros,
/// negative, huge, tiny, trending, 1–12 values, gaps), either forecasts — exactly H finite
/// steps, sd ≥ 0, quantiles ordered — or refuses with `ForecastError`; never traps. The
/// failing seed is printed.
struct SeriesModelPropertyTests {
    static func series(seed: UInt64) -> YearlySeries {
        var rng = SeededGenerator(seed: seed)
        let n = 1 + Int(rng.next() % 12)
        let kind = rng.next() % 7
        var y: [Double] = []
        var level = rng.uniform(-100, 100)
        for i in 0..<n {
            switch kind {
            case 0: y.append(42)
            case 1: y.append(0)
            case 2: y.append(-rng.uniform(1, 1000))
            case 3: y.append(rng.uniform(1e12, 1e13))
            case 4: y.append(rng.uniform(1e-9, 1e-8))
            case 5: y.append(10 + 3 * Double(i) + rng.normal())
            default: level += rng.normal() * 5; y.append(level)
            }
        }
        var x = (0..<n).map { 2000 + Double($0) }
        if rng.next() % 5 == 0, n > 2 { for i in (n / 2)..<n { x[i] += 1 } }  // a gap
        return try! YearlySeries(name: "s\(seed)", x: x, y: y)
    }

    @Test func everyModelForecastsOrRefuses() throws {
        let names = ModelMenu.names + ["logistic:50", "median(theta+drift+damped)"]
        let models = try names.map { try ModelMenu.model(named: $0) }
        for seed in UInt64(0)..<80 {
            let s = Self.series(seed: seed)
            for model in models {
                do {
                    let f = try model.forecast(s, horizon: 4)
                    #expect(f.horizon == 4, "seed \(seed) \(model.name)")
                    for h in 1...4 {
                        let d = f.distribution(h)
                        let (lo, hi) = d.interval(level: 0.8)
                        #expect(lo <= d.point && d.point <= hi, "seed \(seed) \(model.name) h \(h)")
                        #expect(f.standardDeviations[h - 1] >= 0)
                    }
                } catch is ForecastError {
                    // a refusal with a reason is allowed
                }
            }
        }
    }

    @Test func theWholePipelineRunsOnGeneratedFiles() {
        let series = (UInt64(0)..<25).map(Self.series)
        let selection = ModelSelection(
            candidates: ModelSelection.standardCandidates.map { try! ModelMenu.model(named: $0) })
        let run = SeriesForecaster(choice: .auto(selection), horizon: 3).run(series)
        #expect(run.results.count == series.count)
        for r in run.results {
            #expect(r.failure != nil || r.distributions.count == 3, "\(r.name)")
            for d in r.distributions { #expect(d.quantile(0.1) <= d.quantile(0.9), "\(r.name)") }
        }
    }
}
