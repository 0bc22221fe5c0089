import Foundation
import Testing
import TestSupport
@testable import Forecasting
@testable import PlanModel
import TimeSeriesForecasting

/// The forecast rule's model (`TargetYearForecast`): values known in closed form, the
/// equivalence with the forecasting module's drift models, and calibration on simulated
/// random walks with drift.
@Suite struct TargetYearForecastTests {
    /// Student t with 1 degree of freedom is the Cauchy distribution: quantile
    /// tan(π(p − ½)), cdf ½ + atan(x)/π, so a 3-point series has a forecast in closed form.
    static func cauchyQuantile(_ p: Double) -> Double { tan(.pi * (p - 0.5)) }
    static func cauchyCDF(_ x: Double) -> Double { 0.5 + atan(x) / .pi }

    @Test func threePointsByHand() throws {
        // Steps 1 and 3: drift 2; σ̂² = ((1 − 2)² + (3 − 2)²)/1 = 2; one step ahead
        // sd = √(2 · (1 + 1/2)) = √3, centre 4 + 2 = 6, t with 1 df.
        let f = try #require(
            TargetYearForecast(years: [2020, 2021, 2022], values: [0, 1, 4], scale: .identity))
        #expect(f.drift == 2 && f.degreesOfFreedom == 1)
        let d = try #require(f.distribution(at: 2023))
        #expect(abs(d.point - 6) < 1e-12)
        let iv = d.interval(level: 0.8)
        #expect(abs(iv.lower - (6 - Self.cauchyQuantile(0.9) * 3.0.squareRoot())) < 1e-8)
        #expect(abs(iv.upper - (6 + Self.cauchyQuantile(0.9) * 3.0.squareRoot())) < 1e-8)
        #expect(abs(d.probability(atLeast: 8) - (1 - Self.cauchyCDF(2 / 3.0.squareRoot()))) < 1e-9)
    }

    @Test func unevenYearsByHand() throws {
        // Years 0, 2, 3 with z = 0, 2, 4: b̂ = 4/3; residuals 2 − 8/3 over 2 years and
        // 2 − 4/3 over 1: RSS = (4/9)/2 + 4/9 = 2/3 = σ̂² (1 df). Two years on:
        // centre 4 + 8/3 = 20/3, variance 2/3 · (2 + 4/3) = 20/9.
        let f = try #require(
            TargetYearForecast(years: [0, 2, 3], values: [0, 2, 4], scale: .identity))
        #expect(abs(f.drift - 4.0 / 3) < 1e-12)
        let d = try #require(f.distribution(at: 5))
        #expect(abs(d.center - 20.0 / 3) < 1e-12)
        #expect(abs(d.standardDeviation - (20.0 / 9).squareRoot()) < 1e-12)
    }

    @Test func constantStepsHaveTheirPointAndNoSpread() throws {
        // 10, 12, 14, 16: drift 2, 2026 = 16 + 3 · 2 = 22; equal steps leave no spread, so
        // no interval and no probability (as an exact least-squares fit).
        let f = try #require(
            TargetYearForecast(
                years: [2020, 2021, 2022, 2023], values: [10, 12, 14, 16], scale: .identity))
        #expect(abs(f.median(at: 2026) - 22) < 1e-12)
        #expect(f.distribution(at: 2026) == nil)
        // Constant growth of 10 %/yr on the log scale: 100 · 1.1⁵ in five years.
        let g = try #require(
            TargetYearForecast(
                years: [2020, 2021, 2022], values: [100, 110, 121], scale: .logarithm))
        #expect(abs(exp(g.median(at: 2025)) - 100 * pow(1.1, 5)) < 1e-9)
        #expect(g.distribution(at: 2025) == nil)
        // Two points: a drift, no spread.
        let two = try #require(
            TargetYearForecast(years: [2020, 2021], values: [5, 7], scale: .identity))
        #expect(two.median(at: 2023) == 11 && two.distribution(at: 2023) == nil)
    }

    @Test func refusesValuesOutsideTheScale() {
        #expect(TargetYearForecast(years: [2020, 2021], values: [0, 7], scale: .logarithm) == nil)
        #expect(
            TargetYearForecast(years: [2020, 2021], values: [50, 100], scale: .logit(bound: 100))
                == nil)
        #expect(TargetYearForecast(years: [2020], values: [5], scale: .identity) == nil)
        #expect(TargetYearForecast(years: [2021, 2020], values: [5, 6], scale: .identity) == nil)
    }

    /// On yearly steps the centre and sd are those of R's `rwf(drift = TRUE)` as the
    /// forecasting module implements it (`DriftModel`; `ConstantGrowthModel` on log scale).
    @Test func yearlyStepsMatchTheModuleDriftModels() throws {
        let y = [12.0, 13.5, 13.1, 15.2, 16.0]
        let years = [2020.0, 2021, 2022, 2023, 2024]
        let series = try YearlySeries(name: "s", x: years, y: y)
        let reference = try DriftModel().forecast(series, horizon: 3)
        let ours = try #require(TargetYearForecast(years: years, values: y, scale: .identity))
        for h in 1...3 {
            let d = try #require(ours.distribution(at: 2024 + Double(h)))
            #expect(abs(d.center - reference.centers[h - 1]) < 1e-12)
            #expect(abs(d.standardDeviation - reference.standardDeviations[h - 1]) < 1e-12)
            #expect(d.shape.degreesOfFreedom == 3)
        }
        let growth = try ConstantGrowthModel().forecast(series, horizon: 2)
        let logOurs = try #require(TargetYearForecast(years: years, values: y, scale: .logarithm))
        #expect(abs(logOurs.median(at: 2026) - growth.centers[1]) < 1e-12)
    }

    // MARK: - Through the review

    /// One amount indicator, baseline 2025, actuals from 2026, one target in `targetYear`.
    static func review(
        baseline: Double, actuals: [Double], target: Target, rule: AssessmentRule = .forecast,
        lastYear: Int = 2030
    ) -> TargetAssessment {
        let ind = Indicator(
            id: "x", nameVi: "x", nameEn: "x", unit: "u", measure: .amount, upperBound: nil)
        let plan = Plan(
            id: "p", nameVi: "p", nameEn: "p", firstYear: 2026, lastYear: lastYear,
            baselineYear: 2025, indicators: [ind],
            targets: [target],
            baseline: [
                BaselineValue(
                    indicator: "x", year: 2025, value: baseline, unit: "u", source: .official)
            ])
        let obs = actuals.enumerated().map {
            Observation(indicator: "x", year: 2026 + $0.offset, value: $0.element)
        }
        var o = ReviewEngine.Options(); o.rule = rule; o.charts = false
        return ReviewEngine.review(plan: plan, actuals: obs, options: o).assessments[0]
    }

    static func target(
        _ kind: TargetKind, _ comparator: PlanModel.Comparator, _ value: Double,
        _ direction: Direction,
        year: Int = 2030
    ) -> Target {
        Target(
            id: "T", indicator: "x", nameVi: "x", nameEn: "x",
            unit: kind == .growth ? "%/năm" : "u", kind: kind,
            comparator: comparator, low: value, high: value, targetYear: year, startYear: 2026,
            direction: direction)
    }

    /// 100, 110, 130 on the log scale: two steps, one degree of freedom (Cauchy), three
    /// years to 2030. P(meet) by hand for ≥, >, ≤ and a growth target.
    @Test func pMeetIsTheForecastDistributionsProbability() throws {
        let z = [log(100.0), log(110.0), log(130.0)]
        let b = (z[2] - z[0]) / 2
        let rss = pow(z[1] - z[0] - b, 2) + pow(z[2] - z[1] - b, 2)
        let sd = (rss * (3 + 9.0 / 2)).squareRoot()
        let centre = z[2] + 3 * b
        let pAtLeast200 = 1 - Self.cauchyCDF((log(200) - centre) / sd)

        let higher = Self.review(
            baseline: 100, actuals: [110, 130],
            target: Self.target(.level, .greaterOrEqual, 200, .higher))
        #expect(higher.model == "drift(log)")
        #expect(abs(try #require(higher.probability) - pAtLeast200) < 1e-9)
        #expect(abs(try #require(higher.projected) - exp(centre)) < 1e-9)
        let band = try #require(higher.projectedIntervals.first { $0.level == 0.8 })
        #expect(abs(band.lower - exp(centre - Self.cauchyQuantile(0.9) * sd)) < 1e-6 * exp(centre))
        #expect(abs(band.upper - exp(centre + Self.cauchyQuantile(0.9) * sd)) < 1e-6 * exp(centre))
        let strict = Self.review(
            baseline: 100, actuals: [110, 130], target: Self.target(.level, .greater, 200, .higher))
        #expect(abs(try #require(strict.probability) - pAtLeast200) < 1e-9)
        let lower = Self.review(
            baseline: 100, actuals: [110, 130],
            target: Self.target(.level, .lessOrEqual, 200, .lower))
        #expect(abs(try #require(lower.probability) - (1 - pAtLeast200)) < 1e-9)
        // Growth ≥ 10 %/yr 2025-2030: the 2030 level 100 · 1.1⁵.
        let growth = Self.review(
            baseline: 100, actuals: [110, 130],
            target: Self.target(.growth, .greaterOrEqual, 0.10, .higher))
        let pGrowth = 1 - Self.cauchyCDF((log(100 * pow(1.1, 5)) - centre) / sd)
        #expect(abs(try #require(growth.probability) - pGrowth) < 1e-9)
        // The implied growth from the baseline to the forecast median: e^((centre − ln 100)/5) − 1.
        #expect(abs(try #require(growth.projected) - (exp((centre - log(100)) / 5) - 1)) < 1e-12)
    }

    /// Calibration on a simulated panel: 4,000 random walks with drift on the log scale
    /// (an amount growing by a random trend of −10…+10 %/yr with yearly noise 2-20 %),
    /// baseline 2025 and actuals 2026-2029 (5 points), reviewed for 2031 (two years on).
    /// The model is exactly right for these series, so the 80 % and 95 % intervals must
    /// cover 80 % and 95 % of the simulated 2031 values up to sampling error: one
    /// standard error is √(0.8 · 0.2/4000) = 0.63 points at 80 % and 0.34 at 95 %; the
    /// tolerances, ±2.5 and ±1.4 points, are four standard errors. A normal quantile in
    /// place of the t with 3 df would cover 71.0 % and 85.5 % (scipy: 2·t.cdf(norm.ppf(0.9), 3) − 1),
    /// so the test tells the two apart.
    @Test func intervalsCoverAtTheirLevelOnSimulatedRandomWalks() throws {
        var rng = SeededGenerator(seed: PropertySeed.value &+ 7)
        let n = 4000
        var in80 = 0, in95 = 0, inP = 0.0
        let target = Self.target(.level, .greaterOrEqual, 60, .higher, year: 2031)
        for i in 0..<n {
            let drift = Double.random(in: -0.1...0.1, using: &rng)
            let sigma = Double.random(in: 0.02...0.2, using: &rng)
            var z = log(50.0)
            var values = [exp(z)]
            for _ in 0..<6 { z += drift + sigma * rng.normal(); values.append(exp(z)) }
            let truth = values[6]
            let a = Self.review(
                baseline: values[0], actuals: Array(values[1...4]), target: target, lastYear: 2031)
            let b80 = try #require(
                a.projectedIntervals.first { $0.level == 0.8 },
                "seed \(PropertySeed.value), case \(i)")
            let b95 = try #require(
                a.projectedIntervals.first { $0.level == 0.95 },
                "seed \(PropertySeed.value), case \(i)")
            if truth >= b80.lower && truth <= b80.upper { in80 += 1 }
            if truth >= b95.lower && truth <= b95.upper { in95 += 1 }
            inP += try #require(a.probability) - (truth >= 60 ? 1 : 0)
        }
        let c80 = Double(in80) / Double(n), c95 = Double(in95) / Double(n)
        #expect(
            abs(c80 - 0.80) <= 0.025, "seed \(PropertySeed.value): 80 % interval covered \(c80)")
        #expect(
            abs(c95 - 0.95) <= 0.014, "seed \(PropertySeed.value): 95 % interval covered \(c95)")
        // P(meet) is calibrated in the mean: the average P equals the share that met
        // (the difference has a standard error below 0.5/√4000 ≈ 0.008; tolerance 0.03).
        #expect(
            abs(inP / Double(n)) <= 0.03,
            "seed \(PropertySeed.value): mean P − met = \(inP / Double(n))")
    }
}
