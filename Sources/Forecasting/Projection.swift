import Foundation
import PlanModel

/// How a projected value was obtained.
public enum ProjectionBasis: String, Sendable, Hashable {
    /// The baseline value itself (the baseline year).
    case baseline
    /// Moved by the scenario's driver (compound growth or linear change, plus shocks).
    case driver
    /// The sum of the indicator's components.
    case components
    /// No driver: the path that reaches the level target exactly (constant growth for
    /// amounts and counts, constant change for rates), so the target's requirement is shown.
    case requiredPath = "required_path"
    /// No driver and no level target: held at the baseline value.
    case held
}

/// One year of one projected series.
public struct ProjectedPoint: Sendable, Hashable {
    public var year: Int
    public var value: Double
    /// Growth from the previous year, as a fraction (nil in the baseline year or from 0).
    public var growth: Double?
}

/// The projection of one indicator from the baseline year to the last plan year.
public struct SeriesProjection: Sendable {
    public var indicator: Indicator
    public var basis: ProjectionBasis
    /// For a required path: the target whose requirement it shows.
    public var pathTarget: String?
    /// True when the baseline (or a component's) is illustrative and not overridden.
    public var illustrative: Bool
    /// Baseline year first, then every plan year.
    public var points: [ProjectedPoint]

    public func value(in year: Int) -> Double? { points.first { $0.year == year }?.value }
}

/// Where one target lands under one scenario.
public struct TargetOutcome: Sendable {
    public var target: Target
    /// Growth targets: the projected average annual growth (fraction) from the baseline year
    /// to the target year. Level targets: the value in the target year. Maintained targets:
    /// the worst year's value. Nil when the indicator cannot be projected.
    public var projected: Double?
    /// The year of `projected` (the worst year for maintained targets).
    public var year: Int?
    /// nil when not decided: qualitative, no value, no baseline, or a required path (which
    /// meets the target by construction).
    public var met: Bool?
    /// Range targets: the projection lies beyond the far end of the range.
    public var exceedsRange: Bool
    /// Level targets: the constant annual growth (fraction) from the baseline to the
    /// threshold by the target year; growth targets: the target's own threshold.
    public var requiredGrowth: Double?
    /// Level targets: the constant change per year (indicator's unit) needed instead.
    public var requiredChange: Double?
    public var basis: ProjectionBasis?
    public var illustrative: Bool
    /// Why `met` is nil, or other remarks.
    public var remark: String
}

/// A plan projected under one scenario.
public struct Projection: Sendable {
    public var planId: String
    public var scenario: String
    public var series: [SeriesProjection]
    public var outcomes: [TargetOutcome]

    public func series(_ id: String) -> SeriesProjection? { series.first { $0.indicator.id == id } }
}

public enum ProjectionError: Error, Sendable, CustomStringConvertible {
    case driverWithoutBaseline(indicator: String)
    public var description: String {
        switch self {
        case .driverWithoutBaseline(let id):
            return
                "scenario drives \(id) but the plan has no baseline value for it (add it to baseline.csv or the scenario's baseline:)"
        }
    }
}

