import Testing
@testable import PlanModel

@Suite struct TargetComparison {
    func target(_ c: Comparator, _ low: Double, _ high: Double? = nil, _ d: Direction = .higher)
        -> Target
    {
        Target(
            id: "t", indicator: "x", nameVi: "x", nameEn: "x", unit: "%", kind: .level,
            comparator: c, low: low, high: high ?? low, targetYear: 2030, startYear: 2026,
            direction: d)
    }

    @Test func strictLessIsStrict() {
        #expect(target(.less, 3, nil, .lower).isMet(2.99))
        #expect(!target(.less, 3, nil, .lower).isMet(3))
    }

    @Test func rangeForHigherIsBetterMeansAtLeastTheLowEnd() {
        let t = target(.range, 0.12, 0.14)
        #expect(t.isMet(0.12))
        #expect(t.isMet(0.15))
        #expect(t.exceedsRange(0.15))
        #expect(!t.isMet(0.119))
    }

    @Test func unicodeComparatorsParse() {
        #expect(Comparator(symbol: "≥") == .greaterOrEqual)
        #expect(Comparator(symbol: "≤") == .lessOrEqual)
        #expect(Comparator(symbol: "~") == nil)
    }
}
