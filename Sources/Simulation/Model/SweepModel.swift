import Foundation
import PlanModel
import LinearAlgebra
import Distributions

/// A plan and a scenario checked and compiled into flat arrays for the path generator.
///
/// Series: every driver's indicator (in scenario order), then every aggregate of the plan
/// (total production = agriculture + industry + services) whose components all have
/// drivers and that has no driver of its own. Each series has one value per year of the
/// plan period. Targets: those named in `scenario.evaluate`, or when it is empty every
/// quantitative target whose indicator is a series and whose years are simulated.
public struct SweepModel: Sendable {
    /// How the value of one target is measured on a simulated path.
    public enum MetricKind: String, Sendable {
        /// Compound annual growth from the baseline year to the target year (a fraction).
        case cagr
        /// The value in the target year.
        case level
        /// The worst value over the years the target must hold (min when higher is better).
        case worst
    }

    /// One target evaluated on every path.
    public struct EvaluatedTarget: Sendable {
        public var target: Target
        public var series: Int
        public var metric: MetricKind
        /// Year indices (0 = first plan year) the metric reads.
        public var firstYearIndex: Int
        public var lastYearIndex: Int
        /// Baseline value of the series (for CAGR).
        public var base: Double
        /// Years from baseline to target year (for CAGR).
        public var span: Double
    }

    public let plan: Plan
    public let scenario: Scenario
    public let years: [Int]
    /// Series ids: drivers first (same index as `drivers`), then aggregates.
    public let seriesIds: [String]
    public let drivers: [Driver]
    /// Baseline value of each driver.
    public let baselines: [Double]
    /// Components (driver indices) of each aggregate series, indexed from `drivers.count`.
    public let aggregateComponents: [[Int]]
    /// Yearly sd of each driver (fraction for growth drivers, unit for change drivers).
    public let volatility: [Double]
    /// Shock to add, indexed `driver * T + yearIndex`.
    public let shocks: [Double]
    /// Upper clamp for change drivers (+∞ when none).
    public let upperBounds: [Double]
    /// Drivers with volatility > 0, and the Cholesky factor of their correlation sub-matrix
    /// (row-major lower triangle, `volatileDrivers.count`²).
    public let volatileDrivers: [Int]
    public let choleskyLower: [Double]
    public let targets: [EvaluatedTarget]
    /// Targets skipped because they cannot be evaluated (when `evaluate` was empty).
    public let skippedTargets: [(id: String, reason: String)]

    public var seriesCount: Int { seriesIds.count }
    public var yearCount: Int { years.count }

