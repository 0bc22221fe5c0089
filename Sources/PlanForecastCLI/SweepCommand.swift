import ArgumentParser
import Foundation
import PlanModel
import PlanIO
import Reports
import Spreadsheet
import Simulation

extension SweepMode: ExpressibleByArgument {}

/// `planforecast sweep`: how likely is each target under the scenario's ranges, and which
/// assumption matters most.
public struct SweepCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Simulate many scenarios: percentiles of every series, the chance of meeting each target, and what drives it.",
        discussion: """
        Each scenario draws every driver's mean growth from its distribution in the scenario \
        file, adds year-to-year volatility (correlated as the file says) and shocks, and \
        projects every series to the plan's last year. Same seed, same output, whatever \
        --threads is. Growth and volatility are in percent in files and output.

        Examples:
          planforecast sweep --scenario Scenarios/an-hung-ranges.yaml
          planforecast sweep --scenario Scenarios/mc-a.yaml --samples 1000000 \\
            --format csv --output mc-a.csv
          planforecast sweep --scenario Scenarios/an-hung-ranges.yaml \\
            --mode grid --step 0.5
          planforecast sweep --scenario Scenarios/an-hung-ranges.yaml \\
            --mode lhs --paths paths.csv --samples 10000

        Exit codes: 0 success, 64 usage, 65 bad input data, 74 I/O failure.
        See docs/sweep.md.
        """)

    @Option(help: "Scenario file (YAML) with the drivers' distributions.")
    var scenario: String
    @Option(help: "Plan folder (default: the embedded An Hưng plan).")
    var plan: String?
    @Option(help: "grid | montecarlo | lhs")
    var mode: SweepMode = .montecarlo
    @Option(help: "Scenarios to simulate (montecarlo, lhs).")
    var samples: Int = 100_000
    @Option(help: "Random seed.")
    var seed: UInt64 = 2026
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?
    @Option(help: "Also write every simulated path to this CSV (scenario,series,year,value).")
    var paths: String?
    @Option(help: "Percentiles to report, comma-separated, in percent.")
    var percentiles: String = "5,10,25,50,75,90,95"
    @Option(help: "Grid step in percentage points per year (indicator units for change drivers).")
    var step: Double?
    @Option(name: .customLong("grid-points"), help: "Grid points per driver when --step is not given.")
    var gridPoints: Int = 5
    @Option(help: "Paths per grid point.")
    var replicates: Int = 1
    @Option(name: .customLong("grid-limit"), help: "Largest grid that runs without --confirm-grid.")
    var gridLimit: Int = 1_000_000
    @Flag(name: .customLong("confirm-grid"), help: "Run a grid larger than --grid-limit.")
    var confirmGrid = false
    @Option(name: .customLong("sobol-samples"), help: "Base sample of the Sobol analysis (0 turns it off).")
    var sobolSamples: Int = 2048
    @Option(help: "Bootstrap replicates for the Sobol intervals.")
    var bootstrap: Int = 200
    @Option(help: "table | csv | xlsx (one sheet per section)")
    var format: OutputFormat = .table
    @Option(help: "Output file ('-' or none: standard output).")
    var output: String?

    public enum OutputFormat: String, ExpressibleByArgument, Sendable { case table, csv, xlsx }

    public init() {}

    public func run() throws {
        do {
            // Open the output first, so a bad path fails before a long run.
            let out = try output.flatMap { $0 == "-" ? nil : try AtomicFile.Writer(path: $0) }
            do {
                let text = try execute()
                let bytes = format == .xlsx ? try sweepWorkbook(text) : Data(text.utf8)
                if let out { try out.write(bytes); try out.commit() } else { FileHandle.standardOutput.write(bytes) }
            } catch {
                out?.abandon()
                throw error
            }
        } catch {
            let (message, code) = SweepCommand.describe(error)
            FileHandle.standardError.write(Data("planforecast sweep: error: \(message)\n".utf8))
            throw ExitCode(code)
        }
    }

    /// The CSV as a workbook, marked ILLUSTRATIVE when the plan's baseline is.
    func sweepWorkbook(_ csv: String) throws -> Data {
        if output == nil && isatty(1) != 0 { throw InputError.usage("--format xlsx writes a binary file: pass --output FILE.xlsx") }
        let illustrative = try PlanLoader.load(directory: plan).baseline.contains { $0.source == .illustrative }
        return try WorkbookWriter.data(CommandWorkbooks.sweep(csv: csv, illustrative: illustrative))
    }

    /// Parses, runs and renders; throws `InputError`, `SimulationError` or I/O errors.
    func execute() throws -> String {
        let options = try makeOptions()
        let planValue = try PlanLoader.load(directory: plan)
        let scenarioValue = try ScenarioReader.read(path: scenario, plan: planValue)
        let model = try SweepModel(plan: planValue, scenario: scenarioValue)
        if options.mode == .grid {
            let n = SweepEngine.gridPointCount(model: model, options: options)
            FileHandle.standardError.write(Data("grid: \(n) scenarios\n".utf8))
        }
        var writer: AtomicFile.Writer?
        var sink: FileSink?
        if let paths {
            let w = try AtomicFile.Writer(path: paths)
            try w.write("scenario,series,year,value\n")
            writer = w
            sink = FileSink(writer: w)
        }
        let progress: ((Double) -> Void)? = isatty(2) != 0 ? { f in
            FileHandle.standardError.write(Data(String(format: "\rsweep: %3.0f %%", f * 100).utf8))
        } : nil
        let result: SweepResult
        do {
            result = try SweepEngine.run(model: model, options: options, paths: sink, progress: progress)
            try writer?.commit()
        } catch {
            writer?.abandon()
            throw error
        }
        if progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        switch format {
        case .csv, .xlsx: return SweepReport.csv(result, model: model)
        case .table: return SweepReport.table(result, model: model)
        }
    }

    func makeOptions() throws -> SweepOptions {
        var o = SweepOptions()
        o.mode = mode
        o.samples = samples
        o.seed = seed
        if let threads { o.threads = threads }
        var ps: [Double] = []
        for part in percentiles.split(separator: ",", omittingEmptySubsequences: false) {
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)), v >= 0, v <= 100 else {
                throw InputError.usage("--percentiles: \"\(part)\" is not a percentile between 0 and 100 (e.g. 5,50,95)")
            }
            ps.append(v)
        }
        o.percentiles = ps
        if let step { o.gridStep = .percentagePoints(step) } else { o.gridStep = .points(gridPoints) }
        o.gridReplicates = replicates
        o.gridLimit = gridLimit
        o.confirmGrid = confirmGrid
        o.sobolSamples = sobolSamples
        o.bootstrap = bootstrap
        return o
    }

    /// Message and exit code for an error (65 bad data, 64 usage, 74 I/O).
    static func describe(_ error: Error) -> (String, Int32) {
        switch error {
        case let e as InputError: return (e.description, e.exitCode)
        case let e as SimulationError: return (e.description, e.isUsageError ? 64 : 65)
        case let e as CocoaError where e.isFileError: return (e.localizedDescription, 74)
        default: return ("\(error)", 74)
        }
    }
}

