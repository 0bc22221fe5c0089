import Foundation
import Testing
@testable import Regression
import LinearAlgebra

/// Relative agreement to `digits` significant digits.
func close(_ a: Double, _ b: Double, digits: Double = 10) -> Bool {
    abs(a - b) <= pow(10, -digits) * max(abs(b), 1e-300)
}

/// Reference values computed independently with statsmodels 0.15 (`OLS`/`WLS`,
/// `get_prediction(x).summary_frame(alpha)`) and `scipy.stats.t`, by
/// `scripts/trend-reference-values.py` (years centred at 2020 in the reference).
/// Interval arrays are [mean, mean_lo, mean_hi, obs_lo, obs_hi] at 2030, back-transformed
/// for exponential and logistic trends.
@Suite struct TrendModelTests {
    func check(_ f: TrendForecast, _ ref80: [Double], _ ref95: [Double]) {
        #expect(close(f.point, ref80[0]))
        for (iv, ref) in zip(f.intervals, [ref80, ref95]) {
            #expect(
                close(iv.meanLower, ref[1]) && close(iv.meanUpper, ref[2]),
                "mean CI \(iv) vs \(ref)")
            #expect(
                close(iv.predictionLower, ref[3]) && close(iv.predictionUpper, ref[4]),
                "PI \(iv) vs \(ref)")
        }
        #expect(f.intervals.map(\.level) == [0.8, 0.95])
    }

    @Test func linearTrendOnIrregularYearsMatchesStatsmodels() throws {
        let fit = try TrendFit.fit(
            .linear, x: [2019, 2020, 2022, 2023, 2025], y: [10.2, 11.1, 12.9, 13.4, 15.8],
            series: "s1")
        // By hand: x̄ = 2021.8, Sxx = 22.8, slope = Sxy / Sxx = 0.907017543859649.
        #expect(close(fit.coefficients[1], 0.907017543859651))
        #expect(
            close(fit.coefficients[0], 11.047368421052624 - 2020 * 0.907017543859651, digits: 9))
        #expect(close(fit.regression.standardErrors![1], 0.052826151067303886))
        #expect(close(fit.regression.residualStandardDeviation!, 0.2522414141138443))
        #expect(close(fit.regression.rSquared!, 0.989926261717202))
        #expect(fit.residualDegreesOfFreedom == 3)
        check(
            fit.forecast(at: 2030),
            [
                20.117543859649135, 19.384453848590653, 20.850633870707618, 19.276069963509688,
                20.959017755788583
            ],
            [
                20.117543859649135, 18.693011641377037, 21.542076077921234, 18.482401301704822,
                21.75268641759345
            ])
    }

    @Test func weightedLinearTrendMatchesStatsmodelsWLS() throws {
        let fit = try TrendFit.fit(
            .linear, x: [2019, 2020, 2022, 2023, 2025], y: [10.2, 11.1, 12.9, 13.4, 15.8],
            weights: [1, 2, 1, 2, 1], series: "s1w")
        #expect(close(fit.coefficients[1], 0.8864583333333331))
        #expect(close(fit.regression.standardErrors![1], 0.0607361047590005))
        #expect(close(fit.regression.residualStandardDeviation!, 0.3180889113998713))
        #expect(close(fit.regression.rSquared!, 0.9861124727668846))
        check(
            fit.forecast(at: 2030),
            [
                19.902083333333334, 19.054707873761313, 20.749458792905354, 18.90738120698779,
                20.896785459678878
            ],
            [
                19.902083333333334, 18.255472924073278, 21.54869374259339, 17.96918941145728,
                21.834977255209388
            ])
    }

    @Test func exponentialTrendReportsGrowthAndBackTransformedIntervals() throws {
        let fit = try TrendFit.fit(
            .exponential, x: [2021, 2022, 2023, 2024, 2025],
            y: [85.56, 91.2, 97.0, 104.3, 111.0], series: "income")
        #expect(close(fit.coefficients[1], 0.0654841099122698))
        #expect(close(fit.regression.standardErrors![1], 0.0009605659653058549, digits: 9))
        let g = try #require(fit.growthRate(levels: [0.8, 0.95]))
        #expect(close(g.rate, 0.06767577171702599))
        #expect(
            close(g.intervals[0].lower, 0.0659974657826475)
                && close(g.intervals[0].upper, 0.06935671997551854))
        #expect(
            close(g.intervals[1].lower, 0.06441692428997722)
                && close(g.intervals[1].upper, 0.0709445965188331))
        let f = fit.forecast(at: 2030)
        #expect(f.pointIsMedian)
        check(
            f,
            [
                154.02976054097522, 152.3089789511204, 155.76998346186895, 152.14880923005055,
                155.93396525658952
            ],
            [
                154.02976054097522, 150.7035778935828, 157.4293554534144, 150.3957712346915,
                157.7515573578676
            ])
    }

    @Test func logisticTrendStaysInsideItsBound() throws {
        let fit = try TrendFit.fit(
            .logistic(bound: 100), x: [2018, 2019, 2021, 2022, 2024],
            y: [62.0, 66.5, 70.1, 74.8, 77.0], series: "coverage")
        #expect(close(fit.coefficients[1], 0.1200728352392614))
        check(
            fit.forecast(at: 2030),
            [
                87.75446015943295, 85.36068547151633, 89.80356820401765, 85.04734595075226,
                90.02892428164812
            ],
            [
                87.75446015943295, 82.75958956109935, 91.45169588501122, 82.05951079393583,
                91.82179670499063
            ])
        let far = fit.forecast(at: 2100)
        #expect(far.point < 100 && far.intervals.allSatisfy { $0.predictionUpper <= 100 })
    }

    @Test func quadraticTrendMatchesStatsmodels() throws {
        let fit = try TrendFit.fit(
            .polynomial(degree: 2), x: (2016...2025).map(Double.init),
            y: [3.1, 3.4, 3.9, 4.1, 4.0, 4.6, 5.2, 5.9, 6.1, 7.0], series: "p")
        #expect(close(fit.coefficients[2], 0.028409090909090884))
        #expect(close(fit.regression.standardErrors![2], 0.008764663693504662, digits: 9))
        #expect(close(fit.regression.residualStandardDeviation!, 0.20139663865269963, digits: 9))
        check(
            fit.forecast(at: 2030),
            [
                10.968939393939394, 9.905428431014712, 12.032450356864075, 9.867913374317013,
                12.069965413561775
            ],
            [
                10.968939393939394, 9.191597329378832, 12.746281458499956, 9.128902076910691,
                12.808976710968096
            ])
    }

    @Test func exactFitGivesTheLineAndSaysNoIntervalExists() throws {
        let fit = try TrendFit.fit(.linear, x: [2023, 2025], y: [10, 14], series: "two points")
        let f = fit.forecast(at: 2030)
        #expect(f.point == 24)  // slope 2/yr, by hand
        #expect(f.intervals.isEmpty)
        #expect(f.noIntervalReason?.contains("exact fit") == true)
        #expect(
            fit.regression.standardErrors == nil && fit.regression.residualStandardDeviation == nil)
        let g = try TrendFit.fit(.exponential, x: [2024, 2025], y: [100, 110], series: "e")
            .growthRate()
        #expect(
            close(g!.rate, 0.1, digits: 14) && g!.intervals.isEmpty && g!.noIntervalReason != nil)
    }

    @Test func perfectLineHasZeroWidthIntervalsNotNaN() throws {
        let fit = try TrendFit.fit(
            .linear, x: [2020, 2021, 2022, 2023], y: [1, 2, 3, 4], series: "perfect")
        let f = fit.forecast(at: 2030)
        #expect(abs(f.point - 11) < 1e-12)
        #expect(
            f.intervals.allSatisfy { $0.meanLower.isFinite && abs($0.predictionUpper - 11) < 1e-9 })
    }

    @Test func modelSpellingsRoundTrip() {
        for m: TrendModel in [
            .linear, .exponential, .polynomial(degree: 3), .logistic(bound: 100),
            .logistic(bound: 1.5)
        ] {
            #expect(TrendModel(parsing: m.description) == m)
        }
        #expect(TrendModel(parsing: "logistic") == .logistic(bound: 100))
        #expect(TrendModel(parsing: "cubic") == nil)
    }
}

