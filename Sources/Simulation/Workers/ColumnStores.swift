import Foundation

/// Values kept in pass 1, per worker and column (a store is written by one worker only).
/// Each worker's stores start in one arena sized from the pilot's estimate; a store that
/// outgrows its part moves to a buffer of its own.
final class ColumnStores: @unchecked Sendable {
    final class Store {
        var values: UnsafeMutablePointer<Double>
        var count = 0
        var capacity: Int
        var owned = false
        init(values: UnsafeMutablePointer<Double>, capacity: Int) {
            self.values = values; self.capacity = capacity
        }
        deinit { if owned { LargeBuffer.release(values) } }
        /// Makes room for `n` more values (capacity doubles).
        func reserve(_ n: Int) {
            guard count + n > capacity else { return }
            var c = max(capacity, 1024)
            while count + n > c { c *= 2 }
            let v2 = LargeBuffer.allocate(Double.self, count: c)
            v2.update(from: values, count: count)
            if owned { LargeBuffer.release(values) }
            values = v2; capacity = c; owned = true
        }
    }
    let workers: Int, columns: Int
    private let arenas: [UnsafeMutablePointer<Double>]
    private let stores: [Store]
    init(workers: Int, columns: Int, capacity: [Int]) {
        self.workers = workers; self.columns = columns
        let total = capacity.reduce(0, +)
        var arenas: [UnsafeMutablePointer<Double>] = [], stores: [Store] = []
        for _ in 0..<workers {
            let a = LargeBuffer.allocate(Double.self, count: max(1, total))
            arenas.append(a)
            var at = 0
            for j in 0..<columns {
                stores.append(Store(values: a + at, capacity: capacity[j])); at += capacity[j]
            }
        }
        self.arenas = arenas; self.stores = stores
    }
    deinit { for a in arenas { LargeBuffer.release(a) } }
    @inline(__always) func store(worker w: Int, column j: Int) -> Store { stores[w * columns + j] }
}