/// Streams path CSV into an atomic writer.
final class FileSink: PathSink {
    let writer: AtomicFile.Writer
    init(writer: AtomicFile.Writer) { self.writer = writer }
    func write(_ bytes: [UInt8]) throws { try writer.write(Data(bytes)) }
}

/// Renders sweep results. Growth metrics and inputs are shown in percent.
public enum SweepReport {
    static func pctLabel(_ p: Double) -> String { "p" + Formatting.number(p) }

    static func isGrowth(_ metric: SweepModel.MetricKind) -> Bool { metric == .cagr }

    /// Input value of a driver in file units (percent for growth drivers).
    static func inputText(_ v: Double, driver: String, model: SweepModel) -> String {
        let growth = model.drivers.first { $0.indicator == driver }?.model != .change
        return growth ? Formatting.fixed(v * 100, 2) + " %" : Formatting.fixed(v, 2)
    }

    static func metricText(_ v: Double, _ metric: SweepModel.MetricKind) -> String {
        metric == .cagr ? Formatting.fixed(v * 100, 2) + " %" : Formatting.fixed(v, 2)
    }

    /// Tidy long CSV: one row per (section, id, factor, year, statistic).
    public static func csv(_ r: SweepResult, model: SweepModel) -> String {
        // CSVText quotes every field that needs it (names and units come from input files).
        var w = CSVText(header: ["section", "scenario", "id", "factor", "year", "statistic", "value", "std_error", "ci_low", "ci_high", "unit"])
        func row(_ section: String, _ id: String, _ factor: String, _ year: String, _ stat: String, _ value: Double,
                 se: Double? = nil, ci: ClosedRange<Double>? = nil, unit: String) {
            let f = { (x: Double?) in x.map { Formatting.number($0) } ?? "" }
            w.row([section, r.scenario, id, factor, year, stat, Formatting.number(value), f(se),
                   f(ci?.lowerBound), f(ci?.upperBound), unit])
        }
        for s in r.series {
            for (t, y) in s.years.enumerated() {
                let d = s.byYear[t]
                for (p, v) in zip(r.percentiles, d.percentiles) { row("series", s.id, "", "\(y)", pctLabel(p), v, unit: s.unit) }
                row("series", s.id, "", "\(y)", "mean", d.mean, unit: s.unit)
                row("series", s.id, "", "\(y)", "sd", d.sd, unit: s.unit)
            }
        }
        for t in r.targets {
            row("target", t.id, "", "\(t.targetYear)", "probability", t.probability, se: t.standardError, unit: "share")
            let scale = t.metric == .cagr ? 100.0 : 1
            let unit = t.metric == .cagr ? "%/yr" : (model.plan.indicator(t.indicator)?.unit ?? "")
            let m = t.metricDistribution
            for (p, v) in zip(r.percentiles, m.percentiles) { row("target", t.id, "", "\(t.targetYear)", "metric_" + pctLabel(p), v * scale, unit: unit) }
            row("target", t.id, "", "\(t.targetYear)", "metric_mean", m.mean * scale, unit: unit)
        }
        for b in r.tornado {
            let tgt = r.targets.first { $0.id == b.target }
            let scale = tgt?.metric == .cagr ? 100.0 : 1
            let unit = tgt?.metric == .cagr ? "%/yr" : (tgt.flatMap { model.plan.indicator($0.indicator)?.unit } ?? "")
            let growth = model.drivers.first { $0.indicator == b.driver }?.model != .change
            let inScale = growth ? 100.0 : 1
            row("tornado", b.target, b.driver, "", "input_low", b.lowInput * inScale, unit: growth ? "%/yr" : "per yr")
            row("tornado", b.target, b.driver, "", "input_high", b.highInput * inScale, unit: growth ? "%/yr" : "per yr")
            row("tornado", b.target, b.driver, "", "metric_at_low", b.metricAtLow * scale, unit: unit)
            row("tornado", b.target, b.driver, "", "metric_at_high", b.metricAtHigh * scale, unit: unit)
            row("tornado", b.target, b.driver, "", "metric_at_centre", b.metricAtCentre * scale, unit: unit)
        }
        for s in r.sobol {
            row("sobol", s.target, s.factor, "", "first_order", s.firstOrder, ci: s.firstOrderInterval, unit: "share")
            row("sobol", s.target, s.factor, "", "total", s.total, ci: s.totalInterval, unit: "share")
        }
        return w.text
    }

