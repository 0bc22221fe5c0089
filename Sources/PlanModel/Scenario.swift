/// How a driver's mean growth (or change) is given in a scenario. Values are fractions per
/// year for `growth` drivers and percentage points per year for `change` drivers.
public enum GrowthSpec: Sendable, Hashable {
    case fixed(Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)
    case normal(mean: Double, sd: Double)
    case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)

    /// The central value: the fixed value, the middle of a range, the mode or mean. For a
    /// truncated normal it is `mean`, the mean of the normal before truncation, which the
    /// readers require to lie inside [low, high] (so the central value is always a value the
    /// distribution can take; it is the truncated distribution's mode, not its mean).
    public var central: Double {
        switch self {
        case .fixed(let v): return v
        case .uniform(let l, let h): return (l + h) / 2
        case .triangular(_, let m, _): return m
        case .normal(let m, _): return m
        case .truncatedNormal(let m, _, _, _): return m
        }
    }

    /// The range a one-at-a-time sensitivity sweeps: the support, or mean ± 2 sd (for a
    /// truncated normal, mean ± 2 sd cut to [low, high]).
    ///
    /// Never traps: parameters that a reader would reject (low above high, a truncated
    /// normal's mean outside its bounds, NaN) give the range between the two ends in
    /// increasing order, or the single point `central` when there is none; check a spec with
    /// `supportProblem` before using it.
    public var sweepRange: ClosedRange<Double> {
        func ordered(_ a: Double, _ b: Double) -> ClosedRange<Double> {
            if a <= b { return a...b }
            if b < a { return b...a }
            // NaN at either end: no range.
            let c = a.isNaN ? b : a
            return c.isNaN ? 0...0 : c...c
        }
        switch self {
        case .fixed(let v): return ordered(v, v)
        case .uniform(let l, let h): return ordered(l, h)
        case .triangular(let l, _, let h): return ordered(l, h)
        case .normal(let m, let s): return ordered(m - 2 * s, m + 2 * s)
        case .truncatedNormal(let m, let s, let l, let h):
            let a = max(l, m - 2 * s), b = min(h, m + 2 * s)
            if a <= b { return a...b }
            return ordered(Swift.min(Swift.max(m, l), h), Swift.min(Swift.max(m, l), h))
        }
    }

    /// What makes the spec impossible to sample, or nil when it is a proper distribution:
    /// finite parameters, sd ≥ 0, low ≤ high, a triangular mode inside its range, and a
    /// truncated normal's mean inside [low, high].
    ///
    /// The last rule is a choice: a normal truncated far from its mean is a valid
    /// distribution, but a file that writes `{mean: 12, low: 5, high: 9}` almost always
    /// means something else, and the deterministic projection uses the mean as the
    /// scenario's central value, which must be a value the sweep can draw.
    ///
    /// Values in the message are divided by `scale` (0.01 shows growth fractions in percent).
    ///
    /// ```swift
    /// GrowthSpec.truncatedNormal(mean: 0.12, sd: 0.01, low: 0.05, high: 0.09).supportProblem()
    /// // "the mean 0.12 lies outside the truncation bounds [0.05, 0.09]"
    /// ```
    public func supportProblem(scale: Double = 1) -> String? {
        func text(_ v: Double) -> String { Formatting.number(v / scale) }
        switch self {
        case .fixed(let v):
            return v.isFinite ? nil : "parameters must be finite numbers"
        case let .uniform(l, h):
            if !(l.isFinite && h.isFinite) { return "parameters must be finite numbers" }
            return l <= h ? nil : "empty range: low \(text(l)) is above high \(text(h))"
        case let .triangular(l, m, h):
            if !(l.isFinite && m.isFinite && h.isFinite) {
                return "parameters must be finite numbers"
            }
            if l > h { return "empty range: low \(text(l)) is above high \(text(h))" }
            return m >= l && m <= h
                ? nil : "triangular mode \(text(m)) lies outside [\(text(l)), \(text(h))]"
        case let .normal(m, s):
            if !(m.isFinite && s.isFinite) { return "parameters must be finite numbers" }
            return s >= 0 ? nil : "the sd must not be negative (got \(text(s)))"
        case let .truncatedNormal(m, s, l, h):
            if !(m.isFinite && s.isFinite && l.isFinite && h.isFinite) {
                return "parameters must be finite numbers"
            }
            if s < 0 { return "the sd must not be negative (got \(text(s)))" }
            if l > h { return "empty range: low \(text(l)) is above high \(text(h))" }
            if m < l || m > h {
                return
                    "the mean \(text(m)) lies outside the truncation bounds [\(text(l)), \(text(h))]"
            }
            // With the mean inside, P(low < X < high) ≥ Φ(w/sd) − ½ ≈ 0.4·w/sd for the
            // larger half-width w ≥ (high − low)/2; sd above 10⁶ × (high − low) leaves the
            // normal no shape inside the bounds (it is a uniform distribution).
            if s > 1e6 * (h - l) {
                return
                    "the sd \(text(s)) is more than a million times the width of [\(text(l)), \(text(h))] (write a uniform distribution)"
            }
            return nil
        }
    }
}

