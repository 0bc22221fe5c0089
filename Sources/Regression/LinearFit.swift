import Foundation
import LinearAlgebra

/// How the well-conditioned working coordinates `γ`, in which the problem is solved, map
/// to the reported coefficients `β = T⁻¹ γ (+ response centre on the intercept)`.
enum WorkingBasis: Sendable {
    /// Intercept plus regressors centred at `centres` (nil: no intercept, no centring).
    case linear(centres: [ExtendedReal]?)
    /// Monomials in `t = (x − centre) / halfWidth`, degree 0...degree.
    case polynomial(centre: ExtendedReal, halfWidth: ExtendedReal, degree: Int)

    /// The working-coordinate row for raw regressors `x` (without the intercept's 1).
    func row(_ x: [Double]) -> [ExtendedReal] {
        switch self {
        case .linear(let centres):
            guard let c = centres else { return x.map { ExtendedReal($0) } }
            return [1] + (0..<x.count).map { ExtendedReal(x[$0]) - c[$0] }
        case let .polynomial(centre, halfWidth, degree):
            let t = (ExtendedReal(x[0]) - centre) / halfWidth
            var row = [ExtendedReal](repeating: 1, count: degree + 1)
            for k in stride(from: 1, through: degree, by: 1) { row[k] = row[k - 1] * t }
            return row
        }
    }

    /// The working-coordinate design (n × p) for raw regressors `x` (n × k), built in one
    /// buffer (the same values as `row` gives row by row).
    func workingDesign(_ x: Matrix, parameters p: Int) -> ExtendedMatrix {
        let n = x.rows
        var d = ExtendedMatrix(rows: n, columns: p)
        switch self {
        case .linear(let centres):
            if let c = centres {
                for i in 0..<n { d.storage[i] = 1 }
                for j in 0..<x.columns {
                    for i in 0..<n { d.storage[i + (j + 1) * n] = ExtendedReal(x[i, j]) - c[j] }
                }
            } else {
                for j in 0..<x.columns {
                    for i in 0..<n { d.storage[i + j * n] = ExtendedReal(x[i, j]) }
                }
            }
        case let .polynomial(centre, halfWidth, degree):
            for i in 0..<n {
                let t = (ExtendedReal(x[i, 0]) - centre) / halfWidth
                var v: ExtendedReal = 1
                d.storage[i] = 1
                for k in stride(from: 1, through: degree, by: 1) {
                    v *= t; d.storage[i + k * n] = v
                }
            }
        }
        return d
    }

    /// `T⁻¹` (p × p) with `β = T⁻¹ γ` (before adding the response centre to β₀).
    func inverseTransform(parameters p: Int) -> ExtendedMatrix {
        var t = ExtendedMatrix(rows: p, columns: p)
        switch self {
        case .linear(let centres):
            for j in 0..<p { t[j, j] = 1 }
            if let c = centres { for j in 1..<p { t[0, j] = -c[j - 1] } }
        case let .polynomial(centre, halfWidth, degree):
            // t^k = h^-k Σ_j C(k, j) x^j (−c)^(k−j)
            // Powers by repeated multiplication (exact for the small integers and
            // power-of-two scales typical here; otherwise within a few ulps of Float80).
            var negC: [ExtendedReal] = [1]
            for _ in 0..<degree { negC.append(negC.last! * -centre) }
            var hk: ExtendedReal = 1
            for k in 0...degree {
                var binom: ExtendedReal = 1
                for j in 0...k {
                    if j > 0 { binom = binom * ExtendedReal(k - j + 1) / ExtendedReal(j) }
                    t[j, k] = binom * negC[k - j] * hk
                }
                hk /= halfWidth
            }
        }
        return t
    }

    var hasIntercept: Bool {
        switch self {
        case .linear(let c): return c != nil
        case .polynomial: return true
        }
    }
}

