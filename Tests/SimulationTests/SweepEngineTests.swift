import Testing
import Foundation
import PlanModel
import Distributions
@testable import Simulation

@Suite struct DeterministicPaths {
    /// Fixed growth, no volatility: every scenario is the compound-growth path, so every
    /// percentile, the mean, min and max equal it and the sd is 0.
    @Test func fixedGrowthReproducesCompoundGrowthByHand() throws {
        let s = Scenario(
            name: "fixed",
            drivers: [
                Driver(indicator: "agri", spec: .fixed(0.02)),
                Driver(indicator: "ind", spec: .fixed(0.14)),
                Driver(indicator: "serv", spec: .fixed(0.13)),
                Driver(indicator: "inc", spec: .fixed(0.07))
            ], evaluate: ["T_total", "T_inc"])
        let r = try SweepEngine.run(
            plan: Fixture.plan, scenario: s, options: Fixture.options(samples: 300))
        // 2030 = 5 years of growth from 2025; 2027 = 2 years.
        let agri2030 = 400 * 1.02 * 1.02 * 1.02 * 1.02 * 1.02
        let ind2030 = 2600 * 1.14 * 1.14 * 1.14 * 1.14 * 1.14
        let serv2030 = 1500 * 1.13 * 1.13 * 1.13 * 1.13 * 1.13
        let inc2027 = 85.56 * 1.07 * 1.07
        func series(_ id: String) -> SeriesSummary { r.series.first { $0.id == id }! }
        for q in series("agri").byYear[4].percentiles {
            #expect(abs(q - agri2030) <= 1e-9 * agri2030)
        }
        #expect(abs(series("ind").byYear[4].mean - ind2030) <= 1e-9 * ind2030)
        #expect(series("ind").byYear[4].sd < 1e-9)
        #expect(abs(series("inc").byYear[1].percentiles[3] - inc2027) < 1e-9)
        let total2030 = agri2030 + ind2030 + serv2030
        #expect(abs(series("total").byYear[4].max - total2030) <= 1e-9 * total2030)
        #expect(series("total").isAggregate)
        // Total CAGR from the sector mix: (total2030 / 4500)^(1/5) − 1.
        let cagr = pow(total2030 / 4500, 0.2) - 1
        let t = r.targets.first { $0.id == "T_total" }!
        #expect(abs(t.metricDistribution.mean - cagr) < 1e-12)
        #expect(t.probability == (cagr >= 0.12 ? 1 : 0))
        // Income 85.56·1.07⁵ = 120.0004… ≥ 120: met in every scenario.
        #expect(r.targets.first { $0.id == "T_inc" }!.probability == 1)
    }

