import Testing
import PlanModel
@testable import PlanIO

/// Issue 9, fault 2: a scenario the reader accepts must run, so whatever the sweep cannot
/// sample is refused here, with file, line, key and what was expected (exit 65).
@Suite struct ScenarioSupportMessages {
    let plan: Plan
    init() throws { plan = try PlanLoader.load(directory: nil) }

    /// `BadScenarioInput.good` with another income driver and extra top-level lines.
    func scenario(income: String, extra: String = "") throws -> String {
        try BadScenarioInput().good.replacingOccurrences(
            of: "income_per_capita: {growth: 7}",
            with: "income_per_capita: \(income)") + "\n" + extra
    }

    /// The reader's message (and exit code 65), as in `BadScenarioInput`.
    func message(_ text: String) throws -> String? { try BadScenarioInput().message(text) }

    /// The case: it used to pass, then trap in the sweep and project at 12 %/yr.
    @Test func truncatedNormalMeanOutsideItsBounds() throws {
        let m = try message(
            try scenario(income: "{growth: {truncated_normal: {mean: 12, sd: 1, low: 5, high: 9}}}")
        )
        #expect(
            m
                == "s.yaml:7 [income_per_capita.growth.truncated_normal.mean]: found 12, outside [5, 9]; "
                + "expected a mean from low to high (the normal's mean before truncation)")
        // On a bound is inside.
        #expect(
            try message(
                try scenario(
                    income: "{growth: {truncated_normal: {mean: 9, sd: 1, low: 5, high: 9}}}"))
                == nil)
    }

    /// A normal whose mean − 2 sd is −100 %/yr or less: the tornado's low end would be an
    /// impossible growth.
    @Test func normalReachingMinusOneHundredPercent() throws {
        let m = try message(try scenario(income: "{growth: {normal: {mean: 13, sd: 60}}}"))
        #expect(
            m
                == "s.yaml:7 [income_per_capita.growth]: found mean − 2 sd = -107 %/yr; expected mean − 2 sd above −100 %/yr"
        )
    }

    /// An sd so wide that the truncated normal is flat between its bounds (values shown in
    /// the file's percent).
    @Test func truncatedNormalFlatterThanAUniform() throws {
        let m = try message(
            try scenario(
                income: "{growth: {truncated_normal: {mean: 7, sd: 10000000, low: 5, high: 9}}}"))
        #expect(
            m
                == "s.yaml:7 [income_per_capita.growth]: found the sd 10000000 is more than a million times the width "
                + "of [5, 9] (write a uniform distribution); expected a distribution that can be sampled"
        )
    }

    @Test func evaluatingATargetTheSweepCannotSimulate() throws {
        let qualitative = try message(
            try scenario(income: "{growth: 7}", extra: "evaluate: [T01, T13]"))
        #expect(
            qualitative == "s.yaml:8 [evaluate]: found T13, which is qualitative; "
                + "expected a quantitative target of a driven indicator in the plan years")
        let undriven = try message(try scenario(income: "{growth: 7}", extra: "evaluate: [T05a]"))
        #expect(
            undriven
                == "s.yaml:8 [evaluate]: found T05a, which measures enterprises_active, which has no driver in this scenario; "
                + "expected a quantitative target of a driven indicator in the plan years")
        #expect(
            try message(try scenario(income: "{growth: 7}", extra: "evaluate: [T01, T02, T06b]"))
                == nil)
    }

    /// A driver whose indicator has no baseline in the plan needs one under `baseline:`.
    @Test func driverWithoutABaseline() throws {
        guard
            let id = plan.indicators.first(where: {
                !$0.isAggregate && $0.measure != .qualitative
                    && plan.baselineValue(of: $0.id) == nil
            })?.id
        else { return }
        let text = try scenario(income: "{growth: 7}").replacingOccurrences(
            of: "drivers:\n", with: "drivers:\n  \(id): {growth: 1}\n")
        #expect(
            try message(text)
                == "s.yaml:3 [\(id)]: found driver \"\(id)\" with no baseline value in plan an-hung; "
                + "expected a baseline for it under baseline:")
        #expect(try message(text + "\nbaseline: {\(id): 10}\n") == nil)
    }
}
