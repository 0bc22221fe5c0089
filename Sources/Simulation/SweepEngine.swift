import Foundation
import PlanModel
import Distributions
import LinearAlgebra

/// Options of a sweep. Rates are fractions inside the engine; `percentiles` are in percent.
public struct SweepOptions: Sendable {
    public var mode: SweepMode = .montecarlo
    /// Scenarios for `montecarlo` and `lhs` (grids have as many as they have points).
    public var samples: Int = 10_000
    public var seed: UInt64 = 2026
    /// Worker threads; results do not depend on it. Defaults to all cores.
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Percentiles to report, in percent, each in [0, 100].
    public var percentiles: [Double] = [5, 10, 25, 50, 75, 90, 95]
    public var gridStep: GridStep = .points(5)
    /// Paths per grid point (yearly volatility makes each a random draw).
    public var gridReplicates: Int = 1
    /// Above this many grid scenarios the sweep refuses to run unless `confirmGrid`.
    public var gridLimit: Int = 1_000_000
    public var confirmGrid: Bool = false
    /// Base sample size of the Sobol analysis (0 turns it off); cost N·(k + 2) paths.
    public var sobolSamples: Int = 2048
    /// Bootstrap replicates for the Sobol confidence intervals (95 %, percentile method).
    public var bootstrap: Int = 200
    /// Compute one-at-a-time tornado bars.
    public var tornado: Bool = true
    /// Scenarios per work chunk. Each chunk has its own random stream derived from (seed,
    /// chunk index), so output depends on it (but never on `threads`); keep the default.
    public var chunkSize: Int = 1024
    /// Bins per quantity of the first-pass histogram (see `SweepEngine`).
    public var histogramBins: Int = 1024
    /// Keep, during the first pass, the values of the bins where the pilot says the needed
    /// order statistics will fall, so the second pass is usually skipped. Results are the
    /// same either way (exact); turning it off only trades time for memory.
    public var keepLikelyBins: Bool = true

    public init() {}
}

/// Receives the CSV text of every simulated path, in scenario order, chunk by chunk.
public protocol PathSink: AnyObject {
    func write(_ bytes: [UInt8]) throws
}

/// Runs sweeps.
///
/// ## Determinism
/// Scenarios are cut into chunks of `chunkSize`; chunk c draws from the xoshiro256**
/// stream seeded by (seed, c). Threads take chunks in any order, but integer tallies
/// (histograms, counts of targets met) are order-free, moments are kept per chunk and
/// merged in chunk order (Chan et al.), and percentiles are exact order statistics, so the
/// same seed gives byte-identical results whatever the thread count.
///
/// ## Exact percentiles in bounded memory
/// Percentiles need order statistics, which normally means keeping all N values of every
/// series-year (N·35 doubles: 2.8 GB at 10 million scenarios). The engine keeps only the
/// values near the statistics it needs, and regenerates paths (identical, from the same
/// streams) only when that guess missed:
/// 1. a pilot (the first 65,536 scenarios) fixes, per quantity, a histogram range (pilot min/max
///    widened by 5 % of the span; values outside fall in an underflow or overflow bin) and
///    flags the bins within ±5 binomial standard deviations (in pilot ranks) of each needed
///    order statistic's pilot estimate;
/// 2. pass 1 computes moments, target counts, exact min/max, a histogram of
///    `histogramBins` bins per quantity, and keeps the values falling in flagged bins;
/// 3. from the cumulative counts, the bin holding each needed order statistic (⌊h⌋ and
///    ⌊h⌋+1 for each percentile) is known with the statistic's rank inside it. If pass 1
///    kept that bin, the statistic is selected from its values (quickselect); otherwise (odds
///    below 1e-6 per statistic, or when keeping would exceed ~192 MB) a second pass over
///    regenerated chunks keeps exactly the missing bins.
/// The result equals sorting all values: it is exact, not an approximation. Memory: the
/// pilot (65,536 × quantities doubles), the histograms (quantities × bins × 4 bytes per thread)
/// and the kept values (about 10·√(p(1−p)/P) of N per statistic, P the pilot size). A
/// distribution with a large atom (a rate clamped at 0) can make one bin large; it is
/// still exact.
public enum SweepEngine {
    /// Scenarios a grid sweep would run (print it before running).
    public static func gridPointCount(model: SweepModel, options: SweepOptions) -> Int {
        Design.gridCount(model: model, step: options.gridStep, replicates: options.gridReplicates)
    }

    public static func run(plan: Plan, scenario: Scenario, options: SweepOptions,
                           paths: PathSink? = nil, progress: ((Double) -> Void)? = nil) throws -> SweepResult {
        try run(model: SweepModel(plan: plan, scenario: scenario), options: options, paths: paths, progress: progress)
    }