    @Test func changeDriversAreLinearClampedAndShocked() throws {
        let s = Scenario(
            name: "poverty",
            drivers: [
                Driver(indicator: "poor", model: .change, spec: .fixed(-0.3)),
                Driver(indicator: "rev", spec: .fixed(0.10))
            ],
            shocks: [
                Shock(indicator: "rev", year: 2027, amount: -0.05),
                Shock(indicator: "poor", year: 2030, amount: -5)
            ], evaluate: ["T_poor", "T_rev"])
        let r = try SweepEngine.run(
            plan: Fixture.plan, scenario: s, options: Fixture.options(samples: 10))
        let poor = r.series.first { $0.id == "poor" }!.byYear.map(\.mean)
        // 2.0 − 0.3 per year: 1.7, 1.4, 1.1, 0.8, then 0.8 − 0.3 − 5 clamped to 0.
        for (v, e) in zip(poor, [1.7, 1.4, 1.1, 0.8, 0.0]) { #expect(abs(v - e) < 1e-12) }
        let rev = r.series.first { $0.id == "rev" }!.byYear.map(\.mean)
        let expected = [
            120 * 1.1, 120 * 1.1 * 1.05, 120 * 1.1 * 1.05 * 1.1, 120 * 1.1 * 1.05 * 1.1 * 1.1,
            120 * 1.1 * 1.05 * 1.1 * 1.1 * 1.1
        ]
        for (v, e) in zip(rev, expected) { #expect(abs(v - e) < 1e-9) }
        #expect(r.targets.first { $0.id == "T_poor" }!.probability == 1)
    }

    @Test func gridPercentilesMatchSortedHandValues() throws {
        // Grid over industry growth 13, 13.5, 14, 14.5, 15 %: 5 known paths.
        let s = Scenario(
            name: "grid",
            drivers: [Driver(indicator: "ind", spec: .uniform(low: 0.13, high: 0.15))],
            evaluate: [])
        var o = Fixture.options(.grid)
        o.percentiles = [0, 10, 50, 90, 100]
        o.gridStep = .percentagePoints(0.5)
        let r = try SweepEngine.run(plan: Fixture.plan, scenario: s, options: o)
        #expect(r.samples == 5)
        let v: [Double] = [0.13, 0.135, 0.14, 0.145, 0.15].map { (g: Double) -> Double in
            2600 * pow(1 + g, 5.0)
        }
        // numpy linear: h = (N−1)p/100 = 0, 0.4, 2, 3.6, 4.
        let expected = [v[0], v[0] + 0.4 * (v[1] - v[0]), v[2], v[3] + 0.6 * (v[4] - v[3]), v[4]]
        let got = r.series[0].byYear[4].percentiles
        for (g, e) in zip(got, expected) { #expect(abs(g - e) < 1e-9 * e) }
    }
}

@Suite struct ProbabilitiesMatchClosedForms {
    /// m ~ U(a, b), no volatility: the CAGR is m itself, so P(CAGR ≥ c) = (b − c)/(b − a).
    @Test(arguments: [SweepMode.montecarlo, .lhs])
    func uniformMeanGrowth(mode: SweepMode) throws {
        let s = Scenario(
            name: "u", drivers: [Driver(indicator: "rev", spec: .uniform(low: 0.10, high: 0.15))],
            evaluate: ["T_rev"])
        let n = 40_000
        let r = try SweepEngine.run(
            plan: Fixture.plan, scenario: s, options: Fixture.options(mode, samples: n))
        let exact = (0.15 - 0.125) / (0.15 - 0.10)  // 0.5
        let t = r.targets[0]
        let se = (exact * (1 - exact) / Double(n)).squareRoot()
        #expect(abs(t.probability - exact) < 4 * se)
        #expect(abs(t.standardError! - se) < 1e-4)
        if mode == .lhs {
            // One draw per stratum of width 1/N: the share is exact to within 1/N.
            #expect(abs(t.probability - exact) <= 1.0 / Double(n))
        }
        // Median CAGR of U(0.10, 0.15) is 0.125; mean level 120·E[(1+m)^5].
        let med = t.metricDistribution.percentiles[3]
        #expect(abs(med - 0.125) < 4 * 0.05 * 0.5 / Double(n).squareRoot() * 2)
        let meanLevel = 120 * (pow(1.15, 6) - pow(1.10, 6)) / (6 * 0.05)
        let mc = r.series[0].byYear[4]
        #expect(abs(mc.mean - meanLevel) < 4 * mc.sd / Double(n).squareRoot())
    }

    /// Triangular mean growth: P(m ≥ c) = (b − c)² / ((b − a)(b − mode)) for c ≥ mode.
    @Test func triangularMeanGrowth() throws {
        let s = Scenario(
            name: "tri",
            drivers: [
                Driver(indicator: "rev", spec: .triangular(low: 0.10, mode: 0.12, high: 0.15))
            ],
            evaluate: ["T_rev"])
        let n = 40_000
        let r = try SweepEngine.run(
            plan: Fixture.plan, scenario: s, options: Fixture.options(samples: n))
        let exact = (0.15 - 0.125) * (0.15 - 0.125) / ((0.15 - 0.10) * (0.15 - 0.12))
        #expect(
            abs(r.targets[0].probability - exact) < 4
                * (exact * (1 - exact) / Double(n)).squareRoot())
    }

    /// Fixed mean 12.5 %, yearly sd 3 pp, independent years: log(1+g) ≈ normal, so the 5-year
    /// CAGR is ≥ 12.5 % about half the time, slightly less because of volatility drag
    /// (E log(1+g) = log(1.125) − σ²/(2·1.125²)): P = Φ(−(σ²/(2·1.125²))·√5 / (σ/1.125)).
    @Test func volatilityDrag() throws {
        let s = Scenario(
            name: "vol", drivers: [Driver(indicator: "rev", spec: .fixed(0.125), volatility: 0.03)],
            evaluate: ["T_rev"])
        let n = 100_000
        var o = Fixture.options(samples: n)
        o.threads = 2
        let r = try SweepEngine.run(plan: Fixture.plan, scenario: s, options: o)
        let sl = 0.03 / 1.125
        let z = -(sl * sl / 2) * 5.0.squareRoot() / sl
        let exact = 0.5 * erfc(-z / 2.0.squareRoot())
        #expect(abs(r.targets[0].probability - exact) < 4 * (0.25 / Double(n)).squareRoot() + 0.003)
    }
}

@Suite struct Reproducibility {
    func digest(_ r: SweepResult) -> [UInt64] {
        var d: [UInt64] = []
        for s in r.series {
            for y in s.byYear {
                d += (y.percentiles + [y.mean, y.sd, y.min, y.max]).map(\.bitPattern)
            }
        }
        for t in r.targets {
            d += [t.probability.bitPattern] + t.metricDistribution.percentiles.map(\.bitPattern)
        }
        return d
    }

    @Test(arguments: [SweepMode.montecarlo, .lhs])
    func sameSeedSameOutputWhateverTheThreads(mode: SweepMode) throws {
        var o = Fixture.options(mode, samples: 9_999)
        o.chunkSize = 256  // 40 chunks, so threads interleave
        let model = try SweepModel(plan: Fixture.plan, scenario: Fixture.mcA())
        var digests: [[UInt64]] = []
        for t in [1, 2, 4] {
            o.threads = t
            digests.append(digest(try SweepEngine.run(model: model, options: o)))
        }
        #expect(digests[0] == digests[1])
        #expect(digests[0] == digests[2])
        o.seed = 8
        #expect(digest(try SweepEngine.run(model: model, options: o)) != digests[0])
    }

    @Test func pathsFileIsIdenticalWhateverTheThreads() throws {
        final class Sink: PathSink {
            var bytes: [UInt8] = []; func write(_ b: [UInt8]) { bytes += b }
        }
        var o = Fixture.options(samples: 1000)
        o.chunkSize = 64
        var outputs: [[UInt8]] = []
        for t in [1, 3] {
            o.threads = t
            let sink = Sink()
            _ = try SweepEngine.run(
                plan: Fixture.plan, scenario: Fixture.mcA(), options: o, paths: sink)
            outputs.append(sink.bytes)
        }
        #expect(outputs[0] == outputs[1])
        // 1000 scenarios × 6 series × 5 years rows.
        #expect(outputs[0].filter { $0 == 10 }.count == 1000 * 6 * 5)
    }

    /// Percentiles are exact order statistics: they equal numpy-style percentiles of all
    /// path values (read back from the paths CSV, 6 decimals) and do not depend on the
    /// histogram resolution used to find them.
    @Test func percentilesAreExactOrderStatistics() throws {
        final class Sink: PathSink {
            var bytes: [UInt8] = []; func write(_ b: [UInt8]) { bytes += b }
        }
        var o = Fixture.options(samples: 3001)
        o.percentiles = [0, 1, 5, 33.3, 50, 95, 99.9, 100]
        o.chunkSize = 64  // pilot of 16 chunks = 1024 scenarios, less than N
        let sink = Sink()
        let fine = try SweepEngine.run(
            plan: Fixture.plan, scenario: Fixture.mcA(), options: o, paths: sink)
        o.histogramBins = 3
        let coarse = try SweepEngine.run(plan: Fixture.plan, scenario: Fixture.mcA(), options: o)
        #expect(Reproducibility().digest(fine) == Reproducibility().digest(coarse))
        // Without keeping likely bins in pass 1, every statistic comes from pass 2: same result.
        o.histogramBins = 8192
        o.keepLikelyBins = false
        let twoPass = try SweepEngine.run(plan: Fixture.plan, scenario: Fixture.mcA(), options: o)
        #expect(Reproducibility().digest(fine) == Reproducibility().digest(twoPass))
        var byKey: [String: [Double]] = [:]
        for line in String(decoding: sink.bytes, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: ",")
            byKey["\(f[1]),\(f[2])", default: []].append(Double(f[3])!)
        }
        for s in fine.series {
            for (t, y) in s.years.enumerated() {
                let xs = byKey["\(s.id),\(y)"]!.sorted()
                #expect(xs.count == 3001)
                for (p, got) in zip(o.percentiles, s.byYear[t].percentiles) {
                    let h = Double(xs.count - 1) * p / 100
                    let i = Int(h.rounded(.down)), j = min(i + 1, xs.count - 1)
                    let want = xs[i] + (h - Double(i)) * (xs[j] - xs[i])
                    #expect(abs(got - want) < 1e-6 * 1.01 + 1e-9)
                }
                let mean = xs.reduce(0, +) / Double(xs.count)
                #expect(abs(s.byYear[t].mean - mean) < 1e-6)
            }
        }
    }
}

@Suite struct BadInput {
    func run(_ s: Scenario, _ o: SweepOptions = Fixture.options(samples: 10)) throws {
        _ = try SweepEngine.run(plan: Fixture.plan, scenario: s, options: o)
    }

