/// A forecasting model for one short yearly series: point forecasts and a distribution for
/// h = 1…`horizon` steps after the last observation.
///
/// Conformers: `NaiveModel`, `DriftModel`, `ConstantGrowthModel`, `LeastSquaresTrendModel`,
/// `ExponentialSmoothingModel`, `ETSAutoModel`, `ThetaModel`, `CombinationModel`.
/// Invariant: a returned `ModelForecast` has exactly `horizon` steps with finite values;
/// a series the model cannot handle throws `ForecastError.notFitted` with the reason.
public protocol SeriesModel: Sendable {
    /// The command-line spelling.
    var name: String { get }
    func forecast(_ series: YearlySeries, horizon: Int) throws -> ModelForecast
}
