import Foundation

/// Options of a sweep. Rates are fractions inside the engine; `percentiles` are in percent.
///
/// ```swift
/// var options = SweepOptions()
/// options.samples = 1_000_000
/// options.percentiles = [5, 50, 95]
/// let result = try SweepEngine.run(model: model, options: options)
/// ```
public struct SweepOptions: Sendable {
    /// The most scenarios one sweep runs: histogram counts are 32-bit (one bin may hold
    /// every scenario), so 2³² − 1.
    public static let maximumSamples = Int(UInt32.max)

    public var mode: SweepMode = .montecarlo
    /// Scenarios for `montecarlo` and `lhs` (grids have as many as they have points), from
    /// 1 to `maximumSamples`.
    public var samples: Int = 10_000
    public var seed: UInt64 = 2026
    /// Worker threads; results do not depend on it. Defaults to all cores. More than
    /// `maximumThreads` are not started (they would only compete for the same cores).
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Percentiles to report, in percent, each in [0, 100].
    public var percentiles: [Double] = [5, 10, 25, 50, 75, 90, 95]
    public var gridStep: GridStep = .points(5)
    /// Paths per grid point (yearly volatility makes each a random draw).
    public var gridReplicates: Int = 1
    /// Above this many grid scenarios the sweep refuses to run unless `confirmGrid`.
    public var gridLimit: Int = 1_000_000
    public var confirmGrid: Bool = false
    /// Base sample size of the Sobol analysis (0 turns it off); cost N·(k + 2) paths.
    public var sobolSamples: Int = 2048
    /// Bootstrap replicates for the Sobol confidence intervals (95 %, percentile method).
    public var bootstrap: Int = 200
    /// Compute one-at-a-time tornado bars.
    public var tornado: Bool = true
    /// Scenarios per work chunk. Each chunk has its own random stream derived from (seed,
    /// chunk index), so output depends on it (but never on `threads`); keep the default.
    public var chunkSize: Int = 1024
    /// Bins per quantity of the first-pass histogram (see `SweepEngine`).
    public var histogramBins: Int = 1024
    /// Scenarios in the pilot that sets the histogram ranges (rounded down to whole chunks,
    /// at least one).
    /// A tuning knob like `histogramBins`: percentiles are exact whatever it is.
    public var pilotScenarios: Int = 65_536
    /// Keep, during the first pass, the values of the bins where the pilot says the needed
    /// order statistics will fall, so the second pass is usually skipped. Results are the
    /// same either way (exact); turning it off only trades time for memory.
    public var keepLikelyBins: Bool = true
    /// Memory the sweep may use, in bytes; nil: what the system reports available
    /// (`SweepMemory.availableBytes()`). A run estimated above it stops before allocating
    /// (`SimulationError.insufficientMemory`).
    public var memoryLimit: Int? = nil

    public init() {}

    /// Worker threads the engine starts at most, whatever `threads` says.
    public static var maximumThreads: Int {
        max(64, 4 * ProcessInfo.processInfo.activeProcessorCount)
    }
}
