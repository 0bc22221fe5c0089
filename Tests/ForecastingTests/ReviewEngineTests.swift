import Foundation
import Testing
@testable import Forecasting
@testable import PlanIO
@testable import PlanModel

/// Statuses on constructed series whose progress ratio is known by construction: the
/// actuals lie exactly on the model's curve, so the least-squares slope is the curve's
/// slope k (to rounding), and the ratio ρ = k · h / G (pace carried on from the latest
/// actual over the h years left, against the remaining gap G on the model's scale) is
/// solved for k by hand in each test.
@Suite struct ReviewStatuses {
    func plan(measure: Measure, baseline: Double, target: Target, bound: Double? = nil) -> Plan {
        let ind = Indicator(
            id: "x", nameVi: "x", nameEn: "x", unit: measure == .rate ? "%" : "tỷ đồng",
            measure: measure, upperBound: bound)
        return Plan(
            id: "p", nameVi: "p", nameEn: "p", firstYear: 2026, lastYear: 2030, baselineYear: 2025,
            indicators: [ind],
            targets: [target],
            baseline: [
                BaselineValue(
                    indicator: "x", year: 2025, value: baseline, unit: ind.unit, source: .official)
            ])
    }

    func level(
        _ c: PlanModel.Comparator, _ v: Double, _ d: Direction = .higher, kind: TargetKind = .level
    ) -> Target {
        Target(
            id: "T", indicator: "x", nameVi: "x", nameEn: "x", unit: "tỷ đồng", kind: kind,
            comparator: c, low: v, high: v,
            targetYear: 2030, startYear: 2026, direction: d)
    }

    func obs(_ values: [Double]) -> [Observation] {
        values.enumerated().map {
            Observation(indicator: "x", year: 2026 + $0.offset, value: $0.element)
        }
    }

    /// Amount 100 → 200 by 2030, three actuals on exp(k·t): latest 100·e^{3k} in 2028,
    /// G = ln 2 − 3k, h = 2, so ρ = 2k / (ln 2 − 3k), i.e. k = ρ · ln 2 / (2 + 3ρ).
    func amountStatus(ratio: Double, rule: AssessmentRule = .trend) -> TargetAssessment {
        let slope = ratio * log(2) / (2 + 3 * ratio)
        let p = plan(measure: .amount, baseline: 100, target: level(.greaterOrEqual, 200))
        var o = ReviewEngine.Options(); o.rule = rule
        return ReviewEngine.review(
            plan: p, actuals: obs((1...3).map { 100 * exp(slope * Double($0)) }), options: o
        ).assessments[0]
    }

    @Test func cutOffsOfTheTrendRule() {
        #expect(amountStatus(ratio: 0.96).status == .onTrack)
        #expect(amountStatus(ratio: 0.94).status == .accelerationNeeded)
        #expect(amountStatus(ratio: 0.61).status == .accelerationNeeded)
        #expect(amountStatus(ratio: 0.59).status == .limitedProgress)
        #expect(amountStatus(ratio: 0.01).status == .limitedProgress)
        #expect(amountStatus(ratio: -0.01).status == .deterioration)
        #expect(amountStatus(ratio: 0.96, rule: .cagr).status == .onTrack)
        #expect(amountStatus(ratio: 0.59, rule: .cagr).status == .limitedProgress)
    }

    @Test func ratioAndGrowthFigures() throws {
        // ρ = 0.8: k = 0.8 ln2 / 4.4 = (2/11) ln 2.
        let a = amountStatus(ratio: 0.8)
        #expect(abs(a.progressRatio! - 0.8) < 1e-9)
        // exact curve: the trend line is the curve
        #expect(abs(a.trendPositionRatio! - 0.8) < 1e-9)
        // Required growth from the baseline 2^(1/5) − 1 = 14.8698 %/yr; observed e^k − 1 = 2^(2/11) − 1.
        #expect(abs(a.requiredGrowth! - (pow(2, 0.2) - 1)) < 1e-12)
        #expect(abs(a.trendGrowth! - (pow(2, 2.0 / 11) - 1)) < 1e-9)
        // From the latest 100·2^(6/11) to 200 in 2 years: 2^(5/22) − 1 per year.
        #expect(abs(a.requiredFromNow! - (pow(2, 5.0 / 22) - 1)) < 1e-12)
        // Exact curve: residuals 0, so the 2030 point is 100 × 2^(10/11).
        #expect(abs(a.projected! - 100 * pow(2, 10.0 / 11)) < 1e-6)
        #expect(a.gap! < 0)
        #expect(a.model == "exponential")
    }

