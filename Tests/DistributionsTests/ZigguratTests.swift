import Testing
import Foundation
@testable import Distributions

/// The ziggurat's standard normals, drawn one per 64-bit word (`normal()`) and two per
/// word (`normals(_:count:into:stride:)`, the sweep's path), against the standard normal:
/// moments, a Kolmogorov–Smirnov distance to scipy's Φ, tail frequencies, and the table
/// constant. Fixed seeds, so each check is deterministic; the bounds are 4 standard errors
/// or the 0.1 % critical value.
@Suite struct ZigguratNormals {
    static let n = 200_000

    static func oneAtATime(seed: UInt64) -> [Double] {
        var g = Xoshiro256StarStar(seed: seed, stream: 0)
        return (0..<n).map { _ in g.normal() }
    }

    static func twoPerWord(seed: UInt64) -> [Double] {
        var g = Xoshiro256StarStar(seed: seed, stream: 0)
        var xs = [Double](repeating: 0, count: n)
        xs.withUnsafeMutableBufferPointer {
            g.normals(Ziggurat.tables, count: n, into: $0.baseAddress!, stride: 1)
        }
        return xs
    }

    static let samples: [(String, [Double])] = [
        ("normal()", oneAtATime(seed: 42)), ("normals()", twoPerWord(seed: 43))
    ]

    @Test func momentsAreThoseOfTheStandardNormal() {
        for (name, xs) in Self.samples {
            let n = Double(xs.count)
            let mean = xs.reduce(0, +) / n
            let m2 = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
            let m3 = xs.reduce(0) { $0 + pow($1 - mean, 3) } / n
            let m4 = xs.reduce(0) { $0 + pow($1 - mean, 4) } / n
            // Standard errors for a normal sample: mean 1/√n, variance √(2/n), third
            // moment √(15/n), fourth moment √(96/n).
            #expect(abs(mean) < 4 / n.squareRoot(), "\(name) mean \(mean)")
            #expect(abs(m2 - 1) < 4 * (2 / n).squareRoot(), "\(name) variance \(m2)")
            #expect(abs(m3) < 4 * (15 / n).squareRoot(), "\(name) third moment \(m3)")
            #expect(abs(m4 - 3) < 4 * (96 / n).squareRoot(), "\(name) fourth moment \(m4)")
        }
    }

    /// max |Fₙ(x) − Φ(x)| over x = −4, −3.95, …, 4 with Φ from scipy, below the 0.1 %
    /// critical value of the Kolmogorov distribution, 1.9495/√n (scipy kstwobign.ppf(0.999));
    /// the maximum over a grid is at most the full KS statistic, so the bound holds.
    @Test func kolmogorovSmirnovAgainstScipy() {
        for (name, xs) in Self.samples {
            let sorted = xs.sorted()
            var distance = 0.0
            var below = 0
            for (k, phi) in ScipyNormalCDF.values.enumerated() {
                let x = ScipyNormalCDF.start + ScipyNormalCDF.step * Double(k)
                while below < sorted.count && sorted[below] <= x { below += 1 }
                distance = max(distance, abs(Double(below) / Double(sorted.count) - phi))
            }
            #expect(
                distance < 1.9495 / Double(sorted.count).squareRoot(),
                "\(name) KS distance \(distance)")
        }
    }

    /// Tail frequencies beyond ±2, ±3 and the base layer's edge r, where Marsaglia's tail
    /// algorithm takes over (two-sided probabilities from scipy.stats.norm.sf).
    @Test func tailFrequencies() {
        let tails: [(Double, Double)] = [
            (2, 0.04550026389635839), (3, 0.0026997960632601866),
            (Ziggurat.r, 0.00025803248765390077)
        ]
        for (name, xs) in Self.samples {
            for (c, p) in tails {
                let observed = Double(xs.filter { abs($0) > c }.count) / Double(xs.count)
                #expect(
                    abs(observed - p) < 4 * (p * (1 - p) / Double(xs.count)).squareRoot(),
                    "\(name) beyond \(c)")
            }
        }
    }

    /// Each layer's area v = r·f(r) + ∫ᵣ^∞ f for f(x) = exp(−x²/2): scipy/erfc gives
    /// 0.004928673233974658 for r = 3.6541528853610088; the table closes (x[255] > 0).
    @Test func tableConstants() {
        // The published constant has 12 significant digits: within 2·10⁻¹⁴ of the exact area.
        #expect(abs(Ziggurat.v - 0.004928673233974658) < 2e-14)
        #expect(Ziggurat.x[1] == Ziggurat.r && Ziggurat.x[255] > 0 && Ziggurat.x[256] == 0)
        #expect((1..<256).allSatisfy { Ziggurat.x[$0 + 1] < Ziggurat.x[$0] })
    }

    /// Reproducibility: a seed gives the same normals every time, and the strided and
    /// contiguous forms of `normals` draw the same sequence.
    @Test func sameSeedSameNormals() {
        #expect(Self.oneAtATime(seed: 42) == Self.samples[0].1)
        var g = Xoshiro256StarStar(seed: 43, stream: 0)
        var strided = [Double](repeating: .nan, count: 2 * 1000)
        strided.withUnsafeMutableBufferPointer {
            g.normals(Ziggurat.tables, count: 1000, into: $0.baseAddress!, stride: 2)
        }
        #expect((0..<1000).map { strided[2 * $0] } == Array(Self.samples[1].1.prefix(1000)))
    }
}
