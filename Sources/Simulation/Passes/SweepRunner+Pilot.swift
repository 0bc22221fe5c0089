import Foundation

/// What the pilot learnt: per quantity a histogram range, and the bins likely to hold the
/// needed order statistics ("flagged"), whose values pass 1 keeps.
final class PilotResult: @unchecked Sendable {
    /// Scenarios in the pilot (whole chunks) and their chunk count.
    let size: Int
    let chunks: Int
    /// The pilot's values, quantity-major: quantity j of scenario i at `j · size + i`.
    let values: UnsafeMutablePointer<Double>
    let bins: HistogramBins
    /// 1 for a flagged bin, per quantity `bins.stride` flags (all 0 when pass 1 keeps
    /// nothing, see `keepsValues`).
    let flags: UnsafeMutablePointer<UInt8>
    /// Per quantity: scenarios of the whole run expected in its flagged bins.
    let expectedKept: [Double]
    /// Per quantity: whether pass 1 keeps any of its values.
    let keepsColumn: [Bool]

    init(
        size: Int, chunks: Int, values: UnsafeMutablePointer<Double>, bins: HistogramBins,
        flags: UnsafeMutablePointer<UInt8>, expectedKept: [Double], keepsColumn: [Bool]
    ) {
        self.size = size; self.chunks = chunks; self.values = values; self.bins = bins
        self.flags = flags; self.expectedKept = expectedKept; self.keepsColumn = keepsColumn
    }

    deinit { LargeBuffer.release(values); flags.deallocate() }
}

extension SweepRunner {
    /// Step 1: the first chunks' values fix each quantity's histogram range (pilot min/max
    /// widened by 5 % of the span) and, by their own histogram, flag the bins within ±5
    /// binomial standard deviations (in pilot ranks) of each needed order statistic's
    /// pilot estimate. Flags are dropped when keeping their values would exceed
    /// `speculativeBudget` (or `keepLikelyBins` is off): pass 2 then finds every statistic.
    func runPilot(ranks: PercentileRanks) -> PilotResult {
        let width = quantityCount, binCount = histogramBinCount, n = sampleCount
        let pilotChunks = min(chunkCount, max(1, pilotScenarios / chunkSize))
        let size = chunkRange(pilotChunks - 1).upperBound
        let pilot = SharedPointer<Double>(LargeBuffer.allocate(Double.self, count: size * width))
        forEachChunk(
            0..<pilotChunks, waveSize: pilotChunks,
            body: { [self] w, c in
                let count = generate(chunk: c, worker: w)
                let v = buffers[w].values
                for j in 0..<width {
                    let column = v + j * columnStride,
                        destination = pilot.pointer + j * size + c * chunkSize
                    for i in 0..<count { destination[i] = column[i] }
                }
            }, afterWave: { _ in })
        let bins = HistogramBins(quantities: width, binCount: binCount)
        let stride = bins.stride
        let flags = SharedPointer<UInt8>.filled(width * stride, with: 0)
        // Columns are independent: analysed in parallel, each writing only its own range,
        // flags and expected kept count.
        let keptPer = SharedPointer<Double>.filled(width, with: 0)
        defer { keptPer.deallocate() }
        let interiorRanks = ranks.interior
        parallelFor(width) { j in
            var pilotHistogram = [Int](repeating: 0, count: stride)
            var cumulative = [Int](repeating: 0, count: stride + 1)
            let column = pilot.pointer + j * size
            var a = column[0], b = column[0]
            for i in 0..<size { a = min(a, column[i]); b = max(b, column[i]) }
            var span = b - a
            if !(span > 0) || !span.isFinite { span = max(abs(a) * 1e-6, 1e-12) }
            let l = a - 0.05 * span, h = b + 0.05 * span
            bins.low[j] = l
            bins.inverseWidth[j] = Double(binCount) / (h - l)
            if a == b { return }
            // The pilot's own histogram gives each bin's range of pilot ranks.
            for i in 0..<size { pilotHistogram[bins.bin(column[i], quantity: j)] += 1 }
            for k in 0..<stride { cumulative[k + 1] = cumulative[k] + pilotHistogram[k] }
            for r in interiorRanks {
                let p = Double(r) / Double(n - 1)
                let centre = p * Double(size - 1)
                let delta = 5 * (Double(size) * p * (1 - p)).squareRoot() + 2
                let r0 = centre - delta, r1 = centre + delta
                // Bins whose pilot ranks [cum[b], cum[b+1]) meet [r0, r1], and the
                // under/overflow bins when the window reaches the pilot's ends.
                var bb = 0
                while bb < stride - 1 && Double(cumulative[bb + 1]) <= r0 { bb += 1 }
                while bb < stride {
                    flags.pointer[j * stride + bb] = 1
                    if Double(cumulative[bb + 1]) > r1 { break }
                    bb += 1
                }
                if r0 <= 0 { flags.pointer[j * stride] = 1 }
                if r1 >= Double(size - 1) { flags.pointer[j * stride + binCount + 1] = 1 }
            }
            var kept = 0
            for k in 0..<stride where flags.pointer[j * stride + k] != 0 {
                kept += pilotHistogram[k]
            }
            keptPer.pointer[j] = Double(kept) / Double(size) * Double(n)
        }
        let expectedKept = (0..<width).map { keptPer.pointer[$0] }
        let total = expectedKept.reduce(0, +)
        let speculate =
            keepLikelyBins && (size == n || total * 8 * 1.5 < Double(Self.speculativeBudget))
        if !speculate { flags.pointer.update(repeating: 0, count: width * stride) }
        let keepsColumn = (0..<width).map { j in
            (0..<stride).contains { flags.pointer[j * stride + $0] != 0 }
        }
        return PilotResult(
            size: size, chunks: pilotChunks, values: pilot.pointer, bins: bins,
            flags: flags.pointer,
            expectedKept: expectedKept, keepsColumn: keepsColumn)
    }
}