    @Test func endPointRuleUsesBaselineAndLatestOnly() {
        // Noisy middle point: trend and end points differ; the CAGR rule looks only at 2025
        // and 2028: end-point slope k = ln(y3/100)/3 with k = 0.7 ln2 / 4.1 gives ρ = 2k / (ln 2 − 3k) = 0.7.
        let p = plan(measure: .amount, baseline: 100, target: level(.greaterOrEqual, 200))
        let y3 = 100 * exp(3 * 0.7 * log(2) / 4.1)
        var o = ReviewEngine.Options(); o.rule = .cagr
        let a = ReviewEngine.review(plan: p, actuals: obs([150, 100, y3]), options: o).assessments[
            0]
        #expect(abs(a.progressRatio! - 0.7) < 1e-9)
        #expect(a.status == .accelerationNeeded)
        #expect(a.trendPositionRatio == nil)
    }

    @Test func latestActualMeetingALevelIsAchieved() {
        let p = plan(measure: .amount, baseline: 100, target: level(.greaterOrEqual, 120))
        let a = ReviewEngine.review(plan: p, actuals: obs([110, 121])).assessments[0]
        #expect(a.status == .achieved)
    }

    @Test func fallingIndicatorUsesItsDirection() throws {
        // Poverty 4 % → < 3 % by 2030 (lower is better), logistic on logit(p/100).
        // D = logit 3 − logit 4 (< 0); two actuals on logit 4 + k·t: G (oriented) =
        // −(D − 2k), pace −k, h = 3, so ρ = 3k / (D − 2k), i.e. k = ρ·D / (3 + 2ρ).
        func logit(_ p: Double) -> Double { log(p / (100 - p)) }
        func inv(_ z: Double) -> Double { 100 / (1 + exp(-z)) }
        let d = logit(3) - logit(4)
        let k = 1.2 * d / (3 + 2 * 1.2)
        let p = plan(measure: .rate, baseline: 4, target: level(.less, 3, .lower), bound: 100)
        let values = (1...2).map { inv(logit(4) + k * Double($0)) }
        let a = ReviewEngine.review(plan: p, actuals: obs(values)).assessments[0]
        // The default forecast rule's drift on the logit scale is k as well (equal steps).
        #expect(a.model == "drift(logit 100)")
        var trendRule = ReviewEngine.Options(); trendRule.rule = .trend
        let trend = ReviewEngine.review(plan: p, actuals: obs(values), options: trendRule)
            .assessments[0]
        #expect(
            trend.model == "logistic(100)" && abs(trend.progressRatio! - 1.2) < 1e-9
                && trend.status == .onTrack)
        #expect(abs(a.progressRatio! - 1.2) < 1e-9)
        #expect(a.status == .onTrack)
        #expect(a.growthIsChange)
        let below = ReviewEngine.review(plan: p, actuals: obs([3.5, 2.9])).assessments[0]
        #expect(below.status == .achieved)
        // Rising poverty above the ceiling moves away: deterioration.
        let rising = ReviewEngine.review(plan: p, actuals: obs([4.2, 4.5])).assessments[0]
        #expect(rising.status == .deterioration)
    }

    @Test func boundedRateBelowTheBoundUsesTheLogisticTrend() {
        // Coverage 90 → ≥ 97; three actuals on logit 90 + k·t with k = 0.7·D / (2 + 3·0.7),
        // D = logit 97 − logit 90, give ρ = 0.7 → acceleration needed.
        func logit(_ p: Double) -> Double { log(p / (100 - p)) }
        let k = 0.7 * (logit(97) - logit(90)) / (2 + 3 * 0.7)
        let values = (1...3).map { 100 / (1 + exp(-(logit(90) + k * Double($0)))) }
        let p = plan(measure: .rate, baseline: 90, target: level(.greaterOrEqual, 97), bound: 100)
        let a = ReviewEngine.review(plan: p, actuals: obs(values)).assessments[0]
        #expect(abs(a.progressRatio! - 0.7) < 1e-9)
        #expect(a.status == .accelerationNeeded)
        // Projected 2030 value stays inside (0, 100) with its interval.
        #expect(a.projected! < 100 && a.projectedIntervals.allSatisfy { $0.upper <= 100 })
    }

    @Test func targetOnTheBoundFallsBackToALinearTrend() {
        // 96 → 100 %: +0.4 pp/yr observed; from 97.2 (2028) 2.8 pp remain in 2 years, so
        // ρ = 0.4 · 2 / 2.8 = 2/7 → limited progress. Required from the baseline: 0.8 pp/yr.
        let p = plan(measure: .rate, baseline: 96, target: level(.greaterOrEqual, 100), bound: 100)
        let a = ReviewEngine.review(plan: p, actuals: obs([96.4, 96.8, 97.2])).assessments[0]
        // Equal steps: the forecast rule's drift is the trend's slope, 0.4 pp/yr.
        #expect(a.model == "drift(linear)")
        var trendRule = ReviewEngine.Options(); trendRule.rule = .trend
        let trend = ReviewEngine.review(
            plan: p, actuals: obs([96.4, 96.8, 97.2]), options: trendRule
        ).assessments[0]
        #expect(
            trend.model == "linear" && abs(trend.progressRatio! - 2.0 / 7) < 1e-9
                && trend.status == .limitedProgress)
        #expect(abs(a.requiredGrowth! - 0.8) < 1e-12)
        #expect(abs(a.requiredFromNow! - 1.4) < 1e-12)
        #expect(abs(a.progressRatio! - 2.0 / 7) < 1e-9)
        #expect(a.status == .limitedProgress)
    }

    @Test func maintainedTargetMissedInOneYear() {
        let t = level(.greaterOrEqual, 100, kind: .maintained)
        let p = plan(measure: .rate, baseline: 100, target: t, bound: 100)
        let past = ReviewEngine.review(plan: p, actuals: obs([100, 98, 100])).assessments[0]
        #expect(past.yearsMissed == [2027])
        #expect(past.status == .limitedProgress)
        let latest = ReviewEngine.review(plan: p, actuals: obs([100, 99, 97])).assessments[0]
        #expect(latest.yearsMissed == [2027, 2028])
        #expect(latest.status == .deterioration)
        let kept = ReviewEngine.review(plan: p, actuals: obs([100, 100, 100])).assessments[0]
        #expect(kept.status == .onTrack)
        // Only the latest year missed, trend rising: 99, 100, 100, 99.5 has slope +0.15
        // (Σ(x − 1.5)(y − 99.625) = 0.75 over Σ(x − 1.5)² = 5).
        let p99 = plan(measure: .rate, baseline: 99, target: t, bound: 100)
        let dip = ReviewEngine.review(plan: p99, actuals: obs([100, 100, 99.5])).assessments[0]
        #expect(dip.yearsMissed == [2028])
        #expect(dip.status == .accelerationNeeded)
        // Every year missed, rising 95 → 96, 98, 99: an earlier year is lost, limited
        // progress; raising 2028 to 100 meets that year and keeps limited progress (the
        // earlier misses stay), never worse.
        let p95 = plan(measure: .rate, baseline: 95, target: t, bound: 100)
        #expect(
            ReviewEngine.review(plan: p95, actuals: obs([96, 98, 99])).assessments[0].status
                == .limitedProgress)
        #expect(
            ReviewEngine.review(plan: p95, actuals: obs([96, 98, 100])).assessments[0].status
                == .limitedProgress)
    }

    @Test func noActualsIsInsufficientData() {
        let p = plan(measure: .amount, baseline: 100, target: level(.greaterOrEqual, 200))
        #expect(
            ReviewEngine.review(plan: p, actuals: []).assessments[0].status == .insufficientData)
    }

    @Test func probabilityRuleUsesThePredictionDistribution() throws {
        // Linear data with residuals summing to zero and orthogonal to k: y = 2k + e,
        // k = 0..4 (2025..2029), e = (0, 1, −2, 1, 0), so the least-squares line is exactly
        // 2k and its 2030 mean is 10. Target ≥ 10 in 2030: P = 0.5 exactly by symmetry of t.
        var o = ReviewEngine.Options(); o.rule = .probability
        // A zero value forces the linear trend (the exponential one needs y > 0).
        let p0 = plan(measure: .count, baseline: 0, target: level(.greaterOrEqual, 10))
        let b = ReviewEngine.review(plan: p0, actuals: obs([3, 2, 7, 8]), options: o).assessments[0]
        // y = 0 + 2k + e with e = (0, 1, −2, 1, 0): mean in 2030 (k = 5) is 10 → P = 0.5.
        #expect(b.model == "linear")
        #expect(abs(b.probability! - 0.5) < 1e-12)
        #expect(b.status == .onTrack)
    }
}

