import Foundation
import Testing
import TestSupport
@testable import Forecasting
@testable import PlanIO
@testable import PlanModel

/// `Scenario.keepingDriversWithBaseline(in:)` over the embedded plan with baseline values
/// removed at random (seeded; the failing seed and round are printed).
@Suite struct ScenarioDriversWithBaseline {
    @Test func keepsExactlyTheDriversThatHaveABaselineAndWhatNamesThem() throws {
        let base = try PlanLoader.load(directory: nil)
        let seed: UInt64 = 20_261_202
        var g = SeededGenerator(seed: seed)
        for round in 0..<300 {
            var plan = base
            plan.baseline = base.baseline.filter { _ in Bool.random(using: &g) }
            var scenario = PlanRanges.scenario(for: plan)
            let ids = scenario.drivers.map(\.indicator)
            // shocks on every driver, correlations between neighbours, one override
            scenario.shocks = ids.map { Shock(indicator: $0, year: 2027, amount: -0.01) }
            for (a, b) in zip(ids, ids.dropFirst()) {
                scenario.correlations[DriverPair(a, b)] = 0.3
            }
            let overridden = ids.randomElement(using: &g)!
            if Bool.random(using: &g) { scenario.baselineOverrides[overridden] = 50 }
            let (kept, dropped) = scenario.keepingDriversWithBaseline(in: plan)
            let message = "seed \(seed) round \(round)"
            func based(_ id: String) -> Bool {
                scenario.baselineOverrides[id] != nil || plan.baselineValue(of: id) != nil
            }
            #expect(dropped == ids.filter { !based($0) }, "\(message)")
            #expect(kept.drivers.map(\.indicator) == ids.filter(based), "\(message)")
            #expect(kept.shocks.map(\.indicator) == kept.drivers.map(\.indicator), "\(message)")
            let keptIDs = Set(kept.drivers.map(\.indicator))
            #expect(
                kept.correlations.keys.allSatisfy {
                    keptIDs.contains($0.first) && keptIDs.contains($0.second)
                }, "\(message)")
            #expect(
                kept.correlations.count
                    == zip(ids, ids.dropFirst()).filter { based($0) && based($1) }.count,
                "\(message)")
            #expect(kept.baselineOverrides == scenario.baselineOverrides, "\(message)")
            // What is kept projects (the projector throws for a driver with no baseline).
            let projection = try Projector.project(plan: plan, scenario: kept)
            #expect(projection.series.allSatisfy { $0.points.allSatisfy { $0.value.isFinite } })
        }
    }

    @Test func aScenarioWhoseDriversAllHaveABaselineComesBackUnchanged() throws {
        let plan = try PlanLoader.load(directory: nil)
        let mid = PlanAssumption.mid.scenario(for: plan)
        let (kept, dropped) = mid.keepingDriversWithBaseline(in: plan)
        #expect(dropped.isEmpty && kept.drivers == mid.drivers && kept.name == mid.name)
    }
}
