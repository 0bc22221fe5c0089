import Foundation

/// The Theta method of Assimakopoulos & Nikolopoulos (2000, International Journal of
/// Forecasting 16(4)), the M3 competition's best, in the form Hyndman & Billah (2003,
/// IJF 19(2)) proved equivalent: simple exponential smoothing plus half the slope b̂ of
/// the least-squares line through the series,
///
///     ŷ(n+h) = SES forecast + (b̂/2)·[(h − 1) + 1/α − (1 − α)ⁿ/α]
///
/// exactly as R `forecast::thetaf` computes it (SES by `ets(y, "ANN")`, α and ℓ0
/// estimated) and statsmodels `ThetaModel(theta=2, deseasonalize=False)` defines it.
/// Intervals are SES's (ANN): sd(h) = σ·√(1 + (h − 1)α²). The slope is from least squares
/// on LAPACK (`Regression.TrendFit`, linear). Needs n ≥ 4.
public struct ThetaModel: SeriesModel {
    /// SES parameters held fixed (α, ℓ0); by default both are estimated.
    public let fixed: ExponentialSmoothingModel.FixedParameters
    public init(fixed: ExponentialSmoothingModel.FixedParameters = .init()) { self.fixed = fixed }
    public var name: String { "theta" }

    public func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast {
        let y = try series.regularValues(for: name, minimum: 4)
        let ses = ExponentialSmoothingModel(trend: .none, fixed: fixed, name: "theta")
        let fit = try ses.fit(series)
        let base = try fit.forecast(horizon: horizon)
        // The slope against t = 0, 1, …, n − 1 (the x spacing is even; per step).
        let steps = (0..<y.count).map(Double.init)
        let slope = try LeastSquaresTrendModel.slope(x: steps, y: y)
        let alpha = fit.alpha, n = Double(y.count)
        let drift = (0..<horizon).map { h in
            slope / 2 * (Double(h) + 1 / alpha - pow(1 - alpha, n) / alpha)
        }
        return try ModelForecast(
            method: name, centers: zip(base.centers, drift).map(+),
            standardDeviations: base.standardDeviations,
            detail: "alpha=\(short(alpha)) slope=\(short(slope))")
    }
}
