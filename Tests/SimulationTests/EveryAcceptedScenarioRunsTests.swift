import Testing
import Foundation
import PlanModel
import Distributions
@testable import Simulation

/// Issue 9, fault 2: every scenario the checks accept runs, and the rest are refused with
/// a message instead of a trap.
@Suite struct DistributionSupport {
    /// `{truncated_normal: {mean: 12, sd: 1, low: 5, high: 9}}` used to pass and then trap
    /// in the tornado ("Range requires lowerBound <= upperBound").
    @Test func truncatedNormalWithItsMeanOutsideTheBoundsIsRefused() {
        var s = Fixture.mcA()
        s.drivers[4].spec = .truncatedNormal(mean: 0.12, sd: 0.01, low: 0.05, high: 0.09)
        do {
            _ = try SweepEngine.run(
                plan: Fixture.plan, scenario: s, options: Fixture.options(samples: 10))
            Issue.record("expected an error")
        } catch let e as SimulationError {
            #expect(
                e
                    == .invalidDistribution(
                        driver: "inc",
                        detail: "the mean 0.12 lies outside the truncation bounds [0.05, 0.09]"))
            #expect(!e.isUsageError)
        } catch { Issue.record("unexpected \(error)") }
    }

    /// Over generated parameters (NaN, reversed bounds, means anywhere) `sweepRange` never
    /// traps and is ordered, and a spec without a `supportProblem` has its central value
    /// and every quantile inside its support. Prints the failing seed.
    @Test func sweepRangeNeverTrapsAndAcceptedSpecsStayInTheirSupport() {
        let seed: UInt64 = 20261202
        var g = Xoshiro256StarStar(seed: seed)
        func value() -> Double {
            switch g.next() % 8 {
            case 0: return .nan
            case 1: return 0
            case 2: return -Double(g.next() % 5)
            default: return (g.uniformOpen() - 0.5) * 4
            }
        }
        var accepted = 0
        for i in 0..<20_000 {
            let (a, b, c, d) = (value(), value(), value(), abs(value()))
            let spec: GrowthSpec
            switch i % 5 {
            case 0: spec = .fixed(a)
            case 1: spec = .uniform(low: a, high: b)
            case 2: spec = .triangular(low: a, mode: b, high: c)
            case 3: spec = .normal(mean: a, sd: b)
            default: spec = .truncatedNormal(mean: a, sd: d, low: b, high: c)
            }
            let r = spec.sweepRange
            #expect(r.lowerBound <= r.upperBound, "seed \(seed), case \(i): \(spec)")
            guard spec.supportProblem() == nil else { continue }
            accepted += 1
            var support = r
            switch spec {
            case .uniform(let l, let h), .triangular(let l, _, let h),
                .truncatedNormal(_, _, let l, let h):
                support = l...h
            case .normal: support = -Double.infinity...Double.infinity
            case .fixed: break
            }
            #expect(support.contains(spec.central), "seed \(seed), case \(i): central of \(spec)")
            for u in [1e-12, 0.3, 0.5, 0.9, 1 - 1e-12] {
                #expect(
                    support.contains(spec.quantile(u)),
                    "seed \(seed), case \(i): quantile(\(u)) of \(spec)")
            }
        }
        #expect(accepted > 2_000)
    }
}

