import Foundation
import Synchronization

/// `(0..<count).map(body)` on every core, in contiguous chunks; results in index order.
///
/// Checked `Sendable` throughout: `body` is `@Sendable` and each chunk's results go into a
/// `Mutex`-guarded slot of their own, joined in chunk order once the workers are done.
enum ParallelMap {
    static func map<T: Sendable>(_ count: Int, minimumChunk: Int = 64, _ body: @Sendable (Int) -> T)
        -> [T]
    {
        guard count > 0 else { return [] }
        let chunks = max(
            1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / minimumChunk))
        if chunks == 1 { return (0..<count).map(body) }
        let parts = Mutex<[[T]]>(Array(repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let part = ((count * chunk / chunks)..<(count * (chunk + 1) / chunks)).map(body)
            parts.withLock { $0[chunk] = part }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }
}
