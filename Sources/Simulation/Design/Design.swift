import Foundation
import PlanModel
import Distributions

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

    init(
        model: SweepModel, mode: SweepMode, samples: Int, seed: UInt64, gridStep: GridStep,
        replicates: Int
    ) {
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
            permutations = specs.indices.map {
                FeistelPermutation(count: samples, seed: seed, stream: 0x4C48_5300 + UInt64($0))
            }
        case .montecarlo:
            self.samples = samples
            gridPoints = []
            permutations = []
        }
    }

    /// Number of grid points for a model (before running, so the caller can print it);
    /// `Int.max` when the product overflows.
    static func gridCount(model: SweepModel, step: GridStep, replicates: Int) -> Int {
        var n = max(1, replicates)
        for d in model.drivers {
            let (m, overflow) = n.multipliedReportingOverflow(by: pointCount(of: d, step: step))
            n = overflow ? Int.max : m
        }
        return n
    }

    /// How many points `points(of:step:)` gives, computed without building them (so a
    /// step of 10⁻³⁰⁰ gives `Int.max`, not a trap or an allocation).
    static func pointCount(of d: Driver, step: GridStep) -> Int {
        if d.spec.isDegenerate { return 1 }
        switch step {
        case .points(let k):
            return max(1, k)
        case .percentagePoints(let pp):
            let r = d.spec.sweepRange
            let s = d.model == .growth ? pp / 100 : pp
            let count = ((r.upperBound - r.lowerBound) / s + 1e-9).rounded(.down) + 1
            return count.isFinite && count < 0x1p62 ? max(1, Int(count)) : Int.max
        }
    }

    /// The grid points of one driver. Call only after `pointCount` was checked against
    /// the sample limit.
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
            return (0..<pointCount(of: d, step: step)).map { lo + s * Double($0) }
        }
    }

    /// Writes scenario `index`'s means to `out`, drawing from `rng`.
    @inline(__always)
    func means(
        scenario index: Int, rng: inout Xoshiro256StarStar, out: UnsafeMutablePointer<Double>
    ) {
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