/// Growth below −100 % a year (a normal's tail, yearly volatility, a shock) is floored:
/// the level falls to 0 and stays there.
@Suite struct GrowthFloor {
    /// Mean growth −90 %, yearly volatility 50 points: the first year's growth is below
    /// −100 % with probability Φ(−0.2) = 0.4207 (scipy.stats.norm.cdf(-0.2)), so about 42 %
    /// of 2026 levels are exactly 0: the 40th percentile is 0 and the 45th is not. No
    /// level is ever negative, and a level at 0 stays at 0.
    @Test func levelsNeverTurnNegative() throws {
        let s = Scenario(
            name: "collapse",
            drivers: [Driver(indicator: "rev", spec: .fixed(-0.9), volatility: 0.5)],
            evaluate: [])
        var o = Fixture.options(samples: 20_000)
        o.percentiles = [40, 45]
        let r = try SweepEngine.run(plan: Fixture.plan, scenario: s, options: o)
        let rev = r.series[0]
        #expect(rev.byYear[0].percentiles[0] == 0)
        #expect(rev.byYear[0].percentiles[1] > 0)
        for y in rev.byYear { #expect(y.min == 0) }
        // Once at 0, always at 0: the share at 0 can only grow, so later 40th percentiles are 0.
        for y in rev.byYear { #expect(y.percentiles[0] == 0) }
    }

    /// The floor is applied identically by the chunk kernel and the one-path kernel.
    @Test func chunkAndPathKernelsFloorAlike() throws {
        let s = Scenario(
            name: "collapse",
            drivers: [
                Driver(indicator: "rev", spec: .normal(mean: -0.5, sd: 0.2), volatility: 0.6)
            ],
            shocks: [Shock(indicator: "rev", year: 2028, amount: -0.8)], evaluate: [])
        let model = try SweepModel(plan: Fixture.plan, scenario: s)
        let paths = KernelPaths(model: model, samples: 200, seed: 3)
        #expect(paths.agreeBitForBit && paths.sameDraws)
        let levels = model.seriesCount * model.yearCount
        #expect(paths.single.allSatisfy { $0.prefix(levels).allSatisfy { $0 >= 0 } })
        #expect(paths.single.contains { $0[levels - 1] == 0 })
    }
}

/// Grids say honestly whether their probabilities carry sampling error.
@Suite struct GridSamplingError {
    func gridRun(volatility: Double, seed: UInt64) throws -> SweepResult {
        let s = Scenario(
            name: "grid",
            drivers: [
                Driver(
                    indicator: "rev", spec: .uniform(low: 0.10, high: 0.15),
                    volatility: volatility)
            ], evaluate: ["T_rev"])
        var o = Fixture.options(.grid, seed: seed)
        o.gridStep = .points(11); o.gridReplicates = 20
        return try SweepEngine.run(plan: Fixture.plan, scenario: s, options: o)
    }

    @Test func withoutVolatilityThereIsNoSamplingError() throws {
        let r = try gridRun(volatility: 0, seed: 1)
        #expect(r.targets[0].standardError == nil)
        #expect(r.notes.contains { $0.contains("no sampling error") })
    }

    /// With volatility the reported error is √(p(1−p)/N) and it bounds the spread of the
    /// share over 40 seeds (sample sd at most 1.5 × the bound: with 39 degrees of freedom
    /// the sample sd exceeds 1.5 σ with probability below 10⁻⁶).
    @Test func withVolatilityTheErrorIsReportedAndBoundsTheSpread() throws {
        let r = try gridRun(volatility: 0.03, seed: 1)
        let t = r.targets[0]
        let bound = (t.probability * (1 - t.probability) / Double(r.samples)).squareRoot()
        #expect(r.samples == 220)
        #expect(t.standardError == bound)
        #expect(
            r.notes.contains {
                $0.contains("grid with yearly volatility") && $0.contains("upper bound")
            })
        #expect(!r.notes.contains { $0.contains("no sampling error") })
        let shares = try (1...40).map {
            try gridRun(volatility: 0.03, seed: UInt64($0)).targets[0].probability
        }
        let mean = shares.reduce(0, +) / 40
        let sd = (shares.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 39).squareRoot()
        #expect(sd > 0)
        #expect(sd <= 1.5 * (mean * (1 - mean) / 220).squareRoot())
    }
}

/// Runs too large for the machine stop before allocating, with what fits; counts that would
/// overflow are refused, never trapped on.
@Suite struct SweepSizeLimits {
    func error(_ o: SweepOptions, _ s: Scenario = Fixture.mcA()) -> SimulationError? {
        do {
            _ = try SweepEngine.run(plan: Fixture.plan, scenario: s, options: o); return nil
        } catch let e as SimulationError {
            return e
        } catch { Issue.record("unexpected \(error)"); return nil }
    }

    @Test func aHundredBillionScenariosSayWhatFits() throws {
        var o = Fixture.options(samples: 100_000_000_000)
        o.memoryLimit = 4 << 30
        guard case let .insufficientMemory(needed, available, samples, fitting)? = error(o) else {
            Issue.record("expected insufficientMemory"); return
        }
        #expect(needed > available && available == 4 << 30 && samples == 100_000_000_000)
        #expect(fitting > 1_000_000 && fitting < 1_000_000_000)
        // What it says fits does fit, by the same estimate, and one step more does not.
        let model = try SweepModel(plan: Fixture.plan, scenario: Fixture.mcA())
        o.samples = fitting
        #expect(SweepMemory.estimate(model: model, options: o).totalBytes <= Double(4 << 30))
        o.samples = fitting + 1_000
        #expect(SweepMemory.estimate(model: model, options: o).totalBytes > Double(4 << 30))
        #expect(
            SimulationError.insufficientMemory(
                neededBytes: 1, availableBytes: 0, samples: 1, fitting: 0
            ).isUsageError)
        let text =
            "\(SimulationError.insufficientMemory(neededBytes: needed, availableBytes: available, samples: samples, fitting: fitting))"
        #expect(
            text.contains("100,000,000,000 scenarios need about")
                && text.contains("4.0 GB is available"))
    }

    @Test func countsBeyondThirtyTwoBitsAreRefused() {
        var o = Fixture.options(samples: 5_000_000_000)
        o.memoryLimit = Int.max
        guard case .invalidConfiguration(let m)? = error(o) else {
            Issue.record("expected invalidConfiguration"); return
        }
        #expect(m.contains("32-bit") && m.contains("5,000,000,000"))
        // Int.max scenarios: no overflow anywhere, an error.
        o.samples = Int.max
        #expect(error(o) != nil)
        o.samples = 0
        #expect(error(o) == .invalidConfiguration("--samples must be at least 1 (got 0)"))
    }

    /// A grid step of 10⁻³⁰⁰ points per driver: the count saturates instead of trapping,
    /// and the run is refused (too large without confirmation, too large for memory with it).
    @Test func hugeGridsAreRefused() {
        var o = Fixture.options(.grid)
        o.gridStep = .percentagePoints(1e-300)
        guard case .gridTooLarge(let points, _)? = error(o) else {
            Issue.record("expected gridTooLarge"); return
        }
        #expect(points == Int.max)
        o.confirmGrid = true
        o.memoryLimit = 1 << 30
        guard case .insufficientMemory? = error(o) else {
            Issue.record("expected insufficientMemory"); return
        }
    }

    /// More threads than chunks or cores: capped, same result.
    @Test func absurdThreadCountsRun() throws {
        var o = Fixture.options(samples: 3000)
        let one = try SweepEngine.run(plan: Fixture.plan, scenario: Fixture.mcA(), options: o)
        o.threads = 1_000_000
        let many = try SweepEngine.run(plan: Fixture.plan, scenario: Fixture.mcA(), options: o)
        #expect(Reproducibility().digest(one) == Reproducibility().digest(many))
    }
}
