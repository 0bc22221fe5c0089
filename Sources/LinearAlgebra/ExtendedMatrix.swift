#if arch(x86_64) || arch(i386)
    /// The extended-precision type used for residuals and refinement: `Float80` (64-bit
    /// significand, unit roundoff 2⁻⁶⁴ ≈ 5.4e-20) where the hardware has it (x86-64 Linux).
    /// On other architectures it falls back to `Double`, and the accuracy statements that
    /// rely on extended precision weaken to those of plain double-precision QR.
    public typealias ExtendedReal = Float80
    /// True where `ExtendedReal` is wider than `Double` (x86: `Float80`). The accuracy stated in
    /// the README (NIST StRD to ≥ 13.4 digits) is tested at that level only where this is true;
    /// elsewhere the tests require ≥ 10 digits and `planforecast --version` says which.
    public let hasExtendedPrecision = true
#else
    public typealias ExtendedReal = Double
    /// False: on this architecture refinement runs in `Double` (see above).
    public let hasExtendedPrecision = false
#endif

/// A dense column-major matrix of `ExtendedReal`, used to hand a least-squares problem
/// to `LeastSquares.solve` without rounding it to `Double` first.
public struct ExtendedMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    /// Column-major storage: element (i, j) is `storage[i + j * rows]`.
    public var storage: [ExtendedReal]

    public init(rows: Int, columns: Int, repeating value: ExtendedReal = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows; self.columns = columns
        storage = Array(repeating: value, count: rows * columns)
    }

    /// The exact extended-precision copy of a `Double` matrix.
    public init(_ m: Matrix) {
        rows = m.rows; columns = m.columns
        storage = m.storage.map { ExtendedReal($0) }
    }

    public subscript(i: Int, j: Int) -> ExtendedReal {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// Rounded to `Double`.
    public var rounded: Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: storage.map { Double($0) })
    }

    /// True when every element is finite.
    public var isFinite: Bool { storage.allSatisfy(\.isFinite) }

    /// `A x` in extended precision.
    public func multiply(_ x: [ExtendedReal]) -> [ExtendedReal] {
        precondition(x.count == columns, "vector length must equal the number of columns")
        var y = [ExtendedReal](repeating: 0, count: rows)
        for j in 0..<columns {
            let xj = x[j]
            if xj == 0 { continue }
            let base = j * rows
            for i in 0..<rows { y[i] += storage[base + i] * xj }
        }
        return y
    }

    /// `Aᵀ y` in extended precision.
    public func multiplyTransposed(_ y: [ExtendedReal]) -> [ExtendedReal] {
        precondition(y.count == rows, "vector length must equal the number of rows")
        var x = [ExtendedReal](repeating: 0, count: columns)
        for j in 0..<columns {
            var s: ExtendedReal = 0
            let base = j * rows
            for i in 0..<rows { s += storage[base + i] * y[i] }
            x[j] = s
        }
        return x
    }

    /// `b − r − A x` (r optional) with compensated (doubled-precision) accumulation:
    /// Dekker's exact products and Knuth's exact sums in `ExtendedReal` give each entry as
    /// if computed in about twice that precision and rounded once (Ogita–Rump–Oishi
    /// `Dot2`), so cancellation between large terms costs no digits as long as
    /// Σ|aᵢⱼxⱼ| / |result| ≲ 1/u (≈ 1e19 for Float80).
    public func compensatedResidual(
        _ b: [ExtendedReal], minus r: [ExtendedReal]? = nil, x: [ExtendedReal]
    ) -> [ExtendedReal] {
        precondition(b.count == rows && x.count == columns, "dimensions must agree")
        var hi = b
        var lo = [ExtendedReal](repeating: 0, count: rows)
        if let r {
            for i in 0..<rows {
                let (s, e) = Compensated.twoSum(hi[i], -r[i])
                hi[i] = s; lo[i] += e
            }
        }
        for j in 0..<columns {
            let xj = -x[j]
            if xj == 0 { continue }
            let base = j * rows
            for i in 0..<rows {
                let (p, ep) = Compensated.twoProduct(storage[base + i], xj)
                let (s, es) = Compensated.twoSum(hi[i], p)
                hi[i] = s; lo[i] += ep + es
            }
        }
        for i in 0..<rows { hi[i] += lo[i] }
        return hi
    }

    /// `Aᵀ y` with compensated accumulation (see `compensatedResidual`).
    public func compensatedMultiplyTransposed(_ y: [ExtendedReal]) -> [ExtendedReal] {
        precondition(y.count == rows, "vector length must equal the number of rows")
        var out = [ExtendedReal](repeating: 0, count: columns)
        for j in 0..<columns {
            var hi: ExtendedReal = 0, lo: ExtendedReal = 0
            let base = j * rows
            for i in 0..<rows {
                let (p, ep) = Compensated.twoProduct(storage[base + i], y[i])
                let (s, es) = Compensated.twoSum(hi, p)
                hi = s; lo += ep + es
            }
            out[j] = hi + lo
        }
        return out
    }

    /// `A B` in extended precision.
    public func multiply(_ b: ExtendedMatrix) -> ExtendedMatrix {
        precondition(columns == b.rows, "inner dimensions must agree")
        var c = ExtendedMatrix(rows: rows, columns: b.columns)
        for j in 0..<b.columns {
            for k in 0..<columns {
                let bkj = b[k, j]
                if bkj == 0 { continue }
                for i in 0..<rows { c.storage[i + j * rows] += storage[i + k * rows] * bkj }
            }
        }
        return c
    }

    public var transposed: ExtendedMatrix {
        var t = ExtendedMatrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }
}

/// Error-free transformations in `ExtendedReal` (no FMA needed).
enum Compensated {
    /// Veltkamp splitter 2^⌈p/2⌉ + 1 for a p-bit significand.
    static let splitter =
        ExtendedReal(
            sign: .plus, exponent: (ExtendedReal.significandBitCount + 2) / 2, significand: 1) + 1

    /// s + e = a + b exactly (Knuth).
    @inline(__always)
    static func twoSum(_ a: ExtendedReal, _ b: ExtendedReal) -> (ExtendedReal, ExtendedReal) {
        let s = a + b
        let z = s - a
        return (s, (a - (s - z)) + (b - z))
    }

    /// p + e = a·b exactly (Dekker), barring overflow/underflow.
    @inline(__always)
    static func twoProduct(_ a: ExtendedReal, _ b: ExtendedReal) -> (ExtendedReal, ExtendedReal) {
        let p = a * b
        let ca = splitter * a, cb = splitter * b
        let ah = ca - (ca - a), al = a - ah
        let bh = cb - (cb - b), bl = b - bh
        return (p, al * bl - (((p - ah * bh) - al * bh) - ah * bl))
    }
}