/// A linear least-squares fit with its statistics (R's `lm` + `summary.lm` quantities).
///
/// Coefficients are in the caller's coordinates: `[intercept, β₁, …]` with an intercept,
/// `[β₁, …]` without; for `PolynomialRegression` `[β₀, β₁, …, β_K]` of `Σ βₖ xᵏ`.
/// Statistics that need residual degrees of freedom (standard errors, covariance, residual
/// SD, adjusted R², intervals) are nil for an exact fit (df = 0).
public struct LinearFit: Sendable {
    public let coefficients: [Double]
    /// Standard errors of `coefficients`; nil when df = 0.
    public let standardErrors: [Double]?
    /// Covariance matrix of `coefficients` (σ̂² (XᵀWX)⁻¹); nil when df = 0.
    public let covariance: Matrix?
    /// σ̂ = √(RSS / df) (weighted RSS for weighted fits); nil when df = 0.
    public let residualStandardDeviation: Double?
    /// Weighted residual sum of squares Σ wᵢ rᵢ².
    public let residualSumOfSquares: Double
    /// R² = 1 − RSS/TSS. With an intercept TSS is centred at the (weighted) mean; without
    /// one it is the uncentred Σ wᵢ yᵢ² (R's and NIST's convention for NoInt1/NoInt2).
    /// nil when TSS = 0 (a constant response).
    public let rSquared: Double?
    /// 1 − (1 − R²)(n − i)/df with i = 1 with an intercept, 0 without (R's convention).
    public let adjustedRSquared: Double?
    /// Residual degrees of freedom n − p (n counts observations of positive weight).
    public let residualDegreesOfFreedom: Int
    /// Observations used (positive weight).
    public let observationCount: Int
    public let parameterCount: Int
    /// Numerical rank of the design (always `parameterCount`: rank-deficient fits throw).
    public let rank: Int
    /// 1-norm condition estimate of the column-scaled design actually factorised (after
    /// centring or the change to a centred, scaled polynomial basis).
    public let conditionEstimate: Double
    /// Residuals yᵢ − ŷᵢ (unweighted), one per input observation (including weight 0).
    public let residuals: [Double]
    /// Fitted values ŷᵢ, one per input observation.
    public let fittedValues: [Double]
    public let hasIntercept: Bool
    /// Iterative-refinement steps taken by the solver, and its last relative correction.
    public let refinementSteps: Int
    public let lastCorrection: Double

    // Working coordinates for accurate prediction.
    let basis: WorkingBasis
    let workingCoefficients: [ExtendedReal]
    let workingInverseGram: ExtendedMatrix
    let responseCentre: ExtendedReal
    let sigma2: ExtendedReal?

    /// The fitted mean at regressors `x` (without the intercept's 1; for a polynomial
    /// the single value x), with the standard error of that mean (nil when df = 0).
    /// Evaluated in the centred working basis, so it is accurate even where the raw
    /// coefficients are ill-conditioned.
    public func predict(_ x: [Double]) -> (mean: Double, standardError: Double?) {
        let row = basis.row(x)
        precondition(row.count == workingCoefficients.count, "wrong number of regressors")
        var mean = responseCentre
        for k in 0..<row.count { mean += row[k] * workingCoefficients[k] }
        guard let s2 = sigma2 else { return (Double(mean), nil) }
        var q: ExtendedReal = 0
        for i in 0..<row.count {
            for j in 0..<row.count { q += row[i] * workingInverseGram[i, j] * row[j] }
        }
        return (Double(mean), Double((s2 * max(q, 0)).squareRoot()))
    }

    /// Residual variance σ̂² (nil when df = 0).
    public var residualVariance: Double? { sigma2.map { Double($0) } }
}

