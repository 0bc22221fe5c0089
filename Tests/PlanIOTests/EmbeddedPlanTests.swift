import Foundation
import Testing
@testable import PlanIO
@testable import PlanModel

/// The An Hưng plan as transcribed from Notebooks-data/plans/an-hung/source/ke-hoach-an-hung-2026-2030.txt.
@Suite struct EmbeddedAnHungPlan {
    let plan: Plan
    init() throws { plan = try PlanLoader.load(directory: nil) }

    @Test func holdsAllTwentyOneNumberedTargetsOfSectionII1() {
        let items = Set(plan.targets.map(\.planItem).filter { !$0.isEmpty })
        #expect(items == Set((1...21).map { "(\($0))" }))
    }

    @Test func mapsEveryAppendixRowThatCarriesAValue() {
        // Phụ lục I has 32 rows with a value in the "Kế hoạch 5 năm" column, counted by hand
        // (rows 1, 2 + 3 sectors, 3.1, 3.2, 4, 5 + 2, 6.1, 6.2, 7, 8 + 2, 9 + 2, 10 + 1, 11,
        // 12, 13 + 1, 14 + 2, 15, 16 + 1); row 3 is mapped too though its value is blank;
        // row 6 is only a heading for 6.1 and 6.2.
        let withValue = plan.targets.filter { !$0.appendixRow.isEmpty && !$0.appendixValue.isEmpty }
        #expect(withValue.count == 32)
        #expect(Set(plan.targets.map(\.appendixRow).filter { !$0.isEmpty }).count == 33)
    }

    @Test func growthTargetsAreFractionsPerYear() throws {
        let t02 = try #require(plan.targets.first { $0.id == "T02" })
        #expect(t02.kind == .growth && t02.comparator == .range)
        #expect(t02.low == 0.12 && t02.high == 0.14)
        let t01 = try #require(plan.targets.first { $0.id == "T01" })
        #expect(t01.low == 0.125)
    }

    @Test func incomeBaselineIsDerivedFromThePlan() throws {
        let b = try #require(plan.baseline(of: "income_per_capita"))
        #expect(b.source == .derived)
        // 120 / 1.07^5 = 85.5580 → 85.56
        #expect(abs(b.value - 120 / pow(1.07, 5)) < 0.005)
    }

    @Test func blankAndInconsistentWordingIsRecordedWithANote() throws {
        let t03 = try #require(plan.targets.first { $0.id == "T03" })
        #expect(t03.low == nil && !t03.isQuantitative && t03.note.contains("blank"))
        let t09b = try #require(plan.targets.first { $0.id == "T09b" })
        #expect(t09b.low == 42.9 && t09b.note.contains("42.857"))
        let t11a = try #require(plan.targets.first { $0.id == "T11a" })
        #expect(t11a.appendixValue == ">97" && t11a.comparator == .greaterOrEqual)
    }

    @Test func povertyIsBetterWhenLower() throws {
        let t07 = try #require(plan.targets.first { $0.id == "T07" })
        #expect(t07.direction == .lower && t07.comparator == .less && t07.low == 3)
    }

    @Test func illustrativeBaselinesAreMarked() {
        #expect(plan.illustrativeIndicators.contains("budget_revenue"))
        #expect(!plan.illustrativeIndicators.contains("income_per_capita"))
        #expect(plan.usesIllustrative("gpv_total"))
    }

    @Test func targetsFileRoundTrips() throws {
        let text = TargetsFile.csv(plan.targets)
        let again = try TargetsFile.parse(
            CSVTable.parse(text: text, file: "roundtrip.csv"), indicators: plan.indicators)
        #expect(again == plan.targets)
    }

    @Test func embeddedCopyIsTheNotebooksDataFolder() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let nb = repo.appendingPathComponent("Notebooks-data/plans/an-hung/targets.csv")
        let embedded = URL(fileURLWithPath: PlanLoader.embeddedPlanDirectory)
            .appendingPathComponent("targets.csv")
        #expect(try Data(contentsOf: nb) == Data(contentsOf: embedded))
    }
}
