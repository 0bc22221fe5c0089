/// Failures of the LAPACK layer, stated in terms a caller can act on. No LAPACK `info`
/// code or raw pointer leaves this module.
public enum LinearAlgebraError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input contained NaN or ±Inf (`what` names the argument).
    case nonFinite(what: String)
    /// Dimensions do not fit (`detail` says which).
    case dimensionMismatch(detail: String)
    /// A symmetric matrix is not positive definite: the leading minor of order `order`
    /// (1-based) is not positive.
    case notPositiveDefinite(order: Int)
    /// The matrix has numerical rank `rank` < `required` at the tolerance used.
    case rankDeficient(rank: Int, required: Int)
    /// LAPACK reported an illegal argument or failed to converge (a bug or extreme input).
    case lapackFailure(routine: String, info: Int)

    public var description: String {
        switch self {
        case .nonFinite(let what): return "\(what) contains NaN or infinite values"
        case .dimensionMismatch(let d): return "dimension mismatch: \(d)"
        case .notPositiveDefinite(let k):
            return "matrix is not positive definite (leading minor of order \(k) is not positive)"
        case .rankDeficient(let r, let n):
            return "matrix is rank deficient: numerical rank \(r), need \(n)"
        case .lapackFailure(let r, let i): return "LAPACK \(r) failed (info = \(i))"
        }
    }
}