@Suite struct AnHungReview {
    @Test func exampleActualsGiveAStatusForEveryTarget() throws {
        let plan = try PlanLoader.load(directory: nil)
        let actuals = try ActualsFile.read(
            path: PlanLoader.exampleActualsPath(directory: nil)!, plan: plan)
        let r = ReviewEngine.review(plan: plan, actuals: actuals)
        #expect(r.asOf == 2028)
        #expect(r.assessments.count == plan.targets.count)
        #expect(r.usesIllustrative)
        let byId = Dictionary(uniqueKeysWithValues: r.assessments.map { ($0.target.id, $0) })
        #expect(byId["T13"]!.status == .notQuantifiable)
        #expect(byId["T03"]!.status == .notQuantifiable)
        #expect(byId["T07"]!.status == .achieved)  // poverty 2.9 < 3 in 2028
        #expect(byId["T09b"]!.status == .achieved)  // 42.9 reached in 2027
        #expect(byId["T17b"]!.yearsMissed == [2026])  // 58 % online, > 60 required
        #expect(byId["T21a"]!.yearsMissed == [2028])  // crime clearance 79 < 80
        // Total production in 2028 is the sum of the sectors: 416 + 3830 + 2110.
        #expect(byId["T02"]!.latest?.value == 6356.0)
        #expect(byId["T05a"]!.status == .deterioration)  // 16 → 16 → 15 → 15 enterprises
    }
}

