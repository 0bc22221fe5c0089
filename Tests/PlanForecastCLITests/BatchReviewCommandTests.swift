import Foundation
import Testing
@testable import PlanIO

/// `planforecast review --plans DIR` as a user runs it.
@Suite struct BatchReviewCommand {
    /// Two copies of the embedded An Hưng plan (ids good-1, good-2) and one whose
    /// baseline.csv line 5 has a value that is not a number.
    static func folder() throws -> URL {
        let root = try CLI.tempDir()
        let source = URL(fileURLWithPath: PlanLoader.embeddedPlanDirectory)
        for name in ["good-1", "good-2", "broken"] {
            try FileManager.default.copyItem(at: source, to: root.appendingPathComponent(name))
            let yaml = root.appendingPathComponent("\(name)/plan.yaml")
            let text = try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(
                of: "id: an-hung", with: "id: \(name)")
            try text.write(to: yaml, atomically: true, encoding: .utf8)
        }
        let baseline = root.appendingPathComponent("broken/baseline.csv")
        var lines = try String(contentsOf: baseline, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[4].components(separatedBy: ",")
        fields[2] = "nhiều"
        lines[4] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: baseline, atomically: true, encoding: .utf8)
        return root
    }

    @Test func brokenPlanIsNamedWithFileAndLineTheOthersAreReviewedExit65() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("reviews.csv").path
        let r = try CLI.run(["review", "--plans", root.path, "--format", "csv", "--output", out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("broken/baseline.csv:5"), "\(r.stderr)")
        #expect(r.stderr.contains("2 plans reviewed, 1 failed"), "\(r.stderr)")
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.count == 2 * 34)  // targets.csv of An Hưng: 34 rows
        #expect(rows.filter { $0.hasPrefix("good-1,") }.count == 34)
        #expect(rows.filter { $0.hasPrefix("good-2,") }.count == 34)
        let plans = try String(
            contentsOfFile: root.appendingPathComponent("reviews-plans.csv").path, encoding: .utf8)
        #expect(plans.contains(",failed,"))
    }

    @Test func allGoodPlansExitZeroAndPrintTheSummary() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("broken"))
        let r = try CLI.run(["review", "--plans", root.path, "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Mid-term review: 2 plans"))
        #expect(r.stdout.contains("targets are expected to be met or exceeded"))
        #expect(!r.stderr.contains("\r"))  // no progress bar when stderr is a pipe
    }
}
