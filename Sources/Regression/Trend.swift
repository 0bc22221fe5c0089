import Foundation
import Distributions

/// A trend model for a plan indicator observed in (possibly irregular) years.
///
/// Every model is a polynomial in the year on a transformed scale `z = g(y)`, fitted by
/// least squares (`PolynomialRegression`, centred and scaled basis, extended-precision
/// refinement):
/// - `.linear`:             z = y,                  z = b₀ + b₁·x
/// - `.exponential`:        z = log y  (y > 0),     z = b₀ + b₁·x; annual growth exp(b₁) − 1
/// - `.polynomial(degree:)`: z = y,                 z = Σₖ bₖ xᵏ, degree 1…10
/// - `.logistic(bound:)`:   z = log(y / (B − y))  (0 < y < B), z = b₀ + b₁·x
///
/// Units: growth rates and interval levels are fractions in code (0.07 = 7 %/yr,
/// 0.95 = 95 %); the logistic bound is in the indicator's own unit (default 100, for
/// percentages).
public enum TrendModel: Sendable, Hashable, CustomStringConvertible {
    case linear
    case exponential
    case polynomial(degree: Int)
    case logistic(bound: Double)

    public static let defaultLogisticBound = 100.0

    /// Parses the command-line spelling: `linear`, `exponential` (or `exp`), `poly:K`,
    /// `logistic` or `logistic:BOUND`. Returns nil for anything else.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "linear": self = .linear
        case "exponential", "exp": self = .exponential
        case "logistic": self = .logistic(bound: Self.defaultLogisticBound)
        default:
            if t.hasPrefix("poly:"), let k = Int(t.dropFirst(5)) {
                self = .polynomial(degree: k)
            } else if t.hasPrefix("logistic:"), let b = Double(t.dropFirst(9)) {
                self = .logistic(bound: b)
            } else {
                return nil
            }
        }
    }

    /// The command-line spelling (round-trips through `init(parsing:)`).
    public var description: String {
        switch self {
        case .linear: return "linear"
        case .exponential: return "exponential"
        case .polynomial(let k): return "poly:\(k)"
        case .logistic(let b): return "logistic:\(formatShortest(b))"
        }
    }

    /// Degree of the polynomial on the model scale.
    public var degree: Int {
        if case .polynomial(let k) = self { return k }
        return 1
    }

    /// Number of fitted coefficients.
    public var parameterCount: Int { degree + 1 }

    /// True when intervals and the point forecast are transformed back from log or logit
    /// scale (the point forecast is then the median, not the mean).
    public var isTransformed: Bool {
        switch self {
        case .exponential, .logistic: return true
        default: return false
        }
    }

    /// z = g(y) on the model's scale, or nil when y is outside the model's domain
    /// (y ≤ 0 under log, y outside (0, B) under the logit).
    public func transform(_ y: Double) -> Double? {
        switch self {
        case .linear, .polynomial: return y
        case .exponential: return y > 0 ? log(y) : nil
        case .logistic(let b): return (y > 0 && y < b) ? log(y / (b - y)) : nil
        }
    }

    var domainRule: String {
        switch self {
        case .exponential: return "y > 0 (the exponential trend fits log y)"
        case .logistic(let b):
            return
                "0 < y < \(formatShortest(b)) (the logistic trend fits log(y / (\(formatShortest(b)) − y)))"
        default: return "y finite"
        }
    }

    /// y = g⁻¹(z). Monotone increasing, so quantiles map to quantiles.
    func inverse(_ z: Double) -> Double {
        switch self {
        case .linear, .polynomial: return z
        case .exponential: return exp(z)
        case .logistic(let b): return b / (1 + exp(-z))
        }
    }
}

func formatShortest(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
}

/// One interval level of a forecast: the confidence interval of the trend's value (the
/// mean on the model scale) and the prediction interval of a new observation.
public struct TrendInterval: Sendable, Equatable {
    /// Coverage as a fraction (0.95).
    public let level: Double
    public let meanLower: Double
    public let meanUpper: Double
    public let predictionLower: Double
    public let predictionUpper: Double
}

/// A forecast at one x (year).
public struct TrendForecast: Sendable {
    public let x: Double
    /// The point forecast g⁻¹(ẑ). For linear and polynomial trends this is the fitted
    /// mean; for exponential and logistic trends it is the *median* of the forecast
    /// distribution (the back-transformed mean of log y / logit y), not the bias-adjusted
    /// mean — it is what a planner reads as "the trend value", and it keeps the point
    /// inside its intervals, which are back-transformed quantiles.
    public let point: Double
    /// True for exponential and logistic models (see `point`).
    public let pointIsMedian: Bool
    /// Standard error of ẑ on the model scale (nil for an exact fit).
    public let standardErrorOnModelScale: Double?
    /// One per requested level, in the order requested; empty when no interval exists.
    public let intervals: [TrendInterval]
    /// Why `intervals` is empty (nil when intervals exist).
    public let noIntervalReason: String?
}

