import Distributions
@testable import Simulation

/// The paths of `samples` Monte Carlo scenarios computed twice from stream (seed, 0): by the
/// chunk kernel (`drawInputs` + `simulateChunk`, loops over scenarios) and path by path
/// (`Design.means` + `simulate`), for tests that the two agree bit for bit.
struct KernelPaths {
    /// `chunk[i][j]` and `single[i][j]`: quantity j of scenario i.
    var chunk: [[Double]]
    var single: [[Double]]
    /// Whether both consumed the stream identically (their next draws agree).
    var sameDraws: Bool

    init(model: SweepModel, samples n: Int, seed: UInt64) {
        let kernel = PathKernel(model)
        let design = Design(
            model: model, mode: .montecarlo, samples: n, seed: seed, gridStep: .points(5),
            replicates: 1)
        let ms = n + 10, width = kernel.width, d = model.drivers.count
        var rng1 = Xoshiro256StarStar(seed: seed, stream: 0), rng2 = rng1
        let inputs = UnsafeMutablePointer<Double>.allocate(
            capacity: ms * (d + kernel.normalsPerPath + 1))
        let values = UnsafeMutablePointer<Double>.allocate(capacity: ms * width)
        let one = UnsafeMutablePointer<Double>.allocate(capacity: width)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: kernel.scratchCount)
        let means = UnsafeMutablePointer<Double>.allocate(capacity: max(d, 1))
        defer {
            inputs.deallocate(); values.deallocate(); one.deallocate(); scratch.deallocate();
            means.deallocate()
        }
        let z = inputs + d * ms
        kernel.drawInputs(
            first: 0, count: n, design: design, rng: &rng1, means: inputs, z: z, ms: ms,
            scratch: scratch)
        kernel.simulateChunk(
            count: n, means: inputs, z: z, ms: ms, out: values, stride: ms,
            work: z + kernel.normalsPerPath * ms)
        chunk = (0..<n).map { i in (0..<width).map { values[$0 * ms + i] } }
        single = (0..<n).map { i in
            design.means(scenario: i, rng: &rng2, out: means)
            kernel.simulate(means: means, rng: &rng2, out: one, scratch: scratch)
            return (0..<width).map { one[$0] }
        }
        sameDraws = rng1.next() == rng2.next()
    }

    /// True when every value agrees bit for bit.
    var agreeBitForBit: Bool {
        zip(chunk, single).allSatisfy { a, b in
            zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
        }
    }
}