@Suite struct DegenerateSeriesTests {
    @Test func tooFewObservationsNamesTheSeriesAndTheCount() {
        #expect(
            throws: RegressionError.tooFewObservations(
                series: "rice", observations: 2, parameters: 3,
                model: "a polynomial trend of degree 2")
        ) {
            try TrendFit.fit(.polynomial(degree: 2), x: [2020, 2021], y: [1, 2], series: "rice")
        }
    }

    @Test func aSingleRepeatedYearIsRankDeficient() {
        do {
            _ = try TrendFit.fit(.linear, x: [2020, 2020, 2020], y: [1, 2, 3], series: "rice")
            Issue.record("expected an error")
        } catch let e as RegressionError {
            guard case .rankDeficient(let s, let d) = e else {
                Issue.record("wrong error \(e)"); return
            }
            #expect(s == "rice" && d.contains("2020"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func nonPositiveValueUnderLogIsRejectedWithTheRule() {
        do {
            _ = try TrendFit.fit(
                .exponential, x: [2020, 2021, 2022], y: [5, 0, 7], series: "budget")
            Issue.record("expected an error")
        } catch let e as RegressionError {
            #expect(
                e.description.contains("budget") && e.description.contains("y > 0")
                    && e.description.contains("observation 2"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func valueAtTheLogisticBoundIsRejected() {
        #expect(throws: RegressionError.self) {
            try TrendFit.fit(
                .logistic(bound: 100), x: [2020, 2021, 2022], y: [50, 100, 99], series: "rate")
        }
        #expect(throws: RegressionError.self) {
            try TrendFit.fit(
                .logistic(bound: 1), x: [2020, 2021, 2022], y: [0.5, 0, 0.9], series: "share")
        }
    }

    @Test func nonFiniteValuesAreRejected() {
        #expect(throws: RegressionError.nonFinite(series: "s", what: "y", index: 1)) {
            try TrendFit.fit(.linear, x: [2020, 2021, 2022], y: [1, .nan, 3], series: "s")
        }
        #expect(throws: RegressionError.nonFinite(series: "s", what: "x", index: 2)) {
            try TrendFit.fit(.linear, x: [2020, 2021, .infinity], y: [1, 2, 3], series: "s")
        }
    }

    @Test func invalidModelsAreRejected() {
        #expect(throws: RegressionError.self) {
            try TrendFit.fit(.polynomial(degree: 11), x: [1, 2], y: [1, 2])
        }
        #expect(throws: RegressionError.self) {
            try TrendFit.fit(.logistic(bound: -1), x: [1, 2], y: [1, 2])
        }
    }
}