@Suite struct ReviewBounds {
    @Test func linearTrendOfARateIsClampedToItsBound() {
        // 96 → 97 → 98.5 → 100: the linear trend passes 100 % by 2030; the projection and
        // its bands stay at or below 100.
        let ind = Indicator(
            id: "w", nameVi: "w", nameEn: "w", unit: "%", measure: .rate, upperBound: 100)
        let t = Target(
            id: "T", indicator: "w", nameVi: "w", nameEn: "w", unit: "%", kind: .maintained,
            comparator: .greaterOrEqual,
            low: 100, high: 100, targetYear: 2030, startYear: 2026, direction: .higher)
        let plan = Plan(
            id: "p", nameVi: "p", nameEn: "p", firstYear: 2026, lastYear: 2030, baselineYear: 2025,
            indicators: [ind],
            targets: [t],
            baseline: [
                BaselineValue(indicator: "w", year: 2025, value: 96, unit: "%", source: .official)
            ])
        let obs = [97, 98.5, 100].enumerated().map {
            Observation(indicator: "w", year: 2026 + $0.offset, value: $0.element)
        }
        let r = ReviewEngine.review(plan: plan, actuals: obs)
        let a = r.assessments[0]
        #expect(a.projected == 100)
        #expect(a.projectedIntervals.allSatisfy { $0.upper <= 100 && $0.lower >= 0 })
        #expect(
            r.charts[0].trend.allSatisfy {
                $0.value <= 100 && $0.bands.allSatisfy { $0.upper <= 100 }
            })
        #expect(a.yearsMissed == [2026, 2027])
    }
}

@Suite struct FinalOutcomes {
    let plan: Plan
    init() throws {
        let ind = Indicator(id: "x", nameVi: "x", nameEn: "x", unit: "chỉ số", measure: .amount)
        let g = Target(
            id: "G", indicator: "x", nameVi: "g", nameEn: "g", unit: "%/năm", kind: .growth,
            comparator: .range,
            low: 0.065, high: 0.07, targetYear: 2025, startYear: 2021, direction: .higher)
        plan = Plan(
            id: "p", nameVi: "p", nameEn: "p", firstYear: 2021, lastYear: 2025, baselineYear: 2020,
            indicators: [ind],
            targets: [g],
            baseline: [
                BaselineValue(
                    indicator: "x", year: 2020, value: 100, unit: "chỉ số", source: .official)
            ])
    }

    @Test func growthTargetIsJudgedOnItsEndPointAverageOnceTheYearIsIn() {
        // Index 100 → 134.653 over 2020-2025: (1.34653)^(1/5) − 1 = 6.13 %/yr < 6.5 (missed),
        // although a late acceleration makes the trend's slope larger.
        let values = [102.58, 110.807, 116.403, 124.656, 134.653]
        let obs = values.enumerated().map {
            Observation(indicator: "x", year: 2021 + $0.offset, value: $0.element)
        }
        let a = ReviewEngine.review(plan: plan, actuals: obs).assessments[0]
        #expect(a.status == .notAchieved)
        #expect(a.explanation.contains("6.13 %/yr"))
        let met = [107.0, 114.5, 122.5, 131.1, 140.3].enumerated().map {
            Observation(indicator: "x", year: 2021 + $0.offset, value: $0.element)
        }
        #expect(ReviewEngine.review(plan: plan, actuals: met).assessments[0].status == .achieved)
    }
}
