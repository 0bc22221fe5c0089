/// One simulated series (a driver's indicator or an aggregate) year by year.
public struct SeriesSummary: Sendable {
    public var id: String
    public var unit: String
    public var isAggregate: Bool
    /// True when the baseline behind it is an illustrative value.
    public var usesIllustrativeBaseline: Bool
    public var years: [Int]
    public var byYear: [Distribution1D]
}
