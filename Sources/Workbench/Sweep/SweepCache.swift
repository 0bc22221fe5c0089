import Foundation

/// The most recent sweep results by request, evicting the least recently used. Sweeps are
/// deterministic (same plan, scenario, samples and seed give the same result), so a hit is
/// exactly what a new run would return.
///
/// Invariant: `count ≤ capacity`. Thread-safe (one lock around each call).
final class SweepCache<Value: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock` only.
    private let lock = NSLock()
    private var values: [SweepKey: Value] = [:]
    private var order: [SweepKey] = []
    let capacity: Int

    init(capacity: Int) { self.capacity = max(0, capacity) }

    func value(for key: SweepKey) -> Value? {
        lock.lock(); defer { lock.unlock() }
        guard let v = values[key] else { return nil }
        if let i = order.firstIndex(of: key) { order.remove(at: i) }
        order.append(key)
        return v
    }

    func store(_ value: Value, for key: SweepKey) {
        guard capacity > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        if values.updateValue(value, forKey: key) == nil {
            order.append(key)
            if order.count > capacity { values[order.removeFirst()] = nil }
        }
    }

    var count: Int {
        lock.lock(); defer { lock.unlock() }
        return values.count
    }
}

/// What makes two sweep requests the same: the plan, the scenario's canonical YAML text,
/// the number of paths and the seed.
struct SweepKey: Hashable, Sendable {
    var plan: String
    var scenarioYAML: String
    var samples: Int
    var seed: UInt64
}
