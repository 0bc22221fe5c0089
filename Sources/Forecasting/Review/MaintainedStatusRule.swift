/// The verdict on a target that must hold in every year of its period ("hằng năm ... đạt
/// 100 %"), before the period is over. Each year's actual either meets it or not; a
/// missed year cannot be made good, so the every-year promise is already broken for it.
///
/// Rule:
/// - no year missed: **on track**; **acceleration needed** when the model's projection
///   for the last year of the period misses (the forecast's median under `.forecast`, the
///   trend's otherwise; not under `.cagr`, which looks at no model);
/// - the latest year missed and the pace moves away (oriented drift under `.forecast`,
///   slope under `.trend`, end points for `.cagr` < 0): **deterioration**;
/// - the latest year missed, the pace does not move away, and no earlier year missed:
///   **acceleration needed**;
/// - otherwise (an earlier year missed): **limited progress**.
///
/// Invariants (tested over generated series in `StatusRuleInvariantTests`):
/// - the latest year missed with a pace moving away is deterioration, never on track;
/// - with the earlier years fixed, moving the latest actual toward the requirement never
///   worsens the status (`TargetStatus.rank`): missed-and-away (1) ≤ missed-and-toward
///   (3, or 2 after an earlier miss) ≤ met (4 or 3, or 2 after an earlier miss), and
///   raising the latest actual raises the slope and the projection;
/// - "lower is better" mirrors "higher is better" on the mirrored series.
///
/// ```swift
/// MaintainedStatusRule(rule: .trend).decide(.init(yearsMissed: [2027], latestYear: 2028,
///     pace: 0.4, projectionMeets: true)).status      // .limitedProgress
/// ```
public struct MaintainedStatusRule: Sendable {
    public var rule: AssessmentRule

    public init(rule: AssessmentRule) { self.rule = rule }

    public struct Evidence: Sendable, Hashable {
        /// Years in the period whose actual missed the requirement, ascending.
        public var yearsMissed: [Int]
        /// Year of the latest actual in the period.
        public var latestYear: Int
        /// Oriented change per year on the model scale (nil: no trend could be fitted).
        public var pace: Double?
        /// Whether the trend's projection for the last year of the period meets the
        /// requirement (nil: no projection).
        public var projectionMeets: Bool?

        public init(yearsMissed: [Int], latestYear: Int, pace: Double?, projectionMeets: Bool?) {
            self.yearsMissed = yearsMissed; self.latestYear = latestYear; self.pace = pace
            self.projectionMeets = projectionMeets
        }
    }

    public enum Reason: Sendable, Hashable {
        case metEveryYear
        case metButTrendFallsShort
        case latestMissedMovingAway
        case latestMissedOnly
        case earlierYearMissed
    }

    public func decide(_ e: Evidence) -> (status: TargetStatus, reason: Reason) {
        guard let lastMissed = e.yearsMissed.last else {
            if rule != .cagr, e.projectionMeets == false {
                return (.accelerationNeeded, .metButTrendFallsShort)
            }
            return (.onTrack, .metEveryYear)
        }
        if lastMissed == e.latestYear {
            if let v = e.pace, v < 0 { return (.deterioration, .latestMissedMovingAway) }
            if e.yearsMissed.count == 1 { return (.accelerationNeeded, .latestMissedOnly) }
        }
        return (.limitedProgress, .earlierYearMissed)
    }
}
