import Testing
@testable import Distributions

@Suite struct StudentTQuantiles {
    // Reference values from R 4.x: qt(0.975, df) and qnorm(0.975), printed to 15 digits.
    @Test func matchesPublishedTables() {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 10) - 2.228138851986274) < 1e-12)
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - 12.70620473617471) < 1e-10)
        #expect(abs(StudentT.quantile(0.90, degreesOfFreedom: 3) - 1.637744353696210) < 1e-12)
        #expect(abs(StandardNormal.quantile(0.975) - 1.959963984540054) < 1e-12)
    }
}
