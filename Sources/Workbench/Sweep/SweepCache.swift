import Foundation

/// The most recent sweep results (or encoded answers) by request, evicting the least
/// recently used. Sweeps are deterministic (same plan, scenario, samples and seed give the
/// same result), so a hit is exactly what a new run would return.
///
/// Invariant: `count ≤ capacity`. Thread-safe (one lock around each call).
final class SweepCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written under `lock` only.
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private var order: [Key] = []
    let capacity: Int

    init(capacity: Int) { self.capacity = max(0, capacity) }

    func value(for key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        guard let v = values[key] else { return nil }
        if let i = order.firstIndex(of: key) { order.remove(at: i) }
        order.append(key)
        return v
    }

    func store(_ value: Value, for key: Key) {
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

/// What makes two sweep requests' answers the same before any parsing: the plan, the body's
/// bytes, the sweep size, the language and whether charts are asked for. Identical bytes
/// are the identical scenario, so the stored answer is what the full route would build.
struct SweepAnswerKey: Hashable, Sendable {
    var plan: String
    var body: Data
    var samples: Int
    var seed: UInt64
    var language: String
    var charts: Bool
}
