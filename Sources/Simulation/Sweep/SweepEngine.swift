import Foundation
import PlanModel
import Distributions
import LinearAlgebra

/// Runs sweeps.
///
/// ## Determinism
/// Scenarios are cut into chunks of `chunkSize`; chunk c draws from the xoshiro256**
/// stream seeded by (seed, c). Threads take chunks in any order, but integer tallies
/// (histograms, counts of targets met) are order-free, moments are kept per chunk and
/// merged in chunk order (Chan et al.), and percentiles are exact order statistics, so the
/// same seed gives byte-identical results whatever the thread count.
///
/// ## Exact percentiles in bounded memory
/// Percentiles need order statistics, which normally means keeping all N values of every
/// series-year (N·35 doubles: 2.8 GB at 10 million scenarios). The engine keeps only the
/// values near the statistics it needs, and regenerates paths (identical, from the same
/// streams) only when that guess missed:
/// 1. a pilot (`SweepRunner+Pilot.swift`: the first 65,536 scenarios) fixes, per quantity, a histogram range (pilot min/max
///    widened by 5 % of the span; values outside fall in an underflow or overflow bin) and
///    flags the bins within ±5 binomial standard deviations (in pilot ranks) of each needed
///    order statistic's pilot estimate;
/// 2. pass 1 (`SweepRunner+FirstPass.swift`) computes moments, target counts, exact min/max, a histogram of
///    `histogramBins` bins per quantity, and keeps the values falling in flagged bins;
/// 3. from the cumulative counts, the bin holding each needed order statistic (⌊h⌋ and
///    ⌊h⌋+1 for each percentile) is known with the statistic's rank inside it. If pass 1
///    kept that bin, the statistic is selected from its values (`Quickselect`,
///    `SweepRunner+Selection.swift`); otherwise (odds
///    below 1e-6 per statistic, or when keeping would exceed ~192 MB) a second pass over
///    regenerated chunks keeps exactly the missing bins (`SweepRunner+SecondPass.swift`).
/// The result equals sorting all values: it is exact, not an approximation. Memory: the
/// pilot (65,536 × quantities doubles), the histograms (quantities × bins × 4 bytes per thread)
/// and the kept values (about 10·√(p(1−p)/P) of N per statistic, P the pilot size). A
/// distribution with a large atom (a rate clamped at 0) can make one bin large; it is
/// still exact. Before anything large is allocated the run's memory is estimated
/// (`SweepMemory`); a run that would not fit stops with `SimulationError.insufficientMemory`.
///
/// ## Where things live
/// `SweepOptions` (what to run), `Design` (each scenario's mean growths), `PathKernel`
/// (one path), `SweepRunner` and its passes (`Passes/`), order statistics (`HistogramBins`,
/// `Quickselect`, `ChunkMoments`), the paths file (`PathsCSV`) and the worker threads and
/// buffers (`Workers/`). Results are `SweepResult`; `SweepReport` (module Reports) renders them.
public enum SweepEngine {
    /// Scenarios a grid sweep would run (print it before running); `Int.max` when the
    /// count overflows.
    public static func gridPointCount(model: SweepModel, options: SweepOptions) -> Int {
        Design.gridCount(model: model, step: options.gridStep, replicates: options.gridReplicates)
    }

    public static func run(
        plan: Plan, scenario: Scenario, options: SweepOptions,
        paths: PathSink? = nil, progress: ((Double) -> Void)? = nil
    ) throws -> SweepResult {
        try run(
            model: SweepModel(plan: plan, scenario: scenario), options: options, paths: paths,
            progress: progress)
    }

    public static func run(
        model: SweepModel, options: SweepOptions,
        paths: PathSink? = nil, progress: ((Double) -> Void)? = nil
    ) throws -> SweepResult {
        try options.validate()
        if options.mode == .grid {
            let points = gridPointCount(model: model, options: options)
            if points > options.gridLimit && !options.confirmGrid {
                throw SimulationError.gridTooLarge(points: points, limit: options.gridLimit)
            }
        }
        // Memory first, so a run far too large says what fits rather than only the limit.
        let memory = SweepMemory.estimate(
            model: model, options: options, writingPaths: paths != nil)
        let available = options.memoryLimit ?? SweepMemory.availableBytes()
        if memory.totalBytes > Double(available) {
            throw SimulationError.insufficientMemory(
                neededBytes: Int(min(memory.totalBytes, 0x1p62)),
                availableBytes: available, samples: memory.samples,
                fitting: memory.samplesThatFit(in: available))
        }
        if memory.samples > SweepOptions.maximumSamples {
            throw SimulationError.invalidConfiguration(
                "a sweep runs at most \(SimulationError.grouped(SweepOptions.maximumSamples)) scenarios "
                    + "(histogram counts are 32-bit); this one has \(SimulationError.grouped(memory.samples))"
            )
        }
        // The workers below are the process's threads; OpenBLAS's idle ones would spin.
        BLASThreads.stopIdleWorkers()
        let design = Design(
            model: model, mode: options.mode, samples: options.samples, seed: options.seed,
            gridStep: options.gridStep, replicates: options.gridReplicates)
        let runner = SweepRunner(model: model, design: design, options: options)
        let stats = try runner.run(paths: paths, progress: progress)
        return result(model: model, options: options, sampleCount: design.samples, stats: stats)
    }

