import Foundation
import Testing
import TestSupport
@testable import Forecasting
@testable import PlanModel

/// One generated review case: a one-indicator plan with one target and 1-4 actuals.
struct GeneratedCase: CustomStringConvertible {
    var measure: Measure
    var kind: TargetKind
    var direction: Direction
    var comparator: PlanModel.Comparator
    /// Level or maintained threshold in the unit; growth targets: a fraction per year.
    var threshold: Double
    var baseline: Double
    var actuals: [Double]
    var rule: AssessmentRule
    let bound = 100.0

    var description: String {
        "\(measure) \(kind) \(direction) \(comparator.rawValue) \(threshold), rule \(rule), baseline \(baseline), actuals \(actuals)"
    }

    var target: Target {
        Target(
            id: "T", indicator: "x", nameVi: "x", nameEn: "x",
            unit: kind == .growth ? "%/năm" : "u", kind: kind,
            comparator: comparator, low: threshold, high: threshold, targetYear: 2030,
            startYear: 2026, direction: direction)
    }

    var plan: Plan {
        let ind = Indicator(
            id: "x", nameVi: "x", nameEn: "x", unit: measure == .rate ? "%" : "u", measure: measure,
            upperBound: measure == .rate ? bound : nil)
        return Plan(
            id: "g", nameVi: "g", nameEn: "g", firstYear: 2026, lastYear: 2030, baselineYear: 2025,
            indicators: [ind],
            targets: [target],
            baseline: [
                BaselineValue(
                    indicator: "x", year: 2025, value: baseline, unit: ind.unit, source: .official)
            ])
    }

    func assess() -> TargetAssessment {
        var o = ReviewEngine.Options(); o.rule = rule; o.charts = false
        let obs = actuals.enumerated().map {
            Observation(indicator: "x", year: 2026 + $0.offset, value: $0.element)
        }
        return ReviewEngine.review(plan: plan, actuals: obs, options: o).assessments[0]
    }

    /// The level the target asks for in 2030.
    var goal: Double { kind == .growth ? baseline * pow(1 + threshold, 5) : threshold }

    /// Whether the latest actual misses the goal (level, maintained: by the comparator;
    /// growth: short of the goal level).
    var latestMisses: Bool {
        let latest = actuals.last!
        if kind == .growth { return direction == .higher ? latest < goal : latest > goal }
        return !target.isMet(latest)
    }

    /// The rule's own pace on the model's scale, oriented (larger is better), computed
    /// independently of the engine: least-squares slope by the textbook formula, or the
    /// end points for the CAGR rule and the forecast rule (the drift of a random walk is
    /// the end-point slope).
    func orientedPace(model: String) -> Double {
        let log = ["exponential", "drift(log)"].contains(model)
        let logit = model.hasPrefix("logistic") || model.hasPrefix("drift(logit")
        let z: (Double) -> Double =
            log ? { Foundation.log($0) } : logit ? { Foundation.log($0 / (100 - $0)) } : { $0 }
        let zs = ([baseline] + actuals).map(z)
        let pace =
            rule == .cagr || rule == .forecast
            ? (zs.last! - zs[0]) / Double(actuals.count)
            : leastSquaresSlope(x: zs.indices.map(Double.init), y: zs)
        return direction == .higher ? pace : -pace
    }

    /// The same case with "lower is better" and "higher is better" swapped and every value
    /// mirrored so that the model's oriented scale is unchanged: B − y for rates, K / y for
    /// amounts and counts (nil when a value is 0, which has no reciprocal).
    func mirrored() -> GeneratedCase? {
        var m = self
        m.direction = direction == .higher ? .lower : .higher
        switch comparator {
        case .greater: m.comparator = .less
        case .greaterOrEqual: m.comparator = .lessOrEqual
        case .less: m.comparator = .greater
        case .lessOrEqual: m.comparator = .greaterOrEqual
        default: return nil
        }
        if measure == .rate {
            m.baseline = bound - baseline; m.actuals = actuals.map { bound - $0 }
            m.threshold = bound - threshold
        } else {
            let values = [baseline, threshold] + actuals
            guard
                values.allSatisfy({ $0 > 0 })
                    || kind == .growth && ([baseline] + actuals).allSatisfy({ $0 > 0 })
            else { return nil }
            let k = 1000.0
            m.measure = .amount
            m.baseline = k / baseline; m.actuals = actuals.map { k / $0 }
            m.threshold = kind == .growth ? 1 / (1 + threshold) - 1 : k / threshold
        }
        return m
    }

    /// The case with the latest actual moved in the better direction by `fraction` of its
    /// distance to the goal (1 % of its size when it is on the goal), kept inside the
    /// indicator's range.
    func movedToward(fraction: Double) -> GeneratedCase {
        var m = self
        let latest = actuals.last!
        let step = latest == goal ? 0.01 * max(1, abs(latest)) : fraction * abs(goal - latest)
        var moved = latest + (direction == .higher ? step : -step)
        switch measure {
        case .rate: moved = min(max(moved, 0), bound)
        default: moved = max(moved, 0)
        }
        m.actuals[m.actuals.count - 1] = moved
        return m
    }