/// Ordinary and weighted linear least squares: `LinearLeastSquares.fit(design:response:)`.
///
/// Accuracy: the problem is centred (with an intercept), column-scaled and solved by
/// `LeastSquares.solve` (pivoted QR with extended-precision refinement); the change back
/// to the caller's coordinates is done in extended precision. Coefficients, standard
/// errors, residual SD and R² agree with the NIST StRD certified values for Longley,
/// Norris, Pontius, NoInt1 and NoInt2 to at least 13.5 significant digits (Longley ≥ 14.6;
/// see `RegressionTests/NISTCertifiedTests.swift`). In general the coefficients solve the
/// problem posed by the given doubles to a relative error near `κ_c·5e-20`, κ_c the
/// condition of the centred, column-scaled design (so the error of the data itself
/// dominates), and standard errors carry a relative error near `κ_c·1e-16`.
public enum LinearLeastSquares {
    /// Fits `y ≈ β₀ + X β` (or `X β` with `intercept: false`).
    /// - Parameters:
    ///   - design: n × k regressors, without an intercept column.
    ///   - weights: optional, ≥ 0; observations of weight 0 are left out of the fit (but get
    ///     fitted values and residuals). The fit minimises Σ wᵢ rᵢ², σ̂² = Σ wᵢ rᵢ² / df.
    ///   - series: a name used in error messages.
    /// - Throws: `RegressionError` for non-finite values, negative weights, too few
    ///   observations, or a rank-deficient design.
    public static func fit(
        design: Matrix, response: [Double], weights: [Double]? = nil,
        intercept: Bool = true, series: String = "y"
    ) throws -> LinearFit {
        let n = response.count, k = design.columns
        guard design.rows == n else {
            throw RegressionError.lengthMismatch(
                series: series,
                detail: "design has \(design.rows) rows but response has \(n) values")
        }
        let w = try validate(response: response, weights: weights, series: series)
        for j in 0..<k {
            for i in 0..<n where !design[i, j].isFinite {
                throw RegressionError.nonFinite(
                    series: series, what: "x\(k > 1 ? String(j + 1) : "")", index: i)
            }
        }
        var centres: [ExtendedReal]? = nil
        if intercept {
            let sw = w.reduce(ExtendedReal(0)) { $0 + ExtendedReal($1) }
            centres = (0..<k).map { j in
                var s: ExtendedReal = 0
                for i in 0..<n { s += ExtendedReal(w[i]) * ExtendedReal(design[i, j]) }
                return sw > 0 ? s / sw : 0
            }
        }
        return try solve(
            regressors: design, response: response, weights: w, basis: .linear(centres: centres),
            parameters: k + (intercept ? 1 : 0), series: series,
            model: intercept ? "a linear model with intercept" : "a linear model")
    }

    static func validate(response: [Double], weights: [Double]?, series: String) throws -> [Double]
    {
        for (i, v) in response.enumerated() where !v.isFinite {
            throw RegressionError.nonFinite(series: series, what: "y", index: i)
        }
        guard let w = weights else { return [Double](repeating: 1, count: response.count) }
        guard w.count == response.count else {
            throw RegressionError.lengthMismatch(
                series: series, detail: "\(w.count) weights for \(response.count) observations")
        }
        for (i, v) in w.enumerated() {
            if !v.isFinite {
                throw RegressionError.nonFinite(series: series, what: "weight", index: i)
            }
            if v < 0 { throw RegressionError.negativeWeight(series: series, index: i, value: v) }
        }
        return w
    }

