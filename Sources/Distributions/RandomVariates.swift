import Foundation

/// Random variates for the simulation engine: the xoshiro256** generator (Blackman &
/// Vigna 2018) with SplitMix64 seeding, and standard normals by the ziggurat method
/// (Marsaglia & Tsang 2000, with Doornik's 2005 "ZIGNOR" correction of the layer test).
///
/// Why hand-written rather than GSL (`gsl_rng` / `gsl_ran_gaussian_ziggurat`, which the
/// project uses for distribution *functions*): a sweep draws T·d normals per scenario
/// (25 for MC-A, 250 million at 10 million scenarios) and GSL reaches its generator
/// through a function pointer per 32-bit word, which cannot be inlined into the engine's
/// loop; a GSL generator is also a heap object per stream, while the engine needs one
/// cheap, copyable stream per work chunk derived from (seed, chunk index) so results do
/// not depend on the thread count. xoshiro256** passes BigCrush and PractRand, has period
/// 2^256 − 1, and its state is four words. The tests check the uniform and normal output
/// against GSL's distribution functions (moments, Kolmogorov–Smirnov, tail frequencies) and
/// the generator against outputs of the reference algorithm worked by hand.
public struct Xoshiro256StarStar: Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Seeds the four state words from SplitMix64 (Vigna's recommended seeding), so any
    /// seed, including 0, gives a well-mixed, non-zero state.
    public init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// Sets the state words directly (for checking the reference sequence).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        precondition(s0 | s1 | s2 | s3 != 0, "xoshiro256** state must not be all zero")
    }

    /// An independent stream for work item `stream` of a run seeded with `seed`: the pair is
    /// hashed through two rounds of SplitMix64, so neighbouring streams start from
    /// unrelated states (overlap of two streams of 2^40 draws has probability ≈ 2^-176).
    public init(seed: UInt64, stream: UInt64) {
        var sm = SplitMix64(state: seed)
        let a = sm.next()
        var sm2 = SplitMix64(state: a ^ (stream &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: sm2.next() ^ stream)
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform on the open interval (0, 1): (k + ½)·2⁻⁵³ for a random 53-bit k, so it is
    /// never 0 or 1 and can be fed to any inverse distribution function.
    @inlinable @inline(__always)
    public mutating func uniformOpen() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A standard normal variate (ziggurat with 256 layers; about 99 % of calls take the
    /// fast path of one 64-bit draw, a multiply and a compare).
    @inlinable @inline(__always)
    public mutating func normal() -> Double { normal(Ziggurat.tables) }

    /// `normal()` with the tables passed in, so a hot loop reads them through plain
    /// pointers (no lazy-global check or array bounds check per draw).
    @inlinable @inline(__always)
    public mutating func normal(_ z: Ziggurat.Tables) -> Double {
        while true {
            let bits = next()
            let i = Int(bits & 0xFF)
            // Signed 53-bit integer from the high bits: u uniform on [-1, 1).
            let u = Double(Int64(bitPattern: bits) >> 11) * 0x1p-52
            if abs(u) < z.ratio[i] { return u * z.x[i] }
            if let v = Ziggurat.slowPath(layer: i, u: u, &self) { return v }
        }
    }
}

extension Xoshiro256StarStar {
    /// `count` standard normals into `out[0]`, `out[stride]`, …, two per 64-bit draw in the
    /// usual case: each 32-bit half is one ziggurat candidate, its low 8 bits the layer and
    /// its high 24 bits a signed u on [−1, 1) (resolution 2⁻²³, far below any Monte Carlo
    /// error). A rejected candidate (about 1 %) goes through the same wedge and tail tests
    /// as `normal`, which draw further words; the next candidate is the draw's other half.
    /// With an odd `count` the last draw's high half is dropped. The sequence depends only
    /// on the state and `count`, so a path drawn scenario by scenario and a chunk drawn
    /// column by column agree bit for bit when both use this function.
    @inlinable @inline(__always)
    public mutating func normals(
        _ z: Ziggurat.Tables, count: Int, into out: UnsafeMutablePointer<Double>, stride: Int
    ) {
        var q = 0
        while q < count {
            let bits = next()
            if let v = Ziggurat.candidate(UInt32(truncatingIfNeeded: bits), z, &self) {
                out[q * stride] = v
                q += 1
                if q == count { return }
            }
            if let v = Ziggurat.candidate(UInt32(truncatingIfNeeded: bits >> 32), z, &self) {
                out[q * stride] = v
                q += 1
            }
        }
    }
}

extension Ziggurat {
    /// One ziggurat candidate from 32 random bits (see `Xoshiro256StarStar.normals`);
    /// nil when rejected.
    @inlinable @inline(__always)
    public static func candidate(_ h: UInt32, _ z: Tables, _ g: inout Xoshiro256StarStar) -> Double?
    {
        let i = Int(h & 0xFF)
        let u = Double(Int32(bitPattern: h) >> 8) * 0x1p-23
        if abs(u) < z.ratio[i] { return u * z.x[i] }
        return slowPath(layer: i, u: u, &g)
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): used only to seed xoshiro256**.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Ziggurat tables for the standard normal, 256 layers of equal area `v` with the base
/// layer's edge at `r` (Marsaglia & Tsang 2000, table constants for C = 256).
public enum Ziggurat {
    /// Right edge of the base layer.
    public static let r = 3.6541528853610088
    /// Area of each layer (including the base layer's tail).
    public static let v = 0.00492867323399

    /// x[i]: right edge of layer i (x[0] = v/f(r) is the base layer's pseudo-width),
    /// x[256] = 0.
    public static let x: [Double] = {
        var x = [Double](repeating: 0, count: 257)
        var f = exp(-0.5 * r * r)
        x[0] = v / f
        x[1] = r
        for i in 2..<256 {
            x[i] = (-2 * log(v / x[i - 1] + f)).squareRoot()
            f = exp(-0.5 * x[i] * x[i])
        }
        x[256] = 0
        return x
    }()

    /// x[i+1] / x[i]: below this |u| the point lies inside the layer's core rectangle.
    public static let ratio: [Double] = (0..<256).map { x[$0 + 1] / x[$0] }

    /// The tables as raw pointers (allocated once, never freed: 4 KB for the process).
    public struct Tables: @unchecked Sendable {
        public let x: UnsafePointer<Double>
        public let ratio: UnsafePointer<Double>
    }

    public static let tables: Tables = {
        let px = UnsafeMutablePointer<Double>.allocate(capacity: 257)
        let pr = UnsafeMutablePointer<Double>.allocate(capacity: 256)
        for i in 0..<257 { px[i] = x[i] }
        for i in 0..<256 { pr[i] = ratio[i] }
        return Tables(x: UnsafePointer(px), ratio: UnsafePointer(pr))
    }()

    /// The rare path: the tail beyond `r` for the base layer, or the wedge test against the
    /// density. Returns nil when the point is rejected (the caller draws again).
    @inlinable @inline(__always)
    public static func slowPath(layer i: Int, u: Double, _ g: inout Xoshiro256StarStar) -> Double? {
        if i == 0 {
            // Marsaglia's tail method: exact sampling from the normal tail beyond r.
            var xt: Double, yt: Double
            repeat {
                xt = log(g.uniformOpen()) / r
                yt = log(g.uniformOpen())
            } while -2 * yt < xt * xt
            return u < 0 ? xt - r : r - xt
        }
        let xv = u * x[i]
        let f0 = exp(-0.5 * (x[i] * x[i] - xv * xv))
        let f1 = exp(-0.5 * (x[i + 1] * x[i + 1] - xv * xv))
        if f1 + g.uniformOpen() * (f0 - f1) < 1.0 { return xv }
        return nil
    }
}
