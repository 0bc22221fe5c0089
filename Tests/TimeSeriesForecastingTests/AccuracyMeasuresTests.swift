import Testing
@testable import TimeSeriesForecasting

struct AccuracyMeasuresTests {
    @Test func symmetricAPEByHand() {
        #expect(
            abs(AccuracyMeasures.symmetricAPE(actual: 100, forecast: 90) - 2000.0 / 190) < 1e-12)
        #expect(AccuracyMeasures.symmetricAPE(actual: 0, forecast: 0) == 0)
        #expect(AccuracyMeasures.symmetricAPE(actual: -1, forecast: 1) == 200)
    }

    @Test func naiveScaleIsTheMeanAbsoluteDifference() {
        #expect(AccuracyMeasures.naiveScale([10, 12, 11, 15, 16]) == 8.0 / 4)
        #expect(AccuracyMeasures.naiveScale([3, 3, 3]) == nil)
        #expect(AccuracyMeasures.naiveScale([3]) == nil)
    }

    @Test func symmetricAPEStaysWithin0And200() {
        var rng = SeededGenerator(seed: 7)
        for i in 0..<1000 {
            let v = AccuracyMeasures.symmetricAPE(
                actual: rng.uniform(-1e3, 1e3), forecast: rng.uniform(-1e3, 1e3))
            #expect(v >= 0 && v <= 200, "case \(i)")
        }
    }
}
