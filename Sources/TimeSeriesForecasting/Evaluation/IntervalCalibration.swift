import Foundation
import Distributions

/// Interval calibration from held-out errors. For each horizon h the absolute
/// standardized rolling-origin errors |z| = |g(y) − centre|/sd of one model, pooled over
/// the series of a file, give the empirical 80 % and 95 % quantiles q80, q95; the
/// calibrated shape is the scaled Student t (or normal) through both:
/// spread·t_ν(0.90) = q80 and spread·t_ν(0.975) = q95 (ν from the ratio q95/q80; normal
/// when the ratio is at most the normal's 1.5294). The forecast distribution becomes
/// g⁻¹(centre + sd·spread·T_ν): the model's centre and scale, the tails its errors showed.
///
/// The quantiles are first blended with the model's own, geometrically:
/// q = q_model^(1−w)·q_held-out^w, w = `empiricalWeight` (default 0.6). Why not w = 1: on
/// the M3 yearly development set the errors on the series' own past are wider than those
/// of the final forecasts (`scripts/m3-error-quantiles.py`), so pure held-out quantiles
/// over-cover while the model's own under-cover; w = 0.6 was chosen on that set
/// (`docs/forecasting.md`, `scripts/score-m3 "naive --calibration-weight 1"`).
///
/// With fewer than `minimumPooled` errors at a horizon the model's own shape is only
/// widened (spread = the larger of 1 and the two ratios q/q_model), never narrowed.
/// Horizons beyond the errors available use the longest calibrated horizon's shape.
///
/// Invariants: spread > 0; ν ≥ 1; for each h with pooled evidence the calibrated 80 % and
/// 95 % intervals hold the pooled held-out errors at those rates (up to the t fit).
public struct IntervalCalibration: Sendable {
    public struct Horizon: Sendable {
        public let step: Int
        public let count: Int
        /// Empirical quantiles of |z|.
        public let quantile80: Double, quantile95: Double
        /// Share of |z| within the model's own 80 % / 95 % bounds (before calibration).
        public let modelCoverage80: Double, modelCoverage95: Double
        public let shape: DistributionShape
    }

    public let horizons: [Horizon]
    public static let minimumPooled = 30

    /// Calibrates from `errors` (one model, any number of series), for steps 1…horizon;
    /// `empiricalWeight` w blends the quantiles geometrically: q = q_model^(1−w)·q_held-out^w.
    public init(errors: [HeldOutError], horizon: Int, empiricalWeight: Double = 0.6) {
        var byStep = [[HeldOutError]](repeating: [], count: horizon)
        for e in errors where e.step <= horizon && !e.standardized.isNaN {
            byStep[e.step - 1].append(e)
        }
        var out: [Horizon] = []
        for (i, list) in byStep.enumerated() where !list.isEmpty {
            let absZ = list.map { abs($0.standardized) }.sorted()
            let q80 = Self.quantile(absZ, 0.80), q95 = Self.quantile(absZ, 0.95)
            func modelQuantile(_ e: HeldOutError, _ p: Double) -> Double {
                e.baseDegreesOfFreedom.map { StudentT.quantile(p, degreesOfFreedom: $0) }
                    ?? StandardNormal.quantile(p)
            }
            let in80 = list.filter { abs($0.standardized) <= modelQuantile($0, 0.90) }.count
            let in95 = list.filter { abs($0.standardized) <= modelQuantile($0, 0.975) }.count
            let shape: DistributionShape
            if list.count >= Self.minimumPooled {
                let df = list.last!.baseDegreesOfFreedom
                let base = DistributionShape(spread: 1, degreesOfFreedom: df)
                func blend(_ q: Double, _ p: Double) -> Double {
                    q.isFinite && q > 0
                        ? pow(base.quantile(p), 1 - empiricalWeight) * pow(q, empiricalWeight) : q
                }
                shape = Self.fit(q80: blend(q80, 0.90), q95: blend(q95, 0.975))
            } else {
                let df = list.last!.baseDegreesOfFreedom
                let base = DistributionShape(spread: 1, degreesOfFreedom: df)
                let widen = max(1, q80 / base.quantile(0.90), q95 / base.quantile(0.975))
                shape = DistributionShape(spread: widen.isFinite ? widen : 1, degreesOfFreedom: df)
            }
            out.append(
                Horizon(
                    step: i + 1, count: list.count, quantile80: q80, quantile95: q95,
                    modelCoverage80: Double(in80) / Double(list.count),
                    modelCoverage95: Double(in95) / Double(list.count), shape: shape))
        }
        horizons = out
    }

    /// The calibrated shape at step h, nil when no errors were held out at any step ≤ h.
    public func shape(step h: Int) -> DistributionShape? {
        horizons.last { $0.step <= h }?.shape
    }

    /// Quantile (type 7, as R's default) of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let lo = Int(position.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        let w = position - Double(lo)
        if w == 0 || sorted[lo] == sorted[hi] { return sorted[lo] }
        return sorted[lo] + w * (sorted[hi] - sorted[lo])
    }

    /// The scaled t (or normal) through the two quantiles.
    static func fit(q80: Double, q95: Double) -> DistributionShape {
        let z80 = StandardNormal.quantile(0.90), z95 = StandardNormal.quantile(0.975)
        guard q80.isFinite, q95.isFinite, q80 > 0 else {
            // Degenerate (all errors zero, or infinite ones): keep the model's normal shape
            // widened as far as the finite evidence says.
            let s = q95.isFinite && q95 > 0 ? q95 / z95 : 1
            return DistributionShape(spread: max(s, 1e-12), degreesOfFreedom: nil)
        }
        let ratio = q95 / q80
        if ratio <= z95 / z80 {
            let spread = (q80 * z80 + q95 * z95) / (z80 * z80 + z95 * z95)
            return DistributionShape(spread: spread, degreesOfFreedom: nil)
        }
        func tRatio(_ nu: Double) -> Double {
            StudentT.quantile(0.975, degreesOfFreedom: nu)
                / StudentT.quantile(0.90, degreesOfFreedom: nu)
        }
        var lo = 0.0, hi = log(1000.0)  // log ν; the ratio decreases in ν
        if ratio >= tRatio(1) { lo = 0; hi = 0 }
        for _ in 0..<60 where hi - lo > 1e-6 {
            let mid = (lo + hi) / 2
            if tRatio(exp(mid)) > ratio { lo = mid } else { hi = mid }
        }
        let nu = exp((lo + hi) / 2)
        return DistributionShape(
            spread: q80 / StudentT.quantile(0.90, degreesOfFreedom: nu), degreesOfFreedom: nu)
    }
}
