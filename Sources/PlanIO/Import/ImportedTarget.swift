import Foundation
import PlanModel

/// A target found in a plan document, with where it came from.
public struct ImportedTarget: Sendable, Hashable {
    /// Where the target was read: a prose statement, a table row, or both (merged).
    public enum Origin: String, Sendable, Hashable { case prose, table, both }

    /// How the prose reader classified the promise, finer than ``TargetKind``: a share of a
    /// structure is a `level` in the targets file, "không còn hộ nghèo" a `level` of 0.
    public enum Reading: String, Sendable, Hashable {
        case growth, level, maintained, share, zero, qualitative, blankFigure = "blank figure"
    }

    public var target: Target
    public var origin: Origin
    public var reading: Reading
    /// Line of the statement (or table row) in the document.
    public var line: Int
    /// The sentence the target came from, as written.
    public var sentence: String
    /// The indicator's name in Vietnamese, as the reader derived it from the clause.
    public var indicatorName: String
    /// The id of the target this one is a component of (a sector under a total), if any.
    public var componentOf: String?

    public init(
        target: Target, origin: Origin, reading: Reading, line: Int, sentence: String,
        indicatorName: String, componentOf: String? = nil
    ) {
        self.target = target; self.origin = origin; self.reading = reading; self.line = line
        self.sentence = sentence; self.indicatorName = indicatorName; self.componentOf = componentOf
    }
}
