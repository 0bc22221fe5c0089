import Foundation
import Forecasting
import PlanModel

/// A small hand-made review of an invented commune plan, every number ILLUSTRATIVE: one
/// target of each status and kind (growth, level, a falling rate, a bounded rate on a
/// logistic trend, a maintained target missed in one year, a qualitative target, a target
/// without actuals). Used by the report tests and by `scripts/screenshot-report --demo` to
/// show the reports before real actuals are at hand. Not a forecast of any real plan.
public enum SampleReview {
    static let z80 = 1.2815515655446004, z95 = 1.959963984540054

    /// Exponential trend from `base` in `baseYear` growing by `g` a year, with log-scale
    /// prediction bands widening as sqrt(h + 1).
    static func exponential(base: Double, baseYear: Int, g: Double, to last: Int, sdLog: Double)
        -> [TrendPoint]
    {
        (baseYear...last).map { y in
            let h = Double(y - baseYear)
            let v = base * pow(1 + g, h)
            let s = sdLog * (h + 1).squareRoot()
            return TrendPoint(
                year: y, value: v,
                bands: [
                    LevelInterval(level: 0.8, lower: v * exp(-z80 * s), upper: v * exp(z80 * s)),
                    LevelInterval(level: 0.95, lower: v * exp(-z95 * s), upper: v * exp(z95 * s))
                ])
        }
    }

    /// Linear trend in percentage points, bands clamped to [0, 100].
    static func linear(base: Double, baseYear: Int, d: Double, to last: Int, sd: Double)
        -> [TrendPoint]
    {
        (baseYear...last).map { y in
            let h = Double(y - baseYear)
            let v = base + d * h
            let s = sd * (h + 1).squareRoot()
            func c(_ x: Double) -> Double { min(100, max(0, x)) }
            return TrendPoint(
                year: y, value: v,
                bands: [
                    LevelInterval(level: 0.8, lower: c(v - z80 * s), upper: c(v + z80 * s)),
                    LevelInterval(level: 0.95, lower: c(v - z95 * s), upper: c(v + z95 * s))
                ])
        }
    }

