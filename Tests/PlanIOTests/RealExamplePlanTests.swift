import Foundation
import Testing
@testable import PlanIO
@testable import PlanModel

/// The real example: Viet Nam's national five-year plan 2021-2025 (Nghị quyết
/// 16/2021/QH15, §2 "Các chỉ tiêu chủ yếu") with published baselines and outcomes.
/// Every number checked here was checked by hand against the publication named in the
/// folder's `source`/`note` columns.
@Suite struct RealExampleVietnam20212025 {
    let directory: String
    let plan: Plan
    let actuals: [Observation]

    init() throws {
        // Tests/PlanIOTests/RealExamplePlanTests.swift → repository root is three levels up.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        directory = root.appendingPathComponent("Notebooks-data/plans/vietnam-2021-2025").path
        plan = try PlanLoader.load(directory: directory)
        actuals = try ActualsFile.read(
            path: (directory as NSString).appendingPathComponent("actuals.csv"), plan: plan)
    }

    @Test func isTheNationalPlanWithBaseline2020() {
        #expect(plan.id == "vietnam-2021-2025")
        #expect(plan.firstYear == 2021 && plan.lastYear == 2025 && plan.baselineYear == 2020)
        #expect(plan.language == "vi")
    }

    @Test func holdsNineQuantitativeTargets() {
        #expect(plan.targets.count == 9)
        #expect(plan.targets.allSatisfy { $0.isQuantitative })
        #expect(Set(plan.targets.map(\.kind)) == [.growth, .level, .maintained])
    }

    @Test func gdpGrowthIsTheRange6_5To7PercentOnAVolumeIndex() throws {
        let t01 = try #require(plan.targets.first { $0.id == "T01" })
        #expect(t01.indicator == "gdp_index" && t01.kind == .growth && t01.comparator == .range)
        #expect(t01.low == 0.065 && t01.high == 0.07)
        let base = try #require(plan.baseline(of: "gdp_index"))
        #expect(base.value == 100 && base.source == .derived)
    }

    @Test func gdpIndexActualsAreTheRunningProductOfFirstPublishedGrowth() throws {
        // GSO/NSO year-end releases: 2.58, 8.02, 5.05, 7.09, 8.02 %.
        let growth = [2021: 2.58, 2022: 8.02, 2023: 5.05, 2024: 7.09, 2025: 8.02]
        var index = 100.0
        for year in 2021...2025 {
            index *= 1 + growth[year]! / 100
            let a = try #require(actuals.first { $0.indicator == "gdp_index" && $0.year == year })
            #expect(abs(a.value - index) < 0.001)
        }
        // Average 2021-2025 on first-published data: 6.13 %/yr, below the 6.5 % floor.
        let cagr = pow(index / 100, 1.0 / 5) - 1
        #expect(abs(cagr - 0.0613) < 0.0005)
    }

    @Test func baselinesEqualThePublishedFigures() throws {
        // MPI/GSO, USD, 2020
        #expect(try #require(plan.baseline(of: "gdp_per_capita")).value == 3521)
        // VSS, end-2020
        #expect(try #require(plan.baseline(of: "health_insurance")).value == 90.85)
        #expect(try #require(plan.baseline(of: "life_expectancy")).value == 73.7)  // GSO, 2020
        #expect(try #require(plan.baseline(of: "forest_cover")).value == 42.01)  // MARD, 31/12/2020
        #expect(try #require(plan.baseline(of: "trained_labour")).value == 64.5)
        #expect(plan.illustrativeIndicators.isEmpty)
    }

    @Test func outcomesAsPublished() throws {
        func actual(_ id: String, _ year: Int) throws -> Observation {
            try #require(actuals.first { $0.indicator == id && $0.year == year })
        }
        #expect(try actual("gdp_per_capita", 2025).value == 5026)
        #expect(try actual("gdp_per_capita", 2025).isEstimate)
        #expect(try actual("health_insurance", 2023).value == 93.35)
        // Life expectancy 2023 as first published (73.7), not the later revision (74.5).
        #expect(try actual("life_expectancy", 2023).value == 73.7)
        #expect(try actual("life_expectancy", 2023).note.contains("74.5"))
        #expect(try actual("forest_cover", 2022).value == 42.02)
    }

    @Test func everyActualNamesItsSourceAndUnverifiedYearsAreAbsent() {
        #expect(actuals.count == 33)
        #expect(actuals.allSatisfy { !$0.source.isEmpty })
        #expect(actuals.allSatisfy { $0.year >= 2021 && $0.year <= 2025 })
        // Not verified, so not in the file: trained labour 2021-2024, health insurance 2021
        // and 2024, productivity 2025, forest cover 2024-2025.
        #expect(!actuals.contains { $0.indicator == "trained_labour" && $0.year < 2025 })
        #expect(
            !actuals.contains {
                $0.indicator == "health_insurance" && ($0.year == 2021 || $0.year == 2024)
            })
        #expect(
            !actuals.contains { $0.indicator == "labour_productivity_index" && $0.year == 2025 })
        #expect(!actuals.contains { $0.indicator == "forest_cover" && $0.year >= 2024 })
    }

    @Test func everyTargetCitesTheResolution() {
        #expect(plan.targets.allSatisfy { $0.source.contains("16/2021/QH15") })
        let t09 = plan.targets.first { $0.id == "T09" }
        #expect(t09?.kind == .maintained && t09?.startYear == 2021 && t09?.low == 42)
    }
}

@Suite struct IndexUnitsDecideTheDot {
    @Test func anIndexIsNeverInTheThousands() throws {
        // 102.580 with unit "chỉ số (2020 = 100)" is 102.58 (an index around 100), while the
        // same text in tỷ đồng stays ambiguous.
        #expect(try VietnameseNumber.parse("102.580", unit: "chỉ số (2020 = 100)") == 102.58)
        #expect(throws: VietnameseNumber.ParseError.self) {
            _ = try VietnameseNumber.parse("102.580", unit: "tỷ đồng")
        }
    }
}