    public static func run(model: SweepModel, options o: SweepOptions,
                           paths: PathSink? = nil, progress: ((Double) -> Void)? = nil) throws -> SweepResult {
        try validate(o)
        // The workers below are the process's threads; OpenBLAS's idle ones would spin.
        BLASThreads.stopIdleWorkers()
        if o.mode == .grid {
            let n = gridPointCount(model: model, options: o)
            if n > o.gridLimit && !o.confirmGrid { throw SimulationError.gridTooLarge(points: n, limit: o.gridLimit) }
        }
        let design = Design(model: model, mode: o.mode, samples: o.samples, seed: o.seed,
                            gridStep: o.gridStep, replicates: o.gridReplicates)
        let runner = Runner(model: model, design: design, options: o)
        let stats = try runner.run(paths: paths, progress: progress)

        let T = model.yearCount
        var series: [SeriesSummary] = []
        for (s, id) in model.seriesIds.enumerated() {
            let ind = model.plan.indicator(id)
            series.append(SeriesSummary(
                id: id, unit: ind?.unit ?? "", isAggregate: s >= model.drivers.count,
                usesIllustrativeBaseline: model.scenario.baselineOverrides[id] == nil && model.plan.usesIllustrative(id),
                years: model.years, byYear: (0..<T).map { stats.columns[s * T + $0] }))
        }
        let N = design.samples
        var outcomes: [TargetProbability] = []
        for (i, t) in model.targets.enumerated() {
            let p = Double(stats.metCounts[i]) / Double(N)
            outcomes.append(TargetProbability(
                id: t.target.id, indicator: t.target.indicator, kind: t.target.kind,
                requirement: requirementText(t.target), metric: t.metric, targetYear: t.target.targetYear,
                probability: p, standardError: o.mode == .grid ? nil : (p * (1 - p) / Double(N)).squareRoot(),
                metricDistribution: stats.columns[model.seriesCount * T + i]))
        }
        var notes: [String] = []
        // Skipped targets, grouped: "no driver in the scenario: T03a, T03b (…)".
        var byReason: [(String, [String])] = []
        for (id, reason) in model.skippedTargets {
            let key = reason.contains("has no driver") ? "their indicator has no driver in this scenario" : reason
            if let i = byReason.firstIndex(where: { $0.0 == key }) { byReason[i].1.append(id) } else { byReason.append((key, [id])) }
        }
        for (reason, ids) in byReason {
            notes.append("not evaluated, \(reason.replacingOccurrences(of: "it is", with: "they are").replacingOccurrences(of: "it has", with: "they have")): " + ids.joined(separator: ", "))
        }
        let illustrative = series.filter(\.usesIllustrativeBaseline).map(\.id)
        if !illustrative.isEmpty {
            notes.append("illustrative baseline values (not official figures) behind: " + illustrative.joined(separator: ", "))
        }
        if o.mode == .lhs {
            notes.append("standard errors use the Monte Carlo formula √(p(1−p)/N), an upper bound for Latin hypercube samples")
        }
        if o.mode == .grid {
            notes.append("grid: probabilities are shares of grid points, not estimates; no sampling error")
        }
        let tornado = o.tornado ? Sensitivity.tornado(model: model) : []
        let sobol = o.sobolSamples > 0 && !model.targets.isEmpty
            ? Sensitivity.sobol(model: model, samples: o.sobolSamples, bootstrap: o.bootstrap, seed: o.seed) : []
        return SweepResult(scenario: model.scenario.name, mode: o.mode, samples: N, seed: o.seed,
                           percentiles: o.percentiles, series: series, targets: outcomes, tornado: tornado,
                           sobol: sobol, sobolSamples: sobol.isEmpty ? 0 : o.sobolSamples, notes: notes)
    }

    /// "12–14 %/yr", "≥ 120": the requirement with growth in percent, rounded to 10
    /// significant digits so 0.14 × 100 prints as 14.
    static func requirementText(_ t: Target) -> String {
        func fmt(_ v: Double) -> String {
            let x = t.kind == .growth ? v * 100 : v
            return Formatting.number(Double(String(format: "%.10g", x)) ?? x)
        }
        guard let low = t.low else { return "—" }
        let suffix = t.kind == .growth ? " %/yr" : ""
        switch t.comparator {
        case .range: return "\(fmt(low))–\(fmt(t.high ?? low))\(suffix)"
        case .less: return "< \(fmt(low))\(suffix)"
        case .lessOrEqual: return "≤ \(fmt(low))\(suffix)"
        case .greater: return "> \(fmt(low))\(suffix)"
        case .greaterOrEqual: return "≥ \(fmt(low))\(suffix)"
        case .equal: return "\(fmt(low))\(suffix)"
        }
    }

    static func validate(_ o: SweepOptions) throws {
        if o.mode != .grid && o.samples < 1 {
            throw SimulationError.invalidConfiguration("--samples must be at least 1 (got \(o.samples))")
        }
        if o.threads < 1 { throw SimulationError.invalidConfiguration("--threads must be at least 1 (got \(o.threads))") }
        if o.percentiles.isEmpty || o.percentiles.contains(where: { !($0 >= 0 && $0 <= 100) }) {
            throw SimulationError.invalidConfiguration("percentiles must lie in [0, 100]")
        }
        if case .percentagePoints(let s) = o.gridStep, !(s > 0 && s.isFinite) {
            throw SimulationError.invalidConfiguration("--step must be a positive number of percentage points")
        }
        if case .points(let k) = o.gridStep, k < 1 {
            throw SimulationError.invalidConfiguration("grid points per driver must be at least 1")
        }
        if o.gridReplicates < 1 { throw SimulationError.invalidConfiguration("grid replicates must be at least 1") }
        if o.chunkSize < 1 || o.histogramBins < 2 { throw SimulationError.invalidConfiguration("chunk size and histogram bins must be positive") }
        if o.sobolSamples < 0 || o.bootstrap < 0 { throw SimulationError.invalidConfiguration("Sobol samples and bootstrap count must not be negative") }
    }
}

/// Statistics gathered by the two passes.
struct PassStats {
    var columns: [Distribution1D]
    var metCounts: [Int]
}

/// A pointer that may be shared by worker threads writing disjoint parts.
struct SharedPointer<T>: @unchecked Sendable {
    let p: UnsafeMutablePointer<T>
}

