import Foundation

/// What pass 1 gathered: moments, exact min/max, target counts, the merged histogram and
/// the values of the pilot's flagged bins.
final class FirstPassResult: @unchecked Sendable {
    let moments: ChunkMoments
    let metCounts: [Int]
    /// The merged histogram, `bins.stride` counters per quantity (the first worker's
    /// block of `histograms`, into which the others were added).
    let histogram: UnsafeMutablePointer<UInt32>
    let kept: ColumnStores

    init(
        moments: ChunkMoments, metCounts: [Int], histogram: UnsafeMutablePointer<UInt32>,
        kept: ColumnStores
    ) {
        self.moments = moments; self.metCounts = metCounts; self.histogram = histogram;
        self.kept = kept
    }

    deinit { histogram.deallocate() }
}

extension SweepRunner {
    /// Step 2: every chunk once (the pilot's chunks copied back, not regenerated): moments,
    /// target counts, histograms, kept values and the paths file. Per-chunk moments and
    /// counts are merged after each wave, in chunk order, so memory does not grow with N
    /// and the result does not depend on the thread count.
    func runFirstPass(
        pilot: PilotResult, wave: Int, paths: PathSink?,
        progress: ((Double) -> Void)?
    ) throws -> FirstPassResult {
        let width = quantityCount, targetCount = kernel.targetCount
        let bins = pilot.bins, stride = bins.stride, top = bins.top
        let seriesCount = model.seriesCount, yearCount = model.yearCount
        let histograms = SharedPointer<UInt32>.filled(workerCount * width * stride, with: 0)
        let metPerChunk = SharedPointer<Int>.filled(wave * max(targetCount, 1), with: 0)
        defer { metPerChunk.deallocate() }
        // Per chunk of the wave and quantity: shift K, Σ(x−K), Σ(x−K)², min, max.
        let partialCount = ChunkMoments.partialCount
        let partials = SharedPointer<Double>.allocate(wave * width * partialCount)
        defer { partials.deallocate() }
        let pathBytes = PathBuffers(count: wave)
        let seriesIds = model.seriesIds.map { Array($0.utf8) }
        let writesPaths = paths != nil
        let years = model.years
        let flags = SharedPointer(pilot.flags), keepsColumn = pilot.keepsColumn
        let pilotValues = SharedPointer(pilot.values), pilotSize = pilot.size,
            pilotChunks = pilot.chunks
        // Kept values: per worker and column, values only (a value's bin is recomputed when
        // it is needed), with room up front for a quarter more than the pilot's share so
        // buffers rarely grow and copy.
        let kept = ColumnStores(
            workers: workerCount, columns: width,
            capacity: (0..<width).map { j in
                keepsColumn[j]
                    ? Int(pilot.expectedKept[j] * 1.25 / Double(workerCount)) + chunkSize : 0
            })
        var moments = ChunkMoments(quantities: width)
        var metCounts = [Int](repeating: 0, count: targetCount)
        try forEachChunk(
            0..<chunkCount, waveSize: wave,
            body: { [self] w, c in
                let v = buffers[w].values
                let n: Int
                if c < pilotChunks {
                    // The pilot already generated this chunk: copy it back instead.
                    n = chunkRange(c).count
                    for j in 0..<width {
                        (v + j * columnStride).update(
                            from: pilotValues.pointer + j * pilotSize + c * chunkSize, count: n)
                    }
                } else {
                    n = generate(chunk: c, worker: w)
                }
                let slot = c % wave
                let h = histograms.pointer + w * width * stride
                let part = partials.pointer + slot * width * partialCount
                let cs = columnStride
                let bb = buffers[w].bins
                for j in 0..<width {
                    let column = v + j * cs
                    let hj = h + j * stride
                    ChunkMoments.partial(
                        column, count: n, shift: column[0], into: part + j * partialCount)
                    // Bins first (a loop without dependences between values), then the
                    // histogram and the kept values.
                    HistogramBins.binIndices(
                        column, count: n, lo: bins.low[j], invWidth: bins.inverseWidth[j], top: top,
                        into: bb)
                    if keepsColumn[j] {
                        // The value is written unconditionally and kept by advancing the count
                        // by its bin's flag (no unpredictable branch).
                        let store = kept.store(worker: w, column: j)
                        store.reserve(n)
                        var m = store.count
                        let pv = store.values
                        let fl = flags.pointer + j * stride
                        for i in 0..<n {
                            let b = Int(bb[i])
                            hj[b] &+= 1
                            pv[m] = column[i]
                            m += Int(fl[b])
                        }
                        store.count = m
                    } else {
                        for i in 0..<n { hj[Int(bb[i])] &+= 1 }
                    }
                }
                if targetCount > 0 {
                    let mc = metPerChunk.pointer + slot * targetCount
                    for t in 0..<targetCount {
                        let column = v + (seriesCount * yearCount + t) * cs
                        var count = 0
                        for i in 0..<n where kernel.isMet(target: t, metric: column[i]) {
                            count += 1
                        }
                        mc[t] = count
                    }
                }
                if writesPaths {
                    pathBytes.set(
                        slot,
                        PathsCSV.rows(
                            values: v, count: n, firstScenario: c * chunkSize,
                            seriesCount: seriesCount, yearCount: yearCount, stride: cs,
                            series: seriesIds, years: years))
                }
            },
            afterWave: { r in
                // Merge moments in chunk order; counts are order-free.
                for c in r {
                    let slot = c % wave
                    moments.merge(
                        chunkSums: partials.pointer + slot * width * partialCount,
                        scenarios: chunkRange(c).count)
                    for k in 0..<targetCount {
                        metCounts[k] += metPerChunk.pointer[slot * targetCount + k]
                    }
                }
                if let paths {
                    for c in r { try paths.write(pathBytes.take(c % wave)) }
                }
                progress?(Double(r.upperBound) / Double(chunkCount))
            })
        // Histograms are order-free: add every worker's into the first.
        for w in 1..<max(workerCount, 1) {
            let h0 = histograms.pointer, hw = histograms.pointer + w * width * stride
            for i in 0..<(width * stride) { h0[i] &+= hw[i] }
        }
        return FirstPassResult(
            moments: moments, metCounts: metCounts, histogram: histograms.pointer, kept: kept)
    }
}
