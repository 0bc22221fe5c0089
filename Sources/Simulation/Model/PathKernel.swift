import Foundation
import PlanModel
import Distributions

/// The inner loop: one scenario's path from its drivers' mean growths and a random stream.
///
/// Per year t and driver k: g_kt = m_k + sd_k·e_kt + shock_kt, with e_t = L z_t, z_t
/// independent standard normals (ziggurat) and L the Cholesky factor of the correlation
/// matrix of the volatile drivers. Levels: L_t = L_{t−1}·max(1 + g, 0) for growth drivers
/// (growth below −100 % a year, from a normal's tail, volatility or a shock, is floored at
/// −100 %: the level reaches 0 and stays there, it never turns negative),
/// L_{t−1} + g clamped to [0, upper bound] for change drivers; aggregates are the sum of
/// their components in each year. Draw order per scenario is fixed (normals year by year,
/// volatile drivers in scenario order) so a stream always gives the same path.
///
/// Output layout per scenario (`width` doubles): series s, year t at `s·T + t`, then one
/// metric per evaluated target (CAGR as a fraction, level, or worst value).
final class PathKernel: @unchecked Sendable {
    /// Drivers, plan years, series (drivers then aggregates), drivers with yearly
    /// volatility (0 when built without volatility) and evaluated targets.
    let driverCount: Int, yearCount: Int, seriesCount: Int, volatileCount: Int, targetCount: Int
    /// Quantities per path: `seriesCount · yearCount` levels, then one metric per target.
    let width: Int
    private let base: UnsafeMutablePointer<Double>
    private let sd: UnsafeMutablePointer<Double>
    private let shock: UnsafeMutablePointer<Double>
    private let upper: UnsafeMutablePointer<Double>
    private let isChange: UnsafeMutablePointer<Bool>
    private let volIndex: UnsafeMutablePointer<Int>
    // The Cholesky factor in compressed rows (only non-zero entries: an identity matrix
    // with one correlated pair costs 6 products a year instead of 15).
    private let cholStart: UnsafeMutablePointer<Int>
    private let cholCol: UnsafeMutablePointer<Int>
    private let cholVal: UnsafeMutablePointer<Double>
    private let aggStart: UnsafeMutablePointer<Int>  // offsets into aggComp, count S - d + 1
    private let aggComp: UnsafeMutablePointer<Int>
    // Targets, flattened to plain numbers (no strings: copying a `Target` in the hot loop
    // costs reference counting that threads contend on).
    private let tKind: UnsafeMutablePointer<Int>  // 0 CAGR, 1 level, 2 worst
    private let tSeries: UnsafeMutablePointer<Int>
    private let tFirst: UnsafeMutablePointer<Int>
    private let tLast: UnsafeMutablePointer<Int>
    private let tBase: UnsafeMutablePointer<Double>
    private let tInvSpan: UnsafeMutablePointer<Double>
    private let tHigher: UnsafeMutablePointer<Bool>
    private let rules: UnsafeMutablePointer<MetRule>
    private let zig = Ziggurat.tables

    /// `withVolatility: false` leaves out the yearly shocks (deterministic paths given the
    /// means; fixed shocks are kept).
    init(_ m: SweepModel, withVolatility: Bool = true) {
        driverCount = m.drivers.count; yearCount = m.yearCount; seriesCount = m.seriesCount
        volatileCount = withVolatility ? m.volatileDrivers.count : 0; targetCount = m.targets.count
        width = seriesCount * yearCount + targetCount
        let nVol = volatileCount
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
        var starts = [0], cols: [Int] = [], vals: [Double] = []
        for a in 0..<nVol {
            for b in 0...a where m.choleskyLower[a * nVol + b] != 0 {
                cols.append(b); vals.append(m.choleskyLower[a * nVol + b])
            }
            starts.append(cols.count)
        }
        cholStart = copy(starts); cholCol = copy(cols); cholVal = copy(vals)
        var aggStarts = [0]
        var comps: [Int] = []
        for c in m.aggregateComponents { comps += c; aggStarts.append(comps.count) }
        aggStart = copy(aggStarts)
        aggComp = copy(comps)
        let ts = m.targets
        tKind = copy(ts.map { $0.metric == .cagr ? 0 : ($0.metric == .level ? 1 : 2) })
        tSeries = copy(ts.map(\.series))
        tFirst = copy(ts.map(\.firstYearIndex))
        tLast = copy(ts.map(\.lastYearIndex))
        tBase = copy(ts.map(\.base))
        tInvSpan = copy(ts.map { $0.span > 0 ? 1 / $0.span : 0 })
        tHigher = copy(ts.map { $0.target.direction == .higher })
        rules = copy(ts.map { MetRule($0.target) })
    }

