import Foundation

/// Exponential-trend growth rates for many short series observed in the same years
/// (workload LSQ-A: 100,000 series × 5 years), without the per-fit set-up of `TrendFit`.
///
/// For years tᵢ with centred dᵢ = tᵢ − t̄ (computed once, exactly for integer years) and
/// zᵢ = log yᵢ, the least-squares slope is b₁ = Σ dᵢ (zᵢ − z̄) / Σ dᵢ², the same
/// estimator `TrendFit.fit(.exponential, …)` and numpy's `lstsq` compute, and the growth
/// is `expm1(b₁)`.
///
/// Accuracy: the centred two-pass form has no cancellation beyond that of the data: the
/// computed b₁ has absolute error below about (n + 3)·u·Σ|dᵢ||zᵢ − z̄| / Σdᵢ² plus the
/// error of `log` (≤ 1 ulp of each zᵢ); for LSQ-A data that is < 1e-15, and the growth
/// agrees with numpy.linalg.lstsq (LAPACK gelsd) to better than 1e-13 (checked by
/// `scripts/bench-lsq-a`).
public struct ExponentialGrowthBatch: Sendable {
    public let years: [Double]
    private let centred: [Double]
    private let sxx: Double

    /// - Throws: `RegressionError.rankDeficient` if fewer than two distinct years, or
    ///   `.nonFinite` for a non-finite year.
    public init(years: [Double]) throws {
        for (i, t) in years.enumerated() where !t.isFinite {
            throw RegressionError.nonFinite(series: "years", what: "x", index: i)
        }
        guard Set(years).count >= 2 else {
            throw RegressionError.rankDeficient(
                series: "years", detail: "an exponential trend needs at least 2 distinct years")
        }
        self.years = years
        let mean = years.reduce(0, +) / Double(years.count)
        centred = years.map { $0 - mean }
        sxx = centred.reduce(0) { $0 + $1 * $1 }
    }

    /// The annual growth exp(b₁) − 1 of one series (`values.count == years.count`).
    /// Returns nil when a value is not positive or not finite (no log exists).
    @inlinable
    public func growth(_ values: UnsafeBufferPointer<Double>) -> Double? {
        slope(values).map(expm1)
    }

    /// The log-scale slope b₁ of one series, or nil when a value is not positive/finite.
    public func slope(_ values: UnsafeBufferPointer<Double>) -> Double? {
        let n = centred.count
        precondition(values.count == n, "one value per year")
        return centred.withUnsafeBufferPointer { d -> Double? in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { z -> Double? in
                var sum = 0.0
                for i in 0..<n {
                    let v = values[i]
                    guard v > 0 && v.isFinite else { return nil }
                    z[i] = log(v); sum += z[i]
                }
                let mean = sum / Double(n)
                var sxy = 0.0
                for i in 0..<n { sxy += d[i] * (z[i] - mean) }
                return sxy / sxx
            }
        }
    }

    /// Growth rates of `values.count / years.count` series stored one after another
    /// (row-major: series s is `values[s*n ..< (s+1)*n]`). NaN marks a series with a
    /// non-positive or non-finite value.
    public func growthRates(_ values: [Double]) -> [Double] {
        let n = years.count
        precondition(values.count % n == 0, "values must hold whole series")
        let s = values.count / n
        var out = [Double](repeating: .nan, count: s)
        values.withUnsafeBufferPointer { all in
            for k in 0..<s {
                let slice = UnsafeBufferPointer(rebasing: all[(k * n)..<((k + 1) * n)])
                if let g = growth(slice) { out[k] = g }
            }
        }
        return out
    }
}
