/// Variance-based sensitivity of one target metric to one factor (a driver's mean growth,
/// or `volatility`: all yearly shocks together).
public struct SobolIndex: Sendable {
    public var target: String
    public var factor: String
    public var firstOrder: Double
    public var firstOrderInterval: ClosedRange<Double>
    public var total: Double
    public var totalInterval: ClosedRange<Double>
}