    /// The common core: builds the weighted working design, solves, maps back.
    static func solve(
        regressors: Matrix, response y: [Double], weights w: [Double],
        basis: WorkingBasis, parameters p: Int, series: String, model: String
    ) throws -> LinearFit {
        let used = (0..<y.count).filter { w[$0] > 0 }
        guard used.count >= p else {
            throw RegressionError.tooFewObservations(
                series: series, observations: used.count, parameters: p, model: model)
        }
        let m = used.count
        // Response centre: the weighted mean (only with an intercept; any centre is exact).
        var cy: ExtendedReal = 0
        if basis.hasIntercept {
            var s: ExtendedReal = 0, sw: ExtendedReal = 0
            for i in used { s += ExtendedReal(w[i]) * ExtendedReal(y[i]); sw += ExtendedReal(w[i]) }
            cy = ExtendedReal(Double(s / sw))
        }
        let design = basis.workingDesign(regressors, parameters: p)
        let n = y.count
        var a: ExtendedMatrix
        var b = [ExtendedReal](repeating: 0, count: m)
        if m == n && w.allSatisfy({ $0 == 1 }) {
            a = design  // unweighted, every row used: no copy
            for i in 0..<n { b[i] = ExtendedReal(y[i]) - cy }
        } else {
            a = ExtendedMatrix(rows: m, columns: p)
            for (r, i) in used.enumerated() {
                let sw = ExtendedReal(w[i]).squareRoot()
                for j in 0..<p { a.storage[r + j * m] = sw * design.storage[i + j * n] }
                b[r] = sw * (ExtendedReal(y[i]) - cy)
            }
        }
        let sol: LeastSquaresSolution
        do {
            sol = try LeastSquares.solve(a, b)
        } catch LinearAlgebraError.rankDeficient(let rank, let required) {
            throw RegressionError.rankDeficient(
                series: series,
                detail:
                    "the design has numerical rank \(rank) < \(required) parameters (regressors are constant or collinear)"
            )
        }
        let tinv = basis.inverseTransform(parameters: p)
        let gamma = sol.solution
        var beta = tinv.multiply(gamma)
        if basis.hasIntercept { beta[0] += cy }

        let df = m - p
        let rss = sol.residualSumOfSquares
        var sigma2: ExtendedReal? = nil
        var cov: Matrix? = nil
        var se: [Double]? = nil
        if df > 0 {
            let s2 = rss / ExtendedReal(df)
            sigma2 = s2
            let c = tinv.multiply(sol.inverseGram).multiply(tinv.transposed)
            var cm = Matrix(rows: p, columns: p)
            for i in 0..<p { for j in 0..<p { cm[i, j] = Double(s2 * c[i, j]) } }
            cov = cm
            se = (0..<p).map { Double((s2 * max(c[$0, $0], 0)).squareRoot()) }
        }
        // Total sum of squares from the raw data.
        var tss: ExtendedReal = 0
        if basis.hasIntercept {
            var s: ExtendedReal = 0, sw: ExtendedReal = 0
            for i in used { s += ExtendedReal(w[i]) * ExtendedReal(y[i]); sw += ExtendedReal(w[i]) }
            let mean = s / sw
            for i in used { let d = ExtendedReal(y[i]) - mean; tss += ExtendedReal(w[i]) * d * d }
        } else {
            for i in used { tss += ExtendedReal(w[i]) * ExtendedReal(y[i]) * ExtendedReal(y[i]) }
        }
        let r2: Double? = tss > 0 ? Double(1 - rss / tss) : nil
        var adj: Double? = nil
        if let r2v = r2, df > 0 {
            let i = basis.hasIntercept ? 1 : 0
            adj = 1 - (1 - r2v) * Double(m - i) / Double(df)
        }
        let fit80 = design.multiply(gamma)
        var fitted = [Double](repeating: 0, count: n)
        var resid = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let f = cy + fit80[i]
            fitted[i] = Double(f)
            resid[i] = Double(ExtendedReal(y[i]) - f)
        }
        return LinearFit(
            coefficients: beta.map { Double($0) }, standardErrors: se, covariance: cov,
            residualStandardDeviation: sigma2.map { Double($0.squareRoot()) },
            residualSumOfSquares: Double(rss), rSquared: r2, adjustedRSquared: adj,
            residualDegreesOfFreedom: df, observationCount: m, parameterCount: p,
            rank: sol.rank, conditionEstimate: 1 / sol.reciprocalCondition,
            residuals: resid, fittedValues: fitted, hasIntercept: basis.hasIntercept,
            refinementSteps: sol.refinementSteps, lastCorrection: sol.lastCorrection,
            basis: basis, workingCoefficients: gamma, workingInverseGram: sol.inverseGram,
            responseCentre: cy, sigma2: sigma2)
    }
}