/// The two-pass chunked runner (see `SweepEngine`).
final class Runner: @unchecked Sendable {
    let kernel: PathKernel
    let design: Design
    let model: SweepModel
    let N: Int, chunkSize: Int, nChunks: Int, workers: Int, W: Int, B: Int
    /// Distance between quantities in a chunk buffer: the chunk size padded by 8 doubles,
    /// so a power-of-two chunk size does not put every quantity of a scenario in the same
    /// cache set (4 KB aliasing made the path writes stall).
    let columnStride: Int
    /// Whether the last run needed the second pass (for tests and diagnostics).
    private(set) var secondPassRan = false
    let seed: UInt64
    let percentiles: [Double]
    let keepLikelyBins: Bool
    // Per-worker buffers.
    let values: [SharedPointer<Double>]
    let means: [SharedPointer<Double>]
    let scratch: [SharedPointer<Double>]
    /// Per worker: the histogram bin of each value of the column being tallied.
    let bins: [SharedPointer<Int32>]

    init(model: SweepModel, design: Design, options o: SweepOptions) {
        self.model = model
        self.design = design
        kernel = PathKernel(model)
        N = design.samples
        chunkSize = o.chunkSize
        columnStride = o.chunkSize + 8
        nChunks = (N + chunkSize - 1) / chunkSize
        workers = max(1, min(o.threads, nChunks))
        W = kernel.width
        B = o.histogramBins
        seed = o.seed
        percentiles = o.percentiles
        keepLikelyBins = o.keepLikelyBins
        let nw = workers, width = kernel.width, scratchCount = kernel.scratchCount, d = model.drivers.count
        values = (0..<nw).map { _ in SharedPointer(p: .allocate(capacity: max(1, (o.chunkSize + 8) * width))) }
        let inputs = (o.chunkSize + 8) * (d + kernel.normalsPerPath + 1)
        means = (0..<nw).map { _ in SharedPointer(p: .allocate(capacity: max(1, inputs))) }
        scratch = (0..<nw).map { _ in SharedPointer(p: .allocate(capacity: scratchCount)) }
        bins = (0..<nw).map { _ in SharedPointer(p: .allocate(capacity: o.chunkSize + 8)) }
    }

    deinit {
        for p in values { p.p.deallocate() }
        for p in means { p.p.deallocate() }
        for p in scratch { p.p.deallocate() }
        for p in bins { p.p.deallocate() }
    }

    func chunkRange(_ c: Int) -> Range<Int> { (c * chunkSize)..<min(N, (c + 1) * chunkSize) }

