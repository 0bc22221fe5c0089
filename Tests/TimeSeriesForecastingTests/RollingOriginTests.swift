import Testing
@testable import TimeSeriesForecasting

struct RollingOriginTests {
    @Test func originsAndNaiveErrorsByHand() {
        let s = try! YearlySeries(name: "s", x: [1, 2, 3, 4, 5], y: [10, 12, 11, 15, 16])
        let plan = RollingOrigin(horizon: 2, maximumOrigins: 10, minimumTraining: 3)
        #expect(plan.origins(count: 5) == [3, 4])
        let e = plan.errors(of: NaiveModel(), on: s)
        // origin 3 (last 11): h1 → 15, h2 → 16; origin 4 (last 15): h1 → 16.
        #expect(e.map(\.step) == [1, 2, 1])
        #expect(e.map(\.point) == [11, 11, 15])
        #expect(e.map(\.actual) == [15, 16, 16])
        // Scales: mean |Δ| of 10, 12, 11 = 1.5; of 10, 12, 11, 15 = 7/3.
        #expect(e[0].scaledAbsoluteError == 4 / 1.5 && e[2].scaledAbsoluteError! == 1 / (7.0 / 3))
        // Standardized by the naive σ̂ at origin 3: √((4 + 1)/2), ×√2 at h = 2.
        #expect(abs(e[1].standardized - 5 / (2.5.squareRoot() * 2.0.squareRoot())) < 1e-12)
    }

    @Test func tooShortSeriesGiveNoRecords() {
        let s = try! YearlySeries(name: "s", x: [1, 2, 3], y: [1, 2, 3])
        #expect(RollingOrigin(horizon: 2).errors(of: NaiveModel(), on: s).isEmpty)
    }
}
