import Foundation
import Testing
import PlanModel
@testable import PlanIO

/// The malformed-input catalog: every file (or folder) in Fixtures/malformed/ is handed to
/// the reader its name starts with, and must fail with exactly the message in the
/// `NAME.expected` file beside it: the exit code on the first line, the message on the
/// second (paths relative to the malformed folder). `import-bad-rows.txt` is the exception:
/// it imports, and its `.expected` lists the rows the report says it could not classify.
///
/// | prefix      | reader                                   |
/// |-------------|------------------------------------------|
/// | `import-`   | `PlanTableImport.importFile` (import-plan) |
/// | `targets-`  | `TargetsFile.read` with An Hưng's indicators |
/// | `baseline-` | `BaselineFile.read` (baseline year 2025)  |
/// | `actuals-`  | `ActualsFile.read` against An Hưng        |
/// | `scenario-` | `ScenarioReader.read` against An Hưng     |
/// | `plan-`     | `PlanLoader.load` (a plan folder)         |
///
/// To add a case: add the file, run the tests with `PLANFORECAST_RECORD_MALFORMED=1` to
/// write its `.expected`, then read that message and keep it only if a planner could act
/// on it (file, line, field, what was found, what was expected).
@Suite struct MalformedInputCatalog {
    static var folder: String { Fixture.path("malformed") }

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasSuffix(".expected") && !$0.hasPrefix(".") }.sorted()
    }

    static let plan: Plan = try! PlanLoader.load(directory: nil)

    /// Runs the reader for `name`; returns (exit code, message) with paths made relative.
    static func outcome(_ name: String) -> (Int32, String) {
        let path = (folder as NSString).appendingPathComponent(name)
        do {
            switch name.prefix(while: { $0 != "-" }) {
            case "import":
                let r = try PlanTableImport.importFile(atPath: path)
                return (0, r.unclassified.map(\.description).joined(separator: "\n"))
            case "targets": _ = try TargetsFile.read(path: path, indicators: plan.indicators)
            case "baseline":
                _ = try BaselineFile.read(
                    path: path, indicators: plan.indicators, baselineYear: 2025)
            case "actuals": _ = try ActualsFile.read(path: path, plan: plan)
            case "scenario": _ = try ScenarioReader.read(path: path, plan: plan)
            case "plan": _ = try PlanLoader.load(directory: path)
            default: return (-1, "no reader for \(name)")
            }
            return (0, "read without error")
        } catch let e as InputError {
            return (e.exitCode, e.description.replacingOccurrences(of: folder + "/", with: ""))
        } catch {
            return (-2, "not an InputError: \(error)")
        }
    }

    @Test func theCatalogHasAtLeastThirtyCases() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func failsWithTheExpectedMessage(_ name: String) throws {
        let (code, message) = Self.outcome(name)
        let expectedPath = (Self.folder as NSString).appendingPathComponent(name + ".expected")
        if ProcessInfo.processInfo.environment["PLANFORECAST_RECORD_MALFORMED"] != nil {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/malformed/\(name).expected")
            try "\(code)\n\(message)\n".write(to: source, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        var lines = expected.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
            .map(String.init)
        if lines.count < 2 { lines.append("") }
        #expect(String(code) == lines[0], "\(name): \(message)")
        #expect(message == lines[1].trimmingCharacters(in: .newlines), "\(name)")
        if name != "import-bad-rows.txt" {
            #expect(
                code == 65 || code == 74,
                "\(name): every malformed input is bad data or an I/O error")
        }
    }

    @Test func unreadableFilesAreIOErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pf-unreadable-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A file whose every read fails, even for root: /proc/self/mem at offset 0 (EIO).
        let broken = dir.appendingPathComponent("targets.csv").path
        try FileManager.default.createSymbolicLink(
            atPath: broken, withDestinationPath: "/proc/self/mem")
        for read in [
            { _ = try PlanTableImport.importFile(atPath: broken) },
            { _ = try TargetsFile.read(path: broken, indicators: Self.plan.indicators) }
        ] as [() throws -> Void] {
            do { try read(); Issue.record("read /proc/self/mem") } catch let e as InputError {
                #expect(e.exitCode == 74, "\(e)")
                #expect(e.description.hasPrefix(broken + ": "), "\(e)")
            }
        }
        // A file without read permission (root reads it anyway, so only checked for others).
        let locked = dir.appendingPathComponent("locked.csv").path
        try "STT,Chỉ tiêu,ĐVT,Kế hoạch 2026-2030\n".write(
            toFile: locked, atomically: false, encoding: .utf8)
        chmod(locked, 0)
        if geteuid() != 0 {
            #expect(throws: InputError.io(path: locked, reason: "permission denied")) {
                try PlanTableImport.importFile(atPath: locked)
            }
        }
    }

    @Test func missingFilesAreIOErrors() {
        #expect(throws: InputError.io(path: "/nonexistent/plan.txt", reason: "no such file")) {
            try PlanTableImport.importFile(atPath: "/nonexistent/plan.txt")
        }
    }
}