    /// Generates chunk `c` into worker `w`'s value buffer, column-major (quantity j of
    /// scenario i at `j · columnStride + i`); returns the scenario count.
    @inline(__always)
    func generate(chunk c: Int, worker w: Int) -> Int {
        let r = chunkRange(c)
        var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(c))
        let out = values[w].p, m = means[w].p, sc = scratch[w].p
        // Inputs first (the stream's draws in path order), then the arithmetic over the
        // whole chunk: bit for bit what `simulate` gives path by path.
        let ms = columnStride, d = model.drivers.count
        let z = m + d * ms, work = z + kernel.normalsPerPath * ms
        kernel.drawInputs(first: r.lowerBound, count: r.count, design: design, rng: &rng, means: m, z: z, ms: ms, scratch: sc)
        kernel.simulateChunk(count: r.count, means: m, z: z, ms: ms, out: out, stride: columnStride, work: work)
        return r.count
    }

    /// Runs `body(worker, chunk)` for chunks in `range`, `workers` threads at a time,
    /// wave by wave (`afterWave` runs on the calling thread between waves, in order).
    func forEachChunk(_ range: Range<Int>, waveSize: Int, body: @escaping @Sendable (Int, Int) -> Void,
                      afterWave: (Range<Int>) throws -> Void) rethrows {
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, start + waveSize)
            let nw = min(workers, end - start)
            let s = start
            if nw == 1 {
                for c in s..<end { body(0, c) }
            } else {
                // Chunks are claimed one at a time, so a thread slowed by other load on the
                // machine does not hold the others up; which thread runs a chunk never
                // changes its result.
                let next = ChunkCounter(s)
                DispatchQueue.concurrentPerform(iterations: nw) { w in
                    while true {
                        let c = next.claim()
                        if c >= end { break }
                        body(w, c)
                    }
                }
            }
            try afterWave(start..<end)
            start = end
        }
    }

    /// Runs `body(i)` for i in 0..<count on up to `workers` threads (order not fixed:
    /// bodies must write disjoint memory).
    func parallelFor(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        if workers == 1 || count < 2 {
            for i in 0..<count { body(i) }
            return
        }
        let next = ChunkCounter(0)
        DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
            while true {
                let i = next.claim()
                if i >= count { break }
                body(i)
            }
        }
    }

    /// Bytes of pass-1 speculative collection above which the engine prefers a second pass.
    static let speculativeBudget = 192 << 20

    func run(paths: PathSink?, progress: ((Double) -> Void)?) throws -> PassStats {
        let W = self.W, B = self.B, nT = kernel.nTargets
        // Waves exist for the paths file (written in order between waves) and for progress;
        // without either, one wave (no barrier between waves for the threads to wait at).
        let wave = paths != nil ? workers * 2 : (progress == nil ? max(1, nChunks) : max(workers * 32, nChunks / 16))
        let S = model.seriesCount, T = model.yearCount

        // Ranks needed: ⌊h⌋ and ⌊h⌋ + 1 for each percentile (numpy's linear method).
        let ranks: [(Int, Int, Double)] = percentiles.map { p in
            let hh = Double(N - 1) * p / 100
            let r0 = min(N - 1, Int(hh.rounded(.down)))
            return (r0, min(r0 + 1, N - 1), hh - Double(r0))
        }
        let interior = Set(ranks.flatMap { [$0.0, $0.1] }).filter { $0 > 0 && $0 < N - 1 }.sorted()

        // Pilot: the first chunks' values fix each quantity's histogram range and, by their
        // own histogram, where the needed order statistics will probably fall.
        let pilotChunks = min(nChunks, max(1, 65_536 / chunkSize))
        let P = chunkRange(pilotChunks - 1).upperBound
        let pilot = SharedPointer<Double>(p: LargeBuffer.allocate(Double.self, count: P * W))
        defer { LargeBuffer.release(pilot.p) }
        forEachChunk(0..<pilotChunks, waveSize: pilotChunks, body: { [self] w, c in
            let n = generate(chunk: c, worker: w)
            let v = values[w].p
            for j in 0..<W {
                let col = v + j * columnStride, dst = pilot.p + j * P + c * chunkSize
                for i in 0..<n { dst[i] = col[i] }
            }
        }, afterWave: { _ in })
        let lo = SharedPointer<Double>(p: .allocate(capacity: W))
        let invWidth = SharedPointer<Double>(p: .allocate(capacity: W))
        defer { lo.p.deallocate(); invWidth.p.deallocate() }
        let stride = B + 2
        // Bin of a value: 0 below the range (and NaN), 1...B inside, B + 1 above. Any
        // monotone rule works (the same one is used everywhere); this one is branch-free
        // and has no conversion trap: the clamped position y ∈ [−0.5, B + 0.75] is
        // rounded to an integer by adding 1.5·2⁵² (round to nearest is monotone) and read
        // from the low bits, which the compiler can vectorise.
        let top = Double(B) + 0.25
        @Sendable @inline(__always) func bin(_ x: Double, _ j: Int) -> Int {
            Int(Runner.binIndex(x, lo: lo.p[j], invWidth: invWidth.p[j], top: top))
        }
        // Speculative flags: bins within ±5 binomial sd (in pilot ranks) of each needed
        // statistic's pilot estimate. Values in flagged bins are kept during pass 1.
        let flags = SharedPointer<UInt8>(p: .allocate(capacity: W * stride))
        flags.p.initialize(repeating: 0, count: W * stride)
        defer { flags.p.deallocate() }
        // Columns are independent: analysed in parallel, each writing only its own range,
        // flags and expected kept count.
        let keptPer = SharedPointer<Double>(p: .allocate(capacity: W))
        keptPer.p.initialize(repeating: 0, count: W)
        defer { keptPer.p.deallocate() }
        let interiorRanks = interior, Nn = N
        parallelFor(W) { j in
            var pilotHist = [Int](repeating: 0, count: stride)
            var cumP = [Int](repeating: 0, count: stride + 1)
            let col = pilot.p + j * P
            var a = col[0], b = col[0]
            for i in 0..<P { a = min(a, col[i]); b = max(b, col[i]) }
            var span = b - a
            if !(span > 0) || !span.isFinite { span = max(abs(a) * 1e-6, 1e-12) }
            let l = a - 0.05 * span, h = b + 0.05 * span
            lo.p[j] = l
            invWidth.p[j] = Double(B) / (h - l)
            if a == b { return }
            // The pilot's own histogram gives each bin's range of pilot ranks.
            for k in 0..<stride { pilotHist[k] = 0 }
            for i in 0..<P { pilotHist[bin(col[i], j)] += 1 }
            for k in 0..<stride { cumP[k + 1] = cumP[k] + pilotHist[k] }
            for r in interiorRanks {
                let p = Double(r) / Double(Nn - 1)
                let centre = p * Double(P - 1)
                let delta = 5 * (Double(P) * p * (1 - p)).squareRoot() + 2
                let r0 = centre - delta, r1 = centre + delta
                // Bins whose pilot ranks [cumP[b], cumP[b+1]) meet [r0, r1], and the
                // under/overflow bins when the window reaches the pilot's ends.
                var bb = 0
                while bb < stride - 1 && Double(cumP[bb + 1]) <= r0 { bb += 1 }
                while bb < stride {
                    flags.p[j * stride + bb] = 1
                    if Double(cumP[bb + 1]) > r1 { break }
                    bb += 1
                }
                if r0 <= 0 { flags.p[j * stride] = 1 }
                if r1 >= Double(P - 1) { flags.p[j * stride + B + 1] = 1 }
            }
            var kept = 0
            for k in 0..<stride where flags.p[j * stride + k] != 0 { kept += pilotHist[k] }
            keptPer.p[j] = Double(kept) / Double(P) * Double(Nn)
        }
        var expectedKept = 0.0
        for j in 0..<W { expectedKept += keptPer.p[j] }
        let speculate = keepLikelyBins && (P == N || expectedKept * 8 * 1.5 < Double(Runner.speculativeBudget))
        if !speculate { flags.p.update(repeating: 0, count: W * stride) }
        let keepColumn = (0..<W).map { j in (0..<stride).contains { flags.p[j * stride + $0] != 0 } }

        // Pass 1: moments, target counts, histograms, kept values, paths.
        let hist = SharedPointer<UInt32>(p: .allocate(capacity: workers * W * stride))
        hist.p.initialize(repeating: 0, count: workers * W * stride)
        defer { hist.p.deallocate() }
        let metChunk = SharedPointer<Int>(p: .allocate(capacity: nChunks * max(nT, 1)))
        metChunk.p.initialize(repeating: 0, count: nChunks * max(nT, 1))
        defer { metChunk.p.deallocate() }
        // Per chunk and quantity: shift K, Σ(x−K), Σ(x−K)², min, max.
        let partial = SharedPointer<Double>(p: .allocate(capacity: nChunks * W * 5))
        defer { partial.p.deallocate() }
        let pathBytes = PathBuffers(count: wave)
        let seriesIds = model.seriesIds.map { Array($0.utf8) }
        let years = model.years
        // Kept values: per worker and column, values only (a value's bin is recomputed when
        // it is needed), with room up front for a quarter more than the pilot's share so
        // buffers rarely grow and copy.
        let kept = ColumnStores(workers: workers, columns: W,
                                capacity: (0..<W).map { j in
                                    keepColumn[j] ? Int(keptPer.p[j] * 1.25 / Double(workers)) + chunkSize : 0 })

        try forEachChunk(0..<nChunks, waveSize: wave, body: { [self] w, c in
            let v = values[w].p
            let n: Int
            if c < pilotChunks {
                // The pilot already generated this chunk: copy it back instead.
                n = chunkRange(c).count
                for j in 0..<W { (v + j * columnStride).update(from: pilot.p + j * P + c * chunkSize, count: n) }
            } else {
                n = generate(chunk: c, worker: w)
            }
            let h = hist.p + w * W * stride
            let part = partial.p + c * W * 5
            let cs = columnStride
            let bb = bins[w].p
            for j in 0..<W {
                let col = v + j * cs
                let hj = h + j * stride
                let k = col[0]
                let p = part + j * 5
                Runner.moments(col, count: n, shift: k, into: p)
                // Bins first (a loop without dependences between values), then the
                // histogram and the kept values.
                let lj = lo.p[j], iw = invWidth.p[j]
                Runner.binIndices(col, count: n, lo: lj, invWidth: iw, top: top, into: bb)
                if keepColumn[j] {
                    // The value is written unconditionally and kept by advancing the count
                    // by its bin's flag (no unpredictable branch).
                    let store = kept.store(worker: w, column: j)
                    store.reserve(n)
                    var m = store.count
                    let pv = store.values
                    let fl = flags.p + j * stride
                    for i in 0..<n {
                        let b = Int(bb[i])
                        hj[b] &+= 1
                        pv[m] = col[i]
                        m += Int(fl[b])
                    }
                    store.count = m
                } else {
                    for i in 0..<n { hj[Int(bb[i])] &+= 1 }
                }
            }
            if nT > 0 {
                let mc = metChunk.p + c * nT
                for t in 0..<nT {
                    let col = v + (S * T + t) * cs
                    var count = 0
                    for i in 0..<n where kernel.isMet(target: t, metric: col[i]) { count += 1 }
                    mc[t] = count
                }
            }
            if paths != nil {
                pathBytes.set(c % wave, Runner.csv(values: v, count: n, firstScenario: c * chunkSize, S: S, T: T,
                                                   chunk: cs, series: seriesIds, years: years))
            }
        }, afterWave: { r in
            if let paths {
                for c in r { try paths.write(pathBytes.take(c % wave)) }
            }
            progress?(Double(r.upperBound) / Double(nChunks))
        })

        // Merge moments in chunk order; histograms and counts are order-free.
        var mean = [Double](repeating: 0, count: W), m2 = [Double](repeating: 0, count: W)
        var mins = [Double](repeating: .infinity, count: W), maxs = [Double](repeating: -.infinity, count: W)
        var count = 0.0
        for c in 0..<nChunks {
            let nb = Double(chunkRange(c).count)
            let part = partial.p + c * W * 5
            for j in 0..<W {
                let p = part + j * 5
                let mb = p[0] + p[1] / nb
                let m2b = max(0, p[2] - p[1] * p[1] / nb)
                let n = count + nb
                let delta = mb - mean[j]
                mean[j] += delta * nb / n
                m2[j] += m2b + delta * delta * count * nb / n
                mins[j] = min(mins[j], p[3]); maxs[j] = max(maxs[j], p[4])
            }
            count += nb
        }
        var metCounts = [Int](repeating: 0, count: nT)
        for c in 0..<nChunks { for k in 0..<nT { metCounts[k] += metChunk.p[c * nT + k] } }
        for w in 1..<max(workers, 1) {
            let h0 = hist.p, hw = hist.p + w * W * stride
            for i in 0..<(W * stride) { h0[i] &+= hw[i] }
        }

        // Where each needed order statistic lies: bin and rank inside it.
        struct Need { var column: Int; var bin: Int; var offset: Int }
        var needs: [Int: Need] = [:]          // key: column * N + rank
        var exact: [Int: Double] = [:]
        let flags2 = SharedPointer<UInt8>(p: .allocate(capacity: W * stride))
        flags2.p.initialize(repeating: 0, count: W * stride)
        defer { flags2.p.deallocate() }
        var missing = Set<Int>()
        for j in 0..<W {
            var cum = [Int](repeating: 0, count: stride + 1)
            for b in 0..<stride { cum[b + 1] = cum[b] + Int(hist.p[j * stride + b]) }
            for (r0, r1, _) in ranks { for r in [r0, r1] {
                if mins[j] == maxs[j] || r == 0 { exact[j * N + r] = mins[j]; continue }
                if r == N - 1 { exact[j * N + r] = maxs[j]; continue }
                var b = 0
                while cum[b + 1] <= r { b += 1 }
                needs[j * N + r] = Need(column: j, bin: b, offset: r - cum[b])
                if flags.p[j * stride + b] == 0 { flags2.p[j * stride + b] = 1; missing.insert(j) }
            } }
        }

        // Pass 2, only for statistics whose bin pass 1 did not keep.
        let slots2 = SharedPointer<Int32>(p: .allocate(capacity: W * stride))
        defer { slots2.p.deallocate() }
        let slotCount2 = Runner.assignSlots(flags: flags2.p, count: W * stride, slots: slots2.p)
        let collected = Collected(workers: workers, slots: slotCount2)
        if !missing.isEmpty {
            let activeColumns = missing.sorted()
            forEachChunk(0..<nChunks, waveSize: wave, body: { [self] w, c in
                let n = generate(chunk: c, worker: w)
                let v = values[w].p
                let store = collected.stores[w]
                for j in activeColumns {
                    let col = v + j * columnStride
                    let sl = slots2.p + j * stride
                    store.reserve(n)
                    var m = store.count
                    let ps = store.slots, pv = store.values
                    for i in 0..<n {
                        let x = col[i]
                        let slot = sl[bin(x, j)]
                        ps[m] = slot; pv[m] = x
                        m += slot >= 0 ? 1 : 0
                    }
                    store.count = m
                }
            }, afterWave: { _ in })
        }
        var fromCollected = Set<Int32>()
        for need in needs.values {
            let binKey = need.column * stride + need.bin
            if flags.p[binKey] == 0 { fromCollected.insert(slots2.p[binKey]) }
        }
        let collectedValues = collected.gather(slots: fromCollected, runner: self)
        // Each bin's needed ranks (at most a few) by selection rather than a full sort.
        var byBin: [Int: [(key: Int, offset: Int)]] = [:]
        for (key, need) in needs { byBin[need.column * stride + need.bin, default: []].append((key, need.offset)) }
        // Bins kept in pass 1: per column (in parallel), the column's stores are read once
        // to gather the wanted bins' values, then each bin's ranks are selected.
        var keptByColumn: [Int: [(bin: Int, wanted: [(key: Int, offset: Int)])]] = [:]
        var jobs: [(UnsafeMutableBufferPointer<Double>, [(key: Int, offset: Int)])] = []
        for (binKey, wanted) in byBin {
            let sorted = wanted.sorted(by: { $0.offset < $1.offset })
            if flags.p[binKey] != 0 {
                keptByColumn[binKey / stride, default: []].append((binKey % stride, sorted))
            } else {
                jobs.append((collectedValues.values(slots2.p[binKey]), sorted))
            }
        }
        var keptSelected: [Int: Double] = [:]
        do {
            let cols = keptByColumn.keys.sorted()
            var outPos = [Int](), count = 0
            for j in cols { outPos.append(count); for b in keptByColumn[j]! { count += b.wanted.count } }
            let out = SharedPointer<Double>(p: .allocate(capacity: max(1, count)))
            defer { out.p.deallocate() }
            let colList = SendableBox(cols.map { keptByColumn[$0]! }), colIds = cols, starts = outPos
            let strideB = stride
            parallelFor(cols.count) { q in
                let j = colIds[q], bins = colList.value[q]
                let l = lo.p[j], iw = invWidth.p[j]
                var index = [Int](repeating: -1, count: strideB)
                for (k, b) in bins.enumerated() { index[b.bin] = k }
                // A kept bin holds all its values: the merged histogram has its count.
                let counts = bins.map { Int(hist.p[j * strideB + $0.bin]) }
                var first = [Int](repeating: 0, count: bins.count + 1)
                for k in 0..<bins.count { first[k + 1] = first[k] + counts[k] }
                let buf = UnsafeMutablePointer<Double>.allocate(capacity: max(1, first[bins.count]))
                defer { buf.deallocate() }
                var next = first
                for w in 0..<kept.workers {
                    let st = kept.store(worker: w, column: j)
                    for i in 0..<st.count {
                        let x = st.values[i]
                        let k = index[Int(Runner.binIndex(x, lo: l, invWidth: iw, top: top))]
                        if k >= 0 && next[k] < first[k + 1] { buf[next[k]] = x; next[k] += 1 }
                    }
                }
                for k in 0..<bins.count { precondition(next[k] == first[k + 1], "kept bin count differs from its histogram count") }
                var o = starts[q]
                for (k, b) in bins.enumerated() {
                    let all = UnsafeMutableBufferPointer(start: buf + first[k], count: counts[k])
                    var from = 0
                    for wnt in b.wanted {
                        // Values left of an earlier selected rank are no larger: start there.
                        out.p[o] = Runner.select(wnt.offset - from, in: UnsafeMutableBufferPointer(rebasing: all[from...]))
                        from = wnt.offset; o += 1
                    }
                }
            }
            for (q, j) in cols.enumerated() {
                var o = outPos[q]
                for b in keptByColumn[j]! { for wnt in b.wanted { keptSelected[wnt.key] = out.p[o]; o += 1 } }
            }
        }
        for (key, v) in keptSelected { exact[key] = v }
        let selected = SharedPointer<Double>(p: .allocate(capacity: max(1, needs.count)))
        defer { selected.p.deallocate() }
        var firstOut = [Int](), total = 0
        for job in jobs { firstOut.append(total); total += job.1.count }
        let jobList = SendableBox(jobs), outStart = firstOut
        parallelFor(jobs.count) { q in
            let (buf, wanted) = jobList.value[q]
            var from = 0
            for (n, w) in wanted.enumerated() {
                // Values left of an earlier selected rank are no larger: start from there.
                let sub = UnsafeMutableBufferPointer(rebasing: buf[from...])
                selected.p[outStart[q] + n] = Runner.select(w.offset - from, in: sub)
                from = w.offset
            }
        }
        for (q, job) in jobs.enumerated() {
            for (n, w) in job.1.enumerated() { exact[w.key] = selected.p[firstOut[q] + n] }
        }
        withExtendedLifetime(collectedValues) {}
        progress?(1)

        var columns: [Distribution1D] = []
        for j in 0..<W {
            let pct = ranks.map { (r0, r1, f) -> Double in
                let a = exact[j * N + r0]!, b = exact[j * N + r1]!
                return f == 0 ? a : a + f * (b - a)
            }
            columns.append(Distribution1D(percentiles: pct, mean: mean[j],
                                          sd: N > 1 ? (m2[j] / Double(N - 1)).squareRoot() : 0,
                                          min: mins[j], max: maxs[j]))
        }
        secondPassRan = !missing.isEmpty
        return PassStats(columns: columns, metCounts: metCounts)
    }

    /// Histogram bin of `x` (see `run`): 0 below the range and for NaN, 1...B inside, B + 1
    /// above, with `top` = B + 0.25.
    @inline(__always)
    static func binIndex(_ x: Double, lo: Double, invWidth: Double, top: Double) -> Int32 {
        let f = (x - lo) * invWidth
        let c = f >= -1 ? f : -1
        let y = (c < top ? c : top) + 0.5
        return Int32(truncatingIfNeeded: (y + 0x1.8p52).bitPattern)
    }

    /// `binIndex` of `n` values, two at a time in vector registers (the same operations in
    /// the same order, so the same bins).
    @inline(__always)
    static func binIndices(_ col: UnsafeMutablePointer<Double>, count n: Int, lo: Double, invWidth: Double, top: Double,
                           into out: UnsafeMutablePointer<Int32>) {
        let vlo = SIMD2<Double>(repeating: lo), viw = SIMD2<Double>(repeating: invWidth)
        let m1 = SIMD2<Double>(repeating: -1), vt = SIMD2<Double>(repeating: top)
        let half = SIMD2<Double>(repeating: 0.5), magic = SIMD2<Double>(repeating: 0x1.8p52)
        var i = 0
        while i + 2 <= n {
            let x = SIMD2<Double>(col[i], col[i + 1])
            let f = (x - vlo) * viw
            var c = m1.replacing(with: f, where: f .>= m1)
            c = vt.replacing(with: c, where: c .< vt)
            let bits = unsafeBitCast((c + half) + magic, to: SIMD2<UInt64>.self)
            out[i] = Int32(truncatingIfNeeded: bits[0]); out[i + 1] = Int32(truncatingIfNeeded: bits[1])
            i += 2
        }
        if i < n { out[i] = binIndex(col[i], lo: lo, invWidth: invWidth, top: top) }
    }

    /// Shift, Σ(x−K), Σ(x−K)², min and max of `n` values into `out[0...4]` (K = `shift`),
    /// summed in four interleaved lanes so the additions do not wait on each other.
    @inline(__always)
    static func moments(_ col: UnsafeMutablePointer<Double>, count n: Int, shift k: Double,
                        into out: UnsafeMutablePointer<Double>) {
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

    /// The k-th smallest value (0-based) of `a`, by quickselect (Hoare partition, median of
    /// three pivot); reorders `a`. Exact: the same value a full sort would put at index k.
    static func select(_ k: Int, in a: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(k >= 0 && k < a.count)
        var lo = 0, hi = a.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if a[mid] < a[lo] { a.swapAt(mid, lo) }
            if a[hi] < a[lo] { a.swapAt(hi, lo) }
            if a[hi] < a[mid] { a.swapAt(hi, mid) }
            let pivot = a[mid]
            var i = lo, j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while pivot < a[j] { j -= 1 }
                if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return a[k] }
        }
        return a[k]
    }

    /// Numbers the flagged bins 0, 1, …; unflagged bins get −1. Returns the count.
    static func assignSlots(flags: UnsafeMutablePointer<UInt8>, count: Int, slots: UnsafeMutablePointer<Int32>) -> Int {
        var next: Int32 = 0
        for i in 0..<count {
            if flags[i] != 0 { slots[i] = next; next += 1 } else { slots[i] = -1 }
        }
        return Int(next)
    }

    /// CSV rows `scenario,series,year,value` for one chunk (values with up to 6 decimals).
    static func csv(values v: UnsafeMutablePointer<Double>, count n: Int, firstScenario: Int, S: Int, T: Int,
                    chunk: Int, series: [[UInt8]], years: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(n * S * T * 32)
        let yearBytes = years.map { Array(String($0).utf8) }
        for i in 0..<n {
            let idx = Array(String(firstScenario + i + 1).utf8)
            for s in 0..<S { for t in 0..<T {
                out += idx; out.append(44); out += series[s]; out.append(44); out += yearBytes[t]; out.append(44)
                appendFixed6(v[(s * T + t) * chunk + i], to: &out)
                out.append(10)
            } }
        }
        return out
    }

    /// Appends `x` with six decimals, trailing zeros trimmed (C locale; ±Inf/NaN as text).
    static func appendFixed6(_ x: Double, to out: inout [UInt8]) {
        guard x.isFinite, abs(x) < 9e12 else { out += Array("\(x)".utf8); return }
        var scaled = (abs(x) * 1_000_000).rounded()
        if x < 0 && scaled != 0 { out.append(45) }
        let ip = UInt64(scaled / 1_000_000)
        scaled -= Double(ip) * 1_000_000
        var frac = UInt64(scaled)
        out += Array(String(ip).utf8)
        if frac > 0 {
            var digits = 6
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let s = String(frac)
            out.append(46)
            for _ in 0..<(digits - s.utf8.count) { out.append(48) }
            out += Array(s.utf8)
        }
    }
}

