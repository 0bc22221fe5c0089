import Foundation
import Testing
import TestSupport
@testable import Forecasting
@testable import PlanIO
@testable import PlanModel

/// `ProjectionGaps`: what `project` lists as not projected.
@Suite struct ProjectionGapNotes {
    /// An Hưng without the budget's and the industry sector's baseline values: the budget
    /// (T01) and industry (T02b) are not projected, nor the total, whose components now miss
    /// one; nor, as in the full plan, value_per_ha_farmland (no baseline, blank figure).
    @Test func namesEachUnprojectedIndicatorWithItsTargets() throws {
        var plan = try PlanLoader.load(directory: nil)
        plan.baseline.removeAll { ["budget_revenue", "gpv_industry"].contains($0.indicator) }
        var dropped: [String] = []
        let runs = try PlanAssumption.allCases.map {
            let (kept, gone) = $0.scenario(for: plan).keepingDriversWithBaseline(in: plan)
            dropped = gone
            return try Projector.project(plan: plan, scenario: kept)
        }
        #expect(dropped == ["budget_revenue", "gpv_industry"])
        let notes = ProjectionGaps.findings(plan: plan, projections: runs, droppedDrivers: dropped)
        // in indicators.csv order; value_per_ha_farmland has no baseline in An Hưng itself
        #expect(
            notes.map { String($0.message.prefix { $0 != " " }) }
                == ["budget_revenue", "gpv_total", "gpv_industry", "value_per_ha_farmland"])
        let budget = try #require(notes.first { $0.message.hasPrefix("budget_revenue ") })
        #expect(budget.kind == .insufficientData && budget.severity == .note)
        #expect(budget.targets == plan.targets(for: "budget_revenue").map(\.id))
        #expect(budget.message.contains("no baseline value for 2025 (fill baseline.csv)"))
        #expect(budget.message.contains("insufficient data"))
        #expect(budget.message.contains("growth driver was left out"))
        let total = try #require(notes.first { $0.message.hasPrefix("gpv_total ") })
        #expect(total.message.contains("its components gpv_industry have no baseline value"))
        #expect(!total.message.contains("left out"))
        // The outcomes agree: those targets have no projected value.
        for id in notes.flatMap(\.targets) {
            #expect(runs[1].outcomes.first { $0.target.id == id }?.projected == nil, "\(id)")
        }
    }

    /// Invariant over random baseline removals: a note exactly for each quantitative
    /// indicator no projection projects; none when every indicator has its baseline.
    @Test func aNoteExactlyForEachQuantitativeIndicatorNotProjected() throws {
        // An Hưng itself: only value_per_ha_farmland has no baseline (its (3) figure is blank).
        let base = try PlanLoader.load(directory: nil)
        let own = ProjectionGaps.findings(
            plan: base,
            projections: [
                try Projector.project(plan: base, scenario: PlanAssumption.mid.scenario(for: base))
            ])
        #expect(own.count == 1 && own[0].message.hasPrefix("value_per_ha_farmland "))
        #expect(
            own[0].message.contains("not quantifiable") && !own[0].message.contains("insufficient"))
        var complete = base
        complete.indicators.removeAll { $0.id == "value_per_ha_farmland" }
        complete.targets.removeAll { $0.indicator == "value_per_ha_farmland" }
        #expect(
            ProjectionGaps.findings(
                plan: complete,
                projections: [
                    try Projector.project(
                        plan: complete, scenario: PlanAssumption.mid.scenario(for: complete))
                ]
            ).isEmpty)
        let seed: UInt64 = 20_261_203
        var g = SeededGenerator(seed: seed)
        for round in 0..<200 {
            var plan = base
            plan.baseline = base.baseline.filter { _ in Bool.random(using: &g) }
            let kept = PlanRanges.scenario(for: plan).keepingDriversWithBaseline(in: plan).scenario
            let run = try Projector.project(plan: plan, scenario: kept)
            let notes = ProjectionGaps.findings(plan: plan, projections: [run])
            let projected = Set(run.series.map(\.indicator.id))
            let expected = plan.indicators.filter {
                $0.measure != .qualitative && !projected.contains($0.id)
            }.map(\.id)
            #expect(
                notes.map { String($0.message.prefix { $0 != " " }) } == expected,
                "seed \(seed) round \(round)")
        }
    }
}
