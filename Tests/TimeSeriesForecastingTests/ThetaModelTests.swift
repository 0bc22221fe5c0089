import Foundation
import Testing
@testable import TimeSeriesForecasting

struct ThetaModelTests {
    /// On y = 1, 2, 3, 4 with ℓ0 = 1 and α = 0.5 the SES levels are 1, 1.5, 2.25, 3.125 and
    /// the least-squares slope is 1, so ŷ(4+h) = 3.125 + ½·[(h − 1) + 2 − 0.5⁴·2].
    @Test func linearSeriesByHand() throws {
        let s = try YearlySeries(name: "line", x: [2001, 2002, 2003, 2004], y: [1, 2, 3, 4])
        let f = try ThetaModel(fixed: .init(alpha: 0.5, level: 1)).forecast(s, horizon: 2)
        #expect(abs(f.centers[0] - 4.0625) < 1e-12 && abs(f.centers[1] - 4.5625) < 1e-12)
    }

    /// With α = 1 SES is the last value and Theta is y(n) + h·b/2 on a line of slope b.
    @Test func alphaOneGivesHalfTheSlope() throws {
        let y = (0..<8).map { 5 + 2.5 * Double($0) }
        let s = try YearlySeries(name: "line", x: StatsmodelsReference.years(8), y: y)
        let f = try ThetaModel(fixed: .init(alpha: 1, level: 5)).forecast(s, horizon: 3)
        for h in 1...3 { #expect(abs(f.centers[h - 1] - (y.last! + Double(h) * 1.25)) < 1e-9) }
    }

    @Test func matchesStatsmodelsThetaModelAtItsAlpha() throws {
        for (name, ref) in StatsmodelsReference.shared.series {
            let s = try YearlySeries(
                name: name, x: StatsmodelsReference.years(ref.y.count), y: ref.y)
            let f = try ThetaModel(fixed: .init(alpha: ref.theta.alpha, level: ref.theta.level0))
                .forecast(s, horizon: ref.theta.forecast.count)
            for h in 0..<f.horizon {
                #expect(
                    abs(f.centers[h] - ref.theta.forecast[h]) <= 1e-8 * abs(ref.theta.forecast[h]),
                    "\(name) h=\(h + 1)")
            }
            // α estimated (ℓ0 fixed at y1 as statsmodels does): the same α to 1e-3.
            let own = try ExponentialSmoothingModel(
                trend: .none, fixed: .init(level: ref.theta.level0)
            ).fit(s)
            #expect(
                abs(own.alpha - ref.theta.alpha) < 1e-3,
                "\(name): α \(own.alpha) vs \(ref.theta.alpha)")
        }
    }
}