/// Values kept in pass 1, per worker and column (a store is written by one worker only).
/// Each worker's stores start in one arena sized from the pilot's estimate; a store that
/// outgrows its part moves to a buffer of its own.
final class ColumnStores: @unchecked Sendable {
    final class Store {
        var values: UnsafeMutablePointer<Double>
        var count = 0
        var capacity: Int
        var owned = false
        init(values: UnsafeMutablePointer<Double>, capacity: Int) { self.values = values; self.capacity = capacity }
        deinit { if owned { LargeBuffer.release(values) } }
        /// Makes room for `n` more values (capacity doubles).
        func reserve(_ n: Int) {
            guard count + n > capacity else { return }
            var c = max(capacity, 1024)
            while count + n > c { c *= 2 }
            let v2 = LargeBuffer.allocate(Double.self, count: c)
            v2.update(from: values, count: count)
            if owned { LargeBuffer.release(values) }
            values = v2; capacity = c; owned = true
        }
    }
    let workers: Int, columns: Int
    private let arenas: [UnsafeMutablePointer<Double>]
    private let stores: [Store]
    init(workers: Int, columns: Int, capacity: [Int]) {
        self.workers = workers; self.columns = columns
        let total = capacity.reduce(0, +)
        var arenas: [UnsafeMutablePointer<Double>] = [], stores: [Store] = []
        for _ in 0..<workers {
            let a = LargeBuffer.allocate(Double.self, count: max(1, total))
            arenas.append(a)
            var at = 0
            for j in 0..<columns { stores.append(Store(values: a + at, capacity: capacity[j])); at += capacity[j] }
        }
        self.arenas = arenas; self.stores = stores
    }
    deinit { for a in arenas { LargeBuffer.release(a) } }
    @inline(__always) func store(worker w: Int, column j: Int) -> Store { stores[w * columns + j] }
}

