import Testing
@testable import TimeSeriesForecasting

struct YearlySeriesTests {
    @Test func stepIsTheSmallestGap() throws {
        #expect(try YearlySeries(name: "s", x: [2010, 2012, 2013], y: [1, 2, 3]).step == 1)
        #expect(
            try YearlySeries(name: "s", x: [2010], y: [1]).forecastYears(horizon: 2) == [2011, 2012]
        )
        #expect(
            try YearlySeries(name: "s", x: [2000, 2005, 2010], y: [1, 2, 3]).forecastYears(
                horizon: 1) == [2015])
        #expect(try !YearlySeries(name: "s", x: [2010, 2012, 2013], y: [1, 2, 3]).isEvenlySpaced)
    }

    @Test func refusesWhatNoModelCanUse() {
        #expect(throws: ForecastError.self) { try YearlySeries(name: "s", x: [], y: []) }
        #expect(throws: ForecastError.self) { try YearlySeries(name: "s", x: [1, 1], y: [1, 2]) }
        #expect(throws: ForecastError.self) { try YearlySeries(name: "s", x: [1, 2], y: [1, .nan]) }
        #expect(throws: ForecastError.self) { try YearlySeries(name: "s", x: [1, 2], y: [1]) }
    }
}
