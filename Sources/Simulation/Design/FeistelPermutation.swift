import Distributions

/// A pseudo-random permutation of 0..<n that needs no memory: a 4-round balanced Feistel
/// network on the smallest even number of bits covering n, with cycle walking (values ≥ n
/// are encrypted again until they fall below n, which keeps it a bijection of 0..<n; on
/// average fewer than 4 rounds of walking). Used for Latin hypercube strata so that any
/// scenario's stratum can be computed from its index alone, by any thread.
struct FeistelPermutation: Sendable {
    let n: UInt64
    let halfBits: UInt64
    let mask: UInt64
    let keys: (UInt64, UInt64, UInt64, UInt64)

    init(count n: Int, seed: UInt64, stream: UInt64) {
        precondition(n > 0)
        self.n = UInt64(n)
        var bits: UInt64 = 1
        while (UInt64(1) << (2 * bits)) < UInt64(n) { bits += 1 }
        halfBits = bits
        mask = (UInt64(1) << bits) - 1
        var g = Xoshiro256StarStar(seed: seed, stream: stream)
        keys = (g.next(), g.next(), g.next(), g.next())
    }

    @inline(__always) private func round(_ r: UInt64, _ key: UInt64) -> UInt64 {
        var z = (r &+ key) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) & mask
    }

    @inline(__always) private func encrypt(_ x: UInt64) -> UInt64 {
        var l = x >> halfBits, r = x & mask
        (l, r) = (r, l ^ round(r, keys.0))
        (l, r) = (r, l ^ round(r, keys.1))
        (l, r) = (r, l ^ round(r, keys.2))
        (l, r) = (r, l ^ round(r, keys.3))
        return (l << halfBits) | r
    }

    func callAsFunction(_ i: Int) -> Int {
        var x = encrypt(UInt64(i))
        while x >= n { x = encrypt(x) }
        return Int(x)
    }
}