    /// Terminal summary: targets first (the answer), then series, tornado and Sobol tables.
    public static func table(_ r: SweepResult, model: SweepModel) -> String {
        var out: [String] = []
        out.append("Sweep \(r.scenario) — plan \(model.plan.id), \(r.mode.rawValue), \(r.samples) scenarios, seed \(r.seed)")
        out.append("")
        var tt = TextTable(header: ["target", "indicator", "required", "P(met)", "± s.e.", "median [p5–p95]", "driver that matters most", "yearly noise"],
                           alignments: [.left, .left, .left, .right, .right, .right, .left, .right])
        let i5 = r.percentiles.firstIndex(of: 5), i50 = r.percentiles.firstIndex(of: 50), i95 = r.percentiles.firstIndex(of: 95)
        for t in r.targets {
            let m = t.metricDistribution
            var band = i50.map { metricText(m.percentiles[$0], t.metric) } ?? metricText(m.mean, t.metric)
            if let i5, let i95 { band += " [\(metricText(m.percentiles[i5], t.metric))–\(metricText(m.percentiles[i95], t.metric))]" }
            let most = r.mostInfluential(for: t.id).map { m -> String in
                m.by == "tornado swing" ? "\(m.factor) (swing \(metricText(m.value, t.metric)))" : "\(m.factor) (ST \(Formatting.fixed(m.value, 2)))"
            } ?? "—"
            let noise = r.volatilityShare(for: t.id).map { "ST " + Formatting.fixed($0, 2) } ?? "—"
            let metricName = t.metric == .cagr ? "CAGR \(model.plan.baselineYear)–\(t.targetYear)" : (t.metric == .level ? "\(t.targetYear)" : "worst year")
            tt.append([t.id, "\(t.indicator) (\(metricName))", t.requirement, Formatting.fixed(t.probability * 100, 1) + " %",
                       t.standardError.map { Formatting.fixed($0 * 100, 2) } ?? "—", band, most, noise])
        }
        out.append("Targets (P(met) and s.e. in percent; ST = total Sobol index: share of the metric's variance the factor takes part in)")
        out.append(tt.render())
        out.append("")
        var st = TextTable(header: ["series", "year"] + r.percentiles.map(pctLabel) + ["mean", "sd", "unit"],
                           alignments: [.left, .right] + r.percentiles.map { _ in .right } + [.right, .right, .left])
        for s in r.series {
            for (t, y) in s.years.enumerated() {
                let d = s.byYear[t]
                st.append([s.id + (s.usesIllustrativeBaseline ? "*" : ""), "\(y)"] + d.percentiles.map { Formatting.fixed($0, 2) }
                          + [Formatting.fixed(d.mean, 2), Formatting.fixed(d.sd, 2), s.unit])
            }
        }
        out.append("Series (* = illustrative baseline)")
        out.append(st.render())
        if !r.tornado.isEmpty {
            out.append("")
            var tb = TextTable(header: ["target", "driver", "driver low–high", "metric at low", "at high", "swing"],
                               alignments: [.left, .left, .right, .right, .right, .right])
            for b in r.tornado where b.swing > 0 {
                let metric = r.targets.first { $0.id == b.target }?.metric ?? .level
                tb.append([b.target, b.driver, inputText(b.lowInput, driver: b.driver, model: model) + " – " + inputText(b.highInput, driver: b.driver, model: model),
                           metricText(b.metricAtLow, metric), metricText(b.metricAtHigh, metric), metricText(b.swing, metric)])
            }
            out.append("Tornado (one driver across its range, others at their middle, no volatility; drivers with no effect left out)")
            out.append(tb.render())
        }
        if !r.sobol.isEmpty {
            out.append("")
            var sb = TextTable(header: ["target", "factor", "first order [95 % CI]", "total [95 % CI]"],
                               alignments: [.left, .left, .right, .right])
            func ci(_ v: Double, _ r: ClosedRange<Double>) -> String {
                "\(Formatting.fixed(v, 3)) [\(Formatting.fixed(r.lowerBound, 3)), \(Formatting.fixed(r.upperBound, 3))]"
            }
            for s in r.sobol { sb.append([s.target, s.factor, ci(s.firstOrder, s.firstOrderInterval), ci(s.total, s.totalInterval)]) }
            out.append("Sobol indices (Saltelli sampling, Jansen estimators, N = \(r.sobolSamples); see docs/sweep.md)")
            out.append(sb.render())
        }
        if !r.notes.isEmpty {
            out.append("")
            out += r.notes.map { "Note: " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
