import Foundation

/// Exponential smoothing as an innovations state-space model without seasonality
/// (Hyndman, Koehler, Ord & Snyder, "Forecasting with Exponential Smoothing: the State
/// Space Approach", Springer 2008, ch. 2 and Table 2.1; R `forecast::ets`):
///
///     μ(t) = ℓ(t−1) + φ·b(t−1)                       (φ = 1 for Holt, b ≡ 0 for SES)
///     additive error (A··):       y(t) = μ(t) + ε(t)
///         ℓ(t) = μ(t) + α·ε(t),   b(t) = φ·b(t−1) + β·ε(t)
///     multiplicative error (M··): y(t) = μ(t)·(1 + ε(t))
///         ℓ(t) = μ(t)·(1 + α·ε(t)),   b(t) = φ·b(t−1) + β·μ(t)·ε(t)
///     forecast ŷ(n+h) = ℓ(n) + (φ + φ² + … + φʰ)·b(n)
///
/// SES is ANN, Holt's linear trend AAN, the damped trend of Gardner & McKenzie (1985,
/// Management Science 31(10)) AAdN. Parameters α, β, φ and the initial states ℓ(0), b(0)
/// are estimated as `ets` does: maximum likelihood, i.e. minimising n·log Σε² (+ 2·Σ log|μ|
/// for multiplicative error) by Nelder–Mead from `ets`'s starting values, with
/// 0 < β < α < 1 and 0.8 ≤ φ ≤ 0.98. Fixed parameters (`fixed`) are not estimated.
///
/// Forecast variance: additive error, exact (Hyndman et al. 2008, eq. 6.1 / Table 6.1,
/// class 1): v(h) = σ²·[1 + Σ_{j=1}^{h−1} c_j²], c_j = α + β·(φ + … + φʲ).
/// Multiplicative error: the first-order approximation v(h) ≈ μ(n+h)²·σ²·[1 + Σ c_j²]
/// (exact for MNN only to first order in σ²; calibration widens it where needed).
/// σ² = Σε² / (n − k), k the number of estimated parameters.
public struct ExponentialSmoothingModel: SeriesModel {
    public enum Trend: String, Sendable, CaseIterable {
        case none = "N", additive = "A", damped = "Ad"
    }

    /// Parameters held fixed instead of estimated (for tests and textbook examples).
    public struct FixedParameters: Sendable, Equatable {
        public var alpha: Double?, beta: Double?, phi: Double?, level: Double?, trend: Double?
        public init(
            alpha: Double? = nil, beta: Double? = nil, phi: Double? = nil,
            level: Double? = nil, trend: Double? = nil
        ) {
            self.alpha = alpha; self.beta = beta; self.phi = phi; self.level = level;
            self.trend = trend
        }
    }

    /// Errors relative to the mean (M··) instead of additive (A··).
    public let multiplicativeError: Bool
    public let trend: Trend
    public let fixed: FixedParameters
    let displayName: String?

    public init(
        multiplicativeError: Bool = false, trend: Trend, fixed: FixedParameters = .init(),
        name: String? = nil
    ) {
        self.multiplicativeError = multiplicativeError; self.trend = trend; self.fixed = fixed
        self.displayName = name
    }

    public static let ses = ExponentialSmoothingModel(trend: .none, name: "ses")
    public static let holt = ExponentialSmoothingModel(trend: .additive, name: "holt")
    public static let damped = ExponentialSmoothingModel(trend: .damped, name: "damped")

    /// `ANN`, `AAdN`, `MAN`, …
    public var code: String { (multiplicativeError ? "M" : "A") + trend.rawValue + "N" }
    public var name: String { displayName ?? "ets(\(code))" }

    public func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast {
        try fit(series).forecast(horizon: horizon)
    }

    /// Estimates the model (see the type's documentation).
    public func fit(_ series: YearlySeries) throws -> ExponentialSmoothingFit {
        let y = try series.regularValues(for: name, minimum: max(3, freeParameterCount + 2))
        if multiplicativeError && !y.allSatisfy({ $0 > 0 }) {
            throw ForecastError.notFitted("\(name): multiplicative errors need every value > 0")
        }
        return try ExponentialSmoothingEstimator(model: self, values: y).estimate()
    }

    /// Number of parameters estimated (α, β, φ, ℓ0, b0 less those fixed).
    public var freeParameterCount: Int {
        var k = 0
        if fixed.alpha == nil { k += 1 }
        if fixed.level == nil { k += 1 }
        if trend != .none {
            if fixed.beta == nil { k += 1 }
            if fixed.trend == nil { k += 1 }
        }
        if trend == .damped && fixed.phi == nil { k += 1 }
        return k
    }
}

/// A fitted exponential smoothing model: parameters, final states and fit statistics.
public struct ExponentialSmoothingFit: Sendable {
    public let model: ExponentialSmoothingModel
    public let alpha: Double, beta: Double, phi: Double
    public let initialLevel: Double, initialTrend: Double
    public let finalLevel: Double, finalTrend: Double
    /// Σε² (ε relative for multiplicative error).
    public let sumOfSquaredErrors: Double
    /// −2 log L as `ets` computes it (constants dropped): n·log Σε² (+ 2·Σ log μ).
    public let minusTwoLogLikelihood: Double
    public let observationCount: Int
    public let variance: Double

    /// AICc = −2 log L + 2k + 2k(k+1)/(n − k − 1), k counting σ² too (as `ets`); +∞
    /// when n ≤ k + 1.
    public var aicc: Double {
        let k = Double(model.freeParameterCount + 1), n = Double(observationCount)
        guard n - k - 1 > 0 else { return .infinity }
        return minusTwoLogLikelihood + 2 * k + 2 * k * (k + 1) / (n - k - 1)
    }

    /// Damped sum φ + φ² + … + φʰ (h for φ = 1, 0 without trend).
    func trendMultiplier(_ h: Int) -> Double {
        switch model.trend {
        case .none: return 0
        case .additive: return Double(h)
        case .damped: return phi == 1 ? Double(h) : phi * (1 - pow(phi, Double(h))) / (1 - phi)
        }
    }

    public func forecast(horizon: Int) throws -> ModelForecast {
        var centers: [Double] = [], sds: [Double] = []
        var sumC2 = 0.0
        for h in 1...max(horizon, 1) where h <= horizon {
            let mu = finalLevel + trendMultiplier(h) * finalTrend
            if h > 1 {
                let c = alpha + beta * trendMultiplier(h - 1)
                sumC2 += c * c
            }
            centers.append(mu)
            let v = variance * (1 + sumC2)
            sds.append(model.multiplicativeError ? abs(mu) * v.squareRoot() : v.squareRoot())
        }
        var detail = "alpha=\(short(alpha))"
        if model.trend != .none { detail += " beta=\(short(beta))" }
        if model.trend == .damped { detail += " phi=\(short(phi))" }
        return try ModelForecast(
            method: model.name, centers: centers, standardDeviations: sds, detail: detail)
    }
}
