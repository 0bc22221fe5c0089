import Foundation

/// The scale on which a model is normal (or Student t): the data's own, log, or logit.
/// Quantiles are computed on that scale and mapped back with the increasing inverse, so a
/// quantile stays a quantile.
///
/// ```swift
/// ForecastScale.logarithm.transform(100)   // log 100
/// ForecastScale.logit(bound: 100).inverse(0)   // 50
/// ```
public enum ForecastScale: Sendable, Hashable {
    case identity
    case logarithm
    case logit(bound: Double)

    /// z = g(y), or nil when y lies outside the scale's domain (y ≤ 0 for log; outside
    /// (0, B) for logit).
    @inline(__always)
    public func transform(_ y: Double) -> Double? {
        switch self {
        case .identity: return y
        case .logarithm: return y > 0 ? log(y) : nil
        case .logit(let b): return y > 0 && y < b ? log(y / (b - y)) : nil
        }
    }

    /// y = g⁻¹(z), increasing in z.
    @inline(__always)
    public func inverse(_ z: Double) -> Double {
        switch self {
        case .identity: return z
        case .logarithm: return exp(z)
        case .logit(let b): return b / (1 + exp(-z))
        }
    }
}