    /// Assembles the result: series and target summaries, notes, sensitivity.
    static func result(model: SweepModel, options: SweepOptions, sampleCount: Int, stats: PassStats)
        -> SweepResult
    {
        let years = model.yearCount
        var series: [SeriesSummary] = []
        for (s, id) in model.seriesIds.enumerated() {
            let indicator = model.plan.indicator(id)
            series.append(
                SeriesSummary(
                    id: id, unit: indicator?.unit ?? "", isAggregate: s >= model.drivers.count,
                    usesIllustrativeBaseline: model.scenario.baselineOverrides[id] == nil
                        && model.plan.usesIllustrative(id),
                    years: model.years, byYear: (0..<years).map { stats.columns[s * years + $0] }))
        }
        let error = standardErrorRule(model: model, mode: options.mode)
        var outcomes: [TargetProbability] = []
        for (i, t) in model.targets.enumerated() {
            let p = Double(stats.metCounts[i]) / Double(sampleCount)
            outcomes.append(
                TargetProbability(
                    id: t.target.id, indicator: t.target.indicator, kind: t.target.kind,
                    requirement: requirementText(t.target), metric: t.metric,
                    targetYear: t.target.targetYear,
                    probability: p,
                    standardError: error.hasError
                        ? (p * (1 - p) / Double(sampleCount)).squareRoot() : nil,
                    metricDistribution: stats.columns[model.seriesCount * years + i]))
        }
        var notes = skippedTargetNotes(model)
        let illustrative = series.filter(\.usesIllustrativeBaseline).map(\.id)
        if !illustrative.isEmpty {
            notes.append(
                "illustrative baseline values (not official figures) behind: "
                    + illustrative.joined(separator: ", "))
        }
        if let note = error.note { notes.append(note) }
        let tornado = options.tornado ? Sensitivity.tornado(model: model) : []
        let sobol =
            options.sobolSamples > 0 && !model.targets.isEmpty
            ? Sensitivity.sobol(
                model: model, samples: options.sobolSamples, bootstrap: options.bootstrap,
                seed: options.seed) : []
        return SweepResult(
            scenario: model.scenario.name, mode: options.mode, samples: sampleCount,
            seed: options.seed,
            percentiles: options.percentiles, series: series, targets: outcomes, tornado: tornado,
            sobol: sobol, sobolSamples: sobol.isEmpty ? 0 : options.sobolSamples, notes: notes)
    }

    /// Whether a probability has sampling error, and what the result says about it.
    ///
    /// * Monte Carlo: √(p(1−p)/N), the binomial standard error.
    /// * Latin hypercube: the same formula, an upper bound (stratifying the means never
    ///   does worse than independent sampling by more than N/(N−1)).
    /// * Grid without yearly volatility: every path is fixed by its grid point, so the
    ///   share of grid points meeting a target has no sampling error.
    /// * Grid with yearly volatility: each grid point's path is one random draw (R with
    ///   `--replicates R`), so the share does have sampling error. With G points whose
    ///   chances are p_g and N = G·R paths, Var(p̂) = Σ p_g(1−p_g)/(R·G²) ≤ p(1−p)/N
    ///   (p the mean of the p_g; p(1−p) is concave), so √(p(1−p)/N) is again an upper
    ///   bound, and it is what the result reports.
    static func standardErrorRule(model: SweepModel, mode: SweepMode) -> (
        hasError: Bool, note: String?
    ) {
        switch mode {
        case .montecarlo:
            return (true, nil)
        case .lhs:
            return (
                true,
                "standard errors use the Monte Carlo formula √(p(1−p)/N), an upper bound for Latin hypercube samples"
            )
        case .grid where model.volatileDrivers.isEmpty:
            return (
                false,
                "grid without yearly volatility: probabilities are shares of grid points, with no sampling error"
            )
        case .grid:
            return (
                true,
                "grid with yearly volatility: each grid point's path is a random draw, so probabilities are "
                    + "estimates; the standard error √(p(1−p)/N) is an upper bound (the grid points themselves are fixed)"
            )
        }
    }

    /// Skipped targets, grouped: "not evaluated, their indicator has no driver …: T03a, T03b".
    static func skippedTargetNotes(_ model: SweepModel) -> [String] {
        var byReason: [(String, [String])] = []
        for (id, reason) in model.skippedTargets {
            let key =
                reason.contains("has no driver")
                ? "their indicator has no driver in this scenario" : reason
            if let i = byReason.firstIndex(where: { $0.0 == key }) {
                byReason[i].1.append(id)
            } else {
                byReason.append((key, [id]))
            }
        }
        return byReason.map { reason, ids in
            "not evaluated, \(reason.replacingOccurrences(of: "it is", with: "they are").replacingOccurrences(of: "it has", with: "they have")): "
                + ids.joined(separator: ", ")
        }
    }

    /// "12–14 %/yr", "≥ 120": the requirement with growth in percent, rounded to 10
    /// significant digits so 0.14 × 100 prints as 14.
    static func requirementText(_ t: Target) -> String {
        func fmt(_ v: Double) -> String {
            let x = t.kind == .growth ? v * 100 : v
            return Formatting.number(Double(String(format: "%.10g", x)) ?? x)
        }
        guard let low = t.low else { return "—" }
        let suffix = t.kind == .growth ? " %/yr" : ""
        switch t.comparator {
        case .range: return "\(fmt(low))–\(fmt(t.high ?? low))\(suffix)"
        case .less: return "< \(fmt(low))\(suffix)"
        case .lessOrEqual: return "≤ \(fmt(low))\(suffix)"
        case .greater: return "> \(fmt(low))\(suffix)"
        case .greaterOrEqual: return "≥ \(fmt(low))\(suffix)"
        case .equal: return "\(fmt(low))\(suffix)"
        }
    }
}
