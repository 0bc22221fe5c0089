/// Several order statistics of one column of values, found through a histogram: every
/// value's bin (branch-free, vectorised: `HistogramBins.binIndex`), the bins' counts, then
/// only the values of the bins holding a wanted rank gathered and selected (`Quickselect`).
/// A quickselect over the whole column costs a mispredicted branch per value and pass
/// (about 1 ms per 20,000 values and rank); this costs a few straight passes.
///
/// Exact: the bin rule is monotone (a lower bin holds only smaller values), so rank r
/// lies in the bin b with cum(b) ≤ r < cum(b + 1), at rank r − cum(b) among its values.
/// Values of any kind (ties, a single atom, infinities) give what sorting gives; a column
/// whose spread is not finite lands in one bin and is selected as a whole.
enum BinnedSelection {
    /// Bins used: about one per 16 values, between 16 and 4,096.
    static func binCount(samples n: Int) -> Int { min(4096, max(16, n / 16)) }

    /// Writes the value of rank `ranks[q]` (increasing, each in 0..<n) of `column[0..<n]`,
    /// whose smallest and largest values are `low` and `high`, to `out[q]`. `bins` needs
    /// `n` Int32s of scratch.
    static func select(
        ranks: [Int], column: UnsafePointer<Double>, count n: Int, low: Double, high: Double,
        bins: UnsafeMutablePointer<Int32>, out: UnsafeMutablePointer<Double>
    ) {
        guard !ranks.isEmpty else { return }
        let binCount = binCount(samples: n)
        let spread = high - low
        let inverseWidth = spread > 0 && spread.isFinite ? Double(binCount) / spread : 0
        let top = Double(binCount) + 0.25
        HistogramBins.binIndices(
            UnsafeMutablePointer(mutating: column), count: n, lo: low, invWidth: inverseWidth,
            top: top, into: bins)
        let stride = binCount + 2
        // Counters and positions live in raw buffers: the per-value loops below would
        // otherwise check an array's uniqueness on every increment.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: stride)
        counts.initialize(repeating: 0, count: stride)
        defer { counts.deallocate() }
        for i in 0..<n { counts[Int(bins[i])] += 1 }
        // cumulative[b] = values in bins below b.
        var cumulative = [Int](repeating: 0, count: stride + 1)
        for b in 0..<stride { cumulative[b + 1] = cumulative[b] + counts[b] }
        // The bin of every rank, and one gathering slot per distinct bin (the last slot,
        // of one element, takes the values of every other bin and is overwritten).
        var binOfRank: [Int] = []
        var slotOfBin = [Int](repeating: -1, count: stride)
        var slotBins: [Int] = []
        var b = 0
        for r in ranks {
            while cumulative[b + 1] <= r { b += 1 }
            binOfRank.append(b)
            if slotOfBin[b] < 0 { slotOfBin[b] = slotBins.count; slotBins.append(b) }
        }
        let discard = slotBins.count
        for i in 0..<stride where slotOfBin[i] < 0 { slotOfBin[i] = discard }
        var start = [Int](), total = 0
        for bin in slotBins { start.append(total); total += counts[bin] }
        start.append(total)
        let gathered = UnsafeMutablePointer<Double>.allocate(capacity: total + 1)
        defer { gathered.deallocate() }
        let slots = discard + 1
        let position = UnsafeMutablePointer<Int>.allocate(capacity: slots)
        let step = UnsafeMutablePointer<Int>.allocate(capacity: slots)
        defer { position.deallocate(); step.deallocate() }
        for s in 0..<slots { position[s] = start[s]; step[s] = s == discard ? 0 : 1 }
        slotOfBin.withUnsafeBufferPointer { slotOf in
            for i in 0..<n {
                let s = slotOf[Int(bins[i])]
                gathered[position[s]] = column[i]
                position[s] += step[s]
            }
        }
        // Ranks inside one bin are increasing: each search starts where the last ended.
        var from = -1, fromBin = -1
        for (q, r) in ranks.enumerated() {
            let bin = binOfRank[q], slot = slotOfBin[bin]
            let values = UnsafeMutableBufferPointer(
                start: gathered + start[slot], count: counts[bin])
            let rank = r - cumulative[bin]
            let first = bin == fromBin ? from : 0
            let rest = UnsafeMutableBufferPointer(rebasing: values[first...])
            out[q] = Quickselect.select(rank - first, in: rest)
            from = rank; fromBin = bin
        }
    }
}
