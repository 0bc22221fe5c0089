/// Mean, variance, min and max merged chunk by chunk, in chunk order, so the result does
/// not depend on which thread computed which chunk (Chan, Golub & LeVeque's pairwise
/// update, with each chunk's sums taken about its first value to avoid cancellation).
struct ChunkMoments {
    /// Doubles `partial(...)` writes per quantity: shift K, Σ(x−K), Σ(x−K)², min, max.
    static let partialCount = 5

    var mean: [Double]
    /// Σ(x − mean)² so far.
    var squaredDeviations: [Double]
    var minimum: [Double]
    var maximum: [Double]
    /// Values merged so far (per quantity).
    var count = 0.0

    init(quantities: Int) {
        mean = Array(repeating: 0, count: quantities)
        squaredDeviations = Array(repeating: 0, count: quantities)
        minimum = Array(repeating: .infinity, count: quantities)
        maximum = Array(repeating: -.infinity, count: quantities)
    }

    /// Merges one chunk of `scenarios` values per quantity whose partial sums (written by
    /// `partial`) start at `sums`, quantity j at `sums + j · partialCount`.
    mutating func merge(chunkSums sums: UnsafePointer<Double>, scenarios: Int) {
        let nb = Double(scenarios)
        for j in 0..<mean.count {
            let p = sums + j * Self.partialCount
            let mb = p[0] + p[1] / nb
            let m2b = max(0, p[2] - p[1] * p[1] / nb)
            let n = count + nb
            let delta = mb - mean[j]
            mean[j] += delta * nb / n
            squaredDeviations[j] += m2b + delta * delta * count * nb / n
            minimum[j] = min(minimum[j], p[3]); maximum[j] = max(maximum[j], p[4])
        }
        count += nb
    }

    /// Shift, Σ(x−K), Σ(x−K)², min and max of `n` values into `out[0...4]` (K = `shift`),
    /// summed in four interleaved lanes so the additions do not wait on each other.
    @inline(__always)
    static func partial(
        _ col: UnsafeMutablePointer<Double>, count n: Int, shift k: Double,
        into out: UnsafeMutablePointer<Double>
    ) {
        var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
        var q0 = 0.0, q1 = 0.0, q2 = 0.0, q3 = 0.0
        var mn0 = k, mn1 = k, mx0 = k, mx1 = k
        var i = 0
        while i + 4 <= n {
            let x0 = col[i], x1 = col[i + 1], x2 = col[i + 2], x3 = col[i + 3]
            let d0 = x0 - k, d1 = x1 - k, d2 = x2 - k, d3 = x3 - k
            a0 += d0; a1 += d1; a2 += d2; a3 += d3
            q0 += d0 * d0; q1 += d1 * d1; q2 += d2 * d2; q3 += d3 * d3
            mn0 = min(mn0, min(x0, x1)); mn1 = min(mn1, min(x2, x3))
            mx0 = max(mx0, max(x0, x1)); mx1 = max(mx1, max(x2, x3))
            i += 4
        }
        while i < n {
            let x = col[i], d = x - k
            a0 += d; q0 += d * d
            mn0 = min(mn0, x); mx0 = max(mx0, x)
            i += 1
        }
        out[0] = k; out[1] = (a0 + a1) + (a2 + a3); out[2] = (q0 + q1) + (q2 + q3)
        out[3] = min(mn0, mn1); out[4] = max(mx0, mx1)
    }
}