    static func random(using rng: inout SeededGenerator) -> GeneratedCase {
        let measure: Measure = [.amount, .count, .rate].randomElement(using: &rng)!
        let kindRoll = Double.random(in: 0..<1, using: &rng)
        let kind: TargetKind =
            kindRoll < 0.5 ? .level : kindRoll < 0.75 || measure == .rate ? .maintained : .growth
        let direction: Direction = Bool.random(using: &rng) ? .higher : .lower
        let strict = Double.random(in: 0..<1, using: &rng) < 0.25
        let comparator: PlanModel.Comparator =
            direction == .higher
            ? (strict ? .greater : .greaterOrEqual) : (strict ? .less : .lessOrEqual)
        let onBound = Double.random(in: 0..<1, using: &rng) < 0.15
        var threshold: Double
        switch (kind, measure) {
        case (.growth, _): threshold = Double.random(in: -0.08...0.15, using: &rng)
        case (_, .rate):
            threshold =
                onBound ? (direction == .higher ? 100 : 0) : Double.random(in: 1...99, using: &rng)
        case (_, .count):
            threshold =
                onBound && direction == .lower ? 0 : Double(Int.random(in: 1...60, using: &rng))
        default:
            threshold = onBound && direction == .lower ? 0 : Double.random(in: 5...300, using: &rng)
        }
        if kind == .growth && !strict && Double.random(in: 0..<1, using: &rng) < 0.1 {
            threshold = 0
        }
        let scale =
            kind == .growth
            ? Double.random(in: 10...300, using: &rng)
            : (threshold == 0 ? Double.random(in: 1...20, using: &rng) : threshold)
        var baseline = scale * (kind == .growth ? 1 : Double.random(in: 0.5...1.5, using: &rng))
        let drift = Double.random(in: -0.15...0.15, using: &rng)
        let noise =
            Double.random(in: 0..<1, using: &rng) < 0.2
            ? 0 : Double.random(in: 0...0.08, using: &rng)
        func fit(_ v: Double) -> Double {
            switch measure {
            case .rate: return min(max(v, 0), 100)
            case .count: return max(v.rounded(), 0)
            default: return max(v, 0.01)
            }
        }
        baseline = fit(baseline)
        if measure == .count && baseline == 0 && Bool.random(using: &rng) { baseline = 1 }
        var value = max(baseline, measure == .rate ? 0.5 : 0.5)
        var actuals: [Double] = []
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            value *= exp(drift + noise * rng.normal())
            actuals.append(fit(value))
        }
        return GeneratedCase(
            measure: measure, kind: kind, direction: direction, comparator: comparator,
            threshold: threshold,
            baseline: baseline, actuals: actuals,
            rule: AssessmentRule.allCases.randomElement(using: &rng)!)
    }
}

/// The invariants written in `StatusRule` and `MaintainedStatusRule`, checked on
/// generated series (seeded: `PropertySeed`; every failure names the seed and the case).
@Suite struct StatusRuleInvariantTests {
    static let caseCount = 4000

    func cases() -> [(index: Int, value: GeneratedCase)] {
        var rng = SeededGenerator(seed: PropertySeed.value)
        return (0..<Self.caseCount).map { ($0, GeneratedCase.random(using: &rng)) }
    }

    func tag(_ i: Int, _ c: GeneratedCase) -> String {
        "seed \(PropertySeed.value), case \(i): \(c)"
    }

    @Test func everyCaseGetsAStatusAndAnExplanation() {
        var seen: [TargetStatus: Int] = [:]
        for (i, c) in cases() {
            let a = c.assess()
            seen[a.status, default: 0] += 1
            #expect(!a.explanation.isEmpty, "\(tag(i, c))")
            #expect(a.progressRatio.map { $0.isFinite } ?? true, "\(tag(i, c))")
            #expect(a.probability.map { $0 >= 0 && $0 <= 1 } ?? true, "\(tag(i, c))")
        }
        // The generator reaches every verdict a review can give before the target year.
        for status: TargetStatus in [
            .achieved, .onTrack, .accelerationNeeded, .limitedProgress, .deterioration
        ] {
            #expect(seen[status, default: 0] >= 40, "\(status): \(seen)")
        }
    }

    /// A target whose latest actual misses it and whose pace moves away is deterioration.
    @Test func missingAndMovingAwayIsDeterioration() {
        var checked = 0
        for (i, c) in cases() {
            let a = c.assess()
            guard c.latestMisses, let model = a.model, a.status != .insufficientData else {
                continue
            }
            guard c.orientedPace(model: model) < -1e-12 else { continue }
            checked += 1
            #expect(a.status == .deterioration, "\(tag(i, c)) → \(a.status): \(a.explanation)")
        }
        #expect(checked > 300)
    }

