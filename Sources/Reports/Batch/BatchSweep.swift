import Dispatch
import Forecasting
import Foundation
import PlanIO
import PlanModel
import Simulation
import Spreadsheet

/// `sweep --plans DIR`: every plan folder under a directory swept in one process, in
/// parallel across plans (`DispatchQueue.concurrentPerform`, one worker thread per plan),
/// each plan with its own scenario (`scenario.yaml` in the plan folder; without one, the
/// plan's own ranges, `PlanRanges`, as `sweep --plan P` uses), into one long CSV:
/// the plan id, then the columns of the single-plan sweep CSV (`SweepReport.csvColumns`).
///
/// Invariants:
/// - a plan's rows are exactly the rows `sweep --plan P --scenario P/scenario.yaml` writes
///   with the same options and seed (the sweep engine's results do not depend on its
///   thread count, so running each plan on one thread changes nothing);
/// - plans appear in folder order (`PlanFolderDiscovery`, sorted by path), whatever order
///   the workers finish in; rows are streamed to `write` as soon as every earlier plan is
///   done, so memory holds only the plans finished out of order, not the whole country;
/// - a plan that fails (a bad plan or scenario, a model that cannot
///   hold) is recorded with its message (file, line, field) and the others go on.
///
/// ```swift
/// let sweep = try BatchSweep.run(directory: "communes", options: .init()) { data in
///     try writer.write(data)
/// }
/// sweep.failures.map(\.message)   // ["communes/x/scenario.yaml:3: …"]
/// ```
public struct BatchSweep: Sendable {
    public struct Options: Sendable {
        public var recursive = false
        /// Options of every plan's sweep (`threads` is ignored: one thread per plan).
        public var sweep = SweepOptions()
        /// The scenario file looked for in each plan folder.
        public var scenarioFileName = "scenario.yaml"
        public init() {}
    }

    /// One swept plan.
    public struct Swept: Sendable, Hashable {
        public var folder: String
        public var planID: String
        /// What the plan's sweep left out (drivers of plan-ranges without a baseline).
        public var notes: [String] = []
    }

    /// Swept plans in folder order.
    public var plans: [Swept]
    public var failures: [BatchFailure]
    public var folderCount: Int { plans.count + failures.count }

    /// The header of the long CSV.
    public static var csvHeader: [UInt8] {
        CSVWriter(header: ["plan"] + SweepReport.csvColumns).bytes
    }

    /// Sweeps every plan folder under `directory`, handing the long CSV to `write` in
    /// order (the header first; `write` is called from worker threads, one call at a time,
    /// under a lock). `progress(done, total)` is called after each plan (from worker
    /// threads, one call at a time). Throws a usage error for invalid sweep options
    /// before any plan runs, and the first error `write` throws (after the workers stop).
    public static func run(
        directory: String, options: Options,
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        write: @escaping (Data) throws -> Void
    ) throws -> BatchSweep {
        var oneThread = options.sweep
        oneThread.threads = 1
        try oneThread.validate()
        let sweepOptions = oneThread
        let folders = try PlanFolderDiscovery.folders(in: directory, recursive: options.recursive)
        let output = OrderedOutput(count: folders.count, write: write)
        try output.writeHeader(Data(csvHeader))
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            guard !output.failed else { return }
            let outcome: Result<OrderedOutput.Rows, BatchFailure>
            do {
                outcome = .success(
                    try sweepOne(
                        folder: folders[index], options: sweepOptions,
                        scenarioFileName: options.scenarioFileName))
            } catch let failure as BatchFailure {
                outcome = .failure(failure)
            } catch {
                outcome = .failure(
                    BatchFailure(folder: folders[index], message: String(describing: error)))
            }
            let done = output.store(outcome, at: index)
            progress?(done, folders.count)
        }
        try output.finish()
        var plans: [Swept] = []
        var failures: [BatchFailure] = []
        for (index, outcome) in output.outcomes.enumerated() {
            switch outcome {
            case .success(let swept): plans.append(swept)
            case .failure(let failure): failures.append(failure)
            case nil: failures.append(BatchFailure(folder: folders[index], message: "not run"))
            }
        }
        return BatchSweep(plans: plans, failures: failures)
    }

    /// Loads one plan folder and its scenario, sweeps it and renders its rows (plan id
    /// first). Same steps, same errors as the single-plan `sweep` command.
    static func sweepOne(folder: String, options: SweepOptions, scenarioFileName: String)
        throws -> OrderedOutput.Rows
    {
        let plan = try PlanLoader.load(directory: folder, tables: .csvOrWorkbook)
        let scenarioPath = (folder as NSString).appendingPathComponent(scenarioFileName)
        let scenario: Scenario
        var notes: [String] = []
        if FileManager.default.fileExists(atPath: scenarioPath) {
            scenario = try ScenarioReader.read(path: scenarioPath, plan: plan)
        } else {
            // As `sweep --plan P` without --scenario: the plan's own ranges, without the
            // drivers that have no baseline value (each named in a note).
            let (kept, dropped) = PlanRanges.scenario(for: plan)
                .keepingDriversWithBaseline(in: plan)
            scenario = kept
            notes = dropped.map {
                "\(folder): \($0) left out of \(PlanRanges.scenarioName): no baseline value for \(plan.baselineYear) (fill baseline.csv)"
            }
        }
        let model: SweepModel
        do {
            model = try SweepModel(plan: plan, scenario: scenario)
        } catch let error as SimulationError where !error.isUsageError {
            // What only the model sees (correlations that cannot hold together) still
            // names the file, as the single-plan command does.
            let file =
                FileManager.default.fileExists(atPath: scenarioPath)
                ? scenarioPath : "\(folder) (\(PlanRanges.scenarioName))"
            throw BatchFailure(folder: folder, message: "\(file): \(error.description)")
        }
        let result = try SweepEngine.run(model: model, options: options)
        var csv = CSVWriter()
        SweepReport.appendCSVRows(result, model: model, leading: [plan.id], to: &csv)
        return OrderedOutput.Rows(folder: folder, planID: plan.id, bytes: csv.data, notes: notes)
    }
}