/// An annual growth rate exp(b₁) − 1 of an exponential trend, with its interval
/// exp(b₁ ± t·se) − 1 (fractions: 0.07 = 7 %/yr).
public struct GrowthRateEstimate: Sendable {
    public let rate: Double
    /// Standard error of the log-scale slope b₁ (nil for an exact fit).
    public let slopeStandardError: Double?
    /// (level, lower, upper) per requested level; empty for an exact fit.
    public let intervals: [(level: Double, lower: Double, upper: Double)]
    public let noIntervalReason: String?
}

/// A fitted trend: `TrendFit.fit(.exponential, x: years, y: values)`, then
/// `forecast(at: 2030)`, in the manner of R's forecast package.
///
/// ```swift
/// let fit = try TrendFit.fit(.exponential, x: [2021, 2022, 2023, 2024, 2025],
///                            y: [100, 107, 114.5, 122.5, 131.1], series: "income")
/// fit.growthRate()?.rate                      // ≈ 0.07 (7 %/yr)
/// fit.forecast(at: 2030).intervals[1]         // 95 % intervals
/// ```
///
/// Intervals use Student-t quantiles with the residual degrees of freedom (GSL):
/// mean ẑ ± t·se(ẑ), observation ẑ ± t·√(σ̂² + se(ẑ)²), then transformed back.
/// Accuracy: ẑ and se(ẑ) are evaluated in the centred, scaled basis with
/// extended-precision refinement, so they are accurate to about 1e-14 relative even for
/// degree-10 trends; t quantiles are accurate to ~1e-14 (GSL).
public struct TrendFit: Sendable {
    public static let defaultLevels = [0.80, 0.95]

    public let series: String
    public let model: TrendModel
    public let x: [Double]
    public let y: [Double]
    public let weights: [Double]?
    /// The least-squares fit on the model scale; coefficients `[b₀, b₁, …]` of powers of x.
    public let regression: LinearFit

    /// Fits `model` to observations (x[i], y[i]). Years may be irregular, with gaps and
    /// repeats; weights (≥ 0) are optional.
    /// - Throws: `RegressionError` naming `series` and the rule broken: non-finite values,
    ///   y outside the model's domain, fewer observations than parameters, fewer distinct
    ///   years than the degree + 1 (e.g. a single year repeated), an invalid model.
    public static func fit(
        _ model: TrendModel, x: [Double], y: [Double], weights: [Double]? = nil,
        series: String = "y"
    ) throws -> TrendFit {
        switch model {
        case .polynomial(let k) where k < 1 || k > PolynomialRegression.maximumDegree:
            throw RegressionError.invalidModel(
                "series '\(series)': polynomial degree must be between 1 and \(PolynomialRegression.maximumDegree); got \(k)"
            )
        case .logistic(let b) where !(b > 0 && b.isFinite):
            throw RegressionError.invalidModel(
                "series '\(series)': logistic bound must be a positive finite number; got \(b)")
        default: break
        }
        guard x.count == y.count else {
            throw RegressionError.lengthMismatch(
                series: series, detail: "\(x.count) x values for \(y.count) y values")
        }
        for i in 0..<x.count {
            if !x[i].isFinite {
                throw RegressionError.nonFinite(series: series, what: "x", index: i)
            }
            if !y[i].isFinite {
                throw RegressionError.nonFinite(series: series, what: "y", index: i)
            }
        }
        var z = [Double](repeating: 0, count: y.count)
        for i in 0..<y.count {
            guard let v = model.transform(y[i]) else {
                throw RegressionError.outsideDomain(
                    series: series, index: i, value: y[i], rule: model.domainRule)
            }
            z[i] = v
        }
        let name: String
        switch model {
        case .linear: name = "a linear trend"
        case .exponential: name = "an exponential trend"
        case .polynomial(let k): name = "a polynomial trend of degree \(k)"
        case .logistic: name = "a logistic trend"
        }
        let reg: LinearFit
        do {
            reg = try PolynomialRegression.fit(
                x: x, y: z, degree: model.degree, weights: weights, series: series)
        } catch RegressionError.tooFewObservations(let s, let n, let p, _) {
            throw RegressionError.tooFewObservations(
                series: s, observations: n, parameters: p, model: name)
        }
        return TrendFit(series: series, model: model, x: x, y: y, weights: weights, regression: reg)
    }

    /// Model-scale coefficients `[b₀, b₁, …]` (powers of x, x in the caller's units).
    public var coefficients: [Double] { regression.coefficients }
    public var residualDegreesOfFreedom: Int { regression.residualDegreesOfFreedom }

    /// Nil when intervals exist; otherwise why not (an exact fit).
    public var noIntervalReason: String? {
        regression.residualDegreesOfFreedom > 0
            ? nil
            : "exact fit: \(regression.observationCount) observations for \(regression.parameterCount) parameters leave no residual degrees of freedom, so no interval exists"
    }