    public init(plan: Plan, scenario: Scenario) throws {
        self.plan = plan
        self.scenario = scenario
        self.years = Array(plan.years)
        let T = plan.years.count
        var seen = Set<String>()
        for d in scenario.drivers {
            guard let ind = plan.indicator(d.indicator) else {
                throw SimulationError.unknownDriver(d.indicator, context: "drivers")
            }
            if !seen.insert(d.indicator).inserted {
                throw SimulationError.duplicateDriver(d.indicator)
            }
            try Self.validate(d, indicator: ind)
        }
        let drivers = scenario.drivers
        self.drivers = drivers
        let years = Array(plan.years)
        var bases: [Double] = []
        for d in drivers {
            guard
                let v = scenario.baselineOverrides[d.indicator]
                    ?? plan.baselineValue(of: d.indicator), v.isFinite
            else {
                throw SimulationError.missingBaseline(d.indicator)
            }
            bases.append(v)
        }
        baselines = bases
        for key in scenario.baselineOverrides.keys where plan.indicator(key) == nil {
            throw SimulationError.unknownDriver(key, context: "baseline")
        }
        let driverIndex = Dictionary(
            uniqueKeysWithValues: drivers.enumerated().map { ($1.indicator, $0) })
        var ids = drivers.map(\.indicator)
        var aggs: [[Int]] = []
        for ind in plan.indicators where ind.isAggregate && driverIndex[ind.id] == nil {
            let comps = ind.components.compactMap { driverIndex[$0] }
            if comps.count == ind.components.count { ids.append(ind.id); aggs.append(comps) }
        }
        seriesIds = ids
        aggregateComponents = aggs
        volatility = drivers.map(\.volatility)
        upperBounds = drivers.map { d in
            guard d.model == .change, let ind = plan.indicator(d.indicator) else {
                return .infinity
            }
            return ind.upperBound ?? (ind.measure == .rate ? 100 : .infinity)
        }
        var sh = [Double](repeating: 0, count: drivers.count * T)
        for s in scenario.shocks {
            guard let k = driverIndex[s.indicator] else {
                throw SimulationError.unknownDriver(
                    s.indicator, context: "shocks (a shock needs a driver)")
            }
            guard let t = years.firstIndex(of: s.year) else {
                throw SimulationError.invalidDistribution(
                    driver: s.indicator,
                    detail:
                        "shock year \(s.year) lies outside the plan years \(years.first!)–\(years.last!)"
                )
            }
            guard s.amount.isFinite else {
                throw SimulationError.invalidDistribution(
                    driver: s.indicator, detail: "shock is not a finite number")
            }
            sh[k * T + t] += s.amount
        }
        shocks = sh

        // Correlations: full matrix checked for positive definiteness with LAPACK Cholesky.
        let d = drivers.count
        var c = Matrix.identity(d)
        for (pair, rho) in scenario.correlations {
            guard let i = driverIndex[pair.first] else {
                throw SimulationError.unknownDriver(pair.first, context: "correlations")
            }
            guard let j = driverIndex[pair.second] else {
                throw SimulationError.unknownDriver(pair.second, context: "correlations")
            }
            guard rho.isFinite, abs(rho) <= 1, i != j || rho == 1 else {
                throw SimulationError.correlationOutOfRange(
                    first: pair.first, second: pair.second, value: rho)
            }
            c[i, j] = rho; c[j, i] = rho
        }
        do {
            _ = try Cholesky(c)
        } catch LinearAlgebraError.notPositiveDefinite(let order) {
            // Driver `order` cannot be added to the drivers before it: name it and the
            // earlier drivers it is correlated with (directly or through them).
            let k = order - 1
            var involved = Set([k])
            var changed = true
            while changed {
                changed = false
                for i in 0..<k where !involved.contains(i) {
                    if involved.contains(where: { c[i, $0] != 0 }) {
                        involved.insert(i); changed = true
                    }
                }
            }
            throw SimulationError.notPositiveDefinite(
                drivers: involved.sorted().map { drivers[$0].indicator })
        }
        let vol = (0..<d).filter { drivers[$0].volatility > 0 }
        volatileDrivers = vol
        var sub = Matrix(rows: vol.count, columns: vol.count)
        for (a, i) in vol.enumerated() { for (b, j) in vol.enumerated() { sub[a, b] = c[i, j] } }
        let chol = try Cholesky(sub)
        var lower = [Double](repeating: 0, count: vol.count * vol.count)
        for a in 0..<vol.count { for b in 0...a { lower[a * vol.count + b] = chol.lower[a, b] } }
        choleskyLower = lower

        // Targets.
        let seriesIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        func compile(_ t: Target) -> Result<EvaluatedTarget, SimulationError> {
            guard t.isQuantitative else {
                return .failure(
                    .targetNotSimulated(
                        target: t.id,
                        reason: t.kind == .qualitative
                            ? "it is qualitative" : "it has no target value"))
            }
            guard let s = seriesIndex[t.indicator] else {
                return .failure(
                    .targetNotSimulated(
                        target: t.id,
                        reason: "its indicator '\(t.indicator)' has no driver in the scenario"))
            }
            guard let last = years.firstIndex(of: t.targetYear) else {
                return .failure(
                    .targetNotSimulated(
                        target: t.id, reason: "its year \(t.targetYear) is not simulated"))
            }
            let base: Double = s < d ? bases[s] : aggs[s - d].reduce(0) { $0 + bases[$1] }
            switch t.kind {
            case .growth:
                return .success(
                    EvaluatedTarget(
                        target: t, series: s, metric: .cagr, firstYearIndex: last,
                        lastYearIndex: last, base: base,
                        span: Double(t.targetYear - plan.baselineYear)))
            case .level:
                return .success(
                    EvaluatedTarget(
                        target: t, series: s, metric: .level, firstYearIndex: last,
                        lastYearIndex: last, base: base, span: 0))
            case .maintained:
                let first = years.firstIndex(of: max(t.startYear, years[0])) ?? 0
                return .success(
                    EvaluatedTarget(
                        target: t, series: s, metric: .worst, firstYearIndex: min(first, last),
                        lastYearIndex: last, base: base, span: 0))
            case .qualitative:
                return .failure(.targetNotSimulated(target: t.id, reason: "it is qualitative"))
            }
        }
        var evaluated: [EvaluatedTarget] = []
        var skipped: [(String, String)] = []
        if scenario.evaluate.isEmpty {
            for t in plan.targets {
                switch compile(t) {
                case .success(let e): evaluated.append(e)
                case .failure(let err):
                    if case let .targetNotSimulated(_, reason) = err {
                        skipped.append((t.id, reason))
                    }
                }
            }
        } else {
            for id in scenario.evaluate {
                guard let t = plan.targets.first(where: { $0.id == id }) else {
                    throw SimulationError.unknownTarget(id)
                }
                evaluated.append(try compile(t).get())
            }
        }
        self.targets = evaluated
        self.skippedTargets = skipped
    }