/// Deterministic projection of every quantitative indicator from the baseline.
///
/// For each indicator, in this order:
/// 1. a scenario driver: growth L_t = L_{t−1}(1 + g + shock_t); change L_t = L_{t−1} + d +
///    shock_t clamped to [0, upper bound];
/// 2. an aggregate: the sum of its components (so the total's growth follows from the
///    sector mix, as the plan's total production does);
/// 3. a level target: the required path to the target's threshold (constant growth for
///    amounts and counts with a positive baseline, constant change for rates or a zero
///    baseline);
/// 4. otherwise held at the baseline.
/// The central value of each driver's `GrowthSpec` is used; volatility is ignored here (the
/// `Simulation` module samples it).
public enum Projector {
    public static func project(plan: Plan, scenario: Scenario) throws -> Projection {
        let base = plan.baselineYear
        let years = Array(plan.years)
        var done: [String: SeriesProjection] = [:]

        func baselineValue(_ id: String) -> (Double, Bool)? {
            if let o = scenario.baselineOverrides[id] { return (o, false) }
            if let b = plan.baseline(of: id) { return (b.value, b.source == .illustrative) }
            return nil
        }

        func points(from values: [Double]) -> [ProjectedPoint] {
            var pts: [ProjectedPoint] = []
            for (i, v) in values.enumerated() {
                let prev = i > 0 ? values[i - 1] : nil
                let g: Double? = prev.flatMap { $0 > 0 ? v / $0 - 1 : nil }
                pts.append(ProjectedPoint(year: base + i, value: v, growth: g))
            }
            return pts
        }

        func project(_ ind: Indicator) throws -> SeriesProjection? {
            if let s = done[ind.id] { return s }
            if ind.measure == .qualitative { return nil }
            var result: SeriesProjection?
            if let d = scenario.driver(for: ind.id) {
                guard let (b0, ill) = baselineValue(ind.id) else {
                    throw ProjectionError.driverWithoutBaseline(indicator: ind.id)
                }
                var values = [b0]
                var level = b0
                for y in years {
                    let shock = scenario.shocks.filter { $0.indicator == ind.id && $0.year == y }
                        .reduce(0) { $0 + $1.amount }
                    switch d.model {
                    case .growth:
                        level = Growth.compound(level, rate: d.spec.central + shock, years: 1)
                    case .change:
                        level = min(
                            max(level + d.spec.central + shock, 0), ind.upperBound ?? .infinity)
                    }
                    values.append(level)
                }
                result = SeriesProjection(
                    indicator: ind, basis: .driver, pathTarget: nil, illustrative: ill,
                    points: points(from: values))
            } else if ind.isAggregate {
                var sums = [Double](repeating: 0, count: years.count + 1)
                var ill = false
                for c in ind.components {
                    guard let ci = plan.indicator(c), let cs = try project(ci) else { return nil }
                    for (i, p) in cs.points.enumerated() { sums[i] += p.value }
                    ill = ill || cs.illustrative
                }
                result = SeriesProjection(
                    indicator: ind, basis: .components, pathTarget: nil, illustrative: ill,
                    points: points(from: sums))
            } else if let (b0, ill) = baselineValue(ind.id) {
                let level = plan.targets(for: ind.id).first {
                    $0.kind == .level && $0.threshold != nil
                }
                if let t = level, let goal = t.threshold, t.targetYear > base {
                    let n = Double(t.targetYear - base)
                    let rate =
                        ind.measure == .rate
                        ? nil : Growth.requiredRate(from: b0, to: goal, years: n)
                    let step = (goal - b0) / n
                    var values = [b0]
                    for y in years {
                        let k = Double(min(y, t.targetYear) - base)
                        values.append(
                            rate.map { Growth.compound(b0, rate: $0, years: k) } ?? (b0 + step * k))
                    }
                    result = SeriesProjection(
                        indicator: ind, basis: .requiredPath, pathTarget: t.id, illustrative: ill,
                        points: points(from: values))
                } else {
                    result = SeriesProjection(
                        indicator: ind, basis: .held, pathTarget: nil, illustrative: ill,
                        points: points(from: [Double](repeating: b0, count: years.count + 1)))
                }
            }
            if let result { done[ind.id] = result }
            return result
        }

        var series: [SeriesProjection] = []
        for ind in plan.indicators {
            if let s = try project(ind) { series.append(s) }
        }
        let outcomes = plan.targets.map {
            outcome(for: $0, plan: plan, series: done, baseline: baselineValue($0.indicator)?.0)
        }
        return Projection(
            planId: plan.id, scenario: scenario.name, series: series, outcomes: outcomes)
    }

    static func outcome(
        for t: Target, plan: Plan, series: [String: SeriesProjection], baseline b0: Double?
    ) -> TargetOutcome {
        var o = TargetOutcome(
            target: t, projected: nil, year: nil, met: nil, exceedsRange: false,
            requiredGrowth: nil,
            requiredChange: nil, basis: nil, illustrative: false, remark: "")
        guard t.kind != .qualitative else {
            o.remark = "qualitative: reported as entered"; return o
        }
        guard let threshold = t.threshold else {
            o.remark = "the document gives no value"; return o
        }
        guard let s = series[t.indicator] else {
            o.remark = "no baseline value for \(t.indicator)"; return o
        }
        o.basis = s.basis
        o.illustrative = s.illustrative
        let base = plan.baselineYear
        let b0 = b0 ?? s.points[0].value
        switch t.kind {
        case .growth:
            o.requiredGrowth = threshold
            guard let end = s.value(in: t.targetYear) else {
                o.remark = "target year outside the projection"; return o
            }
            let g = Growth.requiredRate(from: b0, to: end, years: Double(t.targetYear - base))
            o.projected = g
            o.year = t.targetYear
            if let g {
                o.met = t.isMet(g)
                o.exceedsRange = t.exceedsRange(g)
            } else {
                o.remark = "growth undefined (zero baseline)"
            }
        case .level:
            let n = Double(t.targetYear - base)
            o.requiredGrowth = Growth.requiredRate(from: b0, to: threshold, years: n)
            o.requiredChange = n > 0 ? (threshold - b0) / n : nil
            o.projected = s.value(in: t.targetYear)
            o.year = t.targetYear
            if s.basis == .requiredPath {
                o.remark = "no driver: shown on the path that just reaches the target"
            } else if let v = o.projected {
                o.met = t.isMet(v)
                o.exceedsRange = t.exceedsRange(v)
            }
        case .maintained:
            let inPeriod = s.points.filter { $0.year >= t.startYear && $0.year <= t.targetYear }
            // The worst year in the target's direction.
            let worst =
                t.direction == .higher
                ? inPeriod.min { $0.value < $1.value } : inPeriod.max { $0.value < $1.value }
            o.projected = worst?.value
            o.year = worst?.year
            o.met = inPeriod.allSatisfy { t.isMet($0.value) }
            if s.basis == .held { o.remark = "no driver: held at the baseline value" }
        case .qualitative:
            break
        }
        return o
    }
}
