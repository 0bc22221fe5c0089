import Foundation

/// The seed of the property tests: fixed (20261202) so that CI runs the same cases every
/// time; `REVIEW_PROPERTY_SEED=N swift test …` runs others. Every failure message prints
/// the seed and the case index, so a failing case can be replayed.
enum PropertySeed {
    static let value: UInt64 =
        ProcessInfo.processInfo.environment["REVIEW_PROPERTY_SEED"].flatMap { UInt64($0) }
        ?? 20261202
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator, so that a test's
/// cases depend only on its seed. Hand-written because the standard library has no
/// seedable generator and these tests need nothing more.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal variate (Box–Muller).
    mutating func normal() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
