/// One worker's chunk buffers, allocated once per run and reused for every chunk the
/// worker takes (a worker runs on one thread at a time, so they are never shared).
final class WorkerBuffers: @unchecked Sendable {
    /// The chunk's quantities, column-major: quantity j of scenario i at
    /// `j · columnStride + i`.
    let values: UnsafeMutablePointer<Double>
    /// The chunk's random inputs (driver means, then normals, then one row of work space),
    /// driver-major with the same stride.
    let inputs: UnsafeMutablePointer<Double>
    /// `PathKernel.simulate`'s scratch space.
    let scratch: UnsafeMutablePointer<Double>
    /// The histogram bin of each value of the column being tallied.
    let bins: UnsafeMutablePointer<Int32>

    init(columnStride: Int, quantities: Int, inputRows: Int, scratchCount: Int) {
        values = .allocate(capacity: max(1, columnStride * quantities))
        inputs = .allocate(capacity: max(1, columnStride * inputRows))
        scratch = .allocate(capacity: max(1, scratchCount))
        bins = .allocate(capacity: max(1, columnStride))
    }

    deinit {
        values.deallocate(); inputs.deallocate(); scratch.deallocate(); bins.deallocate()
    }
}
