import Foundation
import Testing
@testable import Forecasting
@testable import PlanIO
@testable import PlanModel

/// Projections of the An Hưng plan against values computed by hand with `pow`.
@Suite struct AnHungProjection {
    let plan: Plan
    init() throws { plan = try PlanLoader.load(directory: nil) }

    func run(_ a: PlanAssumption) throws -> Projection {
        try Projector.project(plan: plan, scenario: a.scenario(for: plan))
    }

    @Test func incomeUnderPlanMidReaches120From85_56() throws {
        let p = try run(.mid)
        let s = try #require(p.series("income_per_capita"))
        #expect(s.points.map(\.year) == [2025, 2026, 2027, 2028, 2029, 2030])
        for (k, pt) in s.points.enumerated() {
            #expect(abs(pt.value - 85.56 * pow(1.07, Double(k))) < 1e-9)
        }
        // 85.56 × 1.07^5 = 120.0003...
        #expect(abs(s.value(in: 2030)! - 120) < 0.05)
        #expect(s.basis == .driver && !s.illustrative)
    }

    @Test func budgetRevenueCompoundsAt12_5Percent() throws {
        // 120 × 1.125 = 135; × 1.125 = 151.875; 170.859375; 192.216796875; 216.2438964844
        let expected = [120, 135, 151.875, 170.859375, 192.216796875, 216.243896484375]
        let s = try #require(try run(.low).series("budget_revenue"))
        for (pt, e) in zip(s.points, expected) { #expect(abs(pt.value - e) < 1e-9) }
    }

    @Test func totalProductionIsTheSumOfSectors() throws {
        for a in PlanAssumption.allCases {
            let p = try run(a)
            let total = try #require(p.series("gpv_total"))
            #expect(total.basis == .components)
            let g: (Double, Double, Double) =
                a == .low
                ? (0.015, 0.13, 0.13) : a == .mid ? (0.0175, 0.14, 0.14) : (0.02, 0.15, 0.15)
            for (k, pt) in total.points.enumerated() {
                let n = Double(k)
                let hand = 400 * pow(1 + g.0, n) + 2600 * pow(1 + g.1, n) + 1500 * pow(1 + g.2, n)
                #expect(abs(pt.value - hand) < 1e-9 * hand)
            }
        }
    }

    @Test func totalGrowthFollowsTheSectorMix() throws {
        // Low ends: 400×1.015^5 + 2600×1.13^5 + 1500×1.13^5 = 430.91 + 4790.33 + 2763.65
        // = 7984.89; (7984.89/4500)^(1/5) − 1 = 12.154 %. High ends: 441.63 + 5229.53 +
        // 3017.04 = 8688.20 → 14.063 %.
        let low = try #require(try run(.low).outcomes.first { $0.target.id == "T02" })
        let high = try #require(try run(.high).outcomes.first { $0.target.id == "T02" })
        #expect(abs(low.projected! - 0.12154) < 5e-5)
        #expect(abs(high.projected! - 0.14063) < 5e-5)
        #expect(low.met == true && !low.exceedsRange)
        #expect(high.met == true && high.exceedsRange)
        #expect(low.illustrative)
    }

    @Test func requiredGrowthToALevelTarget() throws {
        // T03a: crop land 125 → 150 million VND/ha by 2030: (150/125)^(1/5) − 1 = 3.7137 %/yr.
        let o = try #require(try run(.mid).outcomes.first { $0.target.id == "T03a" })
        #expect(abs(o.requiredGrowth! - (pow(1.2, 0.2) - 1)) < 1e-12)
        #expect(o.met == nil && o.basis == .requiredPath)
        // T12 social insurance 38 → 60 % by 2030 needs +4.4 percentage points a year.
        let t12 = try #require(try run(.mid).outcomes.first { $0.target.id == "T12" })
        #expect(abs(t12.requiredChange! - 4.4) < 1e-12)
    }

    @Test func maintainedTargetJudgesTheWorstYear() throws {
        // Solid waste collection is held at 96 % (no driver) and must be 100 % every year.
        let o = try #require(try run(.mid).outcomes.first { $0.target.id == "T16" })
        #expect(o.met == false && o.projected == 96)
        let water = try #require(try run(.mid).outcomes.first { $0.target.id == "T15" })
        #expect(water.met == true)
    }

    @Test func qualitativeAndBlankTargetsAreNotJudged() throws {
        let p = try run(.mid)
        for id in ["T03", "T13", "T14", "T21b"] {
            let o = try #require(p.outcomes.first { $0.target.id == id })
            #expect(o.met == nil && o.projected == nil, "\(id)")
        }
    }

    @Test func scenarioShocksAndOverridesApply() throws {
        var s = PlanAssumption.mid.scenario(for: plan)
        s.baselineOverrides["budget_revenue"] = 100
        s.shocks = [Shock(indicator: "budget_revenue", year: 2027, amount: -0.10)]
        let p = try Projector.project(plan: plan, scenario: s)
        let v = try #require(p.series("budget_revenue"))
        // 100 × 1.125 × (1.125 − 0.10) × 1.125^3
        #expect(abs(v.value(in: 2030)! - 100 * 1.125 * 1.025 * pow(1.125, 3)) < 1e-9)
        #expect(!v.illustrative)
    }

    @Test func changeDriverIsClampedToTheBound() throws {
        var s = PlanAssumption.mid.scenario(for: plan)
        s.drivers.append(Driver(indicator: "online_dossiers", model: .change, spec: .fixed(15)))
        let p = try Projector.project(plan: plan, scenario: s)
        // 55 + 15 = 70, 85, 100, then clamped at 100.
        #expect(p.series("online_dossiers")!.points.map(\.value) == [55, 70, 85, 100, 100, 100])
        let t18 = try #require(p.outcomes.first { $0.target.id == "T18" })
        #expect(t18.met == true)
    }
}

@Suite struct ConsistencyFindings {
    let plan: Plan
    init() throws { plan = try PlanLoader.load(directory: nil) }

