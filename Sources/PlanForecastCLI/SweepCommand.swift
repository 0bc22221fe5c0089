import ArgumentParser
import Forecasting
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
        abstract:
            "Simulate many scenarios: percentiles of every series, the chance of meeting each target, and what drives it.",
        discussion: """
            Each scenario draws every driver's mean growth from its distribution in the scenario \
            file, adds year-to-year volatility (correlated as the file says) and shocks, and \
            projects every series to the plan's last year. Same seed, same output, whatever \
            --threads is. Growth and volatility are in percent in files and output.

            Examples:
              planforecast sweep --plan imported-plan   # the plan's own ranges
              planforecast sweep --scenario Scenarios/an-hung-ranges.yaml
              planforecast sweep --scenario Scenarios/mc-a.yaml --samples 1000000 \\
                --format csv --output mc-a.csv
              planforecast sweep --scenario Scenarios/an-hung-ranges.yaml \\
                --mode grid --step 0.5
              planforecast sweep --scenario Scenarios/an-hung-ranges.yaml \\
                --mode lhs --paths paths.csv --samples 10000
              planforecast sweep --plans communes --recursive --samples 10000 \\
                --output sweeps.csv

            Exit codes: 0 success, 64 usage (also a run too large for the memory available: \
            the message says how many scenarios fit), 65 bad input data, 74 I/O failure.
            See docs/sweep.md.
            """)

    @Option(
        help:
            "Scenario file (YAML) with the drivers' distributions. Default: the plan's own ranges (plan-ranges: each growth target's range as a uniform distribution; drivers without a baseline value are left out, with a note)."
    )
    var scenario: String?
    @OptionGroup var planOptions: PlanOptions
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
    @Option(
        name: .customLong("grid-points"), help: "Grid points per driver when --step is not given.")
    var gridPoints: Int = 5
    @Option(help: "Paths per grid point.")
    var replicates: Int = 1
    @Option(name: .customLong("grid-limit"), help: "Largest grid that runs without --confirm-grid.")
    var gridLimit: Int = 1_000_000
    @Flag(name: .customLong("confirm-grid"), help: "Run a grid larger than --grid-limit.")
    var confirmGrid = false
    @Option(
        name: .customLong("sobol-samples"),
        help: "Base sample of the Sobol analysis (0 turns it off).")
    var sobolSamples: Int = 2048
    @Option(help: "Bootstrap replicates for the Sobol intervals.")
    var bootstrap: Int = 200
    @Option(help: "table | csv | xlsx (one sheet per section)")
    var format: OutputFormat = .table
    @Option(help: "Output file ('-' or none: standard output).")
    var output: String?
    @Option(
        help: ArgumentHelp(
            "Sweep every plan folder under DIR (each with its own scenario.yaml, else its plan-ranges) in one process, into one long CSV (plan id first).",
            valueName: "DIR"))
    var plans: String?
    @Flag(help: "With --plans: look for plan folders at any depth.") var recursive = false

    public enum OutputFormat: String, ExpressibleByArgument, Sendable { case table, csv, xlsx }

    public init() {}

    public func run() throws {
        if let plans { return try runPlans(plans) }
        do {
            // Open the output first, so a bad path fails before a long run.
            let out = try output.flatMap { $0 == "-" ? nil : try AtomicFile.Writer(path: $0) }
            do {
                let text = try execute()
                let bytes = format == .xlsx ? try sweepWorkbook(text) : Data(text.utf8)
                if let out {
                    try out.write(bytes); try out.commit()
                } else {
                    FileHandle.standardOutput.write(bytes)
                }
            } catch {
                out?.abandon()
                throw error
            }
        } catch {
            let (message, status) = ErrorExit.describe(error)
            CLIOutput.error(message)
            throw ExitCode(status)
        }
    }

    /// The CSV as a workbook, marked ILLUSTRATIVE when the plan's baseline is.
    func sweepWorkbook(_ csv: String) throws -> Data {
        if output == nil && isatty(1) != 0 {
            throw InputError.usage("--format xlsx writes a binary file: pass --output FILE.xlsx")
        }
        let illustrative = try planOptions.load().baseline.contains {
            $0.source == .illustrative
        }
        return try WorkbookWriter.data(CommandWorkbooks.sweep(csv: csv, illustrative: illustrative))
    }

    /// The plan's own ranges, without the drivers that have no baseline value (each named
    /// in a note on standard error).
    static func planRanges(_ plan: Plan) -> Scenario {
        let (kept, dropped) = PlanRanges.scenario(for: plan).keepingDriversWithBaseline(in: plan)
        for id in dropped {
            CLIOutput.note(
                "sweep: \(id) left out of plan-ranges: no baseline value for \(plan.baselineYear) (fill baseline.csv)"
            )
        }
        return kept
    }

    /// Parses, runs and renders; throws `InputError`, `SimulationError` or I/O errors.
    func execute() throws -> String {
        let options = try makeOptions()
        let planValue = try planOptions.load()
        let scenarioValue =
            try scenario.map { try ScenarioReader.read(path: $0, plan: planValue) }
            ?? Self.planRanges(planValue)
        let model: SweepModel
        do {
            model = try SweepModel(plan: planValue, scenario: scenarioValue)
        } catch let e as SimulationError where !e.isUsageError {
            // The reader catches nearly everything with its line; what only the model can
            // see (correlations that cannot hold together) still names the file.
            throw ScenarioModelError(file: scenario ?? PlanRanges.scenarioName, error: e)
        }
        if options.mode == .grid {
            let n = SweepEngine.gridPointCount(model: model, options: options)
            FileHandle.standardError.write(Data("grid: \(n) scenarios\n".utf8))
        }
        var writer: AtomicFile.Writer?
        var sink: FileSink?
        if let paths {
            let w = try AtomicFile.Writer(path: paths)
            try w.write(PathsCSV.header)
            writer = w
            sink = FileSink(writer: w)
        }
        let progress: ((Double) -> Void)? =
            isatty(2) != 0
            ? { f in
                FileHandle.standardError.write(
                    Data(String(format: "\rsweep: %3.0f %%", f * 100).utf8))
            } : nil
        let result: SweepResult
        do {
            result = try SweepEngine.run(
                model: model, options: options, paths: sink, progress: progress)
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
                throw InputError.usage(
                    "--percentiles: \"\(part)\" is not a percentile between 0 and 100 (e.g. 5,50,95)"
                )
            }
            ps.append(v)
        }
        o.percentiles = ps
        if let step {
            o.gridStep = .percentagePoints(step)
        } else {
            o.gridStep = .points(gridPoints)
        }
        o.gridReplicates = replicates
        o.gridLimit = gridLimit
        o.confirmGrid = confirmGrid
        o.sobolSamples = sobolSamples
        o.bootstrap = bootstrap
        return o
    }
}

/// Streams path CSV into an atomic writer (header written by `execute`).
final class FileSink: PathSink {
    let writer: AtomicFile.Writer
    init(writer: AtomicFile.Writer) { self.writer = writer }
    func write(_ bytes: [UInt8]) throws { try writer.write(Data(bytes)) }
}

/// A data error the sweep model found in a scenario file the reader accepted, with the
/// file's name (exit 65).
struct ScenarioModelError: Error, CustomStringConvertible {
    let file: String
    let error: SimulationError
    var description: String { "\(file): \(error.description)" }
}
