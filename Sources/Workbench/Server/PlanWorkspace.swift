import Foundation
import Forecasting
import PlanIO
import PlanModel
import Reports

/// One served plan with what its pages start from: the review against the example
/// actuals, the plan's own low/middle/high scenarios and the range between them, and the
/// consistency findings.
struct PlanWorkspace: Sendable {
    /// A named scenario with its JSON (for controls) and canonical YAML (for cache keys).
    struct NamedScenario: Sendable {
        var scenario: Scenario
        var json: JSONValue
        var yaml: String
    }

    let source: PlanSource
    let review: Review
    /// plan-low, plan-mid, plan-high (`PlanAssumption`), for the comparison table.
    let planScenarios: [NamedScenario]
    /// The what-if panel's starting point: each driver uniform between its plan-low and
    /// plan-high growth (fixed where they agree), central value the middle.
    let startScenario: NamedScenario
    let findings: [Finding]

    var plan: Plan { source.plan }
    var id: String { source.plan.id }

    init(source: PlanSource) throws {
        self.source = source
        let plan = source.plan
        review = Self.review(
            plan: plan, actuals: source.exampleActuals, name: source.exampleActualsName ?? "")
        // A freshly imported plan has empty baselines: its drivers without a baseline value
        // are left out, as `project` and `sweep` leave them out (the dashboard's review
        // and `check` say what to fill).
        func usable(_ scenario: Scenario) -> Scenario {
            scenario.keepingDriversWithBaseline(in: plan).scenario
        }
        planScenarios = try PlanAssumption.allCases.map {
            try Self.named(usable($0.scenario(for: plan)), plan: plan)
        }
        startScenario = try Self.named(usable(PlanRanges.scenario(for: plan)), plan: plan)
        findings = ConsistencyChecker.check(plan)
    }

    /// A scenario passed through the codec, so its YAML is exactly what the browser's JSON
    /// for it would give.
    static func named(_ scenario: Scenario, plan: Plan) throws -> NamedScenario {
        let json = ScenarioCodec.json(scenario, plan: plan)
        let (parsed, yaml) = try ScenarioCodec.scenario(from: json, plan: plan)
        return NamedScenario(scenario: parsed, json: json, yaml: yaml)
    }

    /// The review with the command line's default options (trend rule, 80 and 95 %
    /// intervals), as `planforecast review` computes it.
    static func review(plan: Plan, actuals: [Observation], name: String) -> Review {
        ReviewEngine.review(
            plan: plan, actuals: actuals, options: ReviewEngine.Options(), actualsSource: name)
    }

    /// Reads an uploaded actuals CSV or .xlsx with the command line's readers
    /// (`UploadedActuals`); errors name `fileName`.
    func review(uploaded data: Data, fileName: String) throws -> Review {
        let actuals = try UploadedActuals.read(data, fileName: fileName, plan: plan)
        return Self.review(plan: plan, actuals: actuals, name: fileName)
    }

    /// The plan's (or the starting) scenario by name.
    func builtInScenario(named name: String) -> NamedScenario? {
        ([startScenario] + planScenarios).first { $0.scenario.name == name }
    }
}
