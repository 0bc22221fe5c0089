/// One bar of a tornado: a driver moved across its range with the others at their middle,
/// no yearly volatility (shocks kept).
public struct TornadoBar: Sendable {
    public var target: String
    public var driver: String
    /// The driver's range ends (fraction for growth drivers, unit for change drivers).
    public var lowInput: Double
    public var highInput: Double
    /// The target metric with the driver at its low and high end.
    public var metricAtLow: Double
    public var metricAtHigh: Double
    /// The metric with every driver at its middle.
    public var metricAtCentre: Double
    public var swing: Double { abs(metricAtHigh - metricAtLow) }
}
