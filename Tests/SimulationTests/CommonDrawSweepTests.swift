import Distributions
import Foundation
import PlanModel
import Testing

@testable import Simulation

/// `CommonDrawSweep` (stored draws, every path in memory) against `SweepEngine` (fresh
/// streams, pilot, histograms, exact selection): the results must be bit for bit equal,
/// which also checks that `CommonDraws` takes from each stream what the engine takes.
@Suite struct CommonDrawSweepTests {
    /// Every number of a result, as bits: `Reproducibility.digest` (series and target
    /// percentiles, series moments, probabilities) and the targets' standard errors and
    /// metric moments.
    func digest(_ r: SweepResult) -> [UInt64] {
        var d = Reproducibility().digest(r)
        for t in r.targets {
            let m = t.metricDistribution
            d += [(t.standardError ?? -1).bitPattern, m.mean.bitPattern, m.sd.bitPattern]
            d += [m.min.bitPattern, m.max.bitPattern]
        }
        return d
    }

    /// A generated scenario of the fixture plan: each driver with a random distribution
    /// (fixed, uniform, triangular, normal, truncated normal), volatility on some, maybe a
    /// correlation, shocks and a baseline override.
    func scenario(_ g: inout Xoshiro256StarStar) -> Scenario {
        var drivers: [Driver] = []
        for id in ["agri", "ind", "serv", "rev", "inc", "poor"] where g.next() % 5 != 0 {
            let c = 0.02 + 0.15 * g.uniformOpen(), w = 0.001 + 0.03 * g.uniformOpen()
            let spec: GrowthSpec
            switch g.next() % 5 {
            case 0: spec = .fixed(c)
            case 1: spec = .uniform(low: c - w, high: c + w)
            case 2:
                spec = .triangular(low: c - w, mode: c + w * (g.uniformOpen() - 0.5), high: c + w)
            case 3: spec = .normal(mean: c, sd: w / 2)
            default: spec = .truncatedNormal(mean: c, sd: w, low: c - w, high: c + 2 * w)
            }
            let volatility = g.next() % 3 == 0 ? 0 : 0.03 * g.uniformOpen()
            if id == "poor" {
                drivers.append(
                    Driver(
                        indicator: id, model: .change, spec: .uniform(low: -0.4, high: 0.1),
                        volatility: volatility * 10))
            } else {
                drivers.append(Driver(indicator: id, spec: spec, volatility: volatility))
            }
        }
        if drivers.isEmpty { drivers = Fixture.mcA().drivers }
        var s = Scenario(name: "generated", drivers: drivers)
        let volatile = drivers.filter { $0.volatility > 0 }.map(\.indicator)
        if volatile.count >= 2, g.next() % 2 == 0 {
            s.correlations = [DriverPair(volatile[0], volatile[1]): 1.8 * g.uniformOpen() - 0.9]
        }
        for _ in 0..<Int(g.next() % 3) {
            s.shocks.append(
                Shock(
                    indicator: drivers[Int(g.next() % UInt64(drivers.count))].indicator,
                    year: 2026 + Int(g.next() % 5), amount: -0.1 * g.uniformOpen()))
        }
        if g.next() % 4 == 0 { s.baselineOverrides["ind"] = 2000 + 1000 * g.uniformOpen() }
        return s
    }

