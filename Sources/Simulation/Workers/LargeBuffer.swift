import Foundation

/// Raw buffers for the engine's large working arrays (pilot values, kept values). Buffers
/// of 4 MB or more are 2 MB-aligned and marked for transparent huge pages, so filling them
/// takes one page fault per 2 MB instead of one per 4 KB (at a million scenarios that was
/// ~15,000 faults and a fifth of the run's time in the kernel). Free with `release`.
enum LargeBuffer {
    static func allocate<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let bytes = max(1, count) * MemoryLayout<T>.stride
        var raw: UnsafeMutableRawPointer?
        if bytes >= 4 << 20 {
            if posix_memalign(&raw, 2 << 20, bytes) == 0, let raw {
                _ = madvise(raw, bytes, Int32(MADV_HUGEPAGE))
                return raw.bindMemory(to: T.self, capacity: count)
            }
        }
        guard posix_memalign(&raw, 64, bytes) == 0, let raw else {
            fatalError("out of memory (\(bytes) bytes)")
        }
        return raw.bindMemory(to: T.self, capacity: count)
    }

    static func release<T>(_ p: UnsafeMutablePointer<T>) { free(UnsafeMutableRawPointer(p)) }
}
