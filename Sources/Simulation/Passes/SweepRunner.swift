import Foundation
import PlanModel
import Distributions

/// Statistics gathered by the passes: one summary per quantity (series-years, then target
/// metrics) and the number of scenarios meeting each target.
struct PassStats {
    var columns: [Distribution1D]
    var metCounts: [Int]
}

/// The chunked multi-pass runner behind `SweepEngine` (see there for the method): owns the
/// path kernel, the design and one set of buffers per worker; `run` chains the pilot
/// (`+Pilot`), pass 1 (`+FirstPass`), the selection of the order statistics (`+Selection`)
/// and, when needed, pass 2 (`+SecondPass`).
///
/// Invariant: chunk c always holds scenarios `chunkRange(c)` drawn from stream (seed, c),
/// so any pass can regenerate any chunk bit for bit, on any worker.
final class SweepRunner: @unchecked Sendable {
    /// Bytes of pass-1 speculative collection above which the engine prefers a second pass.
    static let speculativeBudget = 192 << 20
    /// Chunks per wave at most, when no paths file or progress asks for smaller waves:
    /// bounds the per-chunk moment buffers (4,096 chunks of 1,024 scenarios: 4 million
    /// scenarios between merges) whatever the sample size.
    static let maximumWaveChunks = 4096

    let kernel: PathKernel
    let design: Design
    let model: SweepModel
    /// Scenarios in the run.
    let sampleCount: Int
    let chunkSize: Int
    let chunkCount: Int
    /// Threads used (at most one per chunk and `SweepOptions.maximumThreads`).
    let workerCount: Int
    /// Quantities per scenario: every series-year, then one metric per target
    /// (`PathKernel.width`).
    let quantityCount: Int
    /// Histogram bins per quantity (not counting under- and overflow).
    let histogramBinCount: Int
    /// Distance between quantities in a chunk buffer: the chunk size padded by 8 doubles,
    /// so a power-of-two chunk size does not put every quantity of a scenario in the same
    /// cache set (4 KB aliasing made the path writes stall).
    let columnStride: Int
    let seed: UInt64
    let percentiles: [Double]
    let keepLikelyBins: Bool
    /// Scenarios the pilot generates (rounded down to whole chunks, at least one chunk and
    /// at most all of them).
    let pilotScenarios: Int
    let buffers: [WorkerBuffers]
    /// Whether the last run needed the second pass (for tests and diagnostics).
    var secondPassRan = false

    init(model: SweepModel, design: Design, options: SweepOptions) {
        self.model = model
        self.design = design
        kernel = PathKernel(model)
        sampleCount = design.samples
        chunkSize = options.chunkSize
        columnStride = options.chunkSize + 8
        chunkCount = (sampleCount + chunkSize - 1) / chunkSize
        workerCount = max(1, min(options.threads, chunkCount, SweepOptions.maximumThreads))
        quantityCount = kernel.width
        histogramBinCount = options.histogramBins
        seed = options.seed
        percentiles = options.percentiles
        keepLikelyBins = options.keepLikelyBins
        pilotScenarios = options.pilotScenarios
        let inputRows = model.drivers.count + kernel.normalsPerPath + 1
        buffers = (0..<workerCount).map { [kernel, columnStride] _ in
            WorkerBuffers(
                columnStride: columnStride, quantities: kernel.width, inputRows: inputRows,
                scratchCount: kernel.scratchCount)
        }
    }

    func chunkRange(_ c: Int) -> Range<Int> {
        (c * chunkSize)..<min(sampleCount, (c + 1) * chunkSize)
    }

    /// Generates chunk `c` into worker `w`'s value buffer, column-major (quantity j of
    /// scenario i at `j · columnStride + i`); returns the scenario count.
    @inline(__always)
    func generate(chunk c: Int, worker w: Int) -> Int {
        let r = chunkRange(c)
        var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(c))
        let buffer = buffers[w]
        let means = buffer.inputs
        // Inputs first (the stream's draws in path order), then the arithmetic over the
        // whole chunk: bit for bit what `simulate` gives path by path.
        let ms = columnStride, d = model.drivers.count
        let z = means + d * ms, work = z + kernel.normalsPerPath * ms
        kernel.drawInputs(
            first: r.lowerBound, count: r.count, design: design, rng: &rng, means: means, z: z,
            ms: ms,
            scratch: buffer.scratch)
        kernel.simulateChunk(
            count: r.count, means: means, z: z, ms: ms, out: buffer.values, stride: columnStride,
            work: work)
        return r.count
    }

    /// Chunks per wave. Waves exist for the paths file (written in order between waves),
    /// for progress and to bound the per-chunk buffers; results never depend on them.
    func waveSize(writingPaths: Bool, reportingProgress: Bool) -> Int {
        if writingPaths { return workerCount * 2 }
        let wave = reportingProgress ? max(workerCount * 32, chunkCount / 16) : chunkCount
        return max(1, min(wave, Self.maximumWaveChunks))
    }

    func run(paths: PathSink?, progress: ((Double) -> Void)?) throws -> PassStats {
        let wave = waveSize(writingPaths: paths != nil, reportingProgress: progress != nil)
        let ranks = PercentileRanks(percentiles: percentiles, sampleCount: sampleCount)
        let pilot = runPilot(ranks: ranks)
        let first = try runFirstPass(pilot: pilot, wave: wave, paths: paths, progress: progress)
        let columns = selectPercentiles(ranks: ranks, pilot: pilot, first: first, wave: wave)
        progress?(1)
        return PassStats(columns: columns, metCounts: first.metCounts)
    }
}

/// The order statistics each percentile needs (numpy's `linear` rule, R type 7): for
/// percentile p, h = (N − 1)·p/100 and the value x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎).
struct PercentileRanks {
    /// Per percentile: ⌊h⌋, ⌊h⌋ + 1 (at most N − 1) and h − ⌊h⌋.
    let pairs: [(lower: Int, upper: Int, fraction: Double)]
    /// The distinct ranks strictly between 0 and N − 1 (min and max are known exactly).
    let interior: [Int]

    init(percentiles: [Double], sampleCount n: Int) {
        pairs = percentiles.map { p in
            let h = Double(n - 1) * p / 100
            let r0 = min(n - 1, Int(h.rounded(.down)))
            return (r0, min(r0 + 1, n - 1), h - Double(r0))
        }
        interior = Set(pairs.flatMap { [$0.lower, $0.upper] }).filter { $0 > 0 && $0 < n - 1 }
            .sorted()
    }
}
