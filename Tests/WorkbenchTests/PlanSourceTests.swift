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
