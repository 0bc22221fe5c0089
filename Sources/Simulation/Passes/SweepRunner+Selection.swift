import Foundation

extension SweepRunner {
    /// Step 3: from the merged histogram's cumulative counts, the bin holding each needed
    /// order statistic and its rank inside the bin; each statistic is then selected
    /// (`Quickselect`) from its bin's values, kept by pass 1 or collected by pass 2.
    /// Returns one summary per quantity. Exact: the same values a full sort would give.
    func selectPercentiles(
        ranks: PercentileRanks, pilot: PilotResult, first: FirstPassResult,
        wave: Int
    ) -> [Distribution1D] {
        let width = quantityCount, n = sampleCount
        let bins = pilot.bins, stride = bins.stride, top = bins.top
        let flags = pilot.flags, histogram = SharedPointer(first.histogram), kept = first.kept
        let mins = first.moments.minimum, maxs = first.moments.maximum

        let location = locateStatistics(ranks: ranks, pilot: pilot, first: first)
        defer { location.missingFlags.deallocate() }
        let needs = location.needs
        let missing = location.missingColumns
        let missingFlags = location.missingFlags
        // Pass 2, only for statistics whose bin pass 1 did not keep.
        let slots = SharedPointer<Int32>.allocate(width * stride)
        defer { slots.deallocate() }
        _ = HistogramBins.assignSlots(
            flags: missingFlags.pointer, count: width * stride, slots: slots.pointer)
        let collected = runSecondPass(
            columns: missing.sorted(), slots: slots.pointer, bins: bins, wave: wave)
        var fromCollected = Set<Int32>()
        for need in needs.values {
            let binKey = need.column * stride + need.bin
            if flags[binKey] == 0 { fromCollected.insert(slots.pointer[binKey]) }
        }
        let collectedValues = collected.gather(slots: fromCollected, runner: self)
        // Each bin's needed ranks (at most a few) by selection rather than a full sort.
        var byBin: [Int: [(key: Int, offset: Int)]] = [:]
        for (key, need) in needs {
            byBin[need.column * stride + need.bin, default: []].append((key, need.offset))
        }
        // Bins kept in pass 1: per column (in parallel), the column's stores are read once
        // to gather the wanted bins' values, then each bin's ranks are selected.
        var keptByColumn: [Int: [(bin: Int, wanted: [(key: Int, offset: Int)])]] = [:]
        var jobs: [(UnsafeMutableBufferPointer<Double>, [(key: Int, offset: Int)])] = []
        for (binKey, wanted) in byBin {
            let sorted = wanted.sorted(by: { $0.offset < $1.offset })
            if flags[binKey] != 0 {
                keptByColumn[binKey / stride, default: []].append((binKey % stride, sorted))
            } else {
                jobs.append((collectedValues.values(slots.pointer[binKey]), sorted))
            }
        }
        var keptSelected: [Int: Double] = [:]
        do {
            let columns = keptByColumn.keys.sorted()
            var outPosition = [Int](), count = 0
            for j in columns {
                outPosition.append(count); for b in keptByColumn[j]! { count += b.wanted.count }
            }
            let out = SharedPointer<Double>.allocate(count)
            defer { out.deallocate() }
            let columnBins = SendableBox(columns.map { keptByColumn[$0]! }), starts = outPosition
            parallelFor(columns.count) { q in
                let j = columns[q], wantedBins = columnBins.value[q]
                let l = bins.low[j], iw = bins.inverseWidth[j]
                var index = [Int](repeating: -1, count: stride)
                for (k, b) in wantedBins.enumerated() { index[b.bin] = k }
                // A kept bin holds all its values: the merged histogram has its count.
                let counts = wantedBins.map { Int(histogram.pointer[j * stride + $0.bin]) }
                var firstOf = [Int](repeating: 0, count: wantedBins.count + 1)
                for k in 0..<wantedBins.count { firstOf[k + 1] = firstOf[k] + counts[k] }
                let buffer = UnsafeMutablePointer<Double>.allocate(
                    capacity: max(1, firstOf[wantedBins.count]))
                defer { buffer.deallocate() }
                var next = firstOf
                for w in 0..<kept.workers {
                    let store = kept.store(worker: w, column: j)
                    for i in 0..<store.count {
                        let x = store.values[i]
                        let k = index[Int(HistogramBins.binIndex(x, lo: l, invWidth: iw, top: top))]
                        if k >= 0 && next[k] < firstOf[k + 1] { buffer[next[k]] = x; next[k] += 1 }
                    }
                }
                for k in 0..<wantedBins.count {
                    precondition(
                        next[k] == firstOf[k + 1], "kept bin count differs from its histogram count"
                    )
                }
                var o = starts[q]
                for (k, b) in wantedBins.enumerated() {
                    let all = UnsafeMutableBufferPointer(
                        start: buffer + firstOf[k], count: counts[k])
                    var from = 0
                    for wanted in b.wanted {
                        // Values left of an earlier selected rank are no larger: start there.
                        out.pointer[o] = Quickselect.select(
                            wanted.offset - from,
                            in: UnsafeMutableBufferPointer(rebasing: all[from...]))
                        from = wanted.offset; o += 1
                    }
                }
            }
            for (q, j) in columns.enumerated() {
                var o = outPosition[q]
                for b in keptByColumn[j]! {
                    for wanted in b.wanted { keptSelected[wanted.key] = out.pointer[o]; o += 1 }
                }
            }
        }
        var exact = location.known
        for (key, v) in keptSelected { exact[key] = v }
        let selected = SharedPointer<Double>.allocate(needs.count)
        defer { selected.deallocate() }
        var firstOut = [Int](), total = 0
        for job in jobs { firstOut.append(total); total += job.1.count }
        let jobList = SendableBox(jobs), outStart = firstOut
        parallelFor(jobs.count) { q in
            let (buffer, wanted) = jobList.value[q]
            var from = 0
            for (k, w) in wanted.enumerated() {
                // Values left of an earlier selected rank are no larger: start from there.
                let sub = UnsafeMutableBufferPointer(rebasing: buffer[from...])
                selected.pointer[outStart[q] + k] = Quickselect.select(w.offset - from, in: sub)
                from = w.offset
            }
        }
        for (q, job) in jobs.enumerated() {
            for (k, w) in job.1.enumerated() { exact[w.key] = selected.pointer[firstOut[q] + k] }
        }
        withExtendedLifetime(collectedValues) {}

        let moments = first.moments
        return (0..<width).map { j in
            let values = ranks.pairs.map { pair -> Double in
                let a = exact[j * n + pair.lower]!, b = exact[j * n + pair.upper]!
                return pair.fraction == 0 ? a : a + pair.fraction * (b - a)
            }
            return Distribution1D(
                percentiles: values, mean: moments.mean[j],
                sd: n > 1 ? (moments.squaredDeviations[j] / Double(n - 1)).squareRoot() : 0,
                min: mins[j], max: maxs[j])
        }
    }

