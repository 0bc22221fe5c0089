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
    let scenario: Scenario
    do {
        scenario = try ScenarioReader.parse(text, file: "scenario.yaml", plan: FuzzSupport.plan)
    } catch {
        FuzzSupport.checkError(error, file: "scenario.yaml")
        return 0
    }
    FuzzSweepChecks.count(\.accepted)
    // Small, but through every pass: several chunks, a pilot shorter than the run, coarse
    // histograms (so the second pass runs), each mode, tornado and Sobol.
    var options = SweepOptions()
    let pick = data.reduce(0) { $0 &+ Int($1) }
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
        if case .gridTooLarge = e { return 0 }   // 2 points per driver can exceed 4096
        if e.isUsageError { fatalError("accepted scenario gave a usage error: \(e)\n\(text)") }
    } catch {
        fatalError("accepted scenario gave \(type(of: error)): \(error)\n\(text)")
    }
    return 0
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
