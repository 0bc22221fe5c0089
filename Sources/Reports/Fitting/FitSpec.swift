import Foundation
import PlanIO
import PlanModel
import Regression

/// Output formats of `fit`.
public enum FitFormat: String, CaseIterable, Sendable { case table, csv, json }

/// One series as `fit` reads it (x, y, weights and the line of each observation).
public typealias FitSeries = ObservedSeries

/// Result of fitting one series: the fit, or why there is none.
public enum FitOutcome {
    case fitted(TrendFit)
    case notFitted(String)
}

/// The validated options of `fit`.
///
/// ```swift
/// let spec = try FitSpec(model: "poly:2", levels: [0.8, 0.95], until: 2030,
///                        columns: SeriesColumns(x: "year", y: "value"))
/// ```
public struct FitSpec: Sendable {
    public var model: TrendModel
    /// Interval levels as fractions (0.8, 0.95), each strictly between 0 and 1.
    public var levels: [Double]
    /// Forecast up to this x; nil: the last x + 5.
    public var until: Double?
    public var x: String, y: String, weights: String?, group: String?

    /// - Parameters:
    ///   - model: `linear`, `exponential`, `poly:K` (K = 1…10) or `logistic[:BOUND]`.
    ///   - levels: fractions strictly between 0 and 1, at least one.
    /// - Throws: `InputError.usage` (exit 64) for a model, level or `until` out of range.
    public init(model: String, levels: [Double], until: Double?, columns: SeriesColumns) throws {
        guard let m = TrendModel(parsing: model) else {
            throw InputError.usage(
                "--model \(model): expected linear, exponential, poly:K (K = 1…10) or logistic[:BOUND]"
            )
        }
        switch m {
        case .polynomial(let k) where !(1...10).contains(k):
            throw InputError.usage("--model \(model): the polynomial degree must be 1…10")
        case .logistic(let b) where !(b > 0 && b.isFinite):
            throw InputError.usage("--model \(model): the logistic bound must be a positive number")
        default: break
        }
        self.model = m
        guard !levels.isEmpty, levels.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw InputError.usage(
                "--level: expected percentages strictly between 0 and 100, e.g. 80,95")
        }
        self.levels = levels
        if let u = until, !u.isFinite { throw InputError.usage("--until must be a finite number") }
        self.until = until
        x = columns.x; y = columns.y; weights = columns.weights; group = columns.group
    }

    /// The columns to read.
    public var columns: SeriesColumns { SeriesColumns(x: x, y: y, weights: weights, group: group) }
}
