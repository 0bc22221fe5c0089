import PlanModel

/// What is wrong with a sweep's inputs, in terms a planner can act on. Every case except
/// `gridTooLarge`, `invalidConfiguration` and `insufficientMemory` is bad input data
/// (exit 65); those three are usage errors (exit 64).
public enum SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A driver, correlation or shock names an indicator the plan does not have.
    case unknownDriver(String, context: String)
    /// Two drivers move the same indicator.
    case duplicateDriver(String)
    /// The plan (and the scenario's overrides) give no baseline value for a driver.
    case missingBaseline(String)
    /// A standard deviation (of a distribution or of the yearly volatility) is negative.
    case negativeStandardDeviation(driver: String, what: String, value: Double)
    /// A range whose low end lies above its high end.
    case emptyRange(driver: String, low: Double, high: Double)
    /// Any other impossible distribution (mode outside its range, NaN parameters, a
    /// truncation interval with no probability).
    case invalidDistribution(driver: String, detail: String)
    /// A correlation outside [−1, 1].
    case correlationOutOfRange(first: String, second: String, value: Double)
    /// The correlation matrix of the drivers' yearly shocks is not positive definite; the
    /// named drivers are the first ones (in scenario order) whose correlations cannot hold
    /// together.
    case notPositiveDefinite(drivers: [String])
    /// `evaluate` names a target the plan does not have.
    case unknownTarget(String)
    /// A target to evaluate is qualitative, or its indicator has no driver, or its year lies
    /// outside the simulated years.
    case targetNotSimulated(target: String, reason: String)
    /// A grid with more points than the limit, run without confirmation.
    case gridTooLarge(points: Int, limit: Int)
    /// Sample count, percentiles, thread count or step out of range.
    case invalidConfiguration(String)
    /// The run's estimated memory (`SweepMemory`) exceeds what is available; `fitting` is
    /// the largest number of scenarios that would fit with the same options (0 when even
    /// the parts that do not grow with the sample size do not fit).
    case insufficientMemory(neededBytes: Int, availableBytes: Int, samples: Int, fitting: Int)

    public var description: String {
        switch self {
        case let .unknownDriver(id, context):
            return "unknown driver '\(id)' in \(context): the plan has no indicator with this id"
        case let .duplicateDriver(id):
            return "driver '\(id)' is given twice"
        case let .missingBaseline(id):
            return
                "driver '\(id)' has no baseline value (add it to the plan's baseline or the scenario's `baseline:`)"
        case let .negativeStandardDeviation(d, what, v):
            return "driver '\(d)': \(what) must not be negative (got \(Formatting.number(v)))"
        case let .emptyRange(d, lo, hi):
            return
                "driver '\(d)': empty range, low \(Formatting.number(lo)) is above high \(Formatting.number(hi))"
        case let .invalidDistribution(d, detail):
            return "driver '\(d)': \(detail)"
        case let .correlationOutOfRange(a, b, v):
            return
                "correlation between '\(a)' and '\(b)' is \(Formatting.number(v)); a correlation lies in [-1, 1]"
        case let .notPositiveDefinite(ds):
            return "the correlation matrix is not positive definite: the correlations among "
                + ds.map { "'\($0)'" }.joined(separator: ", ")
                + " cannot hold together (lower some of them)"
        case let .unknownTarget(id):
            return "unknown target '\(id)' in `evaluate`"
        case let .targetNotSimulated(t, reason):
            return "target '\(t)' cannot be evaluated: \(reason)"
        case let .gridTooLarge(n, limit):
            return
                "the grid has \(n) points, above the limit of \(limit); pass --confirm-grid to run it or use a larger --step"
        case let .invalidConfiguration(m):
            return m
        case let .insufficientMemory(needed, available, samples, fitting):
            let advice =
                fitting > 0
                ? "at most about \(Self.grouped(fitting)) scenarios fit; run several sweeps with different --seed values and pool them, or lower --samples"
                : "lower --threads, --sobol-samples or --bootstrap"
            return
                "\(Self.grouped(samples)) scenarios need about \(Self.gigabytes(needed)) of memory, "
                + "but \(Self.gigabytes(available)) is available: \(advice)"
        }
    }

    /// True for mistakes on the command line rather than in the data.
    public var isUsageError: Bool {
        switch self {
        case .gridTooLarge, .invalidConfiguration, .insufficientMemory: return true
        default: return false
        }
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Bytes as "1.5 GB" / "120 MB" (powers of 1024).
    static func gigabytes(_ bytes: Int) -> String {
        let gb = Double(bytes) / Double(1 << 30)
        return gb >= 1
            ? Formatting.fixed(gb, 1) + " GB"
            : Formatting.fixed(Double(bytes) / Double(1 << 20), 0) + " MB"
    }
}