    /// Over 60 generated scenarios, path counts (1 to 5,000, partial last chunks), chunk
    /// sizes, thread counts and percentile sets: identical results. Prints the failing seed.
    @Test func sameResultAsTheEngineOverGeneratedScenarios() throws {
        let seed: UInt64 = 20_261_202
        var g = Xoshiro256StarStar(seed: seed)
        for case_ in 0..<60 {
            let s = scenario(&g)
            var o = Fixture.options(
                samples: [1, 2, 3, 777, 2048, 5000][case_ % 6], seed: g.next() % 1000,
                threads: 1 + Int(g.next() % 2))
            o.chunkSize = [64, 100, 1024][Int(g.next() % 3)]
            o.percentiles = [[5, 25, 50, 75, 95], [0, 50, 100], [1, 10, 33.3, 90, 99.9]][case_ % 3]
            let model = try SweepModel(plan: Fixture.plan, scenario: s)
            let shape = try #require(CommonDraws.Shape(model: model, options: o))
            let draws = CommonDraws(shape: shape)
            let stored = try CommonDrawSweep.run(model: model, options: o, draws: draws)
            let engine = try SweepEngine.run(model: model, options: o)
            #expect(
                digest(stored) == digest(engine),
                "seed \(seed), case \(case_): \(s.drivers.map(\.spec)) samples \(o.samples)")
            #expect(stored.notes == engine.notes)
            #expect(stored.samples == engine.samples)
        }
    }

    /// One set of draws serves every scenario of its shape: sweeping two scenarios that
    /// differ only in one driver's range over the same draws equals the engine for both,
    /// and a driver whose inputs did not change has the same series in both (common random
    /// numbers: the difference is the change, not noise).
    @Test func oneDrawSetServesEveryScenarioOfItsShape() throws {
        let o = Fixture.options(samples: 3000)
        var a = Fixture.mcA(), b = Fixture.mcA()
        b.drivers[1].spec = .uniform(low: 0.15, high: 0.17)
        let ma = try SweepModel(plan: Fixture.plan, scenario: a)
        let mb = try SweepModel(plan: Fixture.plan, scenario: b)
        let shape = try #require(CommonDraws.Shape(model: ma, options: o))
        #expect(CommonDraws.Shape(model: mb, options: o) == shape)
        let draws = CommonDraws(shape: shape)
        let ra = try CommonDrawSweep.run(model: ma, options: o, draws: draws)
        let rb = try CommonDrawSweep.run(model: mb, options: o, draws: draws)
        #expect(digest(ra) == digest(try SweepEngine.run(model: ma, options: o)))
        #expect(digest(rb) == digest(try SweepEngine.run(model: mb, options: o)))
        let agriA = ra.series.first { $0.id == "agri" }!,
            agriB = rb.series.first { $0.id == "agri" }!
        #expect(agriA.byYear == agriB.byYear)
        let indA = ra.series.first { $0.id == "ind" }!, indB = rb.series.first { $0.id == "ind" }!
        #expect(indA.byYear.last!.percentiles[3] < indB.byYear.last!.percentiles[3])
        a.drivers.removeLast()
        a.evaluate = ["T_total", "T_rev"]
        let other = try SweepModel(plan: Fixture.plan, scenario: a)
        #expect(CommonDraws.Shape(model: other, options: o) != shape)
        #expect(throws: SimulationError.self) {
            try CommonDrawSweep.run(model: other, options: o, draws: draws)
        }
    }

    /// `BinnedSelection` gives what sorting gives, over generated columns (many ties, one
    /// atom, spreads from 1e-300 to infinite) and rank sets. Prints the failing seed.
    @Test func binnedSelectionEqualsSorting() {
        let seed: UInt64 = 7_070_707
        var g = Xoshiro256StarStar(seed: seed)
        for case_ in 0..<300 {
            let n = 1 + Int(g.next() % 400)
            let levels = 1 + Int(g.next() % 50)
            let scale = [1.0, 1e-300, 1e300, 0.37][case_ % 4]
            var values = (0..<n).map { _ in (Double(g.next() % UInt64(levels)) - 10) * scale }
            if case_ % 11 == 0 { values[0] = .infinity }
            if case_ % 13 == 0 { values[n - 1] = -.infinity }
            if case_ % 17 == 0 { values = values.map { _ in 2.5 } }
            var ranks = Set((0..<Int(g.next() % 12)).map { _ in Int(g.next() % UInt64(n)) })
            if case_ % 7 == 0 { ranks = Set(0..<n) }
            let wanted = ranks.sorted()
            var out = [Double](repeating: .nan, count: max(1, wanted.count))
            var bins = [Int32](repeating: 0, count: n)
            values.withUnsafeBufferPointer { column in
                out.withUnsafeMutableBufferPointer { o in
                    bins.withUnsafeMutableBufferPointer { b in
                        BinnedSelection.select(
                            ranks: wanted, column: column.baseAddress!, count: n,
                            low: values.min()!, high: values.max()!, bins: b.baseAddress!,
                            out: o.baseAddress!)
                    }
                }
            }
            let sorted = values.sorted()
            #expect(
                wanted.enumerated().allSatisfy { out[$0] == sorted[$1] },
                "seed \(seed), case \(case_)")
        }
    }

    /// Common random numbers: raising revenue's range (uniform [c − 1, c + 1] %/yr, c from
    /// 12 to 16.8, yearly volatility 3 pp) raises every path's growth, so P(meet) of its
    /// growth target (≥ 12.5 %/yr) never falls from one position to the next.
    @Test func probabilityNeverFallsAsTheSliderRises() throws {
        let o = Fixture.options(samples: 4000, seed: 99)
        var previous: Double = -1
        var draws: CommonDraws? = nil
        for step in 0..<25 {
            let c = 0.12 + 0.002 * Double(step)
            var s = Fixture.mcA(evaluate: ["T_rev"])
            s.drivers[3].spec = .uniform(low: c - 0.01, high: c + 0.01)
            let model = try SweepModel(plan: Fixture.plan, scenario: s)
            let shape = try #require(CommonDraws.Shape(model: model, options: o))
            if draws == nil { draws = CommonDraws(shape: shape) }
            let r = try CommonDrawSweep.run(model: model, options: o, draws: draws!)
            let p = r.targets[0].probability
            #expect(p >= previous, "c = \(c): P(meet) \(p) after \(previous)")
            previous = p
        }
        #expect(previous > 0.9)
    }

    /// LHS and grids draw their means otherwise: no shape, so callers use the engine.
    @Test func onlyMonteCarloHasAShape() throws {
        let model = try SweepModel(plan: Fixture.plan, scenario: Fixture.mcA())
        #expect(CommonDraws.Shape(model: model, options: Fixture.options(.lhs)) == nil)
        #expect(CommonDraws.Shape(model: model, options: Fixture.options(.grid)) == nil)
    }
}
