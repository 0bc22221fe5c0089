import Foundation
import Testing
import TestSupport
@testable import Forecasting
@testable import PlanIO
@testable import PlanModel

/// The faults of issue 9 item 1, each reproduced on the embedded An Hưng plan or a small
/// plan, with the verdict worked out by hand.
@Suite struct ReviewFaultCases {
    /// The An Hưng plan with one baseline value replaced.
    static func anHung(baseline id: String, _ value: Double) throws -> Plan {
        var plan = try PlanLoader.load(directory: nil)
        let i = try #require(plan.baseline.firstIndex { $0.indicator == id })
        plan.baseline[i].value = value
        return plan
    }

    /// A plan of one indicator with one level target ≤ `threshold` (lower is better) by 2030.
    static func lowerIsBetter(_ measure: Measure, unit: String, threshold: Double, baseline: Double)
        -> Plan
    {
        let ind = Indicator(
            id: "v", nameVi: "v", nameEn: "v", unit: unit, measure: measure,
            upperBound: measure == .rate ? 100 : nil)
        let t = Target(
            id: "T0", indicator: "v", nameVi: "v", nameEn: "v", unit: unit, kind: .level,
            comparator: .lessOrEqual, low: threshold, high: threshold, targetYear: 2030,
            startYear: 2026, direction: .lower)
        return Plan(
            id: "p", nameVi: "p", nameEn: "p", firstYear: 2026, lastYear: 2030, baselineYear: 2025,
            indicators: [ind],
            targets: [t],
            baseline: [
                BaselineValue(
                    indicator: "v", year: 2025, value: baseline, unit: unit, source: .official)
            ])
    }

    static func series(_ values: [Double]) -> [Observation] {
        values.enumerated().map {
            Observation(indicator: "v", year: 2026 + $0.offset, value: $0.element)
        }
    }

    static func options(_ rule: AssessmentRule) -> ReviewEngine.Options {
        var o = ReviewEngine.Options(); o.rule = rule; o.charts = false
        return o
    }

    /// enterprises_active baseline 30, T05a ≥ 23 by 2030, actuals 25, 22, 20: the latest
    /// misses and the series falls (exponential trend slope < 0, end points 30 → 20), so
    /// every rule says deterioration (was on_track, "253 %").
    @Test func fallingIndicatorBelowItsTargetIsDeterioration() throws {
        let plan = try Self.anHung(baseline: "enterprises_active", 30)
        let actuals = [25.0, 22, 20].enumerated().map {
            Observation(indicator: "enterprises_active", year: 2026 + $0.offset, value: $0.element)
        }
        for rule in AssessmentRule.allCases {
            let review = ReviewEngine.review(
                plan: plan, actuals: actuals, options: Self.options(rule))
            let a = try #require(review.assessments.first { $0.target.id == "T05a" })
            #expect(a.status == .deterioration, "rule \(rule): \(a.status) — \(a.explanation)")
            #expect((a.progressRatio ?? -1) < 0)
            #expect(a.probability! < 0.05)
        }
    }

