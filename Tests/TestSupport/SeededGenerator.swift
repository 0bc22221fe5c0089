import Foundation

/// SplitMix64 (Steele, Lea and Flood 2014): the one seeded generator of the property tests,
/// so that a test's cases depend only on its seed and a failing case can be replayed from
/// the seed its message prints. Hand-written because the standard library has no seedable
/// generator and the tests need nothing more. Shared by every test target through the
/// `TestSupport` target.
///
/// ```swift
/// var g = SeededGenerator(seed: 2026)
/// let x = Double.random(in: 0..<1, using: &g)   // the same x for the same seed, everywhere
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal variate (Box–Muller).
    public mutating func normal() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