/// Values of some slots in one buffer (see `Collected.gather`).
final class Gathered: @unchecked Sendable {
    let buffer: UnsafeMutablePointer<Double>
    let ranges: [Int32: Range<Int>]
    init(total: Int, ranges: [Int32: Range<Int>]) {
        buffer = LargeBuffer.allocate(Double.self, count: max(1, total))
        self.ranges = ranges
    }
    deinit { LargeBuffer.release(buffer) }
    func values(_ slot: Int32) -> UnsafeMutableBufferPointer<Double> {
        let r = ranges[slot]!
        return UnsafeMutableBufferPointer(start: buffer + r.lowerBound, count: r.count)
    }
}

/// An immutable value handed to worker threads.
struct SendableBox<T>: @unchecked Sendable { let value: T; init(_ v: T) { value = v } }

/// The next chunk to run, shared by the workers of a wave.
final class ChunkCounter: @unchecked Sendable {
    private var value: Int
    private let lock = NSLock()
    init(_ start: Int) { value = start }
    func claim() -> Int { lock.lock(); defer { lock.unlock() }; let v = value; value += 1; return v }
}

/// Per-chunk CSV buffers of one wave (each slot written by one worker).
final class PathBuffers: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ b: [UInt8]) { lock.lock(); slots[i] = b; lock.unlock() }
    func take(_ i: Int) -> [UInt8] { lock.lock(); defer { lock.unlock() }; let b = slots[i]; slots[i] = []; return b }
}