    deinit {
        base.deallocate(); sd.deallocate(); shock.deallocate(); upper.deallocate()
        isChange.deallocate(); volIndex.deallocate()
        cholStart.deallocate(); cholCol.deallocate(); cholVal.deallocate()
        aggStart.deallocate(); aggComp.deallocate()
        tKind.deallocate(); tSeries.deallocate(); tFirst.deallocate(); tLast.deallocate()
        tBase.deallocate(); tInvSpan.deallocate(); tHigher.deallocate(); rules.deallocate()
    }

    /// Scratch doubles `simulate` needs (levels, normals, noise).
    var scratchCount: Int { driverCount + max(volatileCount, 1) * yearCount + 2 * driverCount }

    /// Writes one path and its target metrics to `out[c · stride]` for quantity c in
    /// 0..<width (stride 1 for a single path; the chunk length for column-major chunks).
    @inline(__always)
    func simulate(
        means: UnsafePointer<Double>, rng: inout Xoshiro256StarStar,
        out: UnsafeMutablePointer<Double>, stride: Int = 1, scratch: UnsafeMutablePointer<Double>
    ) {
        let d = driverCount, T = yearCount, S = seriesCount, nVol = volatileCount,
            nTargets = targetCount
        let level = scratch
        let noise = scratch + d
        let zAll = scratch + 2 * d
        for k in 0..<d { level[k] = base[k]; noise[k] = 0 }
        // All of the path's normals first, in one tight loop with the generator state in
        // registers (same draw order as year by year: year-major, drivers inside).
        if nVol > 0 {
            var g = rng
            g.normals(zig, count: T * nVol, into: zAll, stride: 1)
            rng = g
        }
        for t in 0..<T {
            if nVol > 0 {
                let z = zAll + t * nVol
                for a in 0..<nVol {
                    var e = 0.0
                    for q in cholStart[a]..<cholStart[a + 1] { e += cholVal[q] * z[cholCol[q]] }
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
                    // Growth below −100 % is floored: the level falls to 0, never below.
                    let factor = 1 + g
                    l *= factor > 0 ? factor : 0
                }
                level[k] = l
                out[(k * T + t) * stride] = l
            }
            var a = 0
            while a < S - d {
                var sum = 0.0
                for c in aggStart[a]..<aggStart[a + 1] { sum += level[aggComp[c]] }
                out[((d + a) * T + t) * stride] = sum
                a += 1
            }
        }
        let mo = out + S * T * stride
        for i in 0..<nTargets {
            let row = out + tSeries[i] * T * stride
            switch tKind[i] {
            case 0:
                let v = row[tLast[i] * stride]
                let b = tBase[i]
                mo[i * stride] = (v > 0 && b > 0) ? expm1(log(v / b) * tInvSpan[i]) : -1
            case 1:
                mo[i * stride] = row[tLast[i] * stride]
            default:
                var w = row[tFirst[i] * stride]
                let higher = tHigher[i]
                for t in tFirst[i]...tLast[i] {
                    let x = row[t * stride]
                    w = higher ? min(w, x) : max(w, x)
                }
                mo[i * stride] = w
            }
        }
    }

    /// Number of normals one path draws (T years × volatile drivers).
    var normalsPerPath: Int { yearCount * volatileCount }

    /// Draws the random inputs of `n` consecutive scenarios from `rng`, in exactly the
    /// order `simulate` would (per scenario: the means through `design`, then the path's
    /// normals year by year), into driver-major `means[k·ms + i]` and
    /// `z[(t·nVol + a)·ms + i]`.
    @inline(__always)
    func drawInputs(
        first: Int, count n: Int, design: Design, rng: inout Xoshiro256StarStar,
        means: UnsafeMutablePointer<Double>, z: UnsafeMutablePointer<Double>, ms: Int,
        scratch: UnsafeMutablePointer<Double>
    ) {
        let d = driverCount, T = yearCount, nVol = volatileCount
        var g = rng
        let nz = T * nVol
        for i in 0..<n {
            design.means(scenario: first + i, rng: &g, out: scratch)
            for k in 0..<d { means[k * ms + i] = scratch[k] }
            if nz > 0 { g.normals(zig, count: nz, into: z + i, stride: ms) }
        }
        rng = g
    }