    public static func make() -> Review {
        let indicators = [
            Indicator(
                id: "budget_revenue", nameVi: "Thu ngân sách trên địa bàn",
                nameEn: "State budget revenue", unit: "tỷ đồng", measure: .amount),
            Indicator(
                id: "income_per_capita", nameVi: "Thu nhập bình quân đầu người",
                nameEn: "Income per head", unit: "triệu đồng/người/năm", measure: .amount),
            Indicator(
                id: "poverty_rate", nameVi: "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
                nameEn: "Multidimensional poverty rate", unit: "%", measure: .rate, upperBound: 100),
            Indicator(
                id: "online_dossiers", nameVi: "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến",
                nameEn: "Share of dossiers submitted online", unit: "%", measure: .rate,
                upperBound: 100),
            Indicator(
                id: "admin_on_time", nameVi: "Tỷ lệ giải quyết thủ tục hành chính đúng hạn",
                nameEn: "Procedures settled on time", unit: "%", measure: .rate, upperBound: 100),
            Indicator(
                id: "enterprises_active", nameVi: "Số doanh nghiệp đang hoạt động",
                nameEn: "Active enterprises", unit: "DN", measure: .count),
            Indicator(
                id: "health_station", nameVi: "Trạm y tế xã đạt chuẩn Quốc gia",
                nameEn: "Health station meets the national standard", unit: "Đạt",
                measure: .qualitative)
        ]
        let t01 = Target(
            id: "T01", indicator: "budget_revenue", planItem: "(1)",
            nameVi: "Thu ngân sách trên địa bàn tăng bình quân 12,5 %/năm",
            nameEn: "Budget revenue grows 12.5 %/yr on average", unit: "%/năm", kind: .growth,
            comparator: .greaterOrEqual,
            low: 0.125, high: 0.125, targetYear: 2030, startYear: 2026, direction: .higher,
            responsibleUnit: "Phòng Kinh tế")
        let t02 = Target(
            id: "T02", indicator: "income_per_capita", planItem: "(6)",
            nameVi: "Thu nhập bình quân đầu người năm 2030 đạt 120 triệu đồng",
            nameEn: "Income per head reaches 120 million VND by 2030", unit: "triệu đồng/người/năm",
            kind: .level, comparator: .greaterOrEqual,
            low: 120, high: 120, targetYear: 2030, startYear: 2026, direction: .higher,
            responsibleUnit: "Phòng Kinh tế")
        let t03 = Target(
            id: "T03", indicator: "poverty_rate", planItem: "(7)",
            nameVi: "Tỷ lệ hộ nghèo giảm còn dưới 1,5 %",
            nameEn: "Poverty rate falls below 1.5 %", unit: "%", kind: .level, comparator: .less,
            low: 1.5, high: 1.5, targetYear: 2030, startYear: 2026, direction: .lower,
            responsibleUnit: "Phòng Văn hóa - Xã hội")
        let t04 = Target(
            id: "T04", indicator: "online_dossiers", planItem: "(19)",
            nameVi: "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến đạt 80 %",
            nameEn: "80 % of dossiers submitted online", unit: "%", kind: .level,
            comparator: .greaterOrEqual,
            low: 80, high: 80, targetYear: 2030, startYear: 2026, direction: .higher,
            responsibleUnit: "Văn phòng HĐND & UBND")
        let t05 = Target(
            id: "T05", indicator: "admin_on_time", planItem: "(18)",
            nameVi: "Hằng năm, tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt 100 %",
            nameEn: "Every year, 100 % of procedures settled on time", unit: "%", kind: .maintained,
            comparator: .equal,
            low: 100, high: 100, targetYear: 2030, startYear: 2026, direction: .higher,
            responsibleUnit: "Văn phòng HĐND & UBND")
        let t06 = Target(
            id: "T06", indicator: "enterprises_active", planItem: "(4)",
            nameVi: "Số doanh nghiệp đang hoạt động đạt 25 doanh nghiệp",
            nameEn: "25 active enterprises", unit: "DN", kind: .level, comparator: .greaterOrEqual,
            low: 25, high: 25, targetYear: 2030, startYear: 2026, direction: .higher,
            responsibleUnit: "Phòng Kinh tế")
        let t07 = Target(
            id: "T07", indicator: "health_station", planItem: "(12)",
            nameVi: "Trạm y tế xã đạt chuẩn Quốc gia về y tế xã",
            nameEn: "Commune health station meets the national standard", unit: "Đạt",
            kind: .qualitative, comparator: .equal,
            low: nil, high: nil, targetYear: 2030, startYear: 2026, direction: .higher,
            responsibleUnit: "Trạm Y tế")
        let baseline = [
            BaselineValue(
                indicator: "budget_revenue", year: 2025, value: 120, unit: "tỷ đồng",
                source: .illustrative),
            BaselineValue(
                indicator: "income_per_capita", year: 2025, value: 85.56,
                unit: "triệu đồng/người/năm", source: .derived),
            BaselineValue(
                indicator: "poverty_rate", year: 2025, value: 3.6, unit: "%", source: .illustrative),
            BaselineValue(
                indicator: "online_dossiers", year: 2025, value: 55, unit: "%",
                source: .illustrative),
            BaselineValue(
                indicator: "admin_on_time", year: 2025, value: 95, unit: "%", source: .illustrative),
            BaselineValue(
                indicator: "enterprises_active", year: 2025, value: 16, unit: "DN",
                source: .illustrative)
        ]
        let plan = Plan(
            id: "sample",
            nameVi: "Kế hoạch mẫu xã Minh Họa giai đoạn 2026 - 2030 (số liệu minh họa)",
            nameEn: "Sample commune plan 2026-2030 (illustrative data)", firstYear: 2026,
            lastYear: 2030, baselineYear: 2025,
            language: "vi", indicators: indicators, targets: [t01, t02, t03, t04, t05, t06, t07],
            baseline: baseline)

        let obs = [
            "budget_revenue": [
                Observation(indicator: "budget_revenue", year: 2026, value: 132.4),
                Observation(indicator: "budget_revenue", year: 2027, value: 145.9, isEstimate: true)
            ],
            "income_per_capita": [
                Observation(indicator: "income_per_capita", year: 2026, value: 92.1),
                Observation(
                    indicator: "income_per_capita", year: 2027, value: 98.9, isEstimate: true)
            ],
            "poverty_rate": [
                Observation(indicator: "poverty_rate", year: 2026, value: 3.2),
                Observation(indicator: "poverty_rate", year: 2027, value: 2.95)
            ],
            "online_dossiers": [
                Observation(indicator: "online_dossiers", year: 2026, value: 57.5),
                Observation(indicator: "online_dossiers", year: 2027, value: 60.2)
            ],
            "admin_on_time": [
                Observation(indicator: "admin_on_time", year: 2026, value: 98.6),
                Observation(indicator: "admin_on_time", year: 2027, value: 100)
            ]
        ]

        func assess(
            _ t: Target, _ s: TargetStatus, _ why: String, build: (inout TargetAssessment) -> Void
        ) -> TargetAssessment {
            var a = TargetAssessment(target: t, status: s, rule: .trend, explanation: why)
            a.baseline = plan.baselineValue(of: t.indicator)
            a.latest = obs[t.indicator]?.last
            a.illustrative = plan.usesIllustrative(t.indicator) || obs[t.indicator] != nil
            build(&a)
            return a
        }
        let a1 = assess(
            t01, .accelerationNeeded,
            "Trend growth 10.3 %/yr carried on from the latest actual closes 76 % of the remaining gap (13.82 %/yr needed from now; 60-95 %: acceleration needed)."
        ) {
            $0.model = "exponential"; $0.trendGrowth = 0.103;
            $0.trendGrowthInterval = LevelInterval(level: 0.95, lower: 0.081, upper: 0.126)
            $0.requiredGrowth = 0.125; $0.requiredFromNow = 0.1382; $0.progressRatio = 0.757;
            $0.projected = 0.103
            $0.projectedIntervals = [
                LevelInterval(level: 0.8, lower: 0.088, upper: 0.118),
                LevelInterval(level: 0.95, lower: 0.080, upper: 0.127)
            ]
            $0.gap = 0.103 - 0.125; $0.probability = 0.04
        }
        let a2 = assess(
            t02, .onTrack,
            "Trend growth 7.5 %/yr is 107 % of the 7.0 %/yr required to reach 120 by 2030."
        ) {
            $0.model = "exponential"; $0.trendGrowth = 0.075;
            $0.trendGrowthInterval = LevelInterval(level: 0.95, lower: 0.061, upper: 0.089)
            $0.requiredGrowth = 0.07; $0.requiredFromNow = 0.0665; $0.progressRatio = 1.07;
            $0.projected = 122.8
            $0.projectedIntervals = [
                LevelInterval(level: 0.8, lower: 116.0, upper: 130.0),
                LevelInterval(level: 0.95, lower: 112.6, upper: 133.9)
            ]
            $0.gap = 2.8; $0.probability = 0.66
        }
        let a3 = assess(
            t03, .accelerationNeeded,
            "Falling indicator: trend change -0.33 pp/yr is 78 % of the -0.42 pp/yr required to go below 1.5 % by 2030."
        ) {
            $0.model = "linear"; $0.growthIsChange = true; $0.trendGrowth = -0.33;
            $0.trendGrowthInterval = LevelInterval(level: 0.95, lower: -0.52, upper: -0.14)
            $0.requiredGrowth = -0.42; $0.requiredFromNow = -0.4833; $0.progressRatio = 0.786;
            $0.projected = 1.95
            $0.projectedIntervals = [
                LevelInterval(level: 0.8, lower: 1.3, upper: 2.6),
                LevelInterval(level: 0.95, lower: 0.95, upper: 2.95)
            ]
            $0.gap = 1.5 - 1.95; $0.probability = 0.14
        }
        let a4 = assess(
            t04, .limitedProgress,
            "Bounded rate on a logistic(100) trend: change +2.6 pp/yr is 52 % of the +5.0 pp/yr required."
        ) {
            $0.model = "logistic(100)"; $0.growthIsChange = true; $0.trendGrowth = 2.6;
            $0.trendGrowthInterval = LevelInterval(level: 0.95, lower: 1.9, upper: 3.3)
            $0.requiredGrowth = 5.0; $0.requiredFromNow = 6.6; $0.progressRatio = 0.52;
            $0.projected = 68.0
            $0.projectedIntervals = [
                LevelInterval(level: 0.8, lower: 64.5, upper: 71.4),
                LevelInterval(level: 0.95, lower: 62.6, upper: 73.2)
            ]
            $0.gap = 68.0 - 80; $0.probability = 0.002
        }
        let a5 = assess(
            t05, .limitedProgress,
            "Maintained every year: 2026 missed (98.6 % < 100 %), lost for that year."
        ) {
            $0.yearsMissed = [2026]
        }
        let a6 = assess(t06, .insufficientData, "No actuals for this indicator.") { _ in }
        let a7 = assess(t07, .notQuantifiable, "Qualitative target, reported as entered.") { _ in }

        func chart(
            _ id: String, trend: [TrendPoint], marks: [(year: Int, value: Double, label: String)],
            path: [(year: Int, value: Double)]
        ) -> IndicatorChart {
            IndicatorChart(
                indicator: plan.indicator(id)!, baselineYear: 2025,
                baseline: plan.baselineValue(of: id), actuals: obs[id] ?? [],
                trend: trend, targetMarks: marks, targetPath: path, illustrative: true)
        }
        let charts = [
            chart(
                "budget_revenue",
                trend: exponential(base: 120.3, baseYear: 2025, g: 0.103, to: 2030, sdLog: 0.02),
                marks: [],
                path: (2025...2030).map { ($0, 120 * pow(1.125, Double($0 - 2025))) }),
            chart(
                "income_per_capita",
                trend: exponential(base: 85.5, baseYear: 2025, g: 0.075, to: 2030, sdLog: 0.018),
                marks: [(2030, 120, "T02 ≥ 120")], path: []),
            chart(
                "poverty_rate",
                trend: linear(base: 3.59, baseYear: 2025, d: -0.33, to: 2030, sd: 0.12),
                marks: [(2030, 1.5, "T03 < 1,5")], path: []),
            chart(
                "online_dossiers",
                trend: linear(base: 55.1, baseYear: 2025, d: 2.6, to: 2030, sd: 0.9),
                marks: [(2030, 80, "T04 ≥ 80")], path: []),
            chart(
                "admin_on_time", trend: [], marks: (2026...2030).map { ($0, 100.0, "T05 = 100") },
                path: [])
        ]
        return Review(
            plan: plan, asOf: 2027, rule: .trend, cutoffs: StatusCutoffs(), levels: [0.8, 0.95],
            assessments: [a1, a2, a3, a4, a5, a6, a7], charts: charts, usesIllustrative: true,
            actualsSource: "số liệu minh họa tự tạo (illustrative, invented)")
    }
}