    @Test func incomeRateAndLevelAgree() throws {
        let f = try #require(
            ConsistencyChecker.check(plan).first {
                $0.kind == .rateVersusLevel && $0.targets == ["T06a", "T06b"]
            })
        #expect(f.severity == .consistent)
    }

    @Test func incomeRateAndLevelConflictWithALowerBaseline() throws {
        var p = plan
        p.baseline = p.baseline.map {
            var b = $0; if b.indicator == "income_per_capita" { b.value = 80 }; return b
        }
        // 80 × 1.07^5 = 112.2 < 120; 120 needs (120/80)^(1/5) − 1 = 8.45 %/yr.
        let f = try #require(ConsistencyChecker.check(p).first { $0.kind == .rateVersusLevel })
        #expect(f.severity == .conflict)
        #expect(f.message.contains("8.45 %/yr"))
    }

    @Test func sectorRangesOverlapTheTotalOnlyInPart() throws {
        let f = try #require(ConsistencyChecker.check(plan).first { $0.kind == .sectorMix })
        // 12.15–14.06 %/yr (see AnHungProjection.totalGrowthFollowsTheSectorMix) against 12–14.
        #expect(f.severity == .note)
        #expect(f.message.contains("12.15 %/yr–14.06 %/yr"))
        #expect(f.illustrative)
    }

    @Test func targetsAlreadyMetAtBaselineAreListed() {
        let met = Set(
            ConsistencyChecker.check(plan).filter { $0.kind == .metAtBaseline }.flatMap(\.targets))
        // Baselines: schools level 1 100, clean water 100, admin 95 ≥ 90, military 100,
        // crime clearance 82 > 80, natural population growth 0.9 < 1.
        #expect(met == ["T09a", "T15", "T17a", "T20", "T21a", "T11b"])
    }
}