/// Values of flagged bins gathered by the workers: one store per worker (a worker runs on
/// one thread at a time, so a store is never shared) holding (bin slot, value) pairs in
/// raw growable buffers; a bin's values are pulled out only when a statistic needs them.
final class Collected: @unchecked Sendable {
    final class Store {
        var slots: UnsafeMutablePointer<Int32>
        var values: UnsafeMutablePointer<Double>
        var count = 0
        var capacity: Int
        init() {
            capacity = 1024
            slots = LargeBuffer.allocate(Int32.self, count: capacity); values = LargeBuffer.allocate(Double.self, count: capacity)
        }
        deinit { LargeBuffer.release(slots); LargeBuffer.release(values) }
        /// Makes room for `n` more pairs (capacity doubles).
        func reserve(_ n: Int) {
            guard count + n > capacity else { return }
            var c = capacity
            while count + n > c { c *= 2 }
            let s2 = LargeBuffer.allocate(Int32.self, count: c), v2 = LargeBuffer.allocate(Double.self, count: c)
            s2.update(from: slots, count: count); v2.update(from: values, count: count)
            LargeBuffer.release(slots); LargeBuffer.release(values)
            slots = s2; values = v2; capacity = c
        }
    }
    let stores: [Store]
    init(workers: Int, slots: Int) { stores = (0..<workers).map { _ in Store() } }