/// How a driver moves an indicator from one year to the next.
public enum DriverModel: String, Sendable, Hashable, CaseIterable {
    /// Compound growth: L_t = L_{t-1} (1 + g_t).
    case growth
    /// Linear change in the indicator's own unit (percentage points for rates):
    /// L_t = L_{t-1} + d_t, clamped to [0, upper bound].
    case change
}

/// One driver of a scenario: the assumption that moves one indicator.
public struct Driver: Sendable, Hashable {
    public var indicator: String
    public var model: DriverModel
    public var spec: GrowthSpec
    /// Year-to-year volatility: standard deviation around the scenario's mean, as a
    /// fraction for growth drivers (0.02 = 2 percentage points) and in the indicator's unit
    /// for change drivers.
    public var volatility: Double

    public init(
        indicator: String, model: DriverModel = .growth, spec: GrowthSpec,
        volatility: Double = 0
    ) {
        self.indicator = indicator; self.model = model; self.spec = spec
        self.volatility = volatility
    }
}

/// A one-year shock to a driver (a typhoon year, a land auction): added to that year's
/// growth (fraction) or change.
public struct Shock: Sendable, Hashable {
    public var indicator: String
    public var year: Int
    public var amount: Double
    public init(indicator: String, year: Int, amount: Double) {
        self.indicator = indicator; self.year = year; self.amount = amount
    }
}

/// A what-if: the growth assumption of each driver, optional baseline overrides, and for
/// sweeps the uncertainty description.
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    /// Plan id the scenario is written for (informational; checked when given).
    public var plan: String?
    public var drivers: [Driver]
    /// Baseline values that replace the plan's, by indicator id (in the indicator's unit).
    public var baselineOverrides: [String: Double]
    /// Correlation between drivers' yearly shocks, by pairs of indicator ids.
    public var correlations: [DriverPair: Double]
    public var shocks: [Shock]
    /// Target ids to evaluate; empty means every quantitative target.
    public var evaluate: [String]

    public init(
        name: String, description: String = "", plan: String? = nil,
        drivers: [Driver], baselineOverrides: [String: Double] = [:],
        correlations: [DriverPair: Double] = [:], shocks: [Shock] = [],
        evaluate: [String] = []
    ) {
        self.name = name; self.description = description; self.plan = plan
        self.drivers = drivers; self.baselineOverrides = baselineOverrides
        self.correlations = correlations; self.shocks = shocks; self.evaluate = evaluate
    }

    public func driver(for indicator: String) -> Driver? {
        drivers.first { $0.indicator == indicator }
    }
}

/// An unordered pair of driver ids (for correlations).
public struct DriverPair: Sendable, Hashable {
    public let first: String
    public let second: String
    public init(_ a: String, _ b: String) {
        if a <= b { first = a; second = b } else { first = b; second = a }
    }
}
