import Foundation
import PlanIO
import PlanModel
import Testing

@testable import Spreadsheet

/// A plan folder whose tables are workbooks (`targets.xlsx` …) loads to the same plan as
/// its CSV files, through the same readers; errors name file, sheet and cell.
@Suite struct PlanFolderTablesTests {
    /// A copy of the embedded plan with the given tables written as workbooks by our
    /// writer (numbers as numbers, `OutputSheet(csv:)`) and their CSV files removed.
    static func folder(workbooks kinds: [PlanFileKind], banner: Bool = true) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plan-folder-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: PlanLoader.embeddedPlanDirectory), to: dir)
        for kind in kinds {
            let csvName = kind == .actuals ? "actuals-example.csv" : "\(kind.rawValue).csv"
            let csv = dir.appendingPathComponent(csvName)
            let text = try String(contentsOf: csv, encoding: .utf8)
            var sheet = try OutputSheet(
                csv: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text,
                name: kind.rawValue, textColumns: ["id", "indicator", "plan_item", "appendix_row"])
            // A title above the header, as planners write (the header is then row 2).
            if banner { sheet.banner = "Kế hoạch An Hưng — \(kind.rawValue)" }
            try WorkbookWriter.write(
                [sheet], to: dir.appendingPathComponent("\(kind.rawValue).xlsx").path)
            try FileManager.default.removeItem(at: csv)
        }
        return dir.path
    }

    @Test func workbookTablesLoadToTheSamePlan() throws {
        let plan = try PlanLoader.load(directory: PlanLoader.embeddedPlanDirectory)
        let dir = try Self.folder(workbooks: [.indicators, .targets, .baseline])
        let back = try PlanLoader.load(directory: dir, tables: .csvOrWorkbook)
        #expect(back.indicators == plan.indicators)
        #expect(back.targets == plan.targets)
        #expect(back.baseline == plan.baseline)
        // CSV-only loading refuses the workbook, saying where workbooks are read.
        #expect(throws: InputError.self) { try PlanLoader.load(directory: dir) }
    }

    @Test func actualsWorkbookIsTheFoldersActuals() throws {
        let plan = try PlanLoader.load(directory: PlanLoader.embeddedPlanDirectory)
        let expected = try ActualsFile.read(
            path: PlanLoader.exampleActualsPath(directory: nil)!, plan: plan)
        let dir = try Self.folder(workbooks: [.actuals])
        let path = try #require(try PlanLoader.actualsPath(directory: dir))
        #expect(path.hasSuffix("/actuals.xlsx"))
        #expect(try ActualsInput.read(path: path, plan: plan) == expected)
        let report = try PlanCheck.check(directory: dir, actualsPath: nil, tables: .csvOrWorkbook)
        #expect(report.actualsPath == path)
    }

    @Test func csvAndWorkbookOfOneKindIsAnError() throws {
        let dir = try Self.folder(workbooks: [.targets])
        try "id\n".write(
            toFile: (dir as NSString).appendingPathComponent("targets.csv"), atomically: true,
            encoding: .utf8)
        do {
            _ = try PlanLoader.load(directory: dir, tables: .csvOrWorkbook)
            Issue.record("loaded with both targets.csv and targets.xlsx")
        } catch let error as InputError {
            #expect(error.exitCode == 65)
            #expect(
                "\(error)"
                    == "\(dir): found both targets.csv and targets.xlsx (the same table twice); expected one targets file: remove or rename the one that is not meant"
            )
        }
    }

    /// A bad value in a workbook table: the message names the file, the sheet and the cell
    /// (the baseline's value column is C; the banner puts the header in row 2, the first
    /// data row in row 3).
    @Test func badCellIsNamed() throws {
        let dir = try Self.folder(workbooks: [.baseline])
        let path = (dir as NSString).appendingPathComponent("baseline.xlsx")
        var sheet = try OutputSheet(
            csv: "indicator,year,value,unit,source,note\nbudget_revenue,2025,x,tỷ đồng,official,\n",
            name: "Baseline 2025")
        sheet.banner = "Số liệu năm gốc"
        try WorkbookWriter.write([sheet], to: path)
        do {
            _ = try PlanLoader.load(directory: dir, tables: .csvOrWorkbook)
            Issue.record("loaded a baseline value x")
        } catch let error as InputError {
            #expect(error.exitCode == 65)
            #expect(
                "\(error)".hasPrefix("\(path), sheet \"Baseline 2025\", C3 [value]: found \"x\""),
                "\(error)")
        }
    }
}
