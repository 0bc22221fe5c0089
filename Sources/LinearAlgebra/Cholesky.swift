import CLAPACK

/// The Cholesky factorisation `A = L Lᵀ` of a symmetric positive definite matrix, computed
/// by LAPACK `dpotrf` (lower triangle).
///
/// Accuracy: `dpotrf` is backward stable; the computed `L` is the exact factor of `A + E`
/// with `‖E‖ ≤ c(n)·ε·‖A‖`. Only the lower triangle of `A` is read, so a matrix that is not
/// exactly symmetric is factorised as if its upper triangle mirrored the lower one; call
/// `init(_:symmetryTolerance:)` to reject such input instead.
///
/// Degenerate input: a matrix that is not positive definite (a correlation matrix whose
/// pairwise correlations cannot hold together, a singular matrix) throws
/// `LinearAlgebraError.notPositiveDefinite(order: k)` where `k` (1-based) is the order of the
/// first leading minor that is not positive; NaN or ±Inf throws `.nonFinite`.
///
/// ```swift
/// let c = try Cholesky(Matrix([[1, 0.6], [0.6, 1]]))
/// c.lower[1, 0] == 0.6; c.lower[1, 1] == 0.8
/// ```
public struct Cholesky: Sendable {
    /// The lower-triangular factor `L` (zeros above the diagonal).
    public let lower: Matrix

    /// Factorises `a`. Throws when `a` is not square, not finite, not symmetric within
    /// `symmetryTolerance` (absolute), or not positive definite.
    public init(_ a: Matrix, symmetryTolerance: Double = 1e-12) throws {
        guard a.rows == a.columns else {
            throw LinearAlgebraError.dimensionMismatch(
                detail: "Cholesky needs a square matrix, got \(a.rows)×\(a.columns)")
        }
        guard a.isFinite else { throw LinearAlgebraError.nonFinite(what: "matrix") }
        let n = a.rows
        for i in 0..<n {
            for j in 0..<i where abs(a[i, j] - a[j, i]) > symmetryTolerance {
                throw LinearAlgebraError.dimensionMismatch(
                    detail: "matrix is not symmetric at (\(i + 1), \(j + 1))")
            }
        }
        var storage = a.storage
        if n == 0 { lower = a; return }
        var uplo: CChar = 76  // "L"
        var order = Int32(n), lda = Int32(n), info: Int32 = 0
        storage.withUnsafeMutableBufferPointer { buf in
            dpotrf_(&uplo, &order, buf.baseAddress, &lda, &info, 1)
        }
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: Int(info)) }
        if info < 0 { throw LinearAlgebraError.lapackFailure(routine: "dpotrf", info: Int(info)) }
        var l = Matrix(rows: n, columns: n, columnMajor: storage)
        for j in 0..<n { for i in 0..<j { l[i, j] = 0 } }
        lower = l
    }

    /// `L z`: turns independent standard normals `z` into normals with covariance `A`.
    public func correlate(_ z: [Double]) -> [Double] { lower.multiply(z) }
}
