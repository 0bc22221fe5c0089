import Foundation
import Testing
import TestSupport
@testable import Forecasting
@testable import PlanIO
@testable import PlanModel

/// `PlanRanges` against An Hưng's growth targets read by hand from
/// Notebooks-data/plans/an-hung/targets.csv: T01 budget 12.5 %/yr, T02a agriculture
/// 1.5–2, T02b industry 13–15, T02c services 13–15, T06a income 7; T02 (the total) is an
/// aggregate and is not driven.
@Suite struct PlanRangesScenario {
    @Test func anHungRangesAreTheGrowthTargetsAsUniformDistributions() throws {
        let plan = try PlanLoader.load(directory: nil)
        let ranges = PlanRanges.scenario(for: plan)
        #expect(ranges.name == "plan-ranges" && ranges.plan == plan.id)
        let expected: [String: GrowthSpec] = [
            "budget_revenue": .fixed(0.125),
            "gpv_agriculture": .uniform(low: 0.015, high: 0.02),
            "gpv_industry": .uniform(low: 0.13, high: 0.15),
            "gpv_services": .uniform(low: 0.13, high: 0.15),
            "income_per_capita": .fixed(0.07)
        ]
        #expect(ranges.drivers.count == expected.count)
        for d in ranges.drivers {
            let e = try #require(expected[d.indicator], "\(d.indicator)")
            switch (d.spec, e) {
            case (.fixed(let a), .fixed(let b)): #expect(abs(a - b) < 1e-12)
            case (.uniform(let a, let b), .uniform(let c, let e)):
                #expect(abs(a - c) < 1e-12 && abs(b - e) < 1e-12, "\(d.indicator)")
            default: Issue.record("\(d.indicator): \(d.spec)")
            }
            #expect(d.model == .growth)
        }
        #expect(ranges.driver(for: "gpv_total") == nil)
    }

    /// Invariants over the embedded plan with its growth ranges widened at random: the
    /// drivers are plan-low's in order, each runs from plan-low to plan-high, and the
    /// central values are plan-mid's.
    @Test func driversRunFromPlanLowToPlanHigh() throws {
        let base = try PlanLoader.load(directory: nil)
        var g = SeededGenerator(seed: 20_261_202)
        for round in 0..<200 {
            var plan = base
            for i in plan.targets.indices where plan.targets[i].kind == .growth {
                let lo = Double.random(in: -0.05...0.3, using: &g)
                let width = Bool.random(using: &g) ? 0 : Double.random(in: 0...0.1, using: &g)
                plan.targets[i].low = lo
                let single = Bool.random(using: &g) && width == 0
                plan.targets[i].high = single ? nil : lo + width
            }
            let ranges = PlanRanges.scenario(for: plan)
            let low = PlanAssumption.low.scenario(for: plan)
            let mid = PlanAssumption.mid.scenario(for: plan)
            let high = PlanAssumption.high.scenario(for: plan)
            #expect(
                ranges.drivers.map(\.indicator) == low.drivers.map(\.indicator), "round \(round)")
            for d in ranges.drivers {
                let lo = low.driver(for: d.indicator)!.spec.central
                let hi = high.driver(for: d.indicator)!.spec.central
                let m = mid.driver(for: d.indicator)!.spec.central
                switch d.spec {
                case .fixed(let v): #expect(v == lo && lo == hi, "round \(round) \(d.indicator)")
                case .uniform(let a, let b): #expect(a == lo && b == hi && a < b, "round \(round)")
                default: Issue.record("round \(round): \(d.spec)")
                }
                #expect(abs(d.spec.central - m) < 1e-12, "round \(round) \(d.indicator)")
            }
        }
    }
}