    /// The values of the wanted slots gathered into one buffer (stores counted, then
    /// copied, in parallel, one store per thread).
    func gather(slots wanted: Set<Int32>, runner: Runner) -> Gathered {
        guard let top = wanted.max() else { return Gathered(total: 0, ranges: [:]) }
        let order = wanted.sorted()
        let nw = order.count, ns = stores.count
        let index = SharedPointer<Int32>(p: .allocate(capacity: Int(top) + 1))
        index.p.initialize(repeating: -1, count: Int(top) + 1)
        defer { index.p.deallocate() }
        for (k, s) in order.enumerated() { index.p[Int(s)] = Int32(k) }
        let counts = SharedPointer<Int>(p: .allocate(capacity: ns * nw))
        counts.p.initialize(repeating: 0, count: ns * nw)
        defer { counts.p.deallocate() }
        let storeList = stores, topSlot = Int(top)
        runner.parallelFor(ns) { w in
            let st = storeList[w], c = counts.p + w * nw, ix = index.p
            for i in 0..<st.count {
                let s = Int(st.slots[i])
                if s <= topSlot { let k = Int(ix[s]); if k >= 0 { c[k] += 1 } }
            }
        }
        // Offsets: slot-major, store-minor.
        var ranges: [Int32: Range<Int>] = [:]
        var total = 0
        for (k, s) in order.enumerated() {
            let start = total
            for w in 0..<ns { let c = counts.p[w * nw + k]; counts.p[w * nw + k] = total; total += c }
            ranges[s] = start..<total
        }
        let g = Gathered(total: total, ranges: ranges)
        let out = SharedPointer<Double>(p: g.buffer)
        runner.parallelFor(ns) { w in
            let st = storeList[w], next = counts.p + w * nw, ix = index.p
            for i in 0..<st.count {
                let s = Int(st.slots[i])
                if s <= topSlot {
                    let k = Int(ix[s])
                    if k >= 0 { out.p[next[k]] = st.values[i]; next[k] += 1 }
                }
            }
        }
        return g
    }
}
