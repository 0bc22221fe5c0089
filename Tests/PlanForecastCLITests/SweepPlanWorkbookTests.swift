import Foundation
import Testing

/// `sweep --plan plan.xlsx` reads a plan workbook as every other command does, and gives
/// the same sweep as the plan folder it was written from.
@Suite struct SweepPlanWorkbookTests {
    @Test func sweepOfTheTemplateWorkbookEqualsSweepOfThePlan() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("plan.xlsx").path
        let written = try CLI.run(["template", "--output", book])
        #expect(written.status == 0, "\(written.stderr)")
        let scenario = CLI.repo.appendingPathComponent("Scenarios/plan-mid.yaml").path
        let common = [
            "--scenario", scenario, "--samples", "2000", "--seed", "7", "--threads", "1",
            "--format", "csv"
        ]
        let fromFolder = try CLI.run(["sweep"] + common)
        let fromBook = try CLI.run(["sweep", "--plan", book] + common)
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")
        #expect(fromBook.status == 0, "\(fromBook.stderr)")
        #expect(!fromBook.stdout.isEmpty && fromBook.stdout == fromFolder.stdout)
    }
}
