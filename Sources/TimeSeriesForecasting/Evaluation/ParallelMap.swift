import Foundation

/// `(0..<count).map(body)` on every core, in contiguous chunks; results in index order.
/// Each index is written by exactly one worker, so the buffer needs no lock.
enum ParallelMap {
    static func map<T>(_ count: Int, minimumChunk: Int = 64, _ body: (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 4, count / minimumChunk))
        if chunks == 1 { return (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (count * c / chunks)..<(count * (c + 1) / chunks) { (base + i).pointee = body(i) }
            }
        }
        return results.map { $0! }
    }
}
