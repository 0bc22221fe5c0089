import Foundation
import Testing
@testable import TimeSeriesForecasting

struct ModelMenuTests {
    @Test func everyNameParses() throws {
        for name in ModelMenu.names { #expect(try ModelMenu.model(named: name).name != "") }
        #expect(try ModelMenu.model(named: "logistic:1").name == "logistic:1")
        #expect(try ModelMenu.model(named: "median(theta+drift)").name == "median(theta+drift)")
    }

    @Test func unknownNamesAreRefused() {
        for bad in ["", "arima", "logistic:-1", "mean()", "poly:2"] {
            #expect(throws: ForecastError.self, "\(bad)") { try ModelMenu.model(named: bad) }
        }
    }

    @Test func combinationAveragesThePoints() throws {
        let s = try YearlySeries(name: "s", x: [1, 2, 3, 4, 5], y: [10, 12, 11, 15, 16])
        let f = try ModelMenu.model(named: "mean(naive+drift)").forecast(s, horizon: 2)
        let expected: [Double] = [16.75, 17.5]  // (16 + 17.5)/2, (16 + 19)/2
        #expect(f.centers == expected)
        let m = try ModelMenu.model(named: "median(naive+drift+cagr)").forecast(s, horizon: 1)
        // naive 16, drift 17.5, cagr 16·1.6^¼ ≈ 17.99: the median is drift's.
        #expect(m.centers[0] == 17.5)
    }
}
