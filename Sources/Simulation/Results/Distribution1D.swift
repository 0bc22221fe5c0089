/// Summary statistics of one quantity across all simulated scenarios.
public struct Distribution1D: Sendable, Equatable {
    /// At the requested percentiles (same order as `SweepResult.percentiles`), computed
    /// exactly as numpy's default (`linear`, R type 7): x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎),
    /// h = (N − 1)·p/100, over the sorted values.
    public var percentiles: [Double]
    public var mean: Double
    /// Sample standard deviation (divisor N − 1; 0 when N = 1).
    public var sd: Double
    public var min: Double
    public var max: Double
}
