import Foundation

/// Rolling-origin evaluation on a series' own past (Tashman 2000, IJF 16(4)): for each
/// origin (training length) t from `n − maximumOrigins` to `n − 1`, but at least
/// `minimumTraining` and at least `minimumTrainingShare`·n, fit on the first t values and
/// forecast steps 1…min(H, n − t); each forecast with an actual becomes a `HeldOutError`.
///
/// The share keeps the training sets close in length to the final one: errors of fits on
/// the first three or four values of a long series (σ̂ from two differences) are far
/// wider than those of the final fit and made the calibrated intervals over-cover.
///
/// Invariant: every record has 1 ≤ h ≤ horizon and its actual is the value t + h of the
/// series; a model that cannot fit at an origin contributes no record for it.
public struct RollingOrigin: Sendable {
    public let horizon: Int
    public let maximumOrigins: Int
    public let minimumTraining: Int
    public let minimumTrainingShare: Double

    public init(
        horizon: Int, maximumOrigins: Int = 10, minimumTraining: Int = 3,
        minimumTrainingShare: Double = 0.5
    ) {
        self.horizon = horizon; self.maximumOrigins = maximumOrigins;
        self.minimumTraining = minimumTraining
        self.minimumTrainingShare = minimumTrainingShare
    }

    /// The training lengths evaluated for a series of `count` values, earliest first.
    public func origins(count: Int) -> [Int] {
        let share = Int((minimumTrainingShare * Double(count)).rounded(.up))
        let first = max(minimumTraining, count - maximumOrigins, share)
        return first < count ? Array(first..<count) : []
    }

    public func errors(of model: any SeriesModel, on series: YearlySeries) -> [HeldOutError] {
        var out: [HeldOutError] = []
        for t in origins(count: series.count) {
            let steps = min(horizon, series.count - t)
            let training = series.prefix(t)
            guard let f = try? model.forecast(training, horizon: steps) else { continue }
            let scale = AccuracyMeasures.naiveScale(training.y)
            for h in 1...steps {
                let actual = series.y[t + h - 1]
                out.append(
                    HeldOutError(
                        origin: t, step: h, actual: actual, point: f.point(h),
                        standardized: f.standardizedError(h, actual: actual),
                        baseDegreesOfFreedom: f.degreesOfFreedom, scale: scale))
            }
        }
        return out
    }
}

/// One held-out forecast: what was forecast h steps after origin t, and what came.
public struct HeldOutError: Sendable {
    /// Training length at the origin.
    public let origin: Int
    public let step: Int
    public let actual: Double
    public let point: Double
    /// (g(actual) − centre)/sd on the model's scale.
    public let standardized: Double
    /// The model's base distribution at that origin (nil: normal).
    public let baseDegreesOfFreedom: Double?
    /// The MASE scale of the training part (nil for a constant training part).
    public let scale: Double?

    public var symmetricAPE: Double {
        AccuracyMeasures.symmetricAPE(actual: actual, forecast: point)
    }
    /// |error| / scale, nil without a scale.
    public var scaledAbsoluteError: Double? { scale.map { abs(actual - point) / $0 } }
}