    /// The experiment: 400 generated cases (baseline between half and 1.5 times
    /// the threshold of T05a, T06b, T11a or T07; three actuals drifting). Not one may be
    /// on track or achieved while the latest actual misses and the rule's own pace moves
    /// away: the trend slope (recomputed here by least squares on the model's scale) for
    /// the trend and probability rules, the end points for the CAGR rule.
    @Test func fourHundredDriftingCasesNeverOnTrackWhileMovingAway() throws {
        let base = try PlanLoader.load(directory: nil)
        var rng = SeededGenerator(seed: PropertySeed.value)
        var movingAway = 0
        var offenders: [String] = []
        for (targetID, indicator) in [
            ("T05a", "enterprises_active"), ("T06b", "income_per_capita"),
            ("T11a", "health_insurance"), ("T07", "poverty_rate")
        ] {
            let target = try #require(base.targets.first { $0.id == targetID })
            let threshold = target.threshold!
            for caseIndex in 0..<100 {
                var plan = base
                let isRate = plan.indicator(indicator)!.measure == .rate
                let b0 = min(
                    threshold * Double.random(in: 0.5...1.5, using: &rng), isRate ? 99.9 : .infinity
                )
                let i = plan.baseline.firstIndex { $0.indicator == indicator }!
                plan.baseline[i].value = b0
                let drift = Double.random(in: -0.15...0.15, using: &rng)
                var value = b0
                var values: [Double] = []
                for _ in 0..<3 {
                    value *= exp(drift + 0.05 * rng.normal())
                    if isRate { value = min(value, 99.9) }
                    values.append(value)
                }
                let actuals = values.enumerated().map {
                    Observation(indicator: indicator, year: 2026 + $0.offset, value: $0.element)
                }
                for rule in AssessmentRule.allCases {
                    let a = ReviewEngine.review(
                        plan: plan, actuals: actuals, options: Self.options(rule)
                    ).assessments.first { $0.target.id == targetID }!
                    guard !target.isMet(values[2]), let modelName = a.model else { continue }
                    let z: (Double) -> Double =
                        modelName == "exponential"
                        ? { log($0) }
                        : modelName.hasPrefix("logistic") ? { log($0 / (100 - $0)) } : { $0 }
                    let zs = ([b0] + values).map(z)
                    let pace =
                        rule == .cagr
                        ? (zs[3] - zs[0]) / 3 : leastSquaresSlope(x: [0, 1, 2, 3], y: zs)
                    let away = target.direction == .higher ? pace < 0 : pace > 0
                    guard away else { continue }
                    movingAway += 1
                    if a.status == .onTrack || a.status == .achieved {
                        offenders.append(
                            "seed \(PropertySeed.value) case \(caseIndex) \(targetID) \(rule): b0 \(b0) actuals \(values) → \(a.status)"
                        )
                    }
                }
            }
        }
        #expect(
            offenders.isEmpty,
            "\(offenders.count) on track while missing and moving away:\n\(offenders.prefix(5).joined(separator: "\n"))"
        )
        #expect(movingAway > 100)  // the experiment does reach the region of the fault
    }

    /// A count target of 0 (lower is better) has no logarithm: the trend is linear. 5 → 4,
    /// 3, 2 by 2028, goal ≤ 0 by 2030: pace 1 a year, 2 left over 2 years, ratio 1.0 → on
    /// track (was "insufficient data: baseline at the threshold").
    @Test func countTargetOfZero() {
        let plan = Self.lowerIsBetter(.count, unit: "vụ", threshold: 0, baseline: 5)
        let obs = Self.series([4, 3, 2])
        let a = ReviewEngine.review(plan: plan, actuals: obs).assessments[0]
        #expect(a.model == "drift(linear)")
        #expect(abs(a.progressRatio! - 1.0) < 1e-12)
        #expect(a.status == .onTrack)
        // Stuck at 2 from 2026 on. Trend rule: 5, 2, 2, 2 has slope −0.9 over the four
        // points, ratio 0.9 · 2 / 2 = 0.9 → acceleration needed.
        let stuck = Self.series([2, 2, 2])
        let s = ReviewEngine.review(plan: plan, actuals: stuck, options: Self.options(.trend))
            .assessments[0]
        #expect(abs(s.progressRatio! - 0.9) < 1e-12)
        #expect(s.status == .accelerationNeeded)
        // Forecast rule: the drift is the end-point pace, (2 − 5)/3 = −1 a year, which
        // closes the 2 left by 2030 (ratio 1.0, on track), but the steps −3, 0, 0 give
        // σ̂² = ((−2)² + 1 + 1)/2 = 3 and a median of exactly 0 in 2030, so P(≤ 0) = 50 %.
        let f = ReviewEngine.review(plan: plan, actuals: stuck).assessments[0]
        #expect(abs(f.progressRatio! - 1.0) < 1e-12)
        #expect(f.status == .onTrack)
        #expect(abs(f.probability! - 0.5) < 1e-12)
        let band = f.projectedIntervals.first { $0.level == 0.8 }!
        // sd = √(3 · (2 + 4/3)) = √10; t with 2 df: q(0.9) = 1.885618 (R: qt(0.9, 2)),
        // the lower end clamped at 0 for a count.
        #expect(band.lower == 0 && abs(band.upper - 1.885618 * 10.0.squareRoot()) < 1e-5)
        // Reached 0 in 2028: achieved.
        #expect(
            ReviewEngine.review(plan: plan, actuals: Self.series([3, 1, 0])).assessments[0].status
                == .achieved)
    }

    /// A rate target of 0 % ("no poor households by 2030"): linear in percentage points,
    /// 3.6 → 3.0, 2.4, 1.8: −0.6 pp a year, 1.8 pp left over 2 years: ratio 1.2/1.8 = 2/3.
    @Test func rateTargetOfZero() {
        let plan = Self.lowerIsBetter(.rate, unit: "%", threshold: 0, baseline: 3.6)
        let obs = Self.series([3.0, 2.4, 1.8])
        let a = ReviewEngine.review(plan: plan, actuals: obs).assessments[0]
        #expect(a.model == "drift(linear)")
        #expect(abs(a.progressRatio! - 2.0 / 3) < 1e-9)
        #expect(a.status == .accelerationNeeded)
    }

    /// An amount growth target of 0 %/yr ("không giảm") from 100: the goal is 100 in 2030.
    /// 99, 98, 97 misses it and falls: deterioration. A growth target from a baseline of 0
    /// has no rate: insufficient data with that reason, no trap.
    @Test func growthTargetOfZeroAndBaselineOfZero() {
        let ind = Indicator(
            id: "r", nameVi: "thu", nameEn: "revenue", unit: "tỷ đồng", measure: .amount)
        let t = Target(
            id: "G0", indicator: "r", nameVi: "không giảm", nameEn: "no fall", unit: "%/năm",
            kind: .growth,
            comparator: .greaterOrEqual, low: 0, high: 0, targetYear: 2030, startYear: 2026,
            direction: .higher)
        func plan(_ b0: Double) -> Plan {
            Plan(
                id: "p", nameVi: "p", nameEn: "p", firstYear: 2026, lastYear: 2030,
                baselineYear: 2025, indicators: [ind],
                targets: [t],
                baseline: [
                    BaselineValue(
                        indicator: "r", year: 2025, value: b0, unit: "tỷ đồng", source: .official)
                ])
        }
        let obs = [99.0, 98, 97].enumerated().map {
            Observation(indicator: "r", year: 2026 + $0.offset, value: $0.element)
        }
        #expect(
            ReviewEngine.review(plan: plan(100), actuals: obs).assessments[0].status
                == .deterioration)
        let fromZero = ReviewEngine.review(plan: plan(0), actuals: obs).assessments[0]
        #expect(fromZero.status == .insufficientData)
        #expect(fromZero.explanation.contains("baseline of 0"))
    }

    /// A growth target already ahead: income 85.56 with 7 %/yr asks 85.56 · 1.07⁵ = 120.0
    /// by 2030; at 121 in 2028 on a rising trend it stays ahead (on track); a level
    /// target of ≥ 120 met by the same 121 is achieved.
    @Test func growthTargetAheadOfItsGoalLevel() throws {
        let plan = try PlanLoader.load(directory: nil)
        let obs = [100.0, 112, 121].enumerated().map {
            Observation(indicator: "income_per_capita", year: 2026 + $0.offset, value: $0.element)
        }
        let review = ReviewEngine.review(plan: plan, actuals: obs, options: Self.options(.trend))
        let growth = try #require(review.assessments.first { $0.target.id == "T06a" })
        let level = try #require(review.assessments.first { $0.target.id == "T06b" })
        #expect(growth.status == .onTrack)
        #expect(growth.progressRatio == nil)
        #expect(level.status == .achieved)
    }
}

/// Least-squares slope of y on x, by the textbook formula Σ(x − x̄)(y − ȳ) / Σ(x − x̄)².
func leastSquaresSlope(x: [Double], y: [Double]) -> Double {
    let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
    var sxy = 0.0, sxx = 0.0
    for i in x.indices { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
    return sxy / sxx
}
