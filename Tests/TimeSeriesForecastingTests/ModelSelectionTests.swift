import Testing
@testable import TimeSeriesForecasting

struct ModelSelectionTests {
    @Test func poolingByHand() {
        let selection = ModelSelection(candidates: [NaiveModel(), DriftModel()], poolingWeight: 10)
        // Own 1.0 (10 forecasts) and 2.0 (10); pooled 3.0 and 1.0 → (10 + 30)/20 = 2.0 and (20 + 10)/20 = 1.5.
        let ranking = selection.ranking(own: [(1.0, 10), (2.0, 10)], pooled: [3.0, 1.0])
        #expect(ranking.map(\.index) == [1, 0])
        #expect(ranking.map(\.score) == [1.5, 2.0])
        // Without own evidence the pooled score decides; with neither, last.
        #expect(selection.ranking(own: [nil, nil], pooled: [1.0, nil]).map(\.index) == [0, 1])
    }

    @Test func pooledScoresAverageSeries() {
        let pooled = ModelSelection.pooledScores([[(1, 3), nil], [(3, 5), (2, 1)]], candidates: 2)
        #expect(pooled[0] == 2 && pooled[1] == 2)
    }

    /// Evidence (sMAPE 10, scaled 1) and (20, 3): yardsticks 15 and 2, scores
    /// ½(10/15 + 1/2) and ½(20/15 + 3/2).
    @Test func scoresWeighBothMeasuresAlike() {
        func e(_ smape: Double, _ scaled: Double) -> HeldOutError {
            HeldOutError(
                origin: 3, step: 1, actual: 0, point: 0, standardized: 0, baseDegreesOfFreedom: nil,
                scale: 1
            )
            .with(symmetricAPE: smape, scaledError: scaled)
        }
        let errors = [[e(10, 1)], [e(20, 3)]]
        let y = ModelSelection.yardsticks([ModelSelection.evidence(errors)])
        #expect(y.symmetricMAPE == 15 && y.scaledError == 2)
        let scores = ModelSelection.ownScores(errors, yardsticks: y).map { $0!.mean }
        #expect(
            abs(scores[0] - (10.0 / 15 + 0.5) / 2) < 1e-12
                && abs(scores[1] - (20.0 / 15 + 1.5) / 2) < 1e-12)
    }
}

extension HeldOutError {
    /// An error with the given sMAPE (actual 100, forecast below it) and scaled error.
    func with(symmetricAPE: Double, scaledError: Double) -> HeldOutError {
        // sMAPE = 200(100 − f)/(100 + f) → f = 100(200 − s)/(200 + s).
        let f = 100 * (200 - symmetricAPE) / (200 + symmetricAPE)
        return HeldOutError(
            origin: origin, step: step, actual: 100, point: f, standardized: 0,
            baseDegreesOfFreedom: nil, scale: (100 - f) / scaledError)
    }
}
