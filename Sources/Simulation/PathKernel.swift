import Foundation
import PlanModel
import Distributions

/// The inner loop: one scenario's path from its drivers' mean growths and a random stream.
///
/// Per year t and driver k: g_kt = m_k + sd_k·e_kt + shock_kt, with e_t = L z_t, z_t
/// independent standard normals (ziggurat) and L the Cholesky factor of the correlation
/// matrix of the volatile drivers. Levels: L_t = L_{t−1}(1 + g) for growth drivers,
/// L_{t−1} + g clamped to [0, upper bound] for change drivers; aggregates are the sum of
/// their components in each year. Draw order per scenario is fixed (normals year by year,
/// volatile drivers in scenario order) so a stream always gives the same path.
///
/// Output layout per scenario (`width` doubles): series s, year t at `s·T + t`, then one
/// metric per evaluated target (CAGR as a fraction, level, or worst value).
final class PathKernel: @unchecked Sendable {
    let d: Int, T: Int, S: Int, nVol: Int, nTargets: Int
    let width: Int
    private let base: UnsafeMutablePointer<Double>
    private let sd: UnsafeMutablePointer<Double>
    private let shock: UnsafeMutablePointer<Double>
    private let upper: UnsafeMutablePointer<Double>
    private let isChange: UnsafeMutablePointer<Bool>
    private let volIndex: UnsafeMutablePointer<Int>
    private let chol: UnsafeMutablePointer<Double>
    private let aggStart: UnsafeMutablePointer<Int>   // offsets into aggComp, count S - d + 1
    private let aggComp: UnsafeMutablePointer<Int>
    private let targets: [SweepModel.EvaluatedTarget]

    /// `withVolatility: false` leaves out the yearly shocks (deterministic paths given the
    /// means; fixed shocks are kept).
    init(_ m: SweepModel, withVolatility: Bool = true) {
        d = m.drivers.count; T = m.yearCount; S = m.seriesCount
        nVol = withVolatility ? m.volatileDrivers.count : 0; nTargets = m.targets.count
        width = S * T + nTargets
        func copy<E>(_ a: [E], minCount: Int = 1) -> UnsafeMutablePointer<E> {
            let p = UnsafeMutablePointer<E>.allocate(capacity: max(a.count, minCount))
            for (i, v) in a.enumerated() { (p + i).initialize(to: v) }
            return p
        }
        base = copy(m.baselines)
        sd = copy(m.volatility)
        shock = copy(m.shocks)
        upper = copy(m.upperBounds)
        isChange = copy(m.drivers.map { $0.model == .change })
        volIndex = copy(m.volatileDrivers)
        chol = copy(m.choleskyLower)
        var starts = [0]
        var comps: [Int] = []
        for c in m.aggregateComponents { comps += c; starts.append(comps.count) }
        aggStart = copy(starts)
        aggComp = copy(comps)
        targets = m.targets
    }

    deinit {
        base.deallocate(); sd.deallocate(); shock.deallocate(); upper.deallocate()
        isChange.deallocate(); volIndex.deallocate(); chol.deallocate()
        aggStart.deallocate(); aggComp.deallocate()
    }

    /// Scratch doubles `simulate` needs (levels, normals, noise).
    var scratchCount: Int { d + 2 * max(nVol, 1) + d }

    /// Writes one path and its target metrics to `out[0..<width]`.
    @inline(__always)
    func simulate(means: UnsafePointer<Double>, rng: inout Xoshiro256StarStar,
                  out: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) {
        let level = scratch
        let z = scratch + d
        let noise = scratch + d + max(nVol, 1)
        for k in 0..<d { level[k] = base[k]; noise[k] = 0 }
        for t in 0..<T {
            if nVol > 0 {
                for a in 0..<nVol { z[a] = rng.normal() }
                for a in 0..<nVol {
                    var e = 0.0
                    let row = chol + a * nVol
                    for b in 0...a { e += row[b] * z[b] }
                    let k = volIndex[a]
                    noise[k] = sd[k] * e
                }
            }
            for k in 0..<d {
                let g = means[k] + noise[k] + shock[k * T + t]
                var l = level[k]
                if isChange[k] {
                    l += g
                    l = l < 0 ? 0 : (l > upper[k] ? upper[k] : l)
                } else {
                    l *= 1 + g
                }
                level[k] = l
                out[k * T + t] = l
            }
            var a = 0
            while a < S - d {
                var sum = 0.0
                for c in aggStart[a]..<aggStart[a + 1] { sum += level[aggComp[c]] }
                out[(d + a) * T + t] = sum
                a += 1
            }
        }
        let mo = out + S * T
        for (i, tg) in targets.enumerated() {
            let row = out + tg.series * T
            switch tg.metric {
            case .cagr:
                let v = row[tg.lastYearIndex]
                mo[i] = (v > 0 && tg.base > 0) ? pow(v / tg.base, 1 / tg.span) - 1 : -1
            case .level:
                mo[i] = row[tg.lastYearIndex]
            case .worst:
                var w = row[tg.firstYearIndex]
                let higher = tg.target.direction == .higher
                for t in tg.firstYearIndex...tg.lastYearIndex {
                    w = higher ? min(w, row[t]) : max(w, row[t])
                }
                mo[i] = w
            }
        }
    }

    /// Whether a path's metric meets target `i`.
    @inline(__always)
    func isMet(target i: Int, metric: Double) -> Bool { targets[i].target.isMet(metric) }
}
