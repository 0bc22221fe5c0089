import PlanModel

/// The values one driver's row of controls shows, from a validated scenario. Growth
/// drivers in percent per year, change drivers in the indicator's unit per year.
///
/// The row describes the driver's distribution around a central value `c`: fixed `c`;
/// uniform `[c − below, c + above]`; triangular `[c − below, c, c + above]`; normal
/// `(mean c, sd)`; truncated normal `(mean c, sd, low c − below, high c + above)`. The
/// page's script rebuilds the scenario from the same rule, so a row read back gives the
/// distribution it was filled from.
struct DriverControl: Sendable, Equatable {
    var indicator: Indicator
    var model: DriverModel
    var inScenario: Bool
    var distribution: String
    var central: Double
    var below: Double
    var above: Double
    var sd: Double
    var volatility: Double
    /// The driver's shocks in scenario order (a driver may have several, in the same or
    /// different years), sizes in the row's unit (pp for growth).
    var shocks: [ShockRow]
    var baselineOverride: Double?

    /// One shock of the row: its year and size.
    struct ShockRow: Sendable, Equatable {
        var year: Int
        var size: Double
    }

    /// One row per drivable indicator of the plan (quantitative, not an aggregate), in the
    /// plan's order; those the scenario does not drive are shown switched off, as growth
    /// (or, for rates, change) of 0.
    static func rows(plan: Plan, scenario: Scenario) -> [DriverControl] {
        plan.indicators.filter { !$0.isAggregate && $0.measure != .qualitative }.map { ind in
            let d = scenario.driver(for: ind.id)
            let model = d?.model ?? (ind.measure == .rate ? .change : .growth)
            let scale = model == .growth ? 100.0 : 1.0
            var row = DriverControl(
                indicator: ind, model: model, inScenario: d != nil, distribution: "fixed",
                central: 0,
                below: 0, above: 0, sd: 0, volatility: (d?.volatility ?? 0) * scale, shocks: [],
                baselineOverride: scenario.baselineOverrides[ind.id])
            if let spec = d?.spec {
                row.central = spec.central * scale
                switch spec {
                case .fixed: row.distribution = "fixed"
                case .uniform(let l, let h):
                    row.distribution = "uniform"; row.below = (spec.central - l) * scale;
                    row.above = (h - spec.central) * scale
                case .triangular(let l, let m, let h):
                    row.distribution = "triangular"; row.below = (m - l) * scale;
                    row.above = (h - m) * scale
                case .normal(_, let s):
                    row.distribution = "normal"; row.sd = s * scale
                case .truncatedNormal(let m, let s, let l, let h):
                    row.distribution = "truncated_normal"; row.sd = s * scale;
                    row.below = (m - l) * scale; row.above = (h - m) * scale
                }
            }
            row.shocks = scenario.shocks.filter { $0.indicator == ind.id }.map {
                ShockRow(year: $0.year, size: $0.amount * scale)
            }
            return row
        }
    }
}
