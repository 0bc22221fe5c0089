import Foundation

extension SweepRunner {
    /// Runs `body(worker, chunk)` for chunks in `range`, `workerCount` threads at a time,
    /// wave by wave (`afterWave` runs on the calling thread between waves, in order).
    /// Which worker runs a chunk never changes its result.
    func forEachChunk(
        _ range: Range<Int>, waveSize: Int, body: @escaping @Sendable (Int, Int) -> Void,
        afterWave: (Range<Int>) throws -> Void
    ) rethrows {
        var start = range.lowerBound
        while start < range.upperBound {
            let end = min(range.upperBound, start + waveSize)
            let threads = min(workerCount, end - start)
            if threads == 1 {
                for c in start..<end { body(0, c) }
            } else {
                // Chunks are claimed one at a time, so a thread slowed by other load on the
                // machine does not hold the others up.
                let next = ChunkCounter(start)
                DispatchQueue.concurrentPerform(iterations: threads) { w in
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

    /// Runs `body(i)` for i in 0..<count on up to `workerCount` threads (order not fixed:
    /// bodies must write disjoint memory).
    func parallelFor(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        forEachInParallel(count, threads: workerCount, body)
    }
}
