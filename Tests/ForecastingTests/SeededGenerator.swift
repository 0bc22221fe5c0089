import Foundation

/// The seed of the property tests: fixed (20261202) so that CI runs the same cases every
/// time; `REVIEW_PROPERTY_SEED=N swift test …` runs others. Every failure message prints
/// the seed and the case index, so a failing case can be replayed.
enum PropertySeed {
    static let value: UInt64 =
        ProcessInfo.processInfo.environment["REVIEW_PROPERTY_SEED"].flatMap { UInt64($0) }
        ?? 20261202
}
