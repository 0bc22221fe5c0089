import Foundation
import Testing
@testable import TimeSeriesForecasting

struct IntervalCalibrationTests {
    func errors(_ z: [Double], step: Int = 1) -> [HeldOutError] {
        z.map {
            HeldOutError(
                origin: 5, step: step, actual: $0, point: 0, standardized: $0,
                baseDegreesOfFreedom: nil, scale: 1)
        }
    }

    @Test func typeSevenQuantileByHand() {
        // R: quantile(c(1, 2, 3, 4, 10), 0.8) = 5.2
        #expect(abs(IntervalCalibration.quantile([1, 2, 3, 4, 10], 0.8) - 5.2) < 1e-12)
    }

    /// Errors drawn from 2·N(0, 1): the fitted shape is about normal with spread 2, and the
    /// calibrated intervals hold the errors at close to the nominal rates.
    @Test func recoversAWiderNormal() {
        var rng = SeededGenerator(seed: 11)
        let z = (0..<20000).map { _ in 2 * rng.normal() }
        let c = IntervalCalibration(errors: errors(z), horizon: 1, empiricalWeight: 1)
        let shape = c.shape(step: 1)!
        #expect(abs(shape.spread - 2) < 0.1, "spread \(shape.spread)")
        let q90 = shape.quantile(0.9), q975 = shape.quantile(0.975)
        let in80 = Double(z.filter { abs($0) <= q90 }.count) / Double(z.count)
        let in95 = Double(z.filter { abs($0) <= q975 }.count) / Double(z.count)
        #expect(abs(in80 - 0.8) < 0.01 && abs(in95 - 0.95) < 0.01, "\(in80) \(in95)")
        #expect(abs(c.horizons[0].modelCoverage80 - 0.4729) < 0.015)  // P(|2Z| ≤ 1.2816)
    }

    /// Heavy tails (t with 3 df) give a finite ν near 3.
    @Test func heavyTailsGiveStudentT() {
        var rng = SeededGenerator(seed: 5)
        let z = (0..<40000).map { _ -> Double in
            let n = rng.normal(),
                chi = (0..<3).reduce(0.0) { s, _ in
                    let g = rng.normal(); return s + g * g
                }
            return n / (chi / 3).squareRoot()
        }
        let shape = IntervalCalibration(errors: errors(z), horizon: 1, empiricalWeight: 1).shape(
            step: 1)!
        let nu = shape.degreesOfFreedom ?? .infinity
        #expect(nu > 2 && nu < 4.5, "ν \(nu)")
    }

    /// The default blend q_model^0.4·q^0.6: errors 2·N(0,1) give spread 2^0.6.
    @Test func blendMovesPartWayToTheHeldOutSpread() {
        var rng = SeededGenerator(seed: 12)
        let z = (0..<20000).map { _ in 2 * rng.normal() }
        let shape = IntervalCalibration(errors: errors(z), horizon: 1).shape(step: 1)!
        #expect(abs(shape.spread - pow(2, 0.6)) < 0.05, "spread \(shape.spread)")
    }

    @Test func fewErrorsOnlyWiden() {
        let c = IntervalCalibration(errors: errors([0.1, -0.2, 0.05, 0.3, -0.1]), horizon: 2)
        #expect(c.shape(step: 1)!.spread == 1)
        #expect(c.shape(step: 2)!.spread == 1)  // beyond the data: the last calibrated step
        let wide = IntervalCalibration(errors: errors([5, -6, 4, 7, -5]), horizon: 1)
        #expect(wide.shape(step: 1)!.spread > 3)
    }

    @Test func noErrorsNoCalibration() {
        #expect(IntervalCalibration(errors: [], horizon: 3).shape(step: 2) == nil)
    }
}
