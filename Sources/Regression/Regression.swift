/// Least squares and trend models (pure: values in, values out).
///
/// - `LinearLeastSquares.fit(design:response:weights:intercept:series:)` → `LinearFit`:
///   ordinary/weighted least squares with coefficients, standard errors, covariance,
///   residual SD, R² (uncentred without intercept), adjusted R², df, rank, condition.
/// - `PolynomialRegression.fit(x:y:degree:weights:series:)` → `LinearFit` in the raw
///   monomial basis, computed in a centred, scaled basis (degree ≤ 10).
/// - `TrendFit.fit(_ model: TrendModel, x:y:weights:series:)` → `TrendFit`, then
///   `forecast(at:levels:)` → `TrendForecast` (point, mean CI, prediction interval) and,
///   for `.exponential`, `growthRate(levels:)` → `GrowthRateEstimate`.
/// - `ExponentialGrowthBatch(years:).growthRates(values)`: many short series at once.
/// Failures are `RegressionError`s naming the series and the rule broken.
public enum RegressionModule {}
