import Foundation

/// The memory a sweep will need, estimated from the model and the options before anything
/// large is allocated, so a run that cannot fit stops with a clear message (exit 64)
/// instead of aborting in the allocator.
///
/// The estimate is an upper bound for the usual case, in two parts:
/// * `fixedBytes`, which stops growing once the run has more than a pilot's worth of
///   scenarios: per-worker chunk buffers and histograms, the pilot's values, the values
///   kept during pass 1 (capped by `SweepRunner.speculativeBudget`), one wave of per-chunk
///   moments, the paths being written, the grid points and the Sobol analysis;
/// * `bytesPerScenario`, the values the second pass keeps to select the exact order
///   statistics: for each needed rank and quantity, the values of one histogram bin
///   (N / bins on average; 3 × that allows for bins near the mode of a peaked
///   distribution), 12 bytes each while collected and 8 more when gathered.
/// A distribution with a large atom (a rate clamped at 0 in most scenarios) can put more
/// values in one bin than this allows for.
///
/// ```swift
/// let need = SweepMemory.estimate(model: model, options: options)
/// if need.totalBytes > SweepMemory.availableBytes() { print(need.samplesThatFit(in: SweepMemory.availableBytes())) }
/// ```
public struct SweepMemory: Sendable, Equatable {
    /// Scenarios the estimate is for (grid points × replicates for grids; saturates at
    /// `Int.max`).
    public var samples: Int
    public var fixedBytes: Double
    public var bytesPerScenario: Double

    /// `fixedBytes + bytesPerScenario × samples`.
    public var totalBytes: Double { fixedBytes + bytesPerScenario * Double(samples) }

    /// The largest scenario count whose estimate fits in `available` bytes (at most
    /// `SweepOptions.maximumSamples`; 0 when the fixed part alone does not fit).
    public func samplesThatFit(in available: Int) -> Int {
        let room = Double(available) - fixedBytes
        guard room > 0 else { return 0 }
        guard bytesPerScenario > 0 else { return SweepOptions.maximumSamples }
        return Int(
            min(Double(SweepOptions.maximumSamples), (room / bytesPerScenario).rounded(.down)))
    }

    /// Process overhead beyond the engine's buffers (runtime, plan, result), allowed for.
    static let baseBytes = 64.0 * 1024 * 1024

    public static func estimate(
        model: SweepModel, options o: SweepOptions, writingPaths: Bool = false
    ) -> SweepMemory {
        let samples =
            o.mode == .grid ? SweepEngine.gridPointCount(model: model, options: o) : o.samples
        let n = Double(samples)
        let quantities = Double(model.seriesCount * model.yearCount + model.targets.count)
        let drivers = Double(model.drivers.count)
        let normals = Double(model.yearCount * model.volatileDrivers.count)
        let chunk = Double(max(1, o.chunkSize))
        let padded = chunk + 8
        let stride = Double(o.histogramBins + 2)
        let chunks = (n / chunk).rounded(.up)
        let workers = min(Double(max(1, o.threads)), chunks, Double(SweepOptions.maximumThreads))
        var fixed = baseBytes
        // Per worker: chunk values, inputs, bins, histogram, scratch.
        fixed +=
            workers
            * (padded * quantities * 8 + padded * (drivers + normals + 1) * 8 + padded * 4
                + quantities * stride * 4 + (drivers * 3 + normals + 8) * 8)
        // The pilot's values and its per-quantity analysis.
        let pilot = min(n, max(1, (Double(o.pilotScenarios) / chunk).rounded(.down)) * chunk)
        fixed += pilot * quantities * 8 + quantities * stride * 17
        // One wave of per-chunk moments and target counts; the final histogram merge.
        let wave = min(chunks, Double(SweepRunner.maximumWaveChunks))
        fixed += wave * (quantities * 5 + Double(model.targets.count)) * 8
        // Values kept during pass 1 (only when the pilot's estimate fits the budget).
        if o.keepLikelyBins {
            fixed += min(1.25 * Double(SweepRunner.speculativeBudget), n * quantities * 8)
        }
        if writingPaths {
            // Two chunks' CSV text per worker in flight, ~32 bytes a row.
            fixed += workers * 2 * chunk * Double(model.seriesCount * model.yearCount) * 32
        }
        if o.mode == .grid {
            let points = model.drivers.reduce(0.0) {
                $0 + Double(Design.pointCount(of: $1, step: o.gridStep))
            }
            fixed += points * 8
        }
        if o.sobolSamples > 0 && !model.targets.isEmpty {
            let s = Double(o.sobolSamples), k = drivers + 1, m = Double(model.targets.count)
            fixed += s * 8 * (m * (k + 2) + 2 * k + 8) + Double(o.bootstrap) * (s * 8 + 64)
        }
        let ranks = Double(min(2 * o.percentiles.count, max(samples, 1)))
        let perScenario = ranks * quantities * 3 * 20 / Double(max(2, o.histogramBins))
        return SweepMemory(samples: samples, fixedBytes: fixed, bytesPerScenario: perScenario)
    }

    /// Memory available to this process: `MemAvailable` from /proc/meminfo, lowered to
    /// the cgroup limit when one is set; the physical memory elsewhere.
    public static func availableBytes() -> Int {
        var available = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
            let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        {
            available = kb * 1024
        }
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
            let limit = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            available = min(available, limit)
        }
        return available
    }
}
