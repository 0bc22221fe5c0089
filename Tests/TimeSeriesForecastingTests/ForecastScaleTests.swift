import Foundation
import Testing
@testable import TimeSeriesForecasting

struct ForecastScaleTests {
    @Test func roundTripsInsideTheDomainAndRefusesOutside() {
        var rng = SeededGenerator(seed: 9)
        for i in 0..<500 {
            let y = rng.uniform(0.001, 99.999)
            for scale in [ForecastScale.identity, .logarithm, .logit(bound: 100)] {
                let back = scale.inverse(scale.transform(y)!)
                #expect(abs(back - y) <= 1e-9 * max(1, y), "case \(i) \(scale)")
            }
        }
        #expect(ForecastScale.logarithm.transform(0) == nil)
        #expect(ForecastScale.logit(bound: 100).transform(100) == nil)
        #expect(ForecastScale.logit(bound: 100).inverse(0) == 50)
    }
}
