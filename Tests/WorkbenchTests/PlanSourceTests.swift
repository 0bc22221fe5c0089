import Foundation
import PlanIO
import PlanModel
import Spreadsheet
import Testing

@testable import Workbench

/// The workbench reads a plan folder as the command line does: its tables may be
/// workbooks (`targets.xlsx` …) instead of CSV files.
@Suite struct PlanSourceTests {
    @Test func folderWithWorkbookTablesServesTheSamePlan() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "workbench-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: PlanLoader.embeddedPlanDirectory), to: dir)
        for kind in ["targets", "baseline"] {
            let csv = dir.appendingPathComponent("\(kind).csv")
            var text = try String(contentsOf: csv, encoding: .utf8)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let sheet = try OutputSheet(
                csv: text, name: kind,
                textColumns: ["id", "indicator", "plan_item", "appendix_row"])
            try WorkbookWriter.write(
                [sheet], to: dir.appendingPathComponent("\(kind).xlsx").path)
            try FileManager.default.removeItem(at: csv)
        }
        let embedded = try PlanSource.load(directory: nil)
        let source = try PlanSource.load(directory: dir.path)
        #expect(source.plan.targets == embedded.plan.targets)
        #expect(source.plan.baseline == embedded.plan.baseline)
        #expect(source.exampleActuals == embedded.exampleActuals)
    }
}

/// A plan whose baseline lacks a driven indicator (a freshly imported plan has none at
/// all) is served: its plan scenarios leave that driver out, as `sweep` does, and a sweep
/// without it answers, with no probability for the target that cannot be judged (T01,
/// budget revenue growth).
@Suite struct PlanWithoutBaselineTests {
    @Test func servedAndSweptWithoutTheDriver() async throws {
        var source = try PlanSource.load(directory: nil)
        source.plan.baseline.removeAll { $0.indicator == "budget_revenue" }
        let fixture = try WorkbenchFixture(source: source)
        let workspace = try #require(fixture.server.routes.workspaces.first)
        #expect(workspace.startScenario.scenario.driver(for: "budget_revenue") == nil)
        #expect(workspace.startScenario.scenario.driver(for: "gpv_industry") != nil)
        #expect(
            workspace.planScenarios.allSatisfy { $0.scenario.driver(for: "budget_revenue") == nil })
        try await fixture.with { c in
            let page = try await c.send(.get, "/plans/an-hung")
            #expect(page.status == .ok)
            let body = """
                {"name": "mine", "plan": "an-hung", "drivers": {
                  "gpv_agriculture": {"growth": 1.75}, "gpv_industry": {"growth": 14},
                  "gpv_services": {"growth": 14}, "income_per_capita": {"growth": 7}}}
                """
            let r = try await c.send(.post, "/api/plans/an-hung/sweep?samples=500", body: body)
            #expect(r.status == .ok, "\(r.text)")
            let targets = r.object["targets"] as? [[String: Any]] ?? []
            let t01 = targets.first { $0["id"] as? String == "T01" }
            let t02b = targets.first { $0["id"] as? String == "T02b" }
            #expect(t01?["probability"] as? Double == nil)
            #expect(t02b?["probability"] as? Double == 1)
        }
    }
}
