import Foundation
import Simulation

/// The stored random draws of recent sweeps, by shape (`CommonDraws.Shape`: seed, paths,
/// chunk size, drivers, normals per path), so every what-if update of a plan reuses the
/// same numbers instead of drawing them again. Drawing happens once per shape, under the
/// lock (a few milliseconds for 20,000 paths), so concurrent first requests wait for one
/// drawing instead of each making their own.
///
/// Invariant: the bytes held never exceed `capacityBytes` (a shape larger than that is
/// not stored: `draws(for:)` returns nil and the caller runs the engine). Thread-safe.
final class CommonDrawCache: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock` only.
    private let lock = NSLock()
    private var entries: [CommonDraws.Shape: CommonDraws] = [:]
    private var order: [CommonDraws.Shape] = []
    private var heldBytes = 0
    let capacityBytes: Int

    init(capacityBytes: Int) { self.capacityBytes = max(0, capacityBytes) }

    /// The draws of `shape`, drawn now if they are not stored; nil when they would not fit.
    func draws(for shape: CommonDraws.Shape) -> CommonDraws? {
        let bytes = shape.byteCount
        guard bytes <= capacityBytes else { return nil }
        lock.lock(); defer { lock.unlock() }
        if let hit = entries[shape] {
            if let i = order.firstIndex(of: shape) { order.remove(at: i) }
            order.append(shape)
            return hit
        }
        while heldBytes + bytes > capacityBytes, !order.isEmpty {
            let oldest = order.removeFirst()
            heldBytes -= entries.removeValue(forKey: oldest)?.shape.byteCount ?? 0
        }
        let drawn = CommonDraws(shape: shape)
        entries[shape] = drawn
        order.append(shape)
        heldBytes += bytes
        return drawn
    }

    var bytes: Int {
        lock.lock(); defer { lock.unlock() }
        return heldBytes
    }
}
