import CLAPACK

/// A QR factorisation with column pivoting, `A P = Q R`, computed by LAPACK `dgeqp3`.
///
/// Householder QR is backward stable: the computed `R` is the exact factor of `A + δA`
/// with `‖δA‖ ≤ c·m·n·u·‖A‖` (u = 2⁻⁵³). Pivoting puts the largest remaining column
/// first, so `|R₁₁| ≥ |R₂₂| ≥ …`, and the numerical rank is the number of diagonal
/// entries above `tolerance · |R₁₁|`.
///
/// The factors stay inside the struct; callers apply `Q`, `Qᵀ` and `R⁻¹` through
/// methods. No LAPACK `info` code escapes: illegal arguments (a bug) become
/// `LinearAlgebraError.lapackFailure`.
///
/// ```swift
/// let qr = try PivotedQR(Matrix([[1, 1], [1, 2], [1, 3]]))
/// qr.rank                       // 2
/// ```
public struct PivotedQR: Sendable {
    public let rows: Int
    public let columns: Int
    /// `dgeqp3` output: `R` in the upper triangle, Householder vectors below.
    private var factors: [Double]
    private var tau: [Double]
    /// Column `k` of `R` belongs to column `permutation[k]` of `A` (0-based).
    public let permutation: [Int]
    /// Numerical rank at `tolerance`.
    public let rank: Int
    /// The relative tolerance used for the rank decision.
    public let tolerance: Double
    /// Reciprocal condition number (1-norm) of the leading `rank × rank` block of `R`,
    /// estimated by LAPACK `dtrcon`; within a factor of about 10 of the true value.
    public let reciprocalCondition: Double

    /// Factorises `a`. Throws `.nonFinite` for NaN/Inf entries.
    /// - Parameter tolerance: relative threshold for the rank decision; default
    ///   `max(m, n) · 2⁻⁵²` (LAPACK/MATLAB convention).
    public init(_ a: Matrix, tolerance: Double? = nil) throws {
        guard a.isFinite else { throw LinearAlgebraError.nonFinite(what: "matrix") }
        rows = a.rows; columns = a.columns
        let tol = tolerance ?? Double(max(rows, columns)) * Double.ulpOfOne
        self.tolerance = tol
        var m = Int32(rows), n = Int32(columns), lda = Int32(max(1, rows)), info: Int32 = 0
        var fac = a.storage
        var jpvt = [Int32](repeating: 0, count: max(1, columns))
        var tau = [Double](repeating: 0, count: max(1, min(rows, columns)))
        var lwork: Int32 = -1
        var query = 0.0
        dgeqp3_(&m, &n, &fac, &lda, &jpvt, &tau, &query, &lwork, &info)
        if info != 0 { throw LinearAlgebraError.lapackFailure(routine: "dgeqp3", info: Int(info)) }
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        if rows > 0 && columns > 0 {
            dgeqp3_(&m, &n, &fac, &lda, &jpvt, &tau, &work, &lwork, &info)
            if info != 0 {
                throw LinearAlgebraError.lapackFailure(routine: "dgeqp3", info: Int(info))
            }
        }
        factors = fac
        self.tau = tau
        permutation = (0..<columns).map { Int(jpvt[$0]) - 1 }
        let k = min(rows, columns)
        var r = 0
        if k > 0 {
            let r11 = abs(fac[0])
            while r < k && abs(fac[r + r * rows]) > tol * r11 && r11 > 0 { r += 1 }
        }
        rank = r
        if r > 0 {
            var rcond = 0.0
            var nr = Int32(r)
            var w = [Double](repeating: 0, count: 3 * r)
            var iw = [Int32](repeating: 0, count: r)
            var norm: CChar = 49 /* "1" */, uplo: CChar = 85 /* U */, diag: CChar = 78 /* N */
            dtrcon_(&norm, &uplo, &diag, &nr, fac, &lda, &rcond, &w, &iw, &info, 1, 1, 1)
            if info != 0 {
                throw LinearAlgebraError.lapackFailure(routine: "dtrcon", info: Int(info))
            }
            reciprocalCondition = rcond
        } else {
            reciprocalCondition = 0
        }
    }

    /// `R[i, j]` for `i ≤ j < columns`, `i < min(rows, columns)`.
    public func r(_ i: Int, _ j: Int) -> Double { i <= j ? factors[i + j * rows] : 0 }

    /// `Qᵀ c` (length `rows`), by LAPACK `dormqr`.
    public func applyQTranspose(_ c: [Double]) -> [Double] { applyQ(c, transpose: true) }

    /// `Q c` (length `rows`), by LAPACK `dormqr`.
    public func applyQ(_ c: [Double]) -> [Double] { applyQ(c, transpose: false) }

    private func applyQ(_ c: [Double], transpose: Bool) -> [Double] {
        precondition(c.count == rows, "vector length must equal the number of rows")
        var out = c
        var side: CChar = 76 /* L */, trans: CChar = transpose ? 84 /* T */ : 78 /* N */
        var m = Int32(rows), n: Int32 = 1, k = Int32(min(rows, columns))
        var lda = Int32(max(1, rows)), ldc = Int32(max(1, rows)), info: Int32 = 0
        if k == 0 { return out }
        var lwork: Int32 = -1
        var query = 0.0
        dormqr_(
            &side, &trans, &m, &n, &k, factors, &lda, tau, &out, &ldc, &query, &lwork, &info, 1, 1)
        lwork = max(1, Int32(query))
        var work = [Double](repeating: 0, count: Int(lwork))
        dormqr_(
            &side, &trans, &m, &n, &k, factors, &lda, tau, &out, &ldc, &work, &lwork, &info, 1, 1)
        precondition(info == 0, "dormqr rejected its arguments (info \(info)): a bug in PivotedQR")
        return out
    }

    /// Solves `R₁₁ z = b` (or `R₁₁ᵀ z = b` when `transpose`) with the leading `rank × rank`
    /// block, by LAPACK `dtrtrs`. `b.count` must equal `rank`.
    public func solveR(_ b: [Double], transpose: Bool = false) -> [Double] {
        precondition(b.count == rank, "right-hand side length must equal the rank")
        if rank == 0 { return [] }
        var out = b
        var uplo: CChar = 85, trans: CChar = transpose ? 84 : 78, diag: CChar = 78
        var n = Int32(rank), nrhs: Int32 = 1, lda = Int32(max(1, rows)), ldb = Int32(rank),
            info: Int32 = 0
        dtrtrs_(&uplo, &trans, &diag, &n, &nrhs, factors, &lda, &out, &ldb, &info, 1, 1, 1)
        precondition(info == 0, "dtrtrs failed (info \(info)) on a block of full numerical rank")
        return out
    }

    /// `R₁₁⁻¹` (upper triangular, `rank × rank`) by LAPACK `dtrtri`. Its relative error is
    /// about `κ(R₁₁)·u`.
    public func inverseR() -> Matrix {
        var inv = Matrix(rows: rank, columns: rank)
        for j in 0..<rank { for i in 0...j { inv[i, j] = factors[i + j * rows] } }
        if rank == 0 { return inv }
        var uplo: CChar = 85, diag: CChar = 78
        var n = Int32(rank), lda = Int32(rank), info: Int32 = 0
        dtrtri_(&uplo, &diag, &n, &inv.storage, &lda, &info, 1, 1)
        precondition(info == 0, "dtrtri found a zero diagonal in a block of full numerical rank")
        return inv
    }
}
