import Foundation
import Distributions

/// Variance-based (Sobol) sensitivity indices of a model with independent inputs, by
/// Saltelli's sampling scheme and Jansen's estimators.
///
/// Inputs are k independent uniforms on (0, 1) (map them to any distribution inside the
/// model through its inverse distribution function). With two independent N × k sample
/// matrices A and B, and A_B⁽ⁱ⁾ equal to A with column i taken from B, the model is run
/// N·(k + 2) times and, with V the variance of all f(A) and f(B) values,
///
///   first order  Sᵢ  = 1 − Σⱼ (f(B)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)² / (2N·V)     (Jansen 1999)
///   total        STᵢ = Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)² / (2N·V)          (Jansen 1999)
///
/// Sᵢ is the share of the output variance explained by input i alone; STᵢ the share in
/// which input i plays any part (alone or through interactions). Both converge at the
/// Monte Carlo rate N^(−1/2); small indices can come out slightly negative. Confidence
/// intervals: `bootstrap` resamples of the N rows (percentile method, 95 %). A constant
/// output (V = 0) gives all indices 0 and zero-width intervals.
public enum SobolAnalysis {
    /// Indices of one output for one input.
    public struct Index: Sendable, Equatable {
        public var firstOrder: Double
        public var firstOrderInterval: ClosedRange<Double>
        public var total: Double
        public var totalInterval: ClosedRange<Double>
    }

    /// `model` maps k inputs in (0, 1) to `outputs` values. Returns indices [output][input].
    /// Deterministic for a given seed (samples drawn from xoshiro256** streams).
    public static func analyze(
        inputs k: Int, outputs m: Int, samples n: Int, bootstrap: Int = 200,
        seed: UInt64, model: ([Double]) -> [Double]
    ) -> [[Index]] {
        precondition(k >= 1 && m >= 1 && n >= 2)
        var rng = Xoshiro256StarStar(seed: seed, stream: 0x50B0_1000_0000_0000)
        var a = [[Double]](), b = [[Double]]()
        a.reserveCapacity(n); b.reserveCapacity(n)
        for _ in 0..<n {
            a.append((0..<k).map { _ in rng.uniformOpen() })
            b.append((0..<k).map { _ in rng.uniformOpen() })
        }
        // f[output][j] for A and B; fab[input][output][j].
        var fA = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
        var fB = fA
        var fAB = [[[Double]]](repeating: fA, count: k)
        for j in 0..<n {
            let ya = model(a[j]), yb = model(b[j])
            for o in 0..<m { fA[o][j] = ya[o]; fB[o][j] = yb[o] }
            for i in 0..<k {
                var x = a[j]; x[i] = b[j][i]
                let y = model(x)
                for o in 0..<m { fAB[i][o][j] = y[o] }
            }
        }
        var boot = Xoshiro256StarStar(seed: seed, stream: 0xB007_0000_0000_0000)
        let resamples: [[Int]] = (0..<bootstrap).map { _ in
            (0..<n).map { _ in Int(boot.next() % UInt64(n)) }
        }
        var result: [[Index]] = []
        let identity = Array(0..<n)
        for o in 0..<m {
            let outputAB = (0..<k).flatMap { fAB[$0][o] }
            func estimate(_ rows: [Int]) -> [(Double, Double)] {
                rows.withUnsafeBufferPointer { r in
                    fA[o].withUnsafeBufferPointer { a in
                        fB[o].withUnsafeBufferPointer { b in
                            outputAB.withUnsafeBufferPointer { ab in
                                Self.estimate(rows: r, fA: a, fB: b, fAB: ab, inputs: k)
                            }
                        }
                    }
                }
            }
            let point = estimate(identity)
            let reps = resamples.map { estimate($0) }
            func interval(_ vals: [Double]) -> ClosedRange<Double> {
                guard !vals.isEmpty else { return -Double.infinity...Double.infinity }
                let s = vals.sorted()
                let lo = s[Int((0.025 * Double(s.count - 1)).rounded())]
                let hi = s[Int((0.975 * Double(s.count - 1)).rounded())]
                return lo...hi
            }
            result.append(
                (0..<k).map { i in
                    Index(
                        firstOrder: point[i].0, firstOrderInterval: interval(reps.map { $0[i].0 }),
                        total: point[i].1, totalInterval: interval(reps.map { $0[i].1 }))
                })
        }
        return result
    }

    /// Jansen's (first order, total) for every input of one output over the sample rows
    /// `rows` (all of them, or a bootstrap resample). `fAB` holds the k outputs of the
    /// A_B⁽ⁱ⁾ runs one after another (k·n values).
    ///
    /// Every sum runs over `rows` in order, one row at a time, exactly as a plain loop per
    /// input would, so the figures are bit for bit those of that loop; the inputs are
    /// taken four at a time so eight independent sums advance together instead of two
    /// waiting on each other's additions (this loop, 200 resamples × inputs × rows per
    /// output, was 75 % of a 10,000-path sweep's CPU).
    static func estimate(
        rows: UnsafeBufferPointer<Int>, fA a: UnsafeBufferPointer<Double>,
        fB b: UnsafeBufferPointer<Double>, fAB ab: UnsafeBufferPointer<Double>, inputs k: Int
    ) -> [(Double, Double)] {
        let n = a.count
        var s = 0.0, s2 = 0.0
        for j in rows {
            s += a[j] + b[j]; s2 += a[j] * a[j] + b[j] * b[j]
        }
        let cnt = Double(2 * rows.count)
        let mean = s / cnt
        let v = max(0, s2 / cnt - mean * mean)
        if !(v > 1e-300) { return Array(repeating: (0, 0), count: k) }
        var dB = [Double](repeating: 0, count: k), dA = dB
        var i = 0
        while i + 4 <= k {
            let p0 = ab.baseAddress! + i * n, p1 = p0 + n, p2 = p1 + n, p3 = p2 + n
            var b0 = 0.0, a0 = 0.0, b1 = 0.0, a1 = 0.0, b2 = 0.0, a2 = 0.0, b3 = 0.0, a3 = 0.0
            for j in rows {
                let x = a[j], y = b[j]
                let e0 = y - p0[j], f0 = x - p0[j]
                b0 += e0 * e0; a0 += f0 * f0
                let e1 = y - p1[j], f1 = x - p1[j]
                b1 += e1 * e1; a1 += f1 * f1
                let e2 = y - p2[j], f2 = x - p2[j]
                b2 += e2 * e2; a2 += f2 * f2
                let e3 = y - p3[j], f3 = x - p3[j]
                b3 += e3 * e3; a3 += f3 * f3
            }
            dB[i] = b0; dA[i] = a0; dB[i + 1] = b1; dA[i + 1] = a1
            dB[i + 2] = b2; dA[i + 2] = a2; dB[i + 3] = b3; dA[i + 3] = a3
            i += 4
        }
        while i < k {
            let p = ab.baseAddress! + i * n
            var sumB = 0.0, sumA = 0.0
            for j in rows {
                let e1 = b[j] - p[j]; sumB += e1 * e1
                let e2 = a[j] - p[j]; sumA += e2 * e2
            }
            dB[i] = sumB; dA[i] = sumA
            i += 1
        }
        let nn = Double(rows.count)
        return (0..<k).map { i in (1 - dB[i] / (2 * nn * v), dA[i] / (2 * nn * v)) }
    }
}
