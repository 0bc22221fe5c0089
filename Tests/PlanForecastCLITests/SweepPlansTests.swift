import ArgumentParser
import Foundation
import Testing
@testable import PlanForecastCLI
import Reports

/// `sweep --plans DIR`: every plan folder swept in one process. Each plan's rows must be
/// exactly what `sweep --plan P --scenario P/scenario.yaml` writes with the same seed and
/// options (the single-plan command is the reference); a folder without a scenario is swept
/// with its plan-ranges, as `sweep --plan P` is; a broken scenario is reported with its
/// file and line and the others go on (exit 65).
@Suite struct SweepPlansTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let options = [
        "--samples", "1500", "--sobol-samples", "64", "--bootstrap", "8", "--seed", "7"
    ]

    /// Copies of the An Hưng plan under `root/<province>/<id>`, each with the repository's
    /// An Hưng ranges as its scenario.yaml (plan id rewritten), unless `scenario` is false.
    static func makePlan(_ id: String, in root: URL, province: String = "p1", scenario: Bool = true)
        throws -> URL
    {
        let source = repo.appendingPathComponent("Notebooks-data/plans/an-hung")
        let folder = root.appendingPathComponent(province).appendingPathComponent(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["indicators.csv", "targets.csv", "baseline.csv", "actuals-example.csv"] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let yaml = try String(
            contentsOf: source.appendingPathComponent("plan.yaml"), encoding: .utf8)
        try yaml.replacingOccurrences(of: "\nid: an-hung\n", with: "\nid: \(id)\n").write(
            to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        if scenario {
            let text = try String(
                contentsOf: repo.appendingPathComponent("Scenarios/an-hung-ranges.yaml"),
                encoding: .utf8)
            try text.replacingOccurrences(of: "\nplan: an-hung\n", with: "\nplan: \(id)\n").write(
                to: folder.appendingPathComponent("scenario.yaml"), atomically: true,
                encoding: .utf8)
        }
        return folder
    }

    /// Makes the folder's scenario drive an indicator the plan does not have.
    static func breakScenario(_ folder: URL) throws {
        let file = folder.appendingPathComponent("scenario.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n").replacingOccurrences(
            of: "  gpv_agriculture:", with: "  no_such_indicator:"
        ).write(to: file, atomically: true, encoding: .utf8)
    }

    static func tempRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sweep-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// The single-plan command's CSV rows (no header), each with the plan id in front;
    /// without `scenario.yaml`, the command's default (plan-ranges).
    static func singleRows(_ folder: URL, id: String, scenario: Bool = true) throws
        -> [Substring]
    {
        let file = folder.appendingPathComponent("scenario.yaml").path
        let csv = try SweepCommand.parse(
            ["--plan", folder.path] + (scenario ? ["--scenario", file] : []) + ["--format", "csv"]
                + options
        ).execute()
        return csv.split(separator: "\n").dropFirst().map { Substring(id + "," + $0) }
    }

    @Test func everyPlanMatchesItsSingleSweepAndABrokenFolderIsNamed() throws {
        let root = try Self.tempRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let a = try Self.makePlan("xa-a", in: root)
        let b = try Self.makePlan("xa-b", in: root, province: "p2")
        let c = try Self.makePlan("xa-c", in: root, scenario: false)
        let d = try Self.makePlan("xa-d", in: root)
        try Self.breakScenario(d)
        let output = root.appendingPathComponent("sweeps.csv")
        let command = try SweepCommand.parse(
            ["--plans", root.path, "--recursive", "--output", output.path] + Self.options)
        #expect(throws: ExitCode(65)) { try command.run() }

        let text = try String(contentsOf: output, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(
            lines[0]
                == "plan,section,scenario,id,factor,year,statistic,value,std_error,ci_low,ci_high,unit"
        )
        // Folder order (p1/xa-a, p1/xa-c on its plan-ranges, p1/xa-d failed, p2/xa-b),
        // each plan's rows exactly the single-plan command's.
        let expected =
            try Self.singleRows(a, id: "xa-a") + Self.singleRows(c, id: "xa-c", scenario: false)
            + Self.singleRows(b, id: "xa-b")
        #expect(Array(lines.dropFirst()) == expected)
        #expect(text.contains(",plan-ranges,"))
        #expect(!text.contains("xa-d"))
    }

    @Test func libraryReportsTheMissingScenarioWithItsPath() throws {
        let root = try Self.tempRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Self.makePlan("xa-a", in: root)
        let broken = try Self.makePlan("xa-z", in: root)
        try Self.breakScenario(broken)
        var options = BatchSweep.Options()
        options.recursive = true
        options.sweep = try SweepCommand.parse(Self.options).makeOptions()
        let sink = DataSink()
        let batch = try BatchSweep.run(directory: root.path, options: options) { sink.add($0) }
        #expect(batch.plans.map(\.planID) == ["xa-a"])
        #expect(batch.failures.count == 1)
        #expect(batch.failures[0].folder == broken.path)
        #expect(
            batch.failures[0].message.hasPrefix(
                broken.appendingPathComponent("scenario.yaml").path + ":"))
        #expect(batch.failures[0].message.contains("no_such_indicator"))
        let text = String(decoding: sink.data, as: UTF8.self)
        #expect(text.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("xa-a,") })
    }

    @Test func usageErrorsComeBeforeAnyPlanRuns() throws {
        let root = try Self.tempRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        var options = BatchSweep.Options()
        options.sweep.samples = 0
        #expect(throws: (any Error).self) {
            _ = try BatchSweep.run(directory: root.path, options: options) { _ in }
        }
        for extra in [["--scenario", "x.yaml"], ["--plan", "x"], ["--format", "xlsx"]] {
            let command = try SweepCommand.parse(["--plans", root.path] + extra)
            #expect(throws: ExitCode(64)) { try command.run() }
        }
    }
}

/// Collects what a batch writes (calls come one at a time, under the batch's lock).
final class DataSink: @unchecked Sendable {
    private(set) var data = Data()
    func add(_ more: Data) { data.append(more) }
}
