import Synchronization

/// The next chunk to run, shared by the workers of a wave: each `claim` returns a number
/// no other call returned (checked `Sendable`: the count lives in a `Mutex`).
final class ChunkCounter: Sendable {
    private let next: Mutex<Int>
    init(_ start: Int) { next = Mutex(start) }
    func claim() -> Int {
        next.withLock { value in
            defer { value += 1 }; return value
        }
    }
}
