/// A dense matrix of `Double` stored column by column (Fortran/LAPACK order), so it can be
/// handed to LAPACK without copying or transposing.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Column-major storage: element (i, j) is `storage[i + j * rows]`.
    public var storage: [Double]

    /// A `rows` × `columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows; self.columns = columns
        storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its rows, e.g. `Matrix([[1, 2], [3, 4]])`.
    public init(_ rowArrays: [[Double]]) {
        let r = rowArrays.count
        let c = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == c }, "all rows must have the same length")
        self.init(rows: r, columns: c)
        for i in 0..<r { for j in 0..<c { self[i, j] = rowArrays[i][j] } }
    }

    /// A matrix from column-major storage.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(columnMajor.count == rows * columns, "storage size must be rows × columns")
        self.rows = rows; self.columns = columns; storage = columnMajor
    }

    /// The identity matrix of size `n`.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] { Array(storage[(j * rows)..<((j + 1) * rows)]) }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] { (0..<columns).map { self[i, $0] } }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    /// Matrix-vector product `A x`.
    public func multiply(_ x: [Double]) -> [Double] {
        precondition(x.count == columns, "vector length must equal the number of columns")
        var y = [Double](repeating: 0, count: rows)
        for j in 0..<columns {
            let xj = x[j]
            if xj == 0 { continue }
            for i in 0..<rows { y[i] += storage[i + j * rows] * xj }
        }
        return y
    }

    /// True when every element is finite.
    public var isFinite: Bool { storage.allSatisfy(\.isFinite) }
}
