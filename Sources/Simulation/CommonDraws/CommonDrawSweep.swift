import Foundation
import LinearAlgebra

/// A Monte Carlo sweep over stored draws (`CommonDraws`), every path kept in memory: the
/// same result as `SweepEngine.run` with the same options (same seed, paths and chunk
/// size), bit for bit, without drawing a random number. Made for many small sweeps of
/// one plan (the workbench's live what-if updates): the cost is the paths' arithmetic, one
/// pass of moments and a selection per needed order statistic.
///
/// Same as the engine because it does the engine's steps on the same numbers: means are
/// `spec.quantile(u)` (`Design`), paths come from `PathKernel.simulateChunk`, moments are
/// `ChunkMoments` partials merged in chunk order, targets are counted by `MetRule`, and a
/// percentile interpolates the same exact order statistics (numpy's `linear` rule), here
/// selected from the whole column instead of from histogram bins.
///
/// Memory: the paths, `PathKernel.width × samples` doubles (`byteCount`), and the means;
/// use the engine when that is too much.
public enum CommonDrawSweep {
    /// Doubles of paths a sweep keeps: quantities per path × paths.
    public static func byteCount(model: SweepModel, samples: Int) -> Int {
        let width = model.seriesCount * model.yearCount + model.targets.count
        let (perPath, o1) = width.multipliedReportingOverflow(by: 8)
        let (total, o2) = perPath.multipliedReportingOverflow(by: samples)
        return o1 || o2 ? Int.max : total
    }

    /// Runs the sweep `options` describe on `draws`, which must have the options' shape
    /// (`SimulationError.invalidConfiguration` otherwise). Tornado and Sobol, when asked
    /// for, are computed as the engine does.
    public static func run(model: SweepModel, options: SweepOptions, draws: CommonDraws) throws
        -> SweepResult
    {
        try options.validate()
        guard let shape = CommonDraws.Shape(model: model, options: options), shape == draws.shape
        else {
            throw SimulationError.invalidConfiguration(
                "the stored draws do not match this sweep (seed, paths, chunk size or drivers differ)"
            )
        }
        // As in `SweepEngine.run`: OpenBLAS's idle threads (after the model's Cholesky
        // factor) would spin on the cores these workers need.
        BLASThreads.stopIdleWorkers()
        let kernel = PathKernel(model)
        let n = shape.samples, d = shape.drivers, width = kernel.width
        let chunkSize = shape.chunkSize, chunks = (n + chunkSize - 1) / chunkSize
        let threads = max(1, min(options.threads, chunks, SweepOptions.maximumThreads))
        let values = UnsafeMutablePointer<Double>.allocate(capacity: max(1, width * n))
        let means = UnsafeMutablePointer<Double>.allocate(capacity: max(1, d * n))
        defer { values.deallocate(); means.deallocate() }
        let specs = model.drivers.map(\.spec)
        for k in 0..<d {
            let u = draws.uniforms + k * n, m = means + k * n
            let spec = specs[k]
            for i in 0..<n { m[i] = spec.quantile(u[i]) }
        }
        // Paths, chunk by chunk (each chunk's quantities are columns of the whole matrix:
        // quantity j of path i at j · n + i).
        let shared = SharedPointer(values), meansShared = SharedPointer(means)
        forEachInParallel(chunks, threads: threads) { c in
            let first = c * chunkSize, count = min(n, first + chunkSize) - first
            let work = UnsafeMutablePointer<Double>.allocate(capacity: count)
            defer { work.deallocate() }
            kernel.simulateChunk(
                count: count, means: meansShared.pointer + first, z: draws.normals + first,
                ms: n, out: shared.pointer + first, stride: n, work: work)
        }
        // Moments per chunk, merged in chunk order (as pass 1 does).
        let partialCount = ChunkMoments.partialCount
        var moments = ChunkMoments(quantities: width)
        let partial = UnsafeMutablePointer<Double>.allocate(capacity: width * partialCount)
        defer { partial.deallocate() }
        for c in 0..<chunks {
            let first = c * chunkSize, count = min(n, first + chunkSize) - first
            for j in 0..<width {
                let column = values + j * n + first
                ChunkMoments.partial(
                    column, count: count, shift: column[0], into: partial + j * partialCount)
            }
            moments.merge(chunkSums: partial, scenarios: count)
        }
        var metCounts = [Int](repeating: 0, count: kernel.targetCount)
        let metricsStart = model.seriesCount * model.yearCount
        for t in 0..<kernel.targetCount {
            let column = values + (metricsStart + t) * n
            var met = 0
            for i in 0..<n where kernel.isMet(target: t, metric: column[i]) { met += 1 }
            metCounts[t] = met
        }
        let columns = selectPercentiles(
            values: SharedPointer(values), width: width, samples: n, moments: moments,
            percentiles: options.percentiles, threads: threads)
        return SweepEngine.result(
            model: model, options: options, sampleCount: n,
            stats: PassStats(columns: columns, metCounts: metCounts))
    }

    /// Each quantity's summary: the needed order statistics selected from its column
    /// (`BinnedSelection`),
    /// min and max from the moments, as `SweepRunner.selectPercentiles` reports them.
    static func selectPercentiles(
        values: SharedPointer<Double>, width: Int, samples n: Int, moments: ChunkMoments,
        percentiles: [Double], threads: Int
    ) -> [Distribution1D] {
        let ranks = PercentileRanks(percentiles: percentiles, sampleCount: n)
        let wanted = ranks.interior
        let selected = SharedPointer<Double>.allocate(max(1, width * wanted.count))
        defer { selected.deallocate() }
        let mins = moments.minimum, maxs = moments.maximum
        forEachInParallel(width, threads: threads) { j in
            guard mins[j] != maxs[j], !wanted.isEmpty else { return }
            let bins = UnsafeMutablePointer<Int32>.allocate(capacity: n)
            defer { bins.deallocate() }
            BinnedSelection.select(
                ranks: wanted, column: values.pointer + j * n, count: n, low: mins[j],
                high: maxs[j], bins: bins, out: selected.pointer + j * wanted.count)
        }
        let position = Dictionary(uniqueKeysWithValues: wanted.enumerated().map { ($1, $0) })
        return (0..<width).map { j in
            func statistic(_ rank: Int) -> Double {
                if mins[j] == maxs[j] || rank == 0 { return mins[j] }
                if rank == n - 1 { return maxs[j] }
                return selected.pointer[j * wanted.count + position[rank]!]
            }
            let values = ranks.pairs.map { pair -> Double in
                let a = statistic(pair.lower), b = statistic(pair.upper)
                return pair.fraction == 0 ? a : a + pair.fraction * (b - a)
            }
            return Distribution1D(
                percentiles: values, mean: moments.mean[j],
                sd: n > 1 ? (moments.squaredDeviations[j] / Double(n - 1)).squareRoot() : 0,
                min: mins[j], max: maxs[j])
        }
    }
}
