/// The histogram the passes share: per quantity j, `binCount` equal bins over
/// [low[j], low[j] + binCount / inverseWidth[j]), bin 0 below the range (and NaN) and bin
/// `binCount + 1` above it, so `stride = binCount + 2` counters per quantity.
///
/// Any monotone rule works as long as every pass uses the same one; this one is
/// branch-free and has no conversion trap: the clamped position y ∈ [−0.5, B + 0.75] is
/// rounded to an integer by adding 1.5·2⁵² (round to nearest is monotone) and read from the
/// low bits, which the compiler can vectorise.
final class HistogramBins: @unchecked Sendable {
    let binCount: Int
    /// Counters per quantity: `binCount` + underflow + overflow.
    let stride: Int
    /// Clamp for the scaled position: `binCount + 0.25`.
    let top: Double
    /// Per quantity: the low end of the range and bins per unit.
    let low: UnsafeMutablePointer<Double>
    let inverseWidth: UnsafeMutablePointer<Double>

    init(quantities: Int, binCount: Int) {
        self.binCount = binCount
        stride = binCount + 2
        top = Double(binCount) + 0.25
        low = .allocate(capacity: max(1, quantities))
        inverseWidth = .allocate(capacity: max(1, quantities))
        low.initialize(repeating: 0, count: max(1, quantities))
        inverseWidth.initialize(repeating: 0, count: max(1, quantities))
    }

    deinit { low.deallocate(); inverseWidth.deallocate() }

    /// The bin of `x` for quantity `j`.
    @inline(__always)
    func bin(_ x: Double, quantity j: Int) -> Int {
        Int(Self.binIndex(x, lo: low[j], invWidth: inverseWidth[j], top: top))
    }

    /// Histogram bin of `x`: 0 below the range and for NaN, 1...B inside, B + 1
    /// above, with `top` = B + 0.25.
    @inline(__always)
    static func binIndex(_ x: Double, lo: Double, invWidth: Double, top: Double) -> Int32 {
        let f = (x - lo) * invWidth
        let c = f >= -1 ? f : -1
        let y = (c < top ? c : top) + 0.5
        return Int32(truncatingIfNeeded: (y + 0x1.8p52).bitPattern)
    }

    /// `binIndex` of `n` values, two at a time in vector registers (the same operations in
    /// the same order, so the same bins).
    @inline(__always)
    static func binIndices(
        _ col: UnsafeMutablePointer<Double>, count n: Int, lo: Double, invWidth: Double,
        top: Double,
        into out: UnsafeMutablePointer<Int32>
    ) {
        let vlo = SIMD2<Double>(repeating: lo), viw = SIMD2<Double>(repeating: invWidth)
        let m1 = SIMD2<Double>(repeating: -1), vt = SIMD2<Double>(repeating: top)
        let half = SIMD2<Double>(repeating: 0.5), magic = SIMD2<Double>(repeating: 0x1.8p52)
        var i = 0
        while i + 2 <= n {
            let x = SIMD2<Double>(col[i], col[i + 1])
            let f = (x - vlo) * viw
            var c = m1.replacing(with: f, where: f .>= m1)
            c = vt.replacing(with: c, where: c .< vt)
            let bits = unsafeBitCast((c + half) + magic, to: SIMD2<UInt64>.self)
            out[i] = Int32(truncatingIfNeeded: bits[0]);
            out[i + 1] = Int32(truncatingIfNeeded: bits[1])
            i += 2
        }
        if i < n { out[i] = binIndex(col[i], lo: lo, invWidth: invWidth, top: top) }
    }

    /// Numbers the flagged bins 0, 1, …; unflagged bins get −1. Returns the count.
    static func assignSlots(
        flags: UnsafeMutablePointer<UInt8>, count: Int, slots: UnsafeMutablePointer<Int32>
    ) -> Int {
        var next: Int32 = 0
        for i in 0..<count {
            if flags[i] != 0 { slots[i] = next; next += 1 } else { slots[i] = -1 }
        }
        return Int(next)
    }
}