    /// Where a needed order statistic lies: its quantity, the histogram bin holding it and
    /// its rank inside that bin.
    struct StatisticLocation { var column: Int; var bin: Int; var offset: Int }

    /// Every needed statistic located from the merged histogram's cumulative counts.
    struct Located {
        /// Keyed by quantity · N + rank.
        var needs: [Int: StatisticLocation]
        /// Statistics known without selection (ranks 0 and N − 1, constant quantities).
        var known: [Int: Double]
        /// 1 for a bin pass 1 did not keep but a statistic needs (free with `deallocate`).
        var missingFlags: SharedPointer<UInt8>
        var missingColumns: Set<Int>
    }

    func locateStatistics(ranks: PercentileRanks, pilot: PilotResult, first: FirstPassResult)
        -> Located
    {
        let width = quantityCount, n = sampleCount, stride = pilot.bins.stride
        let mins = first.moments.minimum, maxs = first.moments.maximum
        var located = Located(
            needs: [:], known: [:], missingFlags: .filled(width * stride, with: 0),
            missingColumns: [])
        for j in 0..<width {
            var cumulative = [Int](repeating: 0, count: stride + 1)
            for b in 0..<stride {
                cumulative[b + 1] = cumulative[b] + Int(first.histogram[j * stride + b])
            }
            for pair in ranks.pairs {
                for r in [pair.lower, pair.upper] {
                    if mins[j] == maxs[j] || r == 0 { located.known[j * n + r] = mins[j]; continue }
                    if r == n - 1 { located.known[j * n + r] = maxs[j]; continue }
                    var b = 0
                    while cumulative[b + 1] <= r { b += 1 }
                    located.needs[j * n + r] = StatisticLocation(
                        column: j, bin: b, offset: r - cumulative[b])
                    if pilot.flags[j * stride + b] == 0 {
                        located.missingFlags.pointer[j * stride + b] = 1
                        located.missingColumns.insert(j)
                    }
                }
            }
        }
        return located
    }
}
