import Foundation
import PlanIO
import PlanModel
import Testing
import TestSupport
@testable import Workbench

@Suite struct ScenarioCodecTests {
    let plan = try! PlanLoader.load(directory: nil)

    @Test func jsonBecomesTheScenarioFileItDescribes() throws {
        let json = try JSONDecoder().decode(
            JSONValue.self, from: Data(WorkbenchFixture.planMidJSON(growthIndustry: 15.5).utf8))
        let (scenario, yaml) = try ScenarioCodec.scenario(from: json, plan: plan)
        // Written by hand from the JSON above: keys in the file's order, drivers in the
        // plan's indicator order, one flow-style line each.
        #expect(yaml.hasPrefix("name: mine\nplan: an-hung\ndrivers:\n"))
        #expect(yaml.contains("  gpv_industry: {growth: 15.5}\n"))
        #expect(scenario.driver(for: "gpv_industry")?.spec == .fixed(0.155))
        #expect(scenario.drivers.count == 5)
    }

    /// The same mistake gives the same message from JSON as from a file with the same
    /// content (the message is the scenario reader's, not a copy of it).
    @Test func errorsAreTheFileReadersMessages() throws {
        let cases: [(json: String, yaml: String)] = [
            (
                WorkbenchFixture.planMidJSON(growthIndustry: 150),
                "name: mine\nplan: an-hung\ndrivers:\n  budget_revenue: {growth: 12.5}\n  gpv_agriculture: {growth: 1.75}\n  gpv_industry: {growth: 150}\n  gpv_services: {growth: 14}\n  income_per_capita: {growth: 7}\n"
            ),
            (
                #"{"name": "x", "plan": "an-hung", "drivers": {"gpv_industry": {"growth": 14}}, "colour": "red"}"#,
                "name: x\nplan: an-hung\ndrivers:\n  gpv_industry: {growth: 14}\ncolour: red\n"
            ),
            (
                #"{"name": "x", "drivers": {"nonsense": {"growth": 1}}}"#,
                "name: x\ndrivers:\n  nonsense: {growth: 1}\n"
            )
        ]
        for c in cases {
            let json = try JSONDecoder().decode(JSONValue.self, from: Data(c.json.utf8))
            var fromJSON = "", fromFile = ""
            do { _ = try ScenarioCodec.scenario(from: json, plan: plan) } catch {
                fromJSON = "\(error)"
            }
            do {
                _ = try ScenarioReader.parse(
                    c.yaml, file: ScenarioCodec.requestFileName, plan: plan)
            } catch { fromFile = "\(error)" }
            #expect(!fromJSON.isEmpty)
            #expect(fromJSON == fromFile)
        }
    }

    @Test func aTypoIsNamedWithItsField() throws {
        let json = try JSONDecoder().decode(
            JSONValue.self, from: Data(WorkbenchFixture.planMidJSON(growthIndustry: 150).utf8))
        #expect(throws: InputError.self) { try ScenarioCodec.scenario(from: json, plan: plan) }
        do { _ = try ScenarioCodec.scenario(from: json, plan: plan) } catch {
            #expect("\(error)".hasPrefix("scenario.yaml:6 [gpv_industry.growth]: found 150"))
        }
    }

    /// Property: scenario → JSON → YAML → scenario is the identity (to 12 significant
    /// digits) over generated scenarios. Prints the seed of a failing case.
    @Test func roundTripOverGeneratedScenarios() throws {
        // A driver needs a baseline value to start from (the reader refuses one without).
        let drivable = plan.indicators.filter {
            !$0.isAggregate && $0.measure != .qualitative && plan.baselineValue(of: $0.id) != nil
        }
        for seed in UInt64(1)...200 {
            var g = SeededGenerator(seed: seed)
            var drivers: [Driver] = []
            for ind in drivable
            where Bool.random(using: &g)
                || plan.targets.contains(where: { $0.kind == .growth && $0.indicator == ind.id })
            {
                let model: DriverModel = ind.measure == .rate ? .change : .growth
                let scale = model == .growth ? 0.01 : 1.0
                let c = Double(Int.random(in: -50...200, using: &g)) / 10 * scale
                let w = Double(Int.random(in: 1...30, using: &g)) / 10 * scale
                let spec: GrowthSpec
                switch Int.random(in: 0...4, using: &g) {
                case 0: spec = .fixed(c)
                case 1: spec = .uniform(low: c - w, high: c + w)
                case 2: spec = .triangular(low: c - w, mode: c, high: c + 2 * w)
                case 3: spec = .normal(mean: c, sd: w)
                default: spec = .truncatedNormal(mean: c, sd: w, low: c - 2 * w, high: c + w)
                }
                drivers.append(
                    Driver(
                        indicator: ind.id, model: model, spec: spec,
                        volatility: Double(Int.random(in: 0...30, using: &g)) / 10 * scale))
            }
            var s = Scenario(
                name: "generated-\(seed)", description: "seed \(seed)", plan: plan.id,
                drivers: drivers)
            if drivers.count >= 2, Bool.random(using: &g) {
                s.correlations[DriverPair(drivers[0].indicator, drivers[1].indicator)] =
                    Double(Int.random(in: -9...9, using: &g)) / 10
            }
            if let d = drivers.last, Bool.random(using: &g) {
                s.shocks = [
                    Shock(
                        indicator: d.indicator, year: plan.firstYear + 1,
                        amount: (d.model == .growth ? 0.01 : 1) * -2.5)
                ]
            }
            let json = ScenarioCodec.json(s, plan: plan)
            let back: Scenario
            do { back = try ScenarioCodec.scenario(from: json, plan: plan).scenario } catch {
                Issue.record("seed \(seed): \(error)"); continue
            }
            #expect(back.name == s.name, "seed \(seed)")
            #expect(back.drivers.count == s.drivers.count, "seed \(seed)")
            for d in s.drivers {
                guard let e = back.driver(for: d.indicator) else {
                    Issue.record("seed \(seed): lost \(d.indicator)"); continue
                }
                #expect(
                    e.model == d.model && close(e.spec, d.spec)
                        && abs(e.volatility - d.volatility) < 1e-12,
                    "seed \(seed) driver \(d.indicator)")
            }
            #expect(back.correlations.count == s.correlations.count, "seed \(seed)")
            for (k, v) in s.correlations {
                #expect(abs((back.correlations[k] ?? .nan) - v) < 1e-12, "seed \(seed)")
            }
            #expect(back.shocks.count == s.shocks.count, "seed \(seed)")
            for (a, b) in zip(back.shocks, s.shocks) {
                #expect(
                    a.indicator == b.indicator && a.year == b.year
                        && abs(a.amount - b.amount) < 1e-12, "seed \(seed)")
            }
        }
    }

    func close(_ a: GrowthSpec, _ b: GrowthSpec) -> Bool {
        func values(_ s: GrowthSpec) -> [Double] {
            switch s {
            case .fixed(let v): return [0, v]
            case .uniform(let l, let h): return [1, l, h]
            case .triangular(let l, let m, let h): return [2, l, m, h]
            case .normal(let m, let s): return [3, m, s]
            case .truncatedNormal(let m, let s, let l, let h): return [4, m, s, l, h]
            }
        }
        let x = values(a), y = values(b)
        return x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) < 1e-12 }
    }
}
