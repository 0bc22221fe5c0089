import Foundation
import PlanModel
import Distributions

/// Sensitivity of a plan's target metrics to its drivers.
public enum Sensitivity {
    /// The factor name used for all yearly shocks together.
    public static let volatilityFactor = "volatility"

    /// One-at-a-time tornado: for each target and each uncertain driver, the target metric
    /// with that driver at the low and the high end of its range (`GrowthSpec.sweepRange`)
    /// and every other driver at its middle, without yearly volatility (shocks kept).
    /// Bars are sorted by swing, largest first, within each target.
    public static func tornado(model: SweepModel) -> [TornadoBar] {
        let kernel = PathKernel(model, withVolatility: false)
        let d = model.drivers.count
        guard !model.targets.isEmpty else { return [] }
        let out = UnsafeMutablePointer<Double>.allocate(capacity: kernel.width)
        let sc = UnsafeMutablePointer<Double>.allocate(capacity: kernel.scratchCount)
        let m = UnsafeMutablePointer<Double>.allocate(capacity: max(d, 1))
        defer { out.deallocate(); sc.deallocate(); m.deallocate() }
        var rng = Xoshiro256StarStar(seed: 0)
        let centre = model.drivers.map(\.spec.central)
        func metrics(_ means: [Double]) -> [Double] {
            for k in 0..<d { m[k] = means[k] }
            kernel.simulate(means: m, rng: &rng, out: out, scratch: sc)
            let base = model.seriesCount * model.yearCount
            return (0..<kernel.targetCount).map { out[base + $0] }
        }
        let c = metrics(centre)
        var bars: [[TornadoBar]] = Array(repeating: [], count: model.targets.count)
        for (k, drv) in model.drivers.enumerated() where !drv.spec.isDegenerate {
            let r = drv.spec.sweepRange
            var lowMeans = centre; lowMeans[k] = r.lowerBound
            var highMeans = centre; highMeans[k] = r.upperBound
            let lo = metrics(lowMeans), hi = metrics(highMeans)
            for (i, t) in model.targets.enumerated() {
                bars[i].append(
                    TornadoBar(
                        target: t.target.id, driver: drv.indicator, lowInput: r.lowerBound,
                        highInput: r.upperBound, metricAtLow: lo[i], metricAtHigh: hi[i],
                        metricAtCentre: c[i]))
            }
        }
        return bars.flatMap { $0.sorted { $0.swing > $1.swing } }
    }

    /// Sobol indices of every target metric with respect to each uncertain driver's mean
    /// growth and, when any driver has volatility, the yearly shocks as one more factor
    /// (`volatility`). The drivers' means are sampled independently, as in the sweep; the
    /// correlations of the yearly shocks stay inside the `volatility` factor, so the
    /// factors are independent and the indices are well defined (see docs/sweep.md).
    public static func sobol(model: SweepModel, samples: Int, bootstrap: Int, seed: UInt64)
        -> [SobolIndex]
    {
        let uncertain = model.drivers.indices.filter { !model.drivers[$0].spec.isDegenerate }
        let hasNoise = !model.volatileDrivers.isEmpty
        let names =
            uncertain.map { model.drivers[$0].indicator } + (hasNoise ? [volatilityFactor] : [])
        guard !names.isEmpty, !model.targets.isEmpty, samples >= 2 else { return [] }
        let kernel = PathKernel(model)
        let d = model.drivers.count
        let out = UnsafeMutablePointer<Double>.allocate(capacity: kernel.width)
        let sc = UnsafeMutablePointer<Double>.allocate(capacity: kernel.scratchCount)
        let m = UnsafeMutablePointer<Double>.allocate(capacity: max(d, 1))
        defer { out.deallocate(); sc.deallocate(); m.deallocate() }
        let specs = model.drivers.map(\.spec)
        let base = model.seriesCount * model.yearCount
        let indices = SobolAnalysis.analyze(
            inputs: names.count, outputs: model.targets.count, samples: samples,
            bootstrap: bootstrap, seed: seed
        ) { u in
            for k in 0..<d { m[k] = specs[k].central }
            for (f, k) in uncertain.enumerated() { m[k] = specs[k].quantile(u[f]) }
            // The noise factor's value picks the stream of yearly shocks.
            var rng = Xoshiro256StarStar(
                seed: seed, stream: hasNoise ? u[names.count - 1].bitPattern : 0)
            kernel.simulate(means: m, rng: &rng, out: out, scratch: sc)
            return (0..<kernel.targetCount).map { out[base + $0] }
        }
        var result: [SobolIndex] = []
        for (i, t) in model.targets.enumerated() {
            for (f, name) in names.enumerated() {
                let x = indices[i][f]
                result.append(
                    SobolIndex(
                        target: t.target.id, factor: name, firstOrder: x.firstOrder,
                        firstOrderInterval: x.firstOrderInterval, total: x.total,
                        totalInterval: x.totalInterval))
            }
        }
        return result
    }
}