    /// A level target met by the latest actual (before the target year) is achieved.
    @Test func metLevelIsAchieved() {
        var checked = 0
        for (i, c) in cases() where c.kind == .level && !c.latestMisses {
            checked += 1
            #expect(c.assess().status == .achieved, "\(tag(i, c))")
        }
        #expect(checked > 200)
    }

    /// Moving the latest actual toward the target never worsens the status (trend and
    /// CAGR rules); under the probability rule the on-track and deterioration boundaries
    /// are monotone.
    @Test func movingTheLatestTowardTheTargetNeverWorsens() {
        var rng = SeededGenerator(seed: PropertySeed.value &+ 1)
        var checked = 0
        for (i, c) in cases() {
            let fraction = Double.random(in: 0.05...1.3, using: &rng)
            let moved = c.movedToward(fraction: fraction)
            let before = c.assess(), after = moved.assess()
            guard before.model == after.model, let r0 = before.status.rank,
                let r1 = after.status.rank
            else { continue }
            checked += 1
            let message =
                "\(tag(i, c)); latest moved to \(moved.actuals.last!): \(before.status) → \(after.status)"
            switch c.rule {
            case .trend, .cagr, .forecast:
                #expect(r1 >= r0, "\(message)")
            case .probability:
                if before.status == .onTrack { #expect(r1 >= r0, "\(message)") }
                if after.status == .deterioration {
                    #expect(before.status == .deterioration, "\(message)")
                }
            }
        }
        #expect(checked > 2000)
    }

    /// The forecast's drift is the end-point pace and its median the latest actual carried
    /// on at that pace, so for level and growth targets the forecast rule's status is the
    /// CAGR rule's (what differs is the projection, its intervals and P(meet)).
    @Test func forecastStatusesEqualTheEndPointRulesForLevelAndGrowthTargets() {
        var checked = 0
        for (i, c) in cases() where c.kind != .maintained {
            var f = c; f.rule = .forecast
            var e = c; e.rule = .cagr
            let a = f.assess(), b = e.assess()
            // A ratio within rounding of a cut-off may fall either side.
            if let r = a.progressRatio, [0.95, 0.6, 0.0].contains(where: { abs(r - $0) < 1e-9 }) {
                continue
            }
            checked += 1
            #expect(a.status == b.status, "\(tag(i, c)): forecast \(a.status), cagr \(b.status)")
        }
        #expect(checked > 1500)
    }

    /// "Lower is better" gets the verdict of "higher is better" on the mirrored series.
    @Test func lowerIsBetterMirrorsHigherIsBetter() {
        var checked = 0
        let cuts = [0.95, 0.6, 0.0, 0.5, 0.2, 1.0]
        for (i, c) in cases() {
            guard let m = c.mirrored() else { continue }
            let a = c.assess(), b = m.assess()
            // A figure within rounding of a cut-off may fall either side.
            let figures = [a.progressRatio, a.trendPositionRatio, a.probability].compactMap { $0 }
            if figures.contains(where: { f in cuts.contains { abs(f - $0) < 1e-7 } }) { continue }
            checked += 1
            #expect(a.status == b.status, "\(tag(i, c)) → \(a.status); mirrored \(m) → \(b.status)")
            if let p = a.progressRatio, let q = b.progressRatio {
                #expect(abs(p - q) <= 1e-6 * max(1, abs(p)), "\(tag(i, c))")
            }
        }
        #expect(checked > 2000)
    }

    /// Under the trend rule on track means both the pace from the latest actual and the
    /// trend line close ≥ 95 % of the remaining gap; P(meet) ≥ 50 % exactly when the
    /// trend line reaches the goal (τ ≥ 1); under the probability rule on track ⇔ P ≥ 50 %.
    @Test func onTrackAgreesWithTheTrendLineAndPMeet() {
        var checked = 0
        for (i, c) in cases() where c.kind != .maintained {
            let a = c.assess()
            if c.rule == .forecast, let rho = a.progressRatio {
                // The forecast's median is the latest actual carried on at its pace.
                #expect(a.trendPositionRatio == rho, "\(tag(i, c))")
            }
            if c.rule == .trend || c.rule == .forecast, a.status == .onTrack,
                let rho = a.progressRatio
            {
                checked += 1
                #expect(rho >= 0.95, "\(tag(i, c))")
                #expect((a.trendPositionRatio ?? 1) >= 0.95, "\(tag(i, c))")
            }
            if let tau = a.trendPositionRatio, let p = a.probability {
                if tau > 1 + 1e-9 { #expect(p >= 0.5, "\(tag(i, c)) τ \(tau) P \(p)") }
                if tau < 1 - 1e-9 { #expect(p <= 0.5, "\(tag(i, c)) τ \(tau) P \(p)") }
            }
            if c.rule == .probability, let p = a.probability,
                [.onTrack, .accelerationNeeded, .limitedProgress].contains(a.status)
            {
                #expect((a.status == .onTrack) == (p >= 0.5), "\(tag(i, c))")
            }
        }
        #expect(checked > 30)
    }
}
