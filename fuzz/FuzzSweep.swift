// libFuzzer harness: scenario reader → sweep model → a small sweep, against the An Hưng
// plan. Whatever the reader accepts must run: the only errors allowed are the reader's
// `InputError`s naming the file, and the model's data errors (`SimulationError`, exit 65);
// a usage error (options are fixed here) or a trap is a finding. The sweep's result must
// keep its invariants: percentiles ordered between min and max, probabilities in [0, 1],
// no NaN, no negative level.
import Foundation
import PlanIO
import PlanModel
import Simulation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSweep(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSweepChecks.count(\.inputs)
    let data = FuzzSupport.data(start, count)
    guard let text = String(data: data, encoding: .utf8) else { return 0 }
    sweep(text: text, pick: data.reduce(0) { $0 &+ Int($1) })
    // Most mutated texts are not scenarios; the same bytes also drive a generated file
    // that usually is one, so every input reaches the sweep at least once.
    let generated = ScenarioGenerator(data).text
    sweep(text: generated, pick: data.count)
    return 0
}

/// Reader → model → small sweep for one text; traps (fatalError) on a finding.
func sweep(text: String, pick: Int) {
    let scenario: Scenario
    do {
        scenario = try ScenarioReader.parse(text, file: "scenario.yaml", plan: FuzzSupport.plan)
    } catch {
        FuzzSupport.checkError(error, file: "scenario.yaml")
        return
    }
    FuzzSweepChecks.count(\.accepted)
    // Small, but through every pass: several chunks, a pilot shorter than the run, coarse
    // histograms (so the second pass runs), each mode, tornado and Sobol.
    var options = SweepOptions()
    options.mode = [SweepMode.montecarlo, .lhs, .grid][pick % 3]
    options.samples = 150
    options.chunkSize = 16
    options.pilotScenarios = 32
    options.histogramBins = 4 + pick % 5
    options.keepLikelyBins = pick % 2 == 0
    options.gridStep = .points(2)
    options.gridReplicates = 2
    options.gridLimit = 4096
    options.threads = 1
    options.sobolSamples = 8
    options.bootstrap = 3
    options.percentiles = [0, 5, 50, 95, 100]
    do {
        let model = try SweepModel(plan: FuzzSupport.plan, scenario: scenario)
        let result = try SweepEngine.run(model: model, options: options)
        FuzzSweepChecks.check(result)
        FuzzSweepChecks.count(\.swept)
    } catch let e as SimulationError {
        if case .gridTooLarge = e { return }   // 2 points per driver can exceed 4096
        if e.isUsageError { fatalError("accepted scenario gave a usage error: \(e)\n\(text)") }
    } catch {
        fatalError("accepted scenario gave \(type(of: error)): \(error)\n\(text)")
    }
}

/// A scenario file built from fuzz bytes: every driver An Hưng's growth targets need, each
/// with a distribution, parameters and volatility picked from the bytes among ordinary and
/// extreme values (−99.99 and 100 %/yr, 50 points of volatility, shocks of −300 points…),
/// plus a poverty-rate change driver, correlations, shocks and baseline overrides.
struct ScenarioGenerator {
    var bytes: [UInt8]
    var at = 0
    init(_ data: Data) { bytes = Array(data) }

    mutating func byte() -> Int {
        defer { at += 1 }
        return bytes.isEmpty ? 0 : Int(bytes[at % bytes.count]) &+ at / max(bytes.count, 1)
    }
    mutating func pick<T>(_ xs: [T]) -> T { xs[byte() % xs.count] }
    mutating func number(_ xs: [Double]) -> Double {
        // A listed value, or one between two listed values.
        let a = pick(xs), b = pick(xs)
        return byte() % 3 == 0 ? a + (b - a) * Double(byte()) / 255 : a
    }

