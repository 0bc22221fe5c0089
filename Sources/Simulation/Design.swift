import Foundation
import PlanModel
import Distributions

/// How scenarios' mean growths are chosen.
public enum SweepMode: String, Sendable, CaseIterable {
    /// Every combination of each driver's grid points (`SweepOptions.gridStep`).
    case grid
    /// Independent draws from each driver's distribution.
    case montecarlo
    /// Latin hypercube: each driver's distribution cut into N equal-probability strata,
    /// one draw in each, strata matched across drivers by independent random permutations.
    case lhs
}

/// Grid spacing per driver.
public enum GridStep: Sendable, Equatable {
    /// This many evenly spaced points across each uncertain driver's range (ends included).
    case points(Int)
    /// A step in percentage points per year for growth drivers, and in the indicator's own
    /// unit per year for change drivers; points are low, low + step, … up to high.
    case percentagePoints(Double)
}

/// A pseudo-random permutation of 0..<n that needs no memory: a 4-round balanced Feistel
/// network on the smallest even number of bits covering n, with cycle walking (values ≥ n
/// are encrypted again until they fall below n, which keeps it a bijection of 0..<n; on
/// average fewer than 4 rounds of walking). Used for Latin hypercube strata so that any
/// scenario's stratum can be computed from its index alone, by any thread.
struct FeistelPermutation: Sendable {
    let n: UInt64
    let halfBits: UInt64
    let mask: UInt64
    let keys: (UInt64, UInt64, UInt64, UInt64)

    init(count n: Int, seed: UInt64, stream: UInt64) {
        precondition(n > 0)
        self.n = UInt64(n)
        var bits: UInt64 = 1
        while (UInt64(1) << (2 * bits)) < UInt64(n) { bits += 1 }
        halfBits = bits
        mask = (UInt64(1) << bits) - 1
        var g = Xoshiro256StarStar(seed: seed, stream: stream)
        keys = (g.next(), g.next(), g.next(), g.next())
    }

    @inline(__always) private func round(_ r: UInt64, _ key: UInt64) -> UInt64 {
        var z = (r &+ key) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) & mask
    }

    @inline(__always) private func encrypt(_ x: UInt64) -> UInt64 {
        var l = x >> halfBits, r = x & mask
        (l, r) = (r, l ^ round(r, keys.0))
        (l, r) = (r, l ^ round(r, keys.1))
        (l, r) = (r, l ^ round(r, keys.2))
        (l, r) = (r, l ^ round(r, keys.3))
        return (l << halfBits) | r
    }

    func callAsFunction(_ i: Int) -> Int {
        var x = encrypt(UInt64(i))
        while x >= n { x = encrypt(x) }
        return Int(x)
    }
}

/// Chooses each scenario's driver means. All randomness comes from the scenario's chunk
/// stream, drawn in a fixed order (one uniform per driver, in scenario order), so the
/// result depends only on the seed and the scenario's index.
struct Design: Sendable {
    let mode: SweepMode
    let specs: [GrowthSpec]
    let samples: Int
    /// LHS: one permutation per driver.
    let permutations: [FeistelPermutation]
    /// Grid: the points of each driver, and how many paths per grid point.
    let gridPoints: [[Double]]
    let replicates: Int

    init(model: SweepModel, mode: SweepMode, samples: Int, seed: UInt64, gridStep: GridStep, replicates: Int) {
        self.mode = mode
        specs = model.drivers.map(\.spec)
        self.replicates = max(1, replicates)
        switch mode {
        case .grid:
            gridPoints = model.drivers.map { Design.points(of: $0, step: gridStep) }
            self.samples = gridPoints.reduce(1) { $0 * $1.count } * self.replicates
            permutations = []
        case .lhs:
            self.samples = samples
            gridPoints = []
            permutations = specs.indices.map { FeistelPermutation(count: samples, seed: seed, stream: 0x4C48_5300 + UInt64($0)) }
        case .montecarlo:
            self.samples = samples
            gridPoints = []
            permutations = []
        }
    }

    /// Number of grid points for a model (before running, so the caller can print it).
    static func gridCount(model: SweepModel, step: GridStep, replicates: Int) -> Int {
        var n = max(1, replicates)
        for d in model.drivers {
            let (m, overflow) = n.multipliedReportingOverflow(by: points(of: d, step: step).count)
            n = overflow ? Int.max : m
        }
        return n
    }

    static func points(of d: Driver, step: GridStep) -> [Double] {
        let r = d.spec.sweepRange
        let lo = r.lowerBound, hi = r.upperBound
        if d.spec.isDegenerate { return [d.spec.central] }
        switch step {
        case .points(let k):
            if k <= 1 { return [d.spec.central] }
            return (0..<k).map { lo + (hi - lo) * Double($0) / Double(k - 1) }
        case .percentagePoints(let pp):
            let s = d.model == .growth ? pp / 100 : pp
            let count = Int(((hi - lo) / s + 1e-9).rounded(.down)) + 1
            return (0..<count).map { lo + s * Double($0) }
        }
    }

    /// Writes scenario `index`'s means to `out`, drawing from `rng`.
    @inline(__always)
    func means(scenario index: Int, rng: inout Xoshiro256StarStar, out: UnsafeMutablePointer<Double>) {
        switch mode {
        case .montecarlo:
            for k in 0..<specs.count { out[k] = specs[k].quantile(rng.uniformOpen()) }
        case .lhs:
            let n = Double(samples)
            for k in 0..<specs.count {
                let stratum = permutations[k](index)
                let u = (Double(stratum) + rng.uniformOpen()) / n
                out[k] = specs[k].quantile(min(max(u, 0x1p-53), 1 - 0x1p-53))
            }
        case .grid:
            var rest = index / replicates
            for k in stride(from: specs.count - 1, through: 0, by: -1) {
                let pts = gridPoints[k]
                out[k] = pts[rest % pts.count]
                rest /= pts.count
            }
        }
    }
}
