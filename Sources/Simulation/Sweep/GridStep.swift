/// Grid spacing per driver.
public enum GridStep: Sendable, Equatable {
    /// This many evenly spaced points across each uncertain driver's range (ends included).
    case points(Int)
    /// A step in percentage points per year for growth drivers, and in the indicator's own
    /// unit per year for change drivers; points are low, low + step, … up to high.
    case percentagePoints(Double)
}
