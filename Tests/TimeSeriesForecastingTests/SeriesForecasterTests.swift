import Foundation
import Testing
@testable import TimeSeriesForecasting

struct SeriesForecasterTests {
    /// Random walks with drift 1 and unit steps, `length` values each (seeded).
    static func walks(count: Int, length: Int, seed: UInt64) -> [YearlySeries] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { i in
            var v = 100.0
            let y = (0..<length).map { _ -> Double in
                v += 1 + rng.normal(); return v
            }
            return try! YearlySeries(name: "w\(i)", x: (0..<length).map { 2000 + Double($0) }, y: y)
        }
    }

    @Test func resultsKeepInputOrderAndExplainFailures() {
        let raw = [
            SeriesForecaster.RawSeries(name: "b", x: [3, 1, 2, 4], y: [3, 1, 2, 4]),
            SeriesForecaster.RawSeries(name: "a", x: [1, 1], y: [1, 2]),
            SeriesForecaster.RawSeries(name: "c", x: [1, 2], y: [1, 2])
        ]
        let run = SeriesForecaster(choice: .single(NaiveModel()), horizon: 2).run(raw: raw)
        #expect(run.results.map(\.name) == ["b", "a", "c"])
        #expect(run.results[0].distributions.map(\.point) == [4, 4])
        #expect(run.results[0].years == [5, 6])
        #expect(run.results[1].failure?.contains("increase") == true)
        #expect(run.results[2].forecast != nil)  // naive needs only 2 values
    }

    /// Naive forecasts of drifting random walks are biased, so their own intervals
    /// under-cover; calibrated on held-out errors alone (weight 1) they cover close to
    /// nominal on the next 6 values (400 series × 6 steps, seeded), where past errors are
    /// like future ones by construction; the default blend (0.6) lies in between.
    @Test func calibrationRepairsUnderCoverage() {
        let series = Self.walks(count: 400, length: 26, seed: 42)
        let backtest = Backtest(
            setups: [
                .init(
                    label: "own",
                    forecaster: SeriesForecaster(
                        choice: .single(NaiveModel()), horizon: 6, calibrate: false)),
                .init(
                    label: "calibrated",
                    forecaster: SeriesForecaster(
                        choice: .single(NaiveModel()), horizon: 6, calibrationWeight: 1)),
                .init(
                    label: "blend",
                    forecaster: SeriesForecaster(choice: .single(NaiveModel()), horizon: 6))
            ], horizon: 6, origins: 1)
        let overall = backtest.run(series).overall
        #expect(overall[0].coverage[0] < 0.72, "own 80 %: \(overall[0].coverage[0])")
        #expect(
            abs(overall[1].coverage[0] - 0.80) < 0.05, "calibrated 80 %: \(overall[1].coverage[0])")
        #expect(
            abs(overall[1].coverage[1] - 0.95) < 0.04, "calibrated 95 %: \(overall[1].coverage[1])")
        #expect(
            overall[0].coverage[0] < overall[2].coverage[0]
                && overall[2].coverage[0] < overall[1].coverage[0])
    }

    /// Auto's invariants: with the default κ = ∞ every series gets the candidate with the
    /// least pooled score; with κ = 0 each series its own best; both say why.
    @Test func autoChoosesTheBestRankedModelAndSaysWhy() {
        let series = Self.walks(count: 40, length: 15, seed: 3)
        let pooled = SeriesForecaster(
            choice: .auto(ModelSelection(candidates: [NaiveModel(), DriftModel()])), horizon: 3
        ).run(series)
        let scores = pooled.candidates.map { $0.pooledScore! }
        let best = scores[0] <= scores[1] ? "naive" : "drift"
        #expect(
            pooled.results.allSatisfy { $0.method == best && $0.reason.contains("rolling-origin") })
        #expect(best == "drift")  // drifting walks

        let selection = ModelSelection(candidates: [NaiveModel(), DriftModel()], poolingWeight: 0)
        let own = SeriesForecaster(choice: .auto(selection), horizon: 3).run(series)
        let errors = series.map { s in
            selection.candidates.map { RollingOrigin(horizon: 3).errors(of: $0, on: s) }
        }
        let yardsticks = ModelSelection.yardsticks(errors.map(ModelSelection.evidence))
        for (i, r) in own.results.enumerated() {
            let scores = ModelSelection.ownScores(errors[i], yardsticks: yardsticks).map {
                $0!.mean
            }
            #expect(r.method == (scores[0] <= scores[1] ? "naive" : "drift"), "series \(i)")
        }
    }
}
