import Foundation
import Testing
import PlanIO
import PlanModel
@testable import Spreadsheet

@Suite struct PlanWorkbookTests {
    /// The template written from each embedded plan reads back to the same plan.
    @Test func templateRoundTripsEveryEmbeddedPlan() throws {
        for dir in [PlanLoader.embeddedPlanDirectory] {
            let plan = try PlanLoader.load(directory: dir)
            let actuals =
                try PlanLoader.exampleActualsPath(directory: dir).map {
                    try ActualsFile.read(path: $0, plan: plan, decimalMark: .point)
                } ?? []
            let path = try XLSXFixture.file(
                WorkbookWriter.data(PlanTemplate.sheets(plan: plan, actuals: actuals)), "plan.xlsx")
            let back = try PlanWorkbookReader.read(path: path)
            #expect(back.id == plan.id && back.nameVi == plan.nameVi && back.nameEn == plan.nameEn)
            #expect(
                back.firstYear == plan.firstYear && back.lastYear == plan.lastYear
                    && back.baselineYear == plan.baselineYear)
            #expect(back.indicators == plan.indicators)
            #expect(back.targets == plan.targets)
            #expect(back.baseline == plan.baseline)
            #expect(try ActualsInput.read(path: path, plan: back) == actuals)
        }
    }

    @Test func emptyTemplateHasListsAndNotes() throws {
        let sheets = try PlanTemplate.sheets(plan: nil)
        #expect(
            sheets.map(\.name) == ["plan", "indicators", "targets", "baseline", "actuals", "notes"])
        let targets = sheets[2]
        #expect(targets.header == TargetsFile.columns)
        let kind = try #require(
            targets.validations.first { $0.values == TargetKind.allCases.map(\.rawValue) })
        #expect(kind.range == "H2:H2001")
        #expect(
            targets.validations.contains {
                $0.range == "A1" && $0.prompt.contains("Mã") && $0.prompt.contains("Id")
            })
        // An empty template is not a plan: reading it says what is missing, by sheet.
        let path = try XLSXFixture.file(WorkbookWriter.data(sheets))
        do {
            _ = try PlanWorkbookReader.read(path: path); Issue.record("read an empty plan")
        } catch let e as InputError {
            #expect(e.description.contains("sheet \"plan\""), "\(e)")
        }
    }
}
