import Testing
import Foundation
import PlanModel
import PlanIO
import Simulation
@testable import Reports

/// `SweepReport` on the plan-mid scenario (fixed growth, no volatility): every path is the
/// compound-growth projection, so the report's numbers are known by hand.
@Suite struct SweepReportRendering {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func run() throws -> (SweepResult, SweepModel) {
        let plan = try PlanLoader.load(directory: nil)
        let scenario = try ScenarioReader.read(path: root + "/Scenarios/plan-mid.yaml", plan: plan)
        let model = try SweepModel(plan: plan, scenario: scenario)
        var o = SweepOptions()
        o.samples = 20; o.sobolSamples = 0; o.threads = 1
        return (try SweepEngine.run(model: model, options: o), model)
    }

    @Test func csvRowsCarryTheHandComputedValues() throws {
        let (result, model) = try Self.run()
        let text = SweepReport.csv(result, model: model)
        let rows = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(
            rows[0] == [
                "section", "scenario", "id", "factor", "year", "statistic", "value", "std_error",
                "ci_low", "ci_high", "unit"
            ])
        #expect(rows.allSatisfy { $0.count == 11 })
        func value(_ section: String, _ id: String, _ year: String, _ statistic: String) -> Double?
        {
            rows.first { $0[0] == section && $0[2] == id && $0[4] == year && $0[5] == statistic }
                .flatMap { Double($0[6]) }
        }
        // Budget revenue: 120 × 1.125ᵗ from the 2025 baseline; its CAGR 12.5 %/yr meets T01 (≥ 12.5).
        let revenue2030 = 120 * 1.125 * 1.125 * 1.125 * 1.125 * 1.125
        #expect(
            abs(value("series", "budget_revenue", "2030", "mean")! - revenue2030) < 1e-8
                * revenue2030)
        #expect(value("series", "budget_revenue", "2026", "p50") == 135)
        #expect(value("series", "budget_revenue", "2030", "sd") == 0)
        #expect(value("target", "T01", "2030", "probability") == 1)
        #expect(abs(value("target", "T01", "2030", "metric_mean")! - 12.5) < 1e-9)
        #expect(
            rows.contains {
                $0[0] == "target" && $0[2] == "T01" && $0[5] == "metric_mean" && $0[10] == "%/yr"
            })
    }

    @Test func tableLeadsWithTheTargets() throws {
        let (result, model) = try Self.run()
        let text = SweepReport.table(result, model: model)
        #expect(
            text.hasPrefix("Sweep plan-mid — plan an-hung, montecarlo, 20 scenarios, seed 2026\n"))
        let t01 = text.split(separator: "\n").first { $0.hasPrefix("T01 ") }
        #expect(t01?.contains("100.0 %") == true)
        #expect(t01?.contains("12.50 %") == true)  // the median CAGR
    }
}