    var text: String {
        var g = self
        let growth = [-99.99, -60, -5, 0, 0.001, 1.5, 7, 12.5, 14, 40, 100]
        let change = [-100, -5, -0.3, 0, 0.1, 2, 100.0]
        var lines = ["name: generated", "drivers:"]
        func spec(_ values: [Double], _ g: inout ScenarioGenerator) -> String {
            let f = { (x: Double) in String(x) }
            switch g.byte() % 5 {
            case 0: return f(g.number(values))
            case 1:
                let a = g.number(values), b = g.number(values)
                return "{uniform: [\(f(min(a, b))), \(f(max(a, b) + 0.01))]}"
            case 2:
                let xs = [g.number(values), g.number(values), g.number(values)].sorted()
                return "{triangular: [\(f(xs[0])), \(f(xs[1])), \(f(xs[2] + 0.01))]}"
            case 3: return "{normal: {mean: \(f(g.number(values))), sd: \(f(g.number([0, 0.5, 3, 20, 49])))}}"
            default:
                let xs = [g.number(values), g.number(values), g.number(values)].sorted()
                return "{truncated_normal: {mean: \(f(xs[1])), sd: \(f(g.number([0, 0.01, 1, 30, 1e4]))), low: \(f(xs[0])), high: \(f(xs[2] + 0.01))}}"
            }
        }
        let drivers = ["budget_revenue", "gpv_agriculture", "gpv_industry", "gpv_services", "income_per_capita"]
        for d in drivers {
            let volatility = g.pick([0.0, 0, 0.5, 2, 10, 50])
            lines.append("  \(d): {growth: \(spec(growth, &g)), volatility: \(volatility)}")
        }
        if g.byte() % 2 == 0 {
            lines.append("  poverty_rate: {change: \(spec(change, &g)), volatility: \(g.pick([0.0, 0.1, 5, 50]))}")
        }
        if g.byte() % 2 == 0 {
            lines.append("baseline: {budget_revenue: \(g.pick([0.0, 1e-6, 130, 1e12])), poverty_rate: \(g.pick([0.0, 2, 100]))}")
        }
        if g.byte() % 2 == 0 {
            let a = g.pick(drivers), b = g.pick(drivers)
            if a != b { lines.append("correlations: [[\(a), \(b), \(g.pick([-0.99, -0.5, 0.3, 0.95]))]]") }
        }
        if g.byte() % 2 == 0 {
            lines.append("shocks: [{driver: \(g.pick(drivers)), year: \(2026 + g.byte() % 5), pp: \(g.pick([-300.0, -100, -3, 5, 1000]))}]")
        }
        if g.byte() % 3 == 0 { lines.append("evaluate: [\(g.pick(["T01", "T02", "T06b", "T02a"]))]") }
        return lines.joined(separator: "\n") + "\n"
    }
}

enum FuzzSweepChecks {
    /// How far inputs got, printed to standard error when the process exits (libFuzzer
    /// ends with `exit`), so a run's log says how many sweeps actually ran.
    struct Counts { var inputs = 0, accepted = 0, swept = 0 }
    nonisolated(unsafe) static var counts = Counts()
    nonisolated(unsafe) static var registered = false

    static func count(_ field: WritableKeyPath<Counts, Int>) {
        if !registered {
            registered = true
            atexit {
                let c = FuzzSweepChecks.counts
                fputs("sweep harness: \(c.inputs) inputs, \(c.accepted) accepted by the reader, \(c.swept) swept\n", stderr)
            }
        }
        counts[keyPath: field] += 1
    }

    static func check(_ r: SweepResult) {
        func distribution(_ d: Distribution1D, _ what: String, level: Bool) {
            let all = d.percentiles + [d.mean, d.sd, d.min, d.max]
            if all.contains(where: \.isNaN) { fatalError("NaN in \(what): \(d)") }
            for (a, b) in zip(d.percentiles, d.percentiles.dropFirst()) where !(a <= b) {
                fatalError("percentiles out of order in \(what): \(d.percentiles)")
            }
            if d.percentiles.first != d.min || d.percentiles.last != d.max {
                fatalError("p0/p100 differ from min/max in \(what): \(d)")
            }
            if level && d.min < 0 { fatalError("negative level in \(what): \(d)") }
        }
        for s in r.series { for (t, d) in s.byYear.enumerated() { distribution(d, "\(s.id) \(s.years[t])", level: true) } }
        for t in r.targets {
            if !(t.probability >= 0 && t.probability <= 1) { fatalError("probability \(t.probability) of \(t.id)") }
            distribution(t.metricDistribution, "metric of \(t.id)", level: false)
        }
    }
}
