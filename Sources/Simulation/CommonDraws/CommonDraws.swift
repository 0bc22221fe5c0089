import Distributions
import Foundation

/// The random inputs of a Monte Carlo sweep, drawn once and reused: per path, one uniform
/// per driver (turned into that driver's mean growth by its distribution's quantile) and
/// the path's standard normals (years × volatile drivers), exactly as `SweepEngine` draws
/// them from stream (seed, chunk).
///
/// How many numbers a path takes from its stream depends only on the number of drivers
/// and of volatile drivers, never on the distributions' parameters (a Monte Carlo mean is
/// `quantile(u)` of one uniform; the ziggurat's consumption depends only on the stream).
/// So every scenario of the same `Shape` and seed uses the same draws: the engine's
/// streams are common random numbers, and caching them turns a what-if update into
/// arithmetic over stored numbers. Differences between two such scenarios are then the
/// effect of the change, not Monte Carlo noise.
///
/// ```swift
/// let shape = CommonDraws.Shape(model: model, options: options)!
/// let draws = CommonDraws(shape: shape)     // once per shape
/// let result = try CommonDrawSweep.run(model: model, options: options, draws: draws)
/// // == SweepEngine.run(model: model, options: options) with tornado and Sobol off
/// ```
///
/// Invariant: path i of chunk c = i / chunkSize holds the numbers `PathKernel.drawInputs`
/// takes from `Xoshiro256StarStar(seed:, stream: c)` for it, in the same order (tested
/// against the engine over generated scenarios). Immutable after `init`, so it is shared
/// across threads without locks.
public final class CommonDraws: @unchecked Sendable {
    // @unchecked: the buffers are written in `init` only and read afterwards.

    /// What the draws depend on: seed, path count, chunk size, drivers and normals per path.
    public struct Shape: Hashable, Sendable {
        public var seed: UInt64
        public var samples: Int
        public var chunkSize: Int
        public var drivers: Int
        public var normalsPerPath: Int

        /// The shape of a sweep, or nil when it is not Monte Carlo (LHS and grids draw
        /// their means differently).
        public init?(model: SweepModel, options: SweepOptions) {
            guard options.mode == .montecarlo, options.samples >= 1, options.chunkSize >= 1
            else { return nil }
            seed = options.seed
            samples = options.samples
            chunkSize = options.chunkSize
            drivers = model.drivers.count
            normalsPerPath = model.yearCount * model.volatileDrivers.count
        }

        /// Bytes the draws take: (drivers + normals per path) doubles per path.
        public var byteCount: Int {
            let (perPath, o1) = (drivers + normalsPerPath).multipliedReportingOverflow(by: 8)
            let (total, o2) = perPath.multipliedReportingOverflow(by: samples)
            return o1 || o2 ? Int.max : total
        }
    }

    public let shape: Shape
    /// Uniforms, driver-major: driver k of path i at `k · samples + i`.
    let uniforms: UnsafeMutablePointer<Double>
    /// Normals: number q of path i at `q · samples + i` (q = year · volatile + driver).
    let normals: UnsafeMutablePointer<Double>

    /// Draws every path's numbers (one chunk per stream, as the engine does).
    public init(shape: Shape) {
        self.shape = shape
        let n = shape.samples, d = shape.drivers, nz = shape.normalsPerPath
        uniforms = .allocate(capacity: max(1, d * n))
        normals = .allocate(capacity: max(1, nz * n))
        let zig = Ziggurat.tables
        let chunks = (n + shape.chunkSize - 1) / shape.chunkSize
        for c in 0..<chunks {
            var rng = Xoshiro256StarStar(seed: shape.seed, stream: UInt64(c))
            for i in (c * shape.chunkSize)..<min(n, (c + 1) * shape.chunkSize) {
                // Design.means (Monte Carlo): one uniform per driver, in driver order.
                for k in 0..<d { uniforms[k * n + i] = rng.uniformOpen() }
                // Then the path's normals, year-major (PathKernel.drawInputs).
                if nz > 0 { rng.normals(zig, count: nz, into: normals + i, stride: n) }
            }
        }
    }

    deinit {
        uniforms.deallocate()
        normals.deallocate()
    }
}
