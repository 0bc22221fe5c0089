import Testing
import Regression
@testable import TimeSeriesForecasting

struct LeastSquaresTrendModelTests {
    /// y = 1, 3, 2, 4 at x = 1…4: slope 0.8, intercept 0.5, RSS 1.8, s² = 0.9 (df 2);
    /// at x = 5 the prediction 4.5 with sd √(0.9 + 0.9·(1/4 + 2.5²/5)) = 1.5.
    @Test func linearTrendByHand() throws {
        let s = try YearlySeries(name: "s", x: [1, 2, 3, 4], y: [1, 3, 2, 4])
        let f = try LeastSquaresTrendModel(.linear).forecast(s, horizon: 1)
        #expect(abs(f.centers[0] - 4.5) < 1e-12 && abs(f.standardDeviations[0] - 1.5) < 1e-12)
        #expect(f.degreesOfFreedom == 2)
    }

    @Test func exponentialTrendWorksOnLogScaleAndTakesGaps() throws {
        let s = try YearlySeries(name: "s", x: [2010, 2012, 2013], y: [100, 121, 133.1])
        let f = try LeastSquaresTrendModel(.exponential).forecast(s, horizon: 1)
        #expect(f.scale == .logarithm)
        // Exact 10 %/yr growth: the point at 2014 is 146.41.
        #expect(abs(f.point(1) - 146.41) < 1e-8)
    }

    @Test func exactFitsHaveNoInterval() throws {
        let s = try YearlySeries(name: "s", x: [1, 2], y: [1, 2])
        #expect(throws: ForecastError.self) {
            try LeastSquaresTrendModel(.linear).forecast(s, horizon: 1)
        }
    }
}
