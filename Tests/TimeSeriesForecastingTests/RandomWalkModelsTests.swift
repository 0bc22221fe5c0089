import Foundation
import Testing
@testable import TimeSeriesForecasting

/// Closed forms (Hyndman & Athanasopoulos, FPP3 §5.5), computed by hand below.
struct RandomWalkModelsTests {
    let series = try! YearlySeries(
        name: "s", x: [2018, 2019, 2020, 2021, 2022], y: [10, 12, 11, 15, 16])
    // First differences 2, −1, 4, 1: mean 1.5; Σd² = 22; Σ(d − 1.5)² = 0.25 + 6.25 + 6.25 + 0.25 = 13.

    @Test func naiveRepeatsTheLastValueWithRootHSpread() throws {
        let f = try NaiveModel().forecast(series, horizon: 3)
        #expect(f.centers == [16, 16, 16])
        let sigma = (22.0 / 4).squareRoot()
        for h in 1...3 {
            #expect(abs(f.standardDeviations[h - 1] - sigma * Double(h).squareRoot()) < 1e-12)
        }
        #expect(series.forecastYears(horizon: 3) == [2023, 2024, 2025])
    }

    @Test func driftExtendsTheEndPointLine() throws {
        let f = try DriftModel().forecast(series, horizon: 2)
        #expect(f.centers == [17.5, 19])
        let variance = 13.0 / 3
        #expect(abs(f.standardDeviations[0] - (variance * (1 + 1.0 / 4)).squareRoot()) < 1e-12)
        #expect(abs(f.standardDeviations[1] - (variance * (2 + 4.0 / 4)).squareRoot()) < 1e-12)
    }

    @Test func constantGrowthCompoundsTheEndPointRate() throws {
        let s = try YearlySeries(name: "g", x: [1, 2, 3], y: [100, 110, 121])
        let f = try ConstantGrowthModel().forecast(s, horizon: 2)
        #expect(abs(f.point(1) - 133.1) < 1e-9 && abs(f.point(2) - 146.41) < 1e-9)
        #expect(f.scale == .logarithm)
        #expect(throws: ForecastError.self) {
            try ConstantGrowthModel().forecast(
                try YearlySeries(name: "z", x: [1, 2, 3], y: [1, 0, 2]), horizon: 1)
        }
    }

    @Test func tooShortOrGappySeriesAreRefusedWithAReason() throws {
        let short = try YearlySeries(name: "s", x: [1, 2], y: [1, 2])
        #expect(throws: ForecastError.self) { try DriftModel().forecast(short, horizon: 1) }
        let gappy = try YearlySeries(name: "g", x: [2018, 2019, 2021, 2022], y: [1, 2, 3, 4])
        do {
            _ = try NaiveModel().forecast(gappy, horizon: 1)
            Issue.record("expected a refusal")
        } catch let e as ForecastError {
            #expect(e.description.contains("evenly spaced"))
        }
    }
}
