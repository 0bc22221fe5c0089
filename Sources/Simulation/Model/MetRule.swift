import PlanModel

/// `Target.isMet` reduced to one comparison against one bound (tolerance included), so the
/// hot loop tests a target without touching the `Target` value.
struct MetRule: Sendable, Equatable {
    enum Op: UInt8, Sendable { case less, lessOrEqual, greater, greaterOrEqual, never }
    let op: Op
    let bound: Double

    init(_ t: Target, tolerance: Double = 1e-9) {
        guard let low = t.low else { op = .never; bound = 0; return }
        let high = t.high ?? low
        let higher = t.direction == .higher
        switch t.comparator {
        case .less: op = .less; bound = low
        case .lessOrEqual: op = .lessOrEqual; bound = low + tolerance
        case .greater: op = .greater; bound = low
        case .greaterOrEqual: op = .greaterOrEqual; bound = low - tolerance
        case .equal:
            op = higher ? .greaterOrEqual : .lessOrEqual
            bound = higher ? low - tolerance : low + tolerance
        case .range:
            op = higher ? .greaterOrEqual : .lessOrEqual
            bound = higher ? low - tolerance : high + tolerance
        }
    }

    @inline(__always) func test(_ v: Double) -> Bool {
        switch op {
        case .less: return v < bound
        case .lessOrEqual: return v <= bound
        case .greater: return v > bound
        case .greaterOrEqual: return v >= bound
        case .never: return false
        }
    }
}
