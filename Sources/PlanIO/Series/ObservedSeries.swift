/// One series read from a table: x and y (and weights), with the line of each observation
/// so that a later problem (a value outside a model's domain) can name it.
public struct ObservedSeries: Sendable, Equatable {
    /// The group's name, or the y column's name for an ungrouped table.
    public var name: String
    public var x: [Double] = []
    public var y: [Double] = []
    /// Empty when the table has no weights column.
    public var weights: [Double] = []
    /// 1-based line of each observation (`lines[i]` for `x[i]`, `y[i]`).
    public var lines: [Int] = []

    public init(name: String) { self.name = name }

    /// With room for `capacity` observations (one allocation per array for short series).
    public init(name: String, capacity: Int, weighted: Bool) {
        self.name = name
        x.reserveCapacity(capacity); y.reserveCapacity(capacity); lines.reserveCapacity(capacity)
        if weighted { weights.reserveCapacity(capacity) }
    }
}

/// Which columns of a table hold a series.
public struct SeriesColumns: Sendable, Equatable {
    public var x: String
    public var y: String
    public var weights: String?
    /// One series per distinct value of this column; nil for one series.
    public var group: String?

    public init(x: String, y: String, weights: String? = nil, group: String? = nil) {
        self.x = x; self.y = y; self.weights = weights; self.group = group
    }
}
