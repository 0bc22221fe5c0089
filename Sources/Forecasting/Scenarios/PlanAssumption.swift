import Foundation
import PlanModel

/// The plan's own low, middle and high assumptions, built from its growth targets: every
/// indicator with a growth target gets a fixed growth at the low end, the middle or the high
/// end of its range (a single value is the same in all three). Aggregates (the total
/// production) are not driven: their growth follows from the components.
public enum PlanAssumption: String, CaseIterable, Sendable {
    case low, mid, high

    public var scenarioName: String { "plan-\(rawValue)" }

    public func scenario(for plan: Plan) -> Scenario {
        var drivers: [Driver] = []
        for t in plan.targets where t.kind == .growth {
            guard let ind = plan.indicator(t.indicator), !ind.isAggregate, let lo = t.low else {
                continue
            }
            if drivers.contains(where: { $0.indicator == ind.id }) { continue }
            let hi = t.high ?? lo
            let g: Double
            switch self {
            case .low: g = lo
            case .mid: g = (lo + hi) / 2
            case .high: g = hi
            }
            drivers.append(Driver(indicator: ind.id, model: .growth, spec: .fixed(g)))
        }
        let what = ["low": "low end", "mid": "middle", "high": "high end"][rawValue]!
        return Scenario(
            name: scenarioName,
            description: "The \(what) of every growth range in the plan's targets", plan: plan.id,
            drivers: drivers)
    }
}