    @Test func correlationMatrixThatIsNotPositiveDefinite() {
        // ρ(a,b) = ρ(b,c) = 0.9 but ρ(a,c) = −0.9: impossible together.
        var s = Fixture.mcA()
        s.correlations = [
            DriverPair("agri", "ind"): 0.9, DriverPair("ind", "serv"): 0.9,
            DriverPair("agri", "serv"): -0.9
        ]
        #expect(throws: SimulationError.notPositiveDefinite(drivers: ["agri", "ind", "serv"])) {
            try run(s)
        }
        do { try run(s); Issue.record("expected an error") } catch {
            let text = "\(error)"
            #expect(
                text.contains("not positive definite") && text.contains("'agri'")
                    && text.contains("'serv'"))
        }
    }

    @Test func negativeStandardDeviation() {
        var s = Fixture.mcA()
        s.drivers[0].volatility = -0.01
        #expect(
            throws: SimulationError.negativeStandardDeviation(
                driver: "agri", what: "volatility", value: -0.01)
        ) { try run(s) }
        s = Fixture.mcA()
        s.drivers[1].spec = .normal(mean: 0.14, sd: -0.01)
        #expect(throws: SimulationError.self) { try run(s) }
    }

    @Test func unknownDriver() {
        var s = Fixture.mcA()
        s.drivers.append(Driver(indicator: "tourism", spec: .fixed(0.1)))
        #expect(throws: SimulationError.unknownDriver("tourism", context: "drivers")) { try run(s) }
        s = Fixture.mcA()
        s.correlations[DriverPair("ind", "nope")] = 0.2
        #expect(throws: SimulationError.unknownDriver("nope", context: "correlations")) {
            try run(s)
        }
    }

    @Test func emptyRange() {
        var s = Fixture.mcA()
        s.drivers[2].spec = .uniform(low: 0.15, high: 0.13)
        #expect(throws: SimulationError.emptyRange(driver: "serv", low: 0.15, high: 0.13)) {
            try run(s)
        }
    }

    @Test func otherMistakes() {
        var s = Fixture.mcA(); s.evaluate = ["T99"]
        #expect(throws: SimulationError.unknownTarget("T99")) { try run(s) }
        s = Fixture.mcA(); s.evaluate = ["T_poor"]
        #expect(throws: SimulationError.self) { try run(s) }
        s = Fixture.mcA(); s.correlations[DriverPair("ind", "serv")] = 1.2
        #expect(
            throws: SimulationError.correlationOutOfRange(first: "ind", second: "serv", value: 1.2)
        ) { try run(s) }
        var o = Fixture.options(.grid)
        o.gridStep = .points(100); o.gridLimit = 1000
        #expect(throws: SimulationError.gridTooLarge(points: 10_000_000_000, limit: 1000)) {
            try run(Fixture.mcA(), o)
        }
        #expect(SimulationError.gridTooLarge(points: 1, limit: 0).isUsageError)
        #expect(!SimulationError.emptyRange(driver: "x", low: 1, high: 0).isUsageError)
    }
}

@Suite struct ChunkKernel {
    /// The chunk kernel (loops over scenarios) gives bit for bit the paths of the one-path
    /// kernel, including change drivers clamped at 0, shocks, aggregates and all metrics.
    @Test func chunkAndSinglePathKernelsAgreeBitForBit() throws {
        var s = Fixture.mcA(evaluate: ["T_total", "T_rev", "T_inc", "T_poor", "T_agri_yearly"])
        s.drivers.append(
            Driver(
                indicator: "poor", model: .change, spec: .uniform(low: -0.6, high: 0.1),
                volatility: 0.3))
        s.shocks = [
            Shock(indicator: "agri", year: 2027, amount: -0.03),
            Shock(indicator: "poor", year: 2029, amount: -1)
        ]
        let model = try SweepModel(plan: Fixture.plan, scenario: s)
        let paths = KernelPaths(model: model, samples: 300, seed: 5)
        #expect(paths.agreeBitForBit)
        let poor2030 = model.seriesIds.firstIndex(of: "poor")! * 5 + 4
        #expect(paths.single.contains { $0[poor2030] == 0 })  // the clamp at 0 was exercised
        #expect(paths.sameDraws)  // both consumed the stream identically
    }
}