    /// Checks one driver's distribution and volatility.
    static func validate(_ d: Driver, indicator: Indicator) throws {
        let id = d.indicator
        func finite(_ vs: Double...) throws {
            if vs.contains(where: { !$0.isFinite }) {
                throw SimulationError.invalidDistribution(
                    driver: id, detail: "parameters must be finite numbers")
            }
        }
        try finite(d.volatility)
        if d.volatility < 0 {
            throw SimulationError.negativeStandardDeviation(
                driver: id, what: "volatility", value: d.volatility)
        }
        switch d.spec {
        case .fixed(let v): try finite(v)
        case let .uniform(lo, hi):
            try finite(lo, hi)
            if lo > hi { throw SimulationError.emptyRange(driver: id, low: lo, high: hi) }
        case let .triangular(lo, mode, hi):
            try finite(lo, mode, hi)
            if lo > hi { throw SimulationError.emptyRange(driver: id, low: lo, high: hi) }
            if mode < lo || mode > hi {
                throw SimulationError.invalidDistribution(
                    driver: id,
                    detail:
                        "triangular mode \(Formatting.number(mode)) lies outside [\(Formatting.number(lo)), \(Formatting.number(hi))]"
                )
            }
        case let .normal(m, s):
            try finite(m, s)
            if s < 0 {
                throw SimulationError.negativeStandardDeviation(
                    driver: id, what: "sd of the normal distribution", value: s)
            }
        case let .truncatedNormal(m, s, lo, hi):
            try finite(m, s, lo, hi)
            if s < 0 {
                throw SimulationError.negativeStandardDeviation(
                    driver: id, what: "sd of the truncated normal distribution", value: s)
            }
            if lo > hi { throw SimulationError.emptyRange(driver: id, low: lo, high: hi) }
            if m < lo || m > hi, let problem = d.spec.supportProblem() {
                throw SimulationError.invalidDistribution(driver: id, detail: problem)
            }
            if s > 0 {
                let pa = StandardNormal.cdf((lo - m) / s), pb = StandardNormal.cdf((hi - m) / s)
                if !(pb - pa > 1e-12) {
                    throw SimulationError.invalidDistribution(
                        driver: id,
                        detail:
                            "the truncation interval has (almost) no probability under the normal distribution"
                    )
                }
            }
        }
        // The range a tornado sweeps must be possible growth. Draws below it (a normal's
        // tail, yearly volatility, shocks) are floored at −100 % by `PathKernel`.
        if d.model == .growth, d.spec.sweepRange.lowerBound <= -1 {
            throw SimulationError.invalidDistribution(
                driver: id, detail: "growth of −100 % or less per year is not possible")
        }
    }
}

extension GrowthSpec {
    /// The inverse distribution function: the value with P(X ≤ x) = `u`, for `u` in (0, 1).
    /// Exact closed forms for uniform and triangular; normal and truncated normal use GSL's
    /// Φ⁻¹ (relative accuracy ~1e-15). A truncated normal with sd 0 gives its mean clamped
    /// to the interval.
    public func quantile(_ u: Double) -> Double {
        switch self {
        case .fixed(let v): return v
        case let .uniform(lo, hi): return lo + (hi - lo) * u
        case let .triangular(lo, mode, hi):
            let w = hi - lo
            if w == 0 { return lo }
            let fc = (mode - lo) / w
            return u < fc
                ? lo + (u * w * (mode - lo)).squareRoot()
                : hi - ((1 - u) * w * (hi - mode)).squareRoot()
        case let .normal(m, s):
            return s == 0 ? m : m + s * StandardNormal.quantile(u)
        case let .truncatedNormal(m, s, lo, hi):
            if s == 0 { return min(max(m, lo), hi) }
            let pa = StandardNormal.cdf((lo - m) / s), pb = StandardNormal.cdf((hi - m) / s)
            let p = min(max(pa + u * (pb - pa), 1e-300), 1 - 1e-16)
            return min(max(m + s * StandardNormal.quantile(p), lo), hi)
        }
    }

    /// True when the spec has a single value (no uncertainty to sample).
    public var isDegenerate: Bool { sweepRange.lowerBound == sweepRange.upperBound }
}
