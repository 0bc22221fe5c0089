/// Sweeps being computed, by request, so identical requests that arrive while one is
/// running wait for that one instead of computing it again (many planners trying the same
/// slider position at once cost one sweep).
///
/// Invariant: at most one task per key at a time; the task is removed when it finishes
/// (its result then lives in `SweepCache`).
actor InFlightSweeps<Value: Sendable> {
    private var tasks: [SweepKey: Task<Value, any Error>] = [:]

    /// The running task for `key`, or a new one from `start`; `joined` is true when the
    /// caller waits for a task another request started.
    func task(for key: SweepKey, start: @Sendable @escaping () async throws -> Value) -> (
        task: Task<Value, any Error>, joined: Bool
    ) {
        if let running = tasks[key] { return (running, true) }
        let task = Task { try await start() }
        tasks[key] = task
        return (task, false)
    }

    func finished(_ key: SweepKey) { tasks[key] = nil }

    var count: Int { tasks.count }
}
