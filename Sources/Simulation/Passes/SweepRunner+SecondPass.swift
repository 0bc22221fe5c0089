import Foundation

extension SweepRunner {
    /// Step 3b, only for statistics whose bin pass 1 did not keep: regenerates every chunk
    /// (the same streams give the same values) and collects the values of the bins in
    /// `missing` (`slots[j · stride + b] ≥ 0`) of the quantities in `columns`.
    func runSecondPass(
        columns: [Int], slots: UnsafeMutablePointer<Int32>, bins: HistogramBins,
        wave: Int
    ) -> Collected {
        let collected = Collected(workers: workerCount)
        guard !columns.isEmpty else { return collected }
        secondPassRan = true
        let stride = bins.stride
        let slotTable = SharedPointer(slots)
        forEachChunk(
            0..<chunkCount, waveSize: wave,
            body: { [self] w, c in
                let n = generate(chunk: c, worker: w)
                let v = buffers[w].values
                let store = collected.stores[w]
                for j in columns {
                    let column = v + j * columnStride
                    let sl = slotTable.pointer + j * stride
                    store.reserve(n)
                    var m = store.count
                    let ps = store.slots, pv = store.values
                    for i in 0..<n {
                        let x = column[i]
                        let slot = sl[bins.bin(x, quantity: j)]
                        ps[m] = slot; pv[m] = x
                        m += slot >= 0 ? 1 : 0
                    }
                    store.count = m
                }
            }, afterWave: { _ in })
        return collected
    }
}
