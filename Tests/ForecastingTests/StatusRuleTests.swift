import Foundation
import Testing
@testable import Forecasting
@testable import PlanModel
@testable import Regression

/// `StatusRule` on evidence written by hand (oriented scale: larger is better).
@Suite struct StatusRuleTests {
    func evidence(
        kind: TargetKind = .level, meets: Bool = false, goal: Double = 10, latest: Double = 6,
        pace: Double,
        years: Double = 2, trend: Double? = nil, p: Double? = nil
    ) -> StatusRule.Evidence {
        StatusRule.Evidence(
            kind: kind, latestMeets: meets, goal: goal, latest: latest, pace: pace,
            yearsLeft: years,
            trendAtTargetYear: trend, probability: p)
    }

    @Test func ratioIsTheShareOfTheRemainingGapClosed() {
        // Gap 4, 2 years left: pace 1.9/yr closes 3.8 = 95 %; 1.2/yr 60 %; 0 → 0 %.
        let rule = StatusRule(rule: .cagr)
        #expect(rule.decide(evidence(pace: 1.9)).status == .onTrack)
        #expect(rule.decide(evidence(pace: 1.9)).progressRatio == 0.95)
        #expect(rule.decide(evidence(pace: 1.89)).status == .accelerationNeeded)
        #expect(rule.decide(evidence(pace: 1.2)).status == .accelerationNeeded)
        #expect(rule.decide(evidence(pace: 1.19)).status == .limitedProgress)
        #expect(rule.decide(evidence(pace: 0)).status == .limitedProgress)
        #expect(rule.decide(evidence(pace: -0.01)).status == .deterioration)
        #expect(rule.decide(evidence(pace: -0.01)).reason == .movingAway)
    }

    @Test func theTrendRuleAlsoAsksTheTrendLine() {
        // Pace enough from the latest actual (ratio 1.5) but the trend line ends at 9.5:
        // τ = (9.5 − 6)/4 = 0.875 < 0.95 → acceleration needed; at 9.9 (τ 0.975) on track.
        let rule = StatusRule(rule: .trend)
        let short = rule.decide(evidence(pace: 3, trend: 9.5))
        #expect(short.status == .accelerationNeeded)
        #expect(short.trendPositionRatio == 0.875)
        #expect(short.reason == .paceButTrendShort(ratio: 1.5, trendRatio: 0.875))
        #expect(rule.decide(evidence(pace: 3, trend: 9.9)).status == .onTrack)
    }

    @Test func metLevelIsAchievedWhateverThePace() {
        for r in AssessmentRule.allCases {
            #expect(
                StatusRule(rule: r).decide(
                    evidence(meets: true, latest: 11, pace: -5, trend: 0, p: 0)
                ).status == .achieved)
        }
    }

    @Test func missingAndMovingAwayIsDeteriorationUnderEveryRule() {
        for r in AssessmentRule.allCases {
            #expect(
                StatusRule(rule: r).decide(evidence(pace: -0.5, trend: 20, p: 0.9)).status
                    == .deterioration)
        }
    }

    @Test func aStrictComparatorMetWithEqualityHasNoGapLeft() {
        // "> 10" with the latest exactly 10: gap 0, rising → on track, falling → deterioration.
        let rule = StatusRule(rule: .trend)
        #expect(
            rule.decide(evidence(goal: 10, latest: 10, pace: 0.1, trend: 10.2)).status == .onTrack)
        #expect(
            rule.decide(evidence(goal: 10, latest: 10, pace: -0.1, trend: 9.8)).status
                == .deterioration)
    }

    @Test func growthTargetAheadStaysOrFalls() {
        let rule = StatusRule(rule: .cagr)
        // 12 against a goal of 10: falling 0.5/yr for 2 years ends at 11 ≥ 10 → on track;
        // falling 1.5/yr ends at 9 → acceleration needed.
        #expect(
            rule.decide(evidence(kind: .growth, meets: true, latest: 12, pace: -0.5)).status
                == .onTrack)
        #expect(
            rule.decide(evidence(kind: .growth, meets: true, latest: 12, pace: -1.5)).status
                == .accelerationNeeded)
        #expect(
            rule.decide(evidence(kind: .growth, meets: true, latest: 12, pace: -1.5)).progressRatio
                == nil)
    }

    @Test func probabilityRuleCutOffs() {
        let rule = StatusRule(rule: .probability)
        #expect(rule.decide(evidence(pace: 1, p: 0.5)).status == .onTrack)
        #expect(rule.decide(evidence(pace: 1, p: 0.49)).status == .accelerationNeeded)
        #expect(rule.decide(evidence(pace: 1, p: 0.2)).status == .accelerationNeeded)
        #expect(rule.decide(evidence(pace: 1, p: 0.19)).status == .limitedProgress)
        #expect(rule.decide(evidence(pace: 1, p: nil)).status == .insufficientData)
    }
}

/// `MaintainedStatusRule` on evidence written by hand.
@Suite struct MaintainedStatusRuleTests {
    func decide(
        _ missed: [Int], pace: Double? = 0.1, projectionMeets: Bool? = true,
        rule: AssessmentRule = .trend
    ) -> TargetStatus {
        MaintainedStatusRule(rule: rule).decide(
            .init(
                yearsMissed: missed, latestYear: 2028, pace: pace, projectionMeets: projectionMeets)
        ).status
    }

