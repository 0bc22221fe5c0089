import Dispatch

/// Runs `body(i)` for every i in `0..<count` on up to `threads` threads, each thread
/// claiming the next index from a shared counter (order not fixed: bodies must write
/// disjoint memory). One thread, or fewer than two items, runs in order on the caller's
/// thread. The sweep's passes (`SweepRunner.parallelFor`) and the common-draw sweep use it.
///
/// ```swift
/// forEachInParallel(columns.count, threads: 2) { j in sort(column: j) }
/// ```
func forEachInParallel(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Void) {
    if threads <= 1 || count < 2 {
        for i in 0..<count { body(i) }
        return
    }
    let next = ChunkCounter(0)
    DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
        while true {
            let i = next.claim()
            if i >= count { break }
            body(i)
        }
    }
}
