import Foundation
import Regression

/// The least-squares trends of `Regression.TrendFit` (linear, exponential = constant
/// growth on log y, logistic on logit y; fitted on LAPACK) as forecasting models: the
/// centre and the prediction standard error √(σ̂² + se(ẑ)²) on the model's scale, Student
/// t with the residual degrees of freedom. Takes uneven years. Needs df ≥ 1 (n ≥ 3).
public struct LeastSquaresTrendModel: SeriesModel {
    public let trend: TrendModel
    public init(_ trend: TrendModel) { self.trend = trend }
    public var name: String { trend.description }

    public func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast {
        let fit: TrendFit
        do {
            fit = try TrendFit.fit(trend, x: series.x, y: series.y, series: series.name)
        } catch {
            throw ForecastError.notFitted("\(name): \(error)")
        }
        guard fit.residualDegreesOfFreedom > 0, let variance = fit.regression.residualVariance
        else {
            throw ForecastError.notFitted(
                "\(name): \(fit.noIntervalReason ?? "no residual degrees of freedom")")
        }
        var centers: [Double] = [], sds: [Double] = []
        for x in series.forecastYears(horizon: horizon) {
            let (mean, se) = fit.regression.predict([x])
            centers.append(mean)
            sds.append((variance + (se ?? 0) * (se ?? 0)).squareRoot())
        }
        let scale: ForecastScale
        switch trend {
        case .linear, .polynomial: scale = .identity
        case .exponential: scale = .logarithm
        case .logistic(let b): scale = .logit(bound: b)
        }
        let detail =
            trend == .exponential
            ? "growth=\(short(expm1(fit.coefficients[1]) * 100))%"
            : "slope=\(short(fit.coefficients[1]))"
        return try ModelForecast(
            method: name, scale: scale, centers: centers, standardDeviations: sds,
            degreesOfFreedom: Double(fit.residualDegreesOfFreedom), detail: detail)
    }

    /// The least-squares slope of y on x (LAPACK, through `TrendFit`).
    static func slope(x: [Double], y: [Double]) throws -> Double {
        do {
            return try TrendFit.fit(.linear, x: x, y: y).coefficients[1]
        } catch {
            throw ForecastError.notFitted("slope: \(error)")
        }
    }
}
