import Forecasting
import PlanModel

/// The summaries of a batch review: counts per status, plans at risk per target group
/// (the indicator the targets are about: income, poverty, budget, …) and the roll-up by
/// province.
///
/// A plan's verdict on a target group is its **worst** status among the targets on that
/// indicator (`TargetStatus.rank`; no verdict when none was judged). A plan is **at
/// risk** on a group when that worst status is red: limited progress, deterioration or
/// not achieved.
public struct BatchSummary: Sendable {
    public struct GroupRow: Sendable, Hashable {
        public var indicator: String
        /// Plans with a target on the indicator.
        public var plans = 0
        public var green = 0, amber = 0, red = 0, grey = 0
        /// Plans at risk (red).
        public var atRisk: Int { red }
    }

    /// Sums of one additive indicator over a province's plans.
    public struct RollUpValue: Sendable, Hashable {
        public var indicator: String
        /// True for amounts and counts whose unit is not "per" something (no `/` in it).
        public var additive: Bool
        public var baselineSum: Double?
        /// The latest year reported by any plan, the sum over the plans that report it, and
        /// how many do.
        public var latestYear: Int?
        public var latestSum: Double?
        public var plansReporting = 0
    }

    public struct ProvinceRow: Sendable {
        public var province: String
        public var plans = 0
        public var statusCounts: [TargetStatus: Int] = [:]
        public var plansAtRisk = 0
        public var values: [RollUpValue] = []
    }

    public var statusCounts: [TargetStatus: Int] = [:]
    public var byIndicator: [GroupRow] = []
    public var byProvince: [ProvinceRow] = []
    /// Plans with at least one red target.
    public var plansAtRisk = 0

    /// The worst status of `plan` on `indicator` (nil: no judged target there).
    public static func worst(_ plan: BatchPlanResult, indicator: String) -> TargetStatus? {
        let judged = plan.verdicts.filter { $0.indicator == indicator }.map(\.status)
        if judged.isEmpty { return nil }
        return judged.filter { $0.rank != nil }.min { $0.rank! < $1.rank! } ?? judged.first
    }

    static func isRed(_ s: TargetStatus) -> Bool { s.light == "red" }

    /// Indicators in first-seen order: id, name and unit (for column headers).
    public var indicators: [(id: String, name: String, unit: String, additive: Bool)] = []

    public init(_ batch: BatchReview) {
        var seen = Set<String>()
        for plan in batch.plans {
            for v in plan.values where !seen.contains(v.indicator) {
                seen.insert(v.indicator)
                indicators.append((v.indicator, v.name, v.unit, v.additive))
            }
        }
        var groupOrder: [String] = []
        for plan in batch.plans {
            for v in plan.verdicts {
                statusCounts[v.status, default: 0] += 1
                if !groupOrder.contains(v.indicator) { groupOrder.append(v.indicator) }
            }
            if plan.verdicts.contains(where: { Self.isRed($0.status) }) { plansAtRisk += 1 }
        }
        byIndicator = groupOrder.map { indicator in
            var row = GroupRow(indicator: indicator)
            for plan in batch.plans {
                guard let worst = Self.worst(plan, indicator: indicator) else { continue }
                row.plans += 1
                switch worst.light {
                case "green": row.green += 1
                case "amber": row.amber += 1
                case "red": row.red += 1
                default: row.grey += 1
                }
            }
            return row
        }
        let provinces = Array(Set(batch.plans.map(\.province))).sorted()
        byProvince = provinces.map { province in
            let members = batch.plans.filter { $0.province == province }
            var row = ProvinceRow(province: province)
            row.plans = members.count
            for plan in members {
                for v in plan.verdicts { row.statusCounts[v.status, default: 0] += 1 }
                if plan.verdicts.contains(where: { Self.isRed($0.status) }) { row.plansAtRisk += 1 }
            }
            row.values = indicators.map {
                Self.rollUp(indicator: $0.id, additive: $0.additive, members)
            }
            return row
        }
    }

    /// Amounts and counts add up across communes; rates and "per" quantities (income per
    /// head, value per hectare, enterprises per 1,000 people) do not.
    public static func isAdditive(_ indicator: Indicator) -> Bool {
        (indicator.measure == .amount || indicator.measure == .count)
            && !indicator.unit.contains("/")
    }

    static func rollUp(indicator: String, additive: Bool, _ plans: [BatchPlanResult]) -> RollUpValue
    {
        var value = RollUpValue(indicator: indicator, additive: additive)
        guard additive else { return value }
        let entries = plans.compactMap { $0.values.first { $0.indicator == indicator } }
        let baselines = entries.compactMap(\.baseline)
        if baselines.count == entries.count, !entries.isEmpty {
            value.baselineSum = baselines.reduce(0, +)
        }
        if let year = entries.compactMap(\.latestYear).max() {
            let latest = entries.filter { $0.latestYear == year }.compactMap(\.latest)
            value.latestYear = year
            value.latestSum = latest.reduce(0, +)
            value.plansReporting = latest.count
        }
        return value
    }
}
