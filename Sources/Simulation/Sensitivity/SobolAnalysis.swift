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
        for o in 0..<m {
            func estimate(_ rows: [Int]?) -> [(Double, Double)] {
                let idx = rows ?? Array(0..<n)
                var s = 0.0, s2 = 0.0
                for j in idx {
                    s += fA[o][j] + fB[o][j]; s2 += fA[o][j] * fA[o][j] + fB[o][j] * fB[o][j]
                }
                let cnt = Double(2 * idx.count)
                let mean = s / cnt
                let v = max(0, s2 / cnt - mean * mean)
                if !(v > 1e-300) { return Array(repeating: (0, 0), count: k) }
                return (0..<k).map { i in
                    var dB = 0.0, dA = 0.0
                    for j in idx {
                        let e1 = fB[o][j] - fAB[i][o][j]; dB += e1 * e1
                        let e2 = fA[o][j] - fAB[i][o][j]; dA += e2 * e2
                    }
                    let nn = Double(idx.count)
                    return (1 - dB / (2 * nn * v), dA / (2 * nn * v))
                }
            }
            let point = estimate(nil)
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
}
