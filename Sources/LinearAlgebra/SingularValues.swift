import CLAPACK

/// Singular values and the 2-norm condition number, by LAPACK `dgesvd` (values only).
///
/// Accuracy: each singular value σᵢ is computed with absolute error about `u·σ₁`
/// (u = 2⁻⁵³), so the condition number σ₁/σₙ is reliable to a few digits while it is
/// well below 1/u ≈ 10¹⁶ and only indicative (within a factor of ~2) near 10¹⁵.
public enum SingularValues {
    /// The singular values of `a`, largest first. Throws `.nonFinite` for NaN/Inf and
    /// `.lapackFailure` if the SVD does not converge (practically never).
    public static func of(_ a: Matrix) throws -> [Double] {
        guard a.isFinite else { throw LinearAlgebraError.nonFinite(what: "matrix") }
        let k = min(a.rows, a.columns)
        if k == 0 { return [] }
        var m = Int32(a.rows), n = Int32(a.columns), lda = Int32(max(1, a.rows))
        var ldu: Int32 = 1, ldvt: Int32 = 1, info: Int32 = 0
        var copy = a.storage
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: 1), vt = [Double](repeating: 0, count: 1)
        var jobu: CChar = 78 /* N */, jobvt: CChar = 78
        var lwork: Int32 = -1
        var query = 0.0
        dgesvd_(
            &jobu, &jobvt, &m, &n, &copy, &lda, &s, &u, &ldu, &vt, &ldvt, &query, &lwork, &info, 1,
            1)
        if info != 0 { throw LinearAlgebraError.lapackFailure(routine: "dgesvd", info: Int(info)) }
        lwork = max(1, Int32(query))
        var work = [Double](repeating: 0, count: Int(lwork))
        dgesvd_(
            &jobu, &jobvt, &m, &n, &copy, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &info, 1, 1
        )
        if info != 0 { throw LinearAlgebraError.lapackFailure(routine: "dgesvd", info: Int(info)) }
        return s
    }

    /// σ₁ / σₙ (infinity for a rank-deficient matrix with σₙ = 0).
    public static func conditionNumber(_ a: Matrix) throws -> Double {
        let s = try of(a)
        guard let first = s.first, let last = s.last else { return 1 }
        return last == 0 ? .infinity : first / last
    }
}
