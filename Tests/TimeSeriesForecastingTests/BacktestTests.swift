import Testing
@testable import TimeSeriesForecasting

struct BacktestTests {
    /// Hand-computed: s1 = 10, 12, 11 | 15, 16 and s2 = 5, 5, 6 | 6, 3, naive forecasts 11
    /// and 6. sMAPE h1: (200·4/26 + 0)/2; h2: (200·5/27 + 200·3/9)/2. MASE scales 1.5 and
    /// 0.5: h1 (4/1.5 + 0)/2, h2 (5/1.5 + 3/0.5)/2; overall the mean of the four.
    /// Own naive intervals (σ̂ = √2.5 and √0.5): only s2 at h1 (error 0) is inside.
    @Test func naiveScoresByHand() {
        let s1 = try! YearlySeries(name: "s1", x: [1, 2, 3, 4, 5], y: [10, 12, 11, 15, 16])
        let s2 = try! YearlySeries(name: "s2", x: [1, 2, 3, 4, 5], y: [5, 5, 6, 6, 3])
        let result = Backtest(
            setups: [
                .init(
                    label: "naive",
                    forecaster: SeriesForecaster(
                        choice: .single(NaiveModel()), horizon: 2, calibrate: false))
            ],
            horizon: 2
        ).run([s1, s2])
        let rows = result.rows
        #expect(rows.map(\.step) == [1, 2, nil])
        #expect(abs(rows[0].symmetricMAPE - 200.0 * 4 / 26 / 2) < 1e-12)
        #expect(abs(rows[1].symmetricMAPE - (200.0 * 5 / 27 + 200.0 * 3 / 9) / 2) < 1e-12)
        #expect(abs(rows[0].meanAbsoluteScaledError! - (4 / 1.5) / 2) < 1e-12)
        #expect(abs(rows[1].meanAbsoluteScaledError! - (5 / 1.5 + 6) / 2) < 1e-12)
        #expect(abs(rows[2].meanAbsoluteScaledError! - 3.0) < 1e-12)
        #expect(
            abs(rows[2].symmetricMAPE - (200.0 * 4 / 26 + 200.0 * 5 / 27 + 200.0 * 3 / 9) / 4)
                < 1e-12)
        #expect(rows[2].coverage == [0.25, 0.25])
        #expect(rows[0].coverage == [0.5, 0.5] && rows[1].coverage == [0, 0])
        #expect(rows[2].count == 4)
    }

    @Test func writersCarryTheNumbers() {
        let s1 = try! YearlySeries(name: "s1", x: [1, 2, 3, 4, 5], y: [10, 12, 11, 15, 16])
        let result = Backtest(
            setups: [
                .init(
                    label: "a<b",
                    forecaster: SeriesForecaster(
                        choice: .single(NaiveModel()), horizon: 2, calibrate: false))
            ],
            horizon: 2
        ).run([s1])
        let csv = BacktestWriter().csv(result)
        #expect(csv.hasPrefix("model,h,n,smape,mase,coverage_80,width_80,coverage_95,width_95\n"))
        #expect(csv.contains("a<b,1,1,30.7692,2.6667,0.00,"))
        let html = BacktestWriter().html(result)
        #expect(html.contains("a&lt;b") && !html.contains("a<b") && html.contains("<svg"))
        #expect(BacktestWriter().markdown(result).contains("| a<b | 2 | 33.90 | 3.000 |"))
    }
}