    /// The point forecast and, when df > 0, intervals at `levels` (fractions in (0, 1),
    /// default 0.80 and 0.95). Precondition: every level lies strictly between 0 and 1.
    /// For a weighted fit the prediction interval is for a new observation of weight 1
    /// (variance σ̂²), σ̂² being the weighted residual variance.
    public func forecast(at x: Double, levels: [Double] = TrendFit.defaultLevels) -> TrendForecast {
        forecast(at: x, levels: levels, criticalValues: criticalValues(levels: levels))
    }

    /// Student-t critical values t_df((1 + level)/2) for this fit's residual degrees of
    /// freedom (GSL), one per level; nil for an exact fit. For many forecasts of fits with
    /// the same df, compute them once and pass them to `forecast(at:levels:criticalValues:)`
    /// and `growthRate(levels:criticalValues:)`.
    public func criticalValues(levels: [Double]) -> [Double]? {
        precondition(
            levels.allSatisfy { $0 > 0 && $0 < 1 },
            "interval levels must lie strictly between 0 and 1")
        let df = regression.residualDegreesOfFreedom
        guard df > 0 else { return nil }
        return levels.map { StudentT.critical(level: $0, degreesOfFreedom: Double(df)) }
    }

    /// As `forecast(at:levels:)` with precomputed `criticalValues(levels:)`.
    public func forecast(at x: Double, levels: [Double], criticalValues ts: [Double]?)
        -> TrendForecast
    {
        let (zhat, se) = regression.predict([x])
        let point = model.inverse(zhat)
        guard let se, let s2 = regression.residualVariance, let ts, noIntervalReason == nil else {
            return TrendForecast(
                x: x, point: point, pointIsMedian: model.isTransformed,
                standardErrorOnModelScale: nil, intervals: [], noIntervalReason: noIntervalReason)
        }
        precondition(ts.count == levels.count, "one critical value per level")
        let sePred = (s2 + se * se).squareRoot()
        let intervals = zip(levels, ts).map { level, t -> TrendInterval in
            TrendInterval(
                level: level,
                meanLower: model.inverse(zhat - t * se), meanUpper: model.inverse(zhat + t * se),
                predictionLower: model.inverse(zhat - t * sePred),
                predictionUpper: model.inverse(zhat + t * sePred))
        }
        return TrendForecast(
            x: x, point: point, pointIsMedian: model.isTransformed,
            standardErrorOnModelScale: se, intervals: intervals, noIntervalReason: nil)
    }

    /// Forecasts at several x.
    public func forecast(at xs: [Double], levels: [Double] = TrendFit.defaultLevels)
        -> [TrendForecast]
    {
        xs.map { forecast(at: $0, levels: levels) }
    }

    /// For an exponential trend: the annual growth rate exp(b₁) − 1 per unit of x, with
    /// intervals exp(b₁ ± t·se(b₁)) − 1 (computed with `expm1`, exact to a few ulps).
    /// Nil for other models.
    public func growthRate(levels: [Double] = TrendFit.defaultLevels) -> GrowthRateEstimate? {
        guard case .exponential = model else { return nil }
        return growthRate(levels: levels, criticalValues: criticalValues(levels: levels))
    }

    /// As `growthRate(levels:)` with precomputed `criticalValues(levels:)`.
    public func growthRate(levels: [Double], criticalValues ts: [Double]?) -> GrowthRateEstimate? {
        guard case .exponential = model else { return nil }
        let b = regression.coefficients[1]
        guard let se = regression.standardErrors?[1], let ts else {
            return GrowthRateEstimate(
                rate: expm1(b), slopeStandardError: nil, intervals: [],
                noIntervalReason: noIntervalReason)
        }
        precondition(ts.count == levels.count, "one critical value per level")
        let iv = zip(levels, ts).map { level, t -> (level: Double, lower: Double, upper: Double) in
            (level, expm1(b - t * se), expm1(b + t * se))
        }
        return GrowthRateEstimate(
            rate: expm1(b), slopeStandardError: se, intervals: iv, noIntervalReason: nil)
    }

    /// Fitted values on the original scale (medians for transformed models).
    public var fittedValues: [Double] { regression.fittedValues.map { model.inverse($0) } }
}

extension TrendFit: CustomStringConvertible {
    /// A short summary: model, coefficients with standard errors, σ̂, R², df.
    public var description: String {
        var s =
            "\(series): \(model) trend, n = \(regression.observationCount), df = \(residualDegreesOfFreedom)\n"
        for (k, b) in coefficients.enumerated() {
            let se = regression.standardErrors.map { String(format: "%.6g", $0[k]) } ?? "NA"
            s += "  b\(k) = " + String(format: "%.10g", b) + "  (se \(se))\n"
        }
        if let r = regression.residualStandardDeviation {
            s += String(format: "  residual SD %.6g", r)
        }
        if let r2 = regression.rSquared { s += String(format: ", R² %.6f", r2) }
        if let reason = noIntervalReason { s += "\n  \(reason)" }
        return s
    }
}