    /// `simulate` for `n` scenarios at once, from inputs laid out by `drawInputs`, writing
    /// column-major `out[c · stride + i]`. Same arithmetic in the same order as `simulate`,
    /// so the values are bit for bit the same; the loops run over scenarios, which the
    /// compiler vectorises. `work` needs `n` doubles.
    func simulateChunk(
        count n: Int, means: UnsafePointer<Double>, z: UnsafePointer<Double>, ms: Int,
        out: UnsafeMutablePointer<Double>, stride: Int, work: UnsafeMutablePointer<Double>
    ) {
        let d = driverCount, T = yearCount, S = seriesCount, nVol = volatileCount,
            nTargets = targetCount
        var volOf = [Int](repeating: -1, count: d)
        for a in 0..<nVol { volOf[volIndex[a]] = a }
        for t in 0..<T {
            for k in 0..<d {
                let m = means + k * ms
                let dst = out + (k * T + t) * stride
                let prev: UnsafePointer<Double> =
                    t == 0 ? UnsafePointer(base + k) : UnsafePointer(out + (k * T + t - 1) * stride)
                let prevStep = t == 0 ? 0 : 1
                let sh = shock[k * T + t]
                // noise_i = sd_k · Σ_q L[a, col_q] z[t, col_q]_i (0 when not volatile).
                let a = volOf[k]
                if a >= 0 {
                    for i in 0..<n { work[i] = 0 }
                    for q in cholStart[a]..<cholStart[a + 1] {
                        let v = cholVal[q]
                        let zc = z + (t * nVol + cholCol[q]) * ms
                        for i in 0..<n { work[i] += v * zc[i] }
                    }
                    let s = sd[k]
                    for i in 0..<n { work[i] = s * work[i] }
                } else {
                    for i in 0..<n { work[i] = 0 }
                }
                if isChange[k] {
                    let ub = upper[k]
                    for i in 0..<n {
                        let g = m[i] + work[i] + sh
                        var l = prev[i * prevStep] + g
                        l = l < 0 ? 0 : (l > ub ? ub : l)
                        dst[i] = l
                    }
                } else {
                    for i in 0..<n {
                        let g = m[i] + work[i] + sh
                        let factor = 1 + g
                        dst[i] = prev[i * prevStep] * (factor > 0 ? factor : 0)
                    }
                }
            }
            var ag = 0
            while ag < S - d {
                let dst = out + ((d + ag) * T + t) * stride
                for i in 0..<n { dst[i] = 0 }
                for c in aggStart[ag]..<aggStart[ag + 1] {
                    let src = out + (aggComp[c] * T + t) * stride
                    for i in 0..<n { dst[i] += src[i] }
                }
                ag += 1
            }
        }
        let mo = out + S * T * stride
        for ti in 0..<nTargets {
            let row = out + tSeries[ti] * T * stride
            let dst = mo + ti * stride
            switch tKind[ti] {
            case 0:
                let src = row + tLast[ti] * stride
                let b = tBase[ti], inv = tInvSpan[ti]
                for i in 0..<n {
                    let v = src[i]
                    dst[i] = (v > 0 && b > 0) ? expm1(log(v / b) * inv) : -1
                }
            case 1:
                let src = row + tLast[ti] * stride
                for i in 0..<n { dst[i] = src[i] }
            default:
                let higher = tHigher[ti]
                let first = row + tFirst[ti] * stride
                for i in 0..<n { dst[i] = first[i] }
                for t in tFirst[ti]...tLast[ti] {
                    let src = row + t * stride
                    for i in 0..<n { dst[i] = higher ? min(dst[i], src[i]) : max(dst[i], src[i]) }
                }
            }
        }
    }

    /// Whether a path's metric meets target `i` (same as `Target.isMet`).
    @inline(__always)
    func isMet(target i: Int, metric: Double) -> Bool { rules[i].test(metric) }
}