    @Test func statuses() {
        #expect(decide([]) == .onTrack)
        #expect(decide([], projectionMeets: false) == .accelerationNeeded)
        #expect(decide([], projectionMeets: false, rule: .cagr) == .onTrack)
        #expect(decide([2028]) == .accelerationNeeded)
        #expect(decide([2028], pace: -0.1) == .deterioration)
        #expect(decide([2026, 2028]) == .limitedProgress)
        #expect(decide([2026, 2028], pace: -0.1) == .deterioration)
        #expect(decide([2026]) == .limitedProgress)
        #expect(decide([2026], pace: -0.1) == .limitedProgress)
    }
}

/// `MeetProbability` against scipy: x = 0..3, y = 1, 2, 2.5, 4, linear fit b = (0.95,
/// 0.95), at x = 5 median 5.7 and sd √(σ̂² + se²) = 0.568990333837052 (df 2);
/// P(y ≥ 6) = 1 − t₂.cdf((6 − 5.7)/sd) = 0.3253332470781255 (numpy.linalg.lstsq and
/// scipy.stats.t, recorded here).
@Suite struct MeetProbabilityTests {
    @Test func matchesScipy() throws {
        let fit = try TrendFit.fit(.linear, x: [0, 1, 2, 3], y: [1, 2, 2.5, 4])
        let meet = try #require(MeetProbability(fit: fit, at: 5))
        #expect(abs(meet.median - 5.7) < 1e-12)
        #expect(abs(meet.standardDeviation - 0.5689903338370522) < 1e-12)
        #expect(abs(meet.of(goal: 6, direction: .higher) - 0.3253332470781255) < 1e-9)
        #expect(abs(meet.of(goal: 6, direction: .lower) - 0.6746667529218745) < 1e-9)
    }

    @Test func exactFitHasNoProbability() throws {
        #expect(MeetProbability(fit: try TrendFit.fit(.linear, x: [0, 1], y: [1, 2]), at: 5) == nil)
        #expect(
            MeetProbability(fit: try TrendFit.fit(.linear, x: [0, 1, 2], y: [1, 2, 3]), at: 5)
                == nil)
    }

    @Test func goalsOutsideTheModelsRange() throws {
        let fit = try TrendFit.fit(.logistic(bound: 100), x: [0, 1, 2, 3], y: [50, 60, 65, 72])
        let meet = try #require(MeetProbability(fit: fit, at: 5))
        #expect(meet.of(goal: 100, direction: .higher) == 0)
        #expect(meet.of(goal: 0, direction: .lower) == 0)
        #expect(meet.of(goal: 0, direction: .higher) == 1)
    }
}

/// `ReviewSeries`: aggregates and the model choice.
@Suite struct ReviewSeriesTests {
    let plan: Plan = {
        let parts = ["a", "b"].map {
            Indicator(id: $0, nameVi: $0, nameEn: $0, unit: "tỷ", measure: .amount)
        }
        let total = Indicator(
            id: "t", nameVi: "t", nameEn: "t", unit: "tỷ", measure: .amount, components: ["a", "b"])
        let rate = Indicator(
            id: "r", nameVi: "r", nameEn: "r", unit: "%", measure: .rate, upperBound: 100)
        return Plan(
            id: "p", nameVi: "p", nameEn: "p", firstYear: 2026, lastYear: 2030, baselineYear: 2025,
            indicators: parts + [total, rate],
            targets: [],
            baseline: [
                BaselineValue(indicator: "a", year: 2025, value: 1, unit: "tỷ", source: .official),
                BaselineValue(indicator: "b", year: 2025, value: 2, unit: "tỷ", source: .official),
                BaselineValue(indicator: "r", year: 2025, value: 40, unit: "%", source: .official)
            ])
    }()

    @Test func aggregateSumsYearsWhereEveryComponentHasAValue() throws {
        let obs = [
            Observation(indicator: "a", year: 2026, value: 1.5),
            Observation(indicator: "b", year: 2026, value: 2.5),
            Observation(indicator: "a", year: 2027, value: 1.7)
        ]
        let s = try #require(ReviewSeries.assemble(plan: plan, indicator: "t", actuals: obs))
        #expect(s.baseline == 3)
        #expect(s.actuals.map(\.year) == [2026])
        #expect(s.actuals.map(\.value) == [4])
        #expect(ReviewSeries.assemble(plan: plan, indicator: "nope", actuals: obs) == nil)
    }

    @Test func modelChoiceLooksAtTheGoalToo() throws {
        let s = try #require(
            ReviewSeries.assemble(
                plan: plan, indicator: "a",
                actuals: [Observation(indicator: "a", year: 2026, value: 2)]))
        #expect(s.model(goal: 5) == .exponential)
        #expect(s.model(goal: 0) == .linear)  // a goal of 0 has no logarithm
        let r = try #require(
            ReviewSeries.assemble(
                plan: plan, indicator: "r",
                actuals: [Observation(indicator: "r", year: 2026, value: 45)]))
        #expect(r.model(goal: 60) == .logistic(bound: 100))
        #expect(r.model(goal: 100) == .linear)  // on the bound
        #expect(r.clamp(104) == 100 && r.clamp(-1) == 0)
    }
}
