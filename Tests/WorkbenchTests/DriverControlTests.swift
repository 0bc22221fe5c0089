import Foundation
import PlanIO
import PlanModel
import Testing
@testable import Workbench

@Suite struct DriverControlTests {
    let plan = try! PlanLoader.load(directory: nil)

    /// The rule the page's script applies (low = central − below, high = central + above,
    /// mode/mean = central) gives back the distribution a row was filled from.
    @Test func rowsDescribeTheirDistribution() {
        let specs: [GrowthSpec] = [
            .fixed(0.14), .uniform(low: 0.13, high: 0.15),
            .triangular(low: 0.10, mode: 0.125, high: 0.16),
            .normal(mean: 0.07, sd: 0.01),
            .truncatedNormal(mean: 0.07, sd: 0.01, low: 0.05, high: 0.1)
        ]
        for spec in specs {
            let s = Scenario(
                name: "x",
                drivers: [Driver(indicator: "gpv_industry", spec: spec, volatility: 0.02)])
            let row = DriverControl.rows(plan: plan, scenario: s).first {
                $0.indicator.id == "gpv_industry"
            }!
            let c = row.central, lo = c - row.below, hi = c + row.above
            let rebuilt: GrowthSpec
            switch row.distribution {
            case "fixed": rebuilt = .fixed(c / 100)
            case "uniform": rebuilt = .uniform(low: lo / 100, high: hi / 100)
            case "triangular": rebuilt = .triangular(low: lo / 100, mode: c / 100, high: hi / 100)
            case "normal": rebuilt = .normal(mean: c / 100, sd: row.sd / 100)
            default:
                rebuilt = .truncatedNormal(
                    mean: c / 100, sd: row.sd / 100, low: lo / 100, high: hi / 100)
            }
            #expect(ScenarioCodecTests().close(rebuilt, spec), "\(spec)")
            #expect(abs(row.volatility - 2) < 1e-12)
            #expect(row.inScenario)
        }
    }

    @Test func everyDrivableIndicatorHasARow() {
        let rows = DriverControl.rows(plan: plan, scenario: Scenario(name: "x", drivers: []))
        let drivable = plan.indicators.filter { !$0.isAggregate && $0.measure != .qualitative }.map(
            \.id)
        #expect(rows.map(\.indicator.id) == drivable)
        #expect(rows.allSatisfy { !$0.inScenario })
        #expect(rows.filter { $0.indicator.measure == .rate }.allSatisfy { $0.model == .change })
    }

    @Test func comparisonListsChangedInputs() {
        let base: JSONValue = .object([
            "name": .string("plan-mid"), "drivers": .object(["a": .object(["growth": .number(14)])])
        ])
        let mine: JSONValue = .object([
            "name": .string("mine"),
            "drivers": .object([
                "a": .object(["growth": .object(["uniform": .array([.number(13), .number(15)])])])
            ]),
            "shocks": .array([
                .object(["driver": .string("a"), "year": .number(2027), "pp": .number(-3)])
            ])
        ])
        let b = ComparisonTableHTML.flatten(base), m = ComparisonTableHTML.flatten(mine)
        #expect(b == ["name": "plan-mid", "drivers.a.growth": "14"])
        #expect(
            m == [
                "name": "mine", "drivers.a.growth.uniform": "[13, 15]", "shocks[1].driver": "a",
                "shocks[1].year": "2027", "shocks[1].pp": "-3"
            ])
    }
}

@Suite struct ShockRowsTests {
    let plan = try! PlanLoader.load(directory: nil)

    /// A driver with three shocks (two in one year) gets three rows, in scenario order, each
    /// with the contract's names; a driver without shocks gets none, only the add button.
    @Test func everyShockOfADriverHasARow() throws {
        let s = Scenario(
            name: "x",
            drivers: [
                Driver(indicator: "gpv_industry", spec: .fixed(0.14)),
                Driver(indicator: "gpv_services", spec: .fixed(0.14))
            ],
            shocks: [
                Shock(indicator: "gpv_industry", year: 2027, amount: -0.03),
                Shock(indicator: "gpv_services", year: 2028, amount: -0.01),
                Shock(indicator: "gpv_industry", year: 2029, amount: 0.02),
                Shock(indicator: "gpv_industry", year: 2027, amount: -0.01)
            ])
        let rows = DriverControl.rows(plan: plan, scenario: s)
        let industry = try #require(rows.first { $0.indicator.id == "gpv_industry" })
        #expect(industry.shocks.map(\.year) == [2027, 2029, 2027])
        #expect(zip(industry.shocks.map(\.size), [-3.0, 2, -1]).allSatisfy { abs($0 - $1) < 1e-9 })
        let html = WhatIfPanelHTML.shockRows(
            row: industry, plan: plan, text: WorkbenchText(language: .en))
        #expect(html.components(separatedBy: "name=\"shock-year.gpv_industry\"").count == 4)
        #expect(html.components(separatedBy: "name=\"shock-pp.gpv_industry\"").count == 4)
        #expect(html.contains("value=\"2029\" selected"))
        #expect(html.contains("data-add-shock=\"gpv_industry\""))
        let agriculture = try #require(rows.first { $0.indicator.id == "gpv_agriculture" })
        let none = WhatIfPanelHTML.shockRows(
            row: agriculture, plan: plan, text: WorkbenchText(language: .en))
        #expect(!none.contains("name=\"shock-year."))
        // The template the script clones has no names until the script gives it a driver's.
        let template = WhatIfPanelHTML.shockTemplate(plan: plan, text: WorkbenchText(language: .en))
        #expect(template.hasPrefix("<template id=\"shock-template\">"))
        #expect(!template.contains("name="))
    }
}
