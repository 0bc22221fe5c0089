import PlanModel
@testable import Simulation

/// A small plan shaped like An Hưng's: three production sectors and their total, budget
/// revenue, income per head and a poverty rate; baseline year 2025, plan years 2026–2030.
enum Fixture {
    static let indicators: [Indicator] = [
        Indicator(
            id: "agri", nameVi: "Nông nghiệp", nameEn: "Agriculture", unit: "bn VND",
            measure: .amount),
        Indicator(
            id: "ind", nameVi: "Công nghiệp", nameEn: "Industry", unit: "bn VND", measure: .amount),
        Indicator(
            id: "serv", nameVi: "Dịch vụ", nameEn: "Services", unit: "bn VND", measure: .amount),
        Indicator(
            id: "total", nameVi: "Tổng giá trị sản xuất", nameEn: "Total production",
            unit: "bn VND",
            measure: .amount, components: ["agri", "ind", "serv"]),
        Indicator(
            id: "rev", nameVi: "Thu ngân sách", nameEn: "Budget revenue", unit: "bn VND",
            measure: .amount),
        Indicator(
            id: "inc", nameVi: "Thu nhập bình quân", nameEn: "Income per head", unit: "m VND",
            measure: .amount),
        Indicator(
            id: "poor", nameVi: "Tỷ lệ hộ nghèo", nameEn: "Poverty rate", unit: "%", measure: .rate,
            upperBound: 100)
    ]

    static func target(
        _ id: String, _ ind: String, _ kind: TargetKind, _ cmp: Comparator, _ lo: Double,
        _ hi: Double? = nil, year: Int = 2030, start: Int = 2026, direction: Direction = .higher
    ) -> Target {
        Target(
            id: id, indicator: ind, nameVi: id, nameEn: id, unit: "", kind: kind, comparator: cmp,
            low: lo, high: hi ?? lo, targetYear: year, startYear: start, direction: direction)
    }

    static let targets: [Target] = [
        target("T_total", "total", .growth, .range, 0.12, 0.14),
        target("T_rev", "rev", .growth, .greaterOrEqual, 0.125),
        target("T_inc", "inc", .level, .greaterOrEqual, 120),
        target("T_poor", "poor", .level, .lessOrEqual, 1.0, direction: .lower),
        target("T_agri_yearly", "agri", .maintained, .greaterOrEqual, 400),
        target("T_q", "rev", .qualitative, .equal, 1)
    ]

    static let plan = Plan(
        id: "fixture", nameVi: "Kế hoạch thử", nameEn: "Test plan", firstYear: 2026, lastYear: 2030,
        baselineYear: 2025, indicators: indicators, targets: targets,
        baseline: [
            BaselineValue(
                indicator: "agri", year: 2025, value: 400, unit: "bn VND", source: .illustrative),
            BaselineValue(
                indicator: "ind", year: 2025, value: 2600, unit: "bn VND", source: .illustrative),
            BaselineValue(
                indicator: "serv", year: 2025, value: 1500, unit: "bn VND", source: .illustrative),
            BaselineValue(
                indicator: "rev", year: 2025, value: 120, unit: "bn VND", source: .illustrative),
            BaselineValue(
                indicator: "inc", year: 2025, value: 85.56, unit: "m VND", source: .derived),
            BaselineValue(
                indicator: "poor", year: 2025, value: 2.0, unit: "%", source: .illustrative)
        ])

    /// MC-A of shared/bench/WORKLOADS.md on the fixture plan.
    static func mcA(evaluate: [String] = ["T_total", "T_rev", "T_inc"]) -> Scenario {
        Scenario(
            name: "mc-a",
            drivers: [
                Driver(
                    indicator: "agri", spec: .uniform(low: 0.015, high: 0.02), volatility: 0.005),
                Driver(indicator: "ind", spec: .uniform(low: 0.13, high: 0.15), volatility: 0.02),
                Driver(indicator: "serv", spec: .uniform(low: 0.13, high: 0.15), volatility: 0.02),
                Driver(indicator: "rev", spec: .uniform(low: 0.10, high: 0.15), volatility: 0.03),
                Driver(indicator: "inc", spec: .uniform(low: 0.05, high: 0.09), volatility: 0.015)
            ], correlations: [DriverPair("ind", "serv"): 0.6], evaluate: evaluate)
    }

    static func options(
        _ mode: SweepMode = .montecarlo, samples: Int = 2000, seed: UInt64 = 7,
        threads: Int = 1
    ) -> SweepOptions {
        var o = SweepOptions()
        o.mode = mode; o.samples = samples; o.seed = seed; o.threads = threads
        o.sobolSamples = 0; o.tornado = false
        return o
    }
}