/// Polynomial least squares `y ≈ Σₖ βₖ xᵏ`, k = 0…K, K ≤ 10.
///
/// The fit is computed in the basis of monomials of `t = (x − c)/h` (c the midpoint and
/// h the half-range of x, so t ∈ [−1, 1]), whose design is well conditioned (κ ≲ 10⁵ for
/// K = 10) even when the raw Vandermonde matrix has κ ≈ 10¹⁵; the solver refines in
/// extended precision, and the raw coefficients βₖ are obtained from the t-basis ones by
/// the binomial change of basis in extended precision (64-bit significand). Accuracy:
/// fitted values, forecasts and their standard errors are accurate to near double
/// precision; raw coefficients lose about log₁₀ of the cancellation in the change of
/// basis from the 19 digits of extended precision. Measured against exact rational
/// solutions (`PolynomialAccuracyTests`): Wampler-1/2/3-like degree-5 problems ≥ 13.8
/// significant digits for every coefficient; a Filip-like degree-10 problem whose raw
/// design has κ = 1.1e15 (numpy.linalg.lstsq: 0 digits) 16 digits for every coefficient
/// and 13.6 for every standard error. The data are the doubles given: when x is a decimal
/// such as 0.1, the problem solved is the one for its double value.
public enum PolynomialRegression {
    public static let maximumDegree = 10

    public static func fit(
        x: [Double], y: [Double], degree: Int, weights: [Double]? = nil,
        series: String = "y"
    ) throws -> LinearFit {
        guard (0...maximumDegree).contains(degree) else {
            throw RegressionError.invalidModel(
                "polynomial degree must be between 0 and \(maximumDegree); got \(degree)")
        }
        guard x.count == y.count else {
            throw RegressionError.lengthMismatch(
                series: series, detail: "\(x.count) x values for \(y.count) y values")
        }
        let w = try LinearLeastSquares.validate(response: y, weights: weights, series: series)
        for (i, v) in x.enumerated() where !v.isFinite {
            throw RegressionError.nonFinite(series: series, what: "x", index: i)
        }
        let used = (0..<x.count).filter { w[$0] > 0 }
        let model = "a polynomial of degree \(degree)"
        guard used.count >= degree + 1 else {
            throw RegressionError.tooFewObservations(
                series: series, observations: used.count, parameters: degree + 1, model: model)
        }
        // Distinct x values, counted only up to the degree + 1 needed.
        var seen: [Double] = []
        for i in used where !seen.contains(x[i]) {
            seen.append(x[i])
            if seen.count > degree { break }
        }
        let distinct = seen.count
        guard distinct >= degree + 1 else {
            let detail =
                distinct == 1
                ? "every x value is \(x[used[0]]); \(model) needs at least \(degree + 1) distinct x values"
                : "\(model) needs at least \(degree + 1) distinct x values; there are \(distinct)"
            throw RegressionError.rankDeficient(series: series, detail: detail)
        }
        let lo = used.map { x[$0] }.min()!, hi = used.map { x[$0] }.max()!
        let centre = (ExtendedReal(lo) + ExtendedReal(hi)) / 2
        var half = (ExtendedReal(hi) - ExtendedReal(lo)) / 2
        if half == 0 { half = 1 }
        return try LinearLeastSquares.solve(
            regressors: Matrix(rows: x.count, columns: 1, columnMajor: x), response: y, weights: w,
            basis: .polynomial(centre: centre, halfWidth: half, degree: degree),
            parameters: degree + 1, series: series, model: model)
    }
}
