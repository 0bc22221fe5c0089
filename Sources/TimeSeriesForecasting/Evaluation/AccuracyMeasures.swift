/// Accuracy measures of the M3 competition and after.
public enum AccuracyMeasures {
    /// Symmetric MAPE in percent as in Makridakis & Hibon (2000, IJF 16(4), §3):
    /// 200·|y − f| / (|y| + |f|); 0 when both are 0. Invariant: 0 ≤ sMAPE ≤ 200 (clamped:
    /// with opposite signs the quotient is 1 in exact arithmetic but may round above it).
    ///
    /// `AccuracyMeasures.symmetricAPE(actual: 100, forecast: 90)` ≈ 10.526
    public static func symmetricAPE(actual: Double, forecast: Double) -> Double {
        let d = abs(actual) + abs(forecast)
        return d == 0 ? 0 : min(200, 200 * abs(actual - forecast) / d)
    }

    /// The MASE scale of Hyndman & Koehler (2006, IJF 22(4)) for non-seasonal data: the
    /// in-sample mean absolute first difference of the training values (the one-step naive
    /// forecast's MAE). Nil with fewer than 2 values or when it is 0 (a constant series).
    public static func naiveScale(_ training: [Double]) -> Double? {
        guard training.count >= 2 else { return nil }
        var s = 0.0
        for i in 1..<training.count { s += abs(training[i] - training[i - 1]) }
        let scale = s / Double(training.count - 1)
        return scale > 0 ? scale : nil
    }
}
