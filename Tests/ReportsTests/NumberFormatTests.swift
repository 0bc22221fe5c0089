import Testing
@testable import Reports

/// Vietnamese reports: decimal comma, `.` between groups of three digits; English the
/// other way round. Expected strings written by hand.
@Suite struct ReportNumberFormatting {
    @Test func vietnameseGroupsThousandsWithPointsAndUsesADecimalComma() {
        let vi = ReportNumberFormat.vi
        #expect(vi.string(1234.5, decimals: 1) == "1.234,5")
        #expect(vi.string(1234567.891, decimals: 2) == "1.234.567,89")
        #expect(vi.string(999.95, decimals: 0) == "1.000")  // rounds up across a group
        #expect(vi.string(120, decimals: 0) == "120")
        #expect(vi.string(12.5, decimals: 1) == "12,5")
        #expect(vi.string(0.5, decimals: 2) == "0,50")
        #expect(vi.string(100_000, decimals: 0) == "100.000")
    }

    @Test func negativeNumbersKeepTheirSignAndRoundedZeroHasNone() {
        let vi = ReportNumberFormat.vi
        #expect(vi.string(-0.05, decimals: 2) == "-0,05")
        #expect(vi.string(-1234.5, decimals: 1) == "-1.234,5")
        #expect(vi.string(-0.004, decimals: 2) == "0,00")
        #expect(vi.string(-0.0, decimals: 1) == "0,0")
    }

    @Test func englishUsesCommasForGroupsAndAPointForDecimals() {
        #expect(ReportNumberFormat.en.string(1234.5, decimals: 1) == "1,234.5")
        #expect(ReportNumberFormat.en.string(-0.05, decimals: 2) == "-0.05")
        #expect(ReportNumberFormat.en.string(1_000_000, decimals: 0) == "1,000,000")
    }

    @Test func signedShowsPlusExceptForZero() {
        #expect(ReportNumberFormat.vi.signed(2.8, decimals: 1) == "+2,8")
        #expect(ReportNumberFormat.vi.signed(-0.45, decimals: 2) == "-0,45")
        #expect(ReportNumberFormat.vi.signed(0.001, decimals: 1) == "0,0")
        #expect(ReportNumberFormat.vi.signed(1500, decimals: 0) == "+1.500")
    }

    @Test func nonFiniteValuesAreADash() {
        #expect(ReportNumberFormat.vi.string(.nan, decimals: 1) == "—")
        #expect(ReportNumberFormat.en.string(.infinity, decimals: 1) == "—")
    }

    @Test func naturalDecimalsKeepThreeToFourSignificantDigitsWithoutTrailingZeros() {
        #expect(ReportNumberFormat.vi.natural(85.56) == "85,6")  // ≥ 10: one decimal
        #expect(ReportNumberFormat.vi.natural(2.95) == "2,95")  // < 10: two decimals
        #expect(ReportNumberFormat.vi.natural(3.6) == "3,6")  // "3,60" without its trailing zero
        #expect(ReportNumberFormat.vi.natural(100) == "100")
        #expect(ReportNumberFormat.vi.natural(4500.4) == "4.500")  // ≥ 1000: none
    }

    @Test func trimmedWritesFiguresAsAPlanDoes() {
        #expect(ReportNumberFormat.vi.trimmed(1.5) == "1,5")
        #expect(ReportNumberFormat.vi.trimmed(12.5) == "12,5")
        #expect(ReportNumberFormat.vi.trimmed(120) == "120")
        #expect(ReportNumberFormat.vi.trimmed(0.125 * 100) == "12,5")  // 12.500000000000002 → 12,5
        // half-even on 1234.25 (exact in binary)
        #expect(ReportNumberFormat.en.trimmed(1234.25, maxDecimals: 1) == "1,234.2")
    }
}

/// Chart axes: "nice" steps of 1, 2, 2.5 or 5 × 10^k covering the data.
@Suite struct ChartTicks {
    @Test func zeroToNinetySevenIsCoveredInStepsOfTwentyFive() {
        // raw step 97/4 = 24.25 → mantissa 2.425 → 2.5 → step 25
        #expect(ReviewChartSVG.ticks(lo: 0, hi: 97) == [0, 25, 50, 75, 100])
    }

    @Test func aNarrowRangeGetsSmallStepsThatStartBelowTheMinimum() {
        // raw step (3.6 - 0.95)/4 = 0.6625 → mantissa 6.625 → 10 → step 1
        #expect(ReviewChartSVG.ticks(lo: 0.95, hi: 3.6) == [0, 1, 2, 3, 4])
        // raw step (133 - 112)/4 = 5.25 → 10 → step 10: 110 … 140
        #expect(ReviewChartSVG.ticks(lo: 112, hi: 133) == [110, 120, 130, 140])
    }

    @Test func aDegenerateRangeIsWidened() {
        // 100 ± 10 → raw step 5 → 5: 90 … 110
        #expect(ReviewChartSVG.ticks(lo: 100, hi: 100) == [90, 95, 100, 105, 110])
    }

    @Test func tickLabelsUseJustEnoughDecimals() {
        #expect(ReviewChartSVG.decimals(forStep: 25) == 0)
        #expect(ReviewChartSVG.decimals(forStep: 2.5) == 1)
        #expect(ReviewChartSVG.decimals(forStep: 0.25) == 2)
    }
}
