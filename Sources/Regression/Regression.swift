/// Least squares and trend models. See `LeastSquares` and `TrendModel`.
public enum RegressionModule {}
