/// How much the workbench accepts from one request, and how much work it does at once.
/// Everything a request can ask for is bounded by these, so no request can exhaust the
/// machine (the load test in `Tests/workbench/load_test.py` runs against the defaults).
public struct WorkbenchLimits: Sendable, Hashable {
    /// Largest JSON body (a scenario, a comparison): 64 KiB, far above any real scenario.
    public var jsonBodyBytes = 64 * 1024
    /// Largest uploaded actuals file: 2 MiB (An Hưng's actuals are about 2 KB).
    public var uploadBytes = 2 * 1024 * 1024
    /// Paths of a sweep when the request does not say: 20,000 (P(meet) ± 0.35 pp at worst).
    public var defaultSamples = 20_000
    /// Most paths one sweep request may ask for.
    public var maxSamples = 200_000
    /// Sweeps computed at the same time; further ones wait their turn.
    public var concurrentSweeps = 2
    /// Sweeps allowed to wait; beyond this a request is refused with 503 rather than queued.
    public var queuedSweeps = 512
    /// A user's own scenarios compared side by side with the plan's three.
    public var userScenarios = 3
    /// Sweep results kept for identical requests (same plan, scenario, samples and seed).
    public var cachedSweeps = 256
    /// Bytes of stored random draws (`CommonDraws`, one set per plan shape, seed and path
    /// count; 20,000 paths of An Hưng take 4.8 MB), the least recently used dropped
    /// beyond. 0 turns common draws off: every sweep then runs the engine.
    public var commonDrawBytes = 256 << 20
    /// Largest sweep run over common draws with every path in memory (paths × quantities
    /// × 8 bytes); a larger one runs the engine, in bounded memory.
    public var inMemoryPathBytes = 96 << 20

    public init() {}
}
