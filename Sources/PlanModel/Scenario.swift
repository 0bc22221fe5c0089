/// How a driver's mean growth (or change) is given in a scenario. Values are fractions per
/// year for `growth` drivers and percentage points per year for `change` drivers.
public enum GrowthSpec: Sendable, Hashable {
    case fixed(Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)
    case normal(mean: Double, sd: Double)
    case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)

    /// The central value: the fixed value, the middle of a range, the mode or mean.
    public var central: Double {
        switch self {
        case .fixed(let v): return v
        case .uniform(let l, let h): return (l + h) / 2
        case .triangular(_, let m, _): return m
        case .normal(let m, _): return m
        case .truncatedNormal(let m, _, _, _): return m
        }
    }

    /// The range a one-at-a-time sensitivity sweeps: the support, or mean ± 2 sd.
    public var sweepRange: ClosedRange<Double> {
        switch self {
        case .fixed(let v): return v...v
        case .uniform(let l, let h): return l...h
        case .triangular(let l, _, let h): return l...h
        case .normal(let m, let s): return (m - 2 * s)...(m + 2 * s)
        case .truncatedNormal(let m, let s, let l, let h): return max(l, m - 2 * s)...min(h, m + 2 * s)
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

    public init(indicator: String, model: DriverModel = .growth, spec: GrowthSpec,
                volatility: Double = 0) {
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

    public init(name: String, description: String = "", plan: String? = nil,
                drivers: [Driver], baselineOverrides: [String: Double] = [:],
                correlations: [DriverPair: Double] = [:], shocks: [Shock] = [],
                evaluate: [String] = []) {
        self.name = name; self.description = description; self.plan = plan
        self.drivers = drivers; self.baselineOverrides = baselineOverrides
        self.correlations = correlations; self.shocks = shocks; self.evaluate = evaluate
    }

    public func driver(for indicator: String) -> Driver? { drivers.first { $0.indicator == indicator } }
}

/// An unordered pair of driver ids (for correlations).
public struct DriverPair: Sendable, Hashable {
    public let first: String
    public let second: String
    public init(_ a: String, _ b: String) {
        if a <= b { first = a; second = b } else { first = b; second = a }
    }
}