@Suite struct ExponentialGrowthBatchTests {
    @Test func exactGeometricSeriesGivesItsRate() throws {
        // y = 100·1.1^t exactly (up to rounding of the data): growth 0.1 by construction.
        let batch = try ExponentialGrowthBatch(years: [2021, 2022, 2023, 2024, 2025])
        let ys =
            (0..<5).map { 100 * pow(1.1, Double($0)) } + (0..<5).map { 50 * pow(0.97, Double($0)) }
        let g = batch.growthRates(ys)
        #expect(abs(g[0] - 0.1) < 1e-14 && abs(g[1] + 0.03) < 1e-14)
    }

    @Test func agreesWithTheGeneralTrendFitAndStatsmodels() throws {
        // The exponential series of TrendModelTests: statsmodels slope 0.0654841099122698.
        let y = [85.56, 91.2, 97.0, 104.3, 111.0]
        let g = try ExponentialGrowthBatch(years: [2021, 2022, 2023, 2024, 2025]).growthRates(y)[0]
        #expect(abs(g - expm1(0.0654841099122698)) < 1e-14)
    }

    @Test func nonPositiveValueGivesNaNNotACrash() throws {
        let g = try ExponentialGrowthBatch(years: [1, 2, 3]).growthRates([1, 0, 2])
        #expect(g[0].isNaN)
        #expect(throws: RegressionError.self) { try ExponentialGrowthBatch(years: [2020, 2020]) }
    }
}

