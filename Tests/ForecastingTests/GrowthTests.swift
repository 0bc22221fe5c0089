import Testing
@testable import Forecasting

@Suite struct CompoundGrowth {
    @Test func incomeReaches120From85_56At7Percent() {
        // Hand: 85.56 × 1.07^5 = 85.56 × 1.4025517307 = 120.0003...
        let v = Growth.compound(85.56, rate: 0.07, years: 5)
        #expect(abs(v - 85.56 * 1.4025517307) < 1e-6)
        #expect(abs(v - 120) < 0.05)
    }

    @Test func requiredRateInvertsCompound() {
        // (120 / 100)^(1/5) − 1 = 0.0371372893...
        let r = Growth.requiredRate(from: 100, to: 120, years: 5)!
        #expect(abs(r - 0.037137289336648) < 1e-12)
        #expect(Growth.requiredRate(from: 0, to: 1, years: 5) == nil)
    }
}
