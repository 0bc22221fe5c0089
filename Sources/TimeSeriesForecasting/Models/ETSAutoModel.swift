/// ETS chosen by AICc among the non-seasonal models ANN, AAN, AAdN and, when every value
/// is positive, MNN, MAN, MAdN — R `forecast::ets(y)` restricted to yearly data without
/// multiplicative trend (Hyndman et al. 2008, §7.1; Hyndman & Khandakar 2008, JSS 27(3)).
/// Models with too few observations for their parameters (n < k + 2, or AICc undefined)
/// are skipped.
public struct ETSAutoModel: SeriesModel {
    public init() {}
    public var name: String { "ets" }

    public static let candidates: [ExponentialSmoothingModel] =
        [false, true].flatMap { m in
            ExponentialSmoothingModel.Trend.allCases.map {
                ExponentialSmoothingModel(multiplicativeError: m, trend: $0)
            }
        }

    /// The fit with the least AICc.
    public func select(_ series: YearlySeries) throws -> ExponentialSmoothingFit {
        var best: ExponentialSmoothingFit?
        var reasons: [String] = []
        for candidate in Self.candidates {
            do {
                let fit = try candidate.fit(series)
                if fit.aicc.isFinite && fit.aicc < (best?.aicc ?? .infinity) { best = fit }
            } catch { reasons.append("\(error)") }
        }
        guard let best else {
            throw ForecastError.notFitted(
                "ets: no model could be fitted (\(reasons.first ?? "too few observations"))")
        }
        return best
    }

    public func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast {
        let fit = try select(series)
        let f = try fit.forecast(horizon: horizon)
        return try ModelForecast(
            method: "ets(\(fit.model.code))", centers: f.centers,
            standardDeviations: f.standardDeviations,
            detail: f.detail + " aicc=\(short(fit.aicc))")
    }
}
