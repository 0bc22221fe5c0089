import Foundation

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

/// Values of flagged bins gathered by the workers: one store per worker (a worker runs on
/// one thread at a time, so a store is never shared) holding (bin slot, value) pairs in
/// raw growable buffers; a bin's values are pulled out only when a statistic needs them.
final class Collected: @unchecked Sendable {
    /// `@unchecked Sendable`: raw growable buffers, written by exactly one worker at a time
    /// (the store's index is the worker's), read only after the workers have joined.
    final class Store: @unchecked Sendable {
        var slots: UnsafeMutablePointer<Int32>
        var values: UnsafeMutablePointer<Double>
        var count = 0
        var capacity: Int
        init() {
            capacity = 1024
            slots = LargeBuffer.allocate(Int32.self, count: capacity);
            values = LargeBuffer.allocate(Double.self, count: capacity)
        }
        deinit { LargeBuffer.release(slots); LargeBuffer.release(values) }
        /// Makes room for `n` more pairs (capacity doubles).
        func reserve(_ n: Int) {
            guard count + n > capacity else { return }
            var c = capacity
            while count + n > c { c *= 2 }
            let s2 = LargeBuffer.allocate(Int32.self, count: c),
                v2 = LargeBuffer.allocate(Double.self, count: c)
            s2.update(from: slots, count: count); v2.update(from: values, count: count)
            LargeBuffer.release(slots); LargeBuffer.release(values)
            slots = s2; values = v2; capacity = c
        }
    }
    let stores: [Store]
    init(workers: Int) { stores = (0..<workers).map { _ in Store() } }

    /// The values of the wanted slots gathered into one buffer (stores counted, then
    /// copied, in parallel, one store per thread).
    func gather(slots wanted: Set<Int32>, runner: SweepRunner) -> Gathered {
        guard let top = wanted.max() else { return Gathered(total: 0, ranges: [:]) }
        let order = wanted.sorted()
        let nw = order.count, ns = stores.count
        let index = SharedPointer<Int32>.allocate(Int(top) + 1)
        index.pointer.initialize(repeating: -1, count: Int(top) + 1)
        defer { index.pointer.deallocate() }
        for (k, s) in order.enumerated() { index.pointer[Int(s)] = Int32(k) }
        let counts = SharedPointer<Int>.allocate(ns * nw)
        counts.pointer.initialize(repeating: 0, count: ns * nw)
        defer { counts.pointer.deallocate() }
        let storeList = stores, topSlot = Int(top)
        runner.parallelFor(ns) { w in
            let st = storeList[w], c = counts.pointer + w * nw, ix = index.pointer
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
            for w in 0..<ns {
                let c = counts.pointer[w * nw + k]; counts.pointer[w * nw + k] = total; total += c
            }
            ranges[s] = start..<total
        }
        let g = Gathered(total: total, ranges: ranges)
        let out = SharedPointer<Double>(g.buffer)
        runner.parallelFor(ns) { w in
            let st = storeList[w], next = counts.pointer + w * nw, ix = index.pointer
            for i in 0..<st.count {
                let s = Int(st.slots[i])
                if s <= topSlot {
                    let k = Int(ix[s])
                    if k >= 0 { out.pointer[next[k]] = st.values[i]; next[k] += 1 }
                }
            }
        }
        return g
    }
}
