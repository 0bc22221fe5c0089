/// Admits at most `limit` sweeps at once and at most `queueLimit` waiting; the rest are
/// refused at once (`tryEnter` returns false) so a flood of requests cannot grow memory
/// without bound.
///
/// Invariants: `running ≤ limit`; `waiters.count ≤ queueLimit`; every `enter()` that
/// returned true is matched by one `leave()`, which hands the slot to the oldest waiter
/// (first come, first served).
actor SweepGate {
    let limit: Int
    let queueLimit: Int
    private(set) var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int, queueLimit: Int) {
        self.limit = max(1, limit)
        self.queueLimit = max(0, queueLimit)
    }

    /// Waits for a slot; false (at once) when the queue is full.
    func enter() async -> Bool {
        if running < limit {
            running += 1
            return true
        }
        if waiters.count >= queueLimit { return false }
        await withCheckedContinuation { waiters.append($0) }
        return true
    }

    /// Frees a slot, or passes it straight to the oldest waiter.
    func leave() {
        if waiters.isEmpty {
            running -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    var waiting: Int { waiters.count }
}
