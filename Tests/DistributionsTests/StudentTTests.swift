import Testing
@testable import Distributions

// Reference values: scipy 1.17 (scipy.stats.t.ppf / t.cdf / norm.ppf / norm.cdf), printed
// by scripts/distribution-reference-values.py.

@Suite struct StudentTQuantiles {
    @Test(arguments: [
        (0.975, 10.0, 2.228138851986274),
        (0.975, 1.0, 12.706204736174694),
        (0.9, 3.0, 1.637744353696209),
        (0.995, 30.0, 2.7499956535672254),
        (0.025, 5.0, -2.5705818356363155),
        (0.5, 7.0, 0.0)
    ])
    func quantileMatchesScipy(p: Double, df: Double, expected: Double) {
        let q = StudentT.quantile(p, degreesOfFreedom: df)
        #expect(abs(q - expected) <= 1e-12 * max(1, abs(expected)), "t.ppf(\(p), \(df))")
    }

    @Test(arguments: [
        (2.0, 10.0, 0.9633059826146299),
        (-1.5, 4.0, 0.104),
        (0.3, 1.0, 0.5927735790777423),
        (3.7, 25.0, 0.9994670447525629)
    ])
    func cdfMatchesScipy(t: Double, df: Double, expected: Double) {
        #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - expected) < 1e-13, "t.cdf(\(t), \(df))")
    }

    /// The two-sided critical value is the quantile at 0.5 + level/2.
    @Test func criticalValueIsTheUpperQuantile() {
        #expect(
            abs(StudentT.critical(level: 0.95, degreesOfFreedom: 10) - 2.228138851986274) < 1e-12)
        #expect(
            abs(StudentT.critical(level: 0.99, degreesOfFreedom: 30) - 2.7499956535672254) < 1e-12)
    }
}

@Suite struct StandardNormalValues {
    @Test(arguments: [
        (0.975, 1.959963984540054),
        (0.5, 0.0),
        (1e-06, -4.753424308822899),
        (0.8413447460685429, 1.0),
        (0.999, 3.090232306167813)
    ])
    func quantileMatchesScipy(p: Double, expected: Double) {
        #expect(
            abs(StandardNormal.quantile(p) - expected) <= 1e-13 * max(1, abs(expected)),
            "norm.ppf(\(p))")
    }

    @Test(arguments: [
        (-3.0, 0.0013498980316300933),
        (-1.0, 0.15865525393145707),
        (0.0, 0.5),
        (0.5, 0.6914624612740131),
        (2.5, 0.9937903346742238),
        (6.0, 0.9999999990134123)
    ])
    func cdfMatchesScipy(x: Double, expected: Double) {
        #expect(abs(StandardNormal.cdf(x) - expected) < 1e-15, "norm.cdf(\(x))")
    }
}
