/// Why a series cannot be fitted, naming the series and the rule it breaks. Every
/// degenerate input ends here rather than in NaN or a crash.
public enum RegressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer observations than parameters (an exact fit, n = parameters, is allowed).
    case tooFewObservations(series: String, observations: Int, parameters: Int, model: String)
    /// The regressors do not determine the coefficients (e.g. every year the same, or a
    /// polynomial of degree K on fewer than K + 1 distinct years).
    case rankDeficient(series: String, detail: String)
    /// A NaN or infinite value (`what` is "x", "y" or "weight"; `index` is 0-based).
    case nonFinite(series: String, what: String, index: Int)
    /// A value the model's transform cannot take (log of a non-positive value, logit of a
    /// value outside (0, bound)).
    case outsideDomain(series: String, index: Int, value: Double, rule: String)
    /// A negative weight.
    case negativeWeight(series: String, index: Int, value: Double)
    /// Mismatched lengths of x, y and weights.
    case lengthMismatch(series: String, detail: String)
    /// A model specification that makes no sense (degree out of range, bound ≤ 0, ...).
    case invalidModel(String)

    public var description: String {
        switch self {
        case let .tooFewObservations(s, n, p, model):
            return
                "series '\(s)': \(model) needs at least \(p) observations (\(p) parameters); it has \(n)"
        case let .rankDeficient(s, d):
            return "series '\(s)': coefficients not determined: \(d)"
        case let .nonFinite(s, what, i):
            return "series '\(s)': \(what) at observation \(i + 1) is NaN or infinite"
        case let .outsideDomain(s, i, v, rule):
            return "series '\(s)': value \(v) at observation \(i + 1) breaks the rule \(rule)"
        case let .negativeWeight(s, i, v):
            return
                "series '\(s)': weight \(v) at observation \(i + 1) is negative; weights must be ≥ 0"
        case let .lengthMismatch(s, d):
            return "series '\(s)': \(d)"
        case let .invalidModel(m):
            return m
        }
    }
}
