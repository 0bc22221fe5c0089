import PlanModel

/// Everything a sweep produces.
public struct SweepResult: Sendable {
    public var scenario: String
    public var mode: SweepMode
    public var samples: Int
    public var seed: UInt64
    /// Requested percentiles, in percent (5 = 5th percentile).
    public var percentiles: [Double]
    public var series: [SeriesSummary]
    public var targets: [TargetProbability]
    public var tornado: [TornadoBar]
    public var sobol: [SobolIndex]
    /// Sobol base sample size (0 when not computed) and bootstrap replicates.
    public var sobolSamples: Int
    public var notes: [String]

    /// The driver whose total Sobol index is largest for `target` (tornado swing when no
    /// Sobol indices were computed), with that index or swing. The yearly-volatility factor
    /// is not a driver and is left out here (see `volatilityShare(for:)`).
    public func mostInfluential(for target: String) -> (factor: String, value: Double, by: String)?
    {
        let s = sobol.filter { $0.target == target && $0.factor != Sensitivity.volatilityFactor }
        if let best = s.max(by: { $0.total < $1.total }) {
            return (best.factor, best.total, "total Sobol index")
        }
        if let best = tornado.filter({ $0.target == target && $0.swing > 0 }).max(by: {
            $0.swing < $1.swing
        }) {
            return (best.driver, best.swing, "tornado swing")
        }
        return nil
    }

    /// Total Sobol index of the yearly volatility for `target` (nil when not computed).
    public func volatilityShare(for target: String) -> Double? {
        sobol.first { $0.target == target && $0.factor == Sensitivity.volatilityFactor }?.total
    }
}