@Suite struct WeightedFitTests {
    @Test func zeroWeightDropsTheObservationFromFitAndDegreesOfFreedom() throws {
        let x = [2019.0, 2020, 2021, 2022, 2023, 2024]
        let y = [10.2, 11.1, 99.0, 12.9, 13.4, 15.8]
        let weighted = try TrendFit.fit(
            .linear, x: x, y: y, weights: [1, 1, 0, 1, 1, 1], series: "w")
        var x2 = x, y2 = y
        x2.remove(at: 2); y2.remove(at: 2)
        let dropped = try TrendFit.fit(.linear, x: x2, y: y2, series: "d")
        #expect(weighted.residualDegreesOfFreedom == 3 && dropped.residualDegreesOfFreedom == 3)
        for k in 0..<2 {
            #expect(close(weighted.coefficients[k], dropped.coefficients[k], digits: 12))
            #expect(
                close(
                    weighted.regression.standardErrors![k], dropped.regression.standardErrors![k],
                    digits: 12))
        }
        // The zero-weight observation still gets a fitted value and residual.
        #expect(weighted.regression.residuals.count == 6)
    }

    @Test func negativeWeightIsRejected() {
        #expect(throws: RegressionError.negativeWeight(series: "w", index: 1, value: -1)) {
            try TrendFit.fit(.linear, x: [1, 2, 3], y: [1, 2, 3], weights: [1, -1, 1], series: "w")
        }
    }
}

/// Weighted multiple regression against statsmodels 0.15 `WLS` (with `add_constant` and
/// without), printed by scripts/trend-reference-values.py:
/// X = [[1,2],[2,1.5],[3,4],[4,3],[5,6.5],[6,5]], y = [3.1,3.9,7.2,7.1,11.8,11.2],
/// w = [1,2,1,0.5,1,3].
@Suite struct WeightedMultipleRegressionTests {
    let x = Matrix([[1.0, 2.0], [2.0, 1.5], [3.0, 4.0], [4.0, 3.0], [5.0, 6.5], [6.0, 5.0]])
    let y = [3.1, 3.9, 7.2, 7.1, 11.8, 11.2]
    let w = [1.0, 2.0, 1.0, 0.5, 1.0, 3.0]

    @Test func withInterceptMatchesStatsmodelsWLS() throws {
        let f = try LinearLeastSquares.fit(design: x, response: y, weights: w, series: "wls")
        let b = [0.3007234042553204, 1.0042624113475167, 0.9797872340425537]
        let se = [0.13789129761974733, 0.05888720417105149, 0.06445247882009703]
        for k in 0..<3 {
            #expect(close(f.coefficients[k], b[k], digits: 11))
            #expect(close(f.standardErrors![k], se[k], digits: 11))
        }
        #expect(close(f.residualStandardDeviation!, 0.16700886855176622, digits: 11))
        #expect(close(f.rSquared!, 0.9991933207793386, digits: 12))
        #expect(close(f.adjustedRSquared!, 0.9986555346322311, digits: 12))
    }

    @Test func withoutInterceptUsesTheUncentredRSquared() throws {
        let f = try LinearLeastSquares.fit(
            design: x, response: y, weights: w, intercept: false, series: "wls0")
        #expect(
            close(f.coefficients[0], 1.0228464419475647, digits: 11)
                && close(f.coefficients[1], 1.0267166042446947, digits: 11))
        #expect(
            close(f.standardErrors![0], 0.0811372495232848, digits: 11)
                && close(f.standardErrors![1], 0.08460010581199665, digits: 11))
        #expect(close(f.residualStandardDeviation!, 0.23255957850206643, digits: 11))
        #expect(close(f.rSquared!, 0.9996580400543564, digits: 12))
        #expect(close(f.adjustedRSquared!, 0.9994870600815347, digits: 12))
    }

    @Test func moreParametersThanObservationsIsAnError() {
        #expect(throws: RegressionError.self) {
            try LinearLeastSquares.fit(
                design: Matrix([[1, 2], [3, 4]]), response: [1, 2], series: "short")
        }
    }
}
