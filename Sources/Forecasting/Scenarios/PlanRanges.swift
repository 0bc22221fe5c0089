import Foundation
import PlanModel

/// The plan's own growth ranges as a scenario to sweep: every driver of ``PlanAssumption``
/// draws its mean growth uniformly between its plan-low and plan-high value (a fixed growth
/// where the two agree, as for a single-value target), and its central value is the middle.
///
/// ```swift
/// let ranges = PlanRanges.scenario(for: plan)   // "plan-ranges"
/// ranges.driver(for: "thu_nhap_binh_quan")?.spec  // .uniform(low: 0.07, high: 0.08)
/// ```
///
/// Invariants: the drivers are exactly plan-low's, in the same order; each driver's range
/// runs from its plan-low to its plan-high growth, so the scenario's central values are
/// plan-mid's. `sweep` without `--scenario` and the workbench's what-if panel start here.
public enum PlanRanges {
    public static let scenarioName = "plan-ranges"

    public static func scenario(for plan: Plan) -> Scenario {
        let low = PlanAssumption.low.scenario(for: plan)
        let high = PlanAssumption.high.scenario(for: plan)
        let drivers = low.drivers.map { d in
            let lo = d.spec.central
            let hi = high.driver(for: d.indicator)?.spec.central ?? lo
            return Driver(
                indicator: d.indicator, model: d.model,
                spec: lo < hi ? .uniform(low: lo, high: hi) : .fixed(lo))
        }
        return Scenario(
            name: scenarioName,
            description: "Each growth target's range as a uniform distribution",
            plan: plan.id, drivers: drivers)
    }
}
