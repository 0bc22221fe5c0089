import Foundation

/// The next chunk to run, shared by the workers of a wave: each `claim` returns a number
/// no other call returned.
final class ChunkCounter: @unchecked Sendable {
    private var value: Int
    private let lock = NSLock()
    init(_ start: Int) { value = start }
    func claim() -> Int { lock.lock(); defer { lock.unlock() }; let v = value; value += 1; return v }
}
