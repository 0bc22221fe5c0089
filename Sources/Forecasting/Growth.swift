import Foundation

/// Compound-growth arithmetic. Rates are fractions per year (0.07 = 7 %/yr); a period
/// from year a to year b has b − a compounding steps.
public enum Growth {
    /// `base × (1 + rate)^years`, computed as `base × exp(years × log1p(rate))`, which keeps
    /// full precision for small rates (relative error a few ulps). A rate ≤ −1 gives 0 for
    /// positive `years` (the series is wiped out), not NaN.
    public static func compound(_ base: Double, rate: Double, years: Double) -> Double {
        if rate <= -1 { return years > 0 ? 0 : base }
        return base * exp(years * log1p(rate))
    }

    /// The constant annual rate that takes `start` to `end` in `years` years (CAGR):
    /// `(end / start)^(1/years) − 1`, computed as `expm1(log(end/start) / years)` so that
    /// rates near zero keep their relative precision. Nil when it does not exist (start or
    /// end ≤ 0, or years ≤ 0).
    public static func requiredRate(from start: Double, to end: Double, years: Double) -> Double? {
        guard start > 0, end > 0, years > 0, start.isFinite, end.isFinite else { return nil }
        return expm1(log(end / start) / years)
    }
}
