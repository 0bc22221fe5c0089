import Foundation
import PlanModel

extension Scenario {
    /// The scenario without the drivers that have nothing to start from, and their ids.
    ///
    /// A driver needs a baseline value: the scenario's own override or the plan's
    /// `baseline.csv`. An imported plan starts with an empty `baseline.csv`, so the plan's
    /// own scenarios (``PlanAssumption``, ``PlanRanges``) would drive indicators that cannot
    /// be projected; `project` and `sweep` run on what remains and say what was left out.
    ///
    /// ```swift
    /// let (usable, dropped) = PlanRanges.scenario(for: imported).keepingDriversWithBaseline(in: imported)
    /// dropped   // ["thu_ngan_sach_tren_dia_ban", …] until baseline.csv is filled
    /// ```
    ///
    /// Invariants: every kept driver has a finite baseline; kept drivers keep their order;
    /// shocks and correlations that name a dropped driver go with it (they would name a
    /// driver that is no longer there); everything else is unchanged. A scenario whose
    /// drivers all have a baseline comes back equal, with `dropped` empty.
    public func keepingDriversWithBaseline(in plan: Plan) -> (scenario: Scenario, dropped: [String])
    {
        func hasBaseline(_ id: String) -> Bool {
            (baselineOverrides[id] ?? plan.baselineValue(of: id))?.isFinite ?? false
        }
        let dropped = drivers.map(\.indicator).filter { !hasBaseline($0) }
        guard !dropped.isEmpty else { return (self, []) }
        let gone = Set(dropped)
        var kept = self
        kept.drivers = drivers.filter { !gone.contains($0.indicator) }
        kept.shocks = shocks.filter { !gone.contains($0.indicator) }
        kept.correlations = correlations.filter {
            !gone.contains($0.key.first) && !gone.contains($0.key.second)
        }
        return (kept, dropped)
    }
}
