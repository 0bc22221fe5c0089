#if arch(x86_64) || arch(i386)
/// The extended-precision type used for residuals and refinement: `Float80` (64-bit
/// significand, unit roundoff 2⁻⁶⁴ ≈ 5.4e-20) where the hardware has it (x86-64 Linux).
/// On other architectures it falls back to `Double`, and the accuracy statements that
/// rely on extended precision weaken to those of plain double-precision QR.
public typealias ExtendedReal = Float80
#else
public typealias ExtendedReal = Double
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
