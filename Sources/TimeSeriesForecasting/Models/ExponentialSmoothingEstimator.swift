import Foundation

/// Maximum-likelihood estimation of an `ExponentialSmoothingModel`, following R
/// `forecast::ets` (Hyndman et al. 2008, §5.2): starting values from `ets`'s `initstate`
/// (ℓ0, b0 from a least-squares line through the first ≤ 10 values; ℓ0 the mean of them
/// without trend) and `initparam` (α = 0.2, β = 0.1·α, φ = 0.978, scaled into the
/// bounds; α is also started at 0.5 and 0.9 and the best of the three runs kept, because
/// the likelihood of a short series often has a second minimum near α = 1), then
/// Nelder–Mead on −2 log L = n·log Σε² (+ 2·Σ log|μ| for multiplicative
/// error), with 1e-4 ≤ β < α ≤ 0.9999 ("usual" region) and 0.8 ≤ φ ≤ 0.98.
struct ExponentialSmoothingEstimator {
    let model: ExponentialSmoothingModel
    let values: [Double]

    /// Runs the filter; returns (Σε², −2 log L, final ℓ, final b); −2 log L is +∞ when a
    /// multiplicative model's mean reaches 0 or below.
    func filter(alpha: Double, beta: Double, phi: Double, level0: Double, trend0: Double)
        -> (sse: Double, minusTwoLogLik: Double, level: Double, trend: Double)
    {
        var level = level0, trend = model.trend == .none ? 0 : trend0
        let damping = model.trend == .damped ? phi : 1
        var sse = 0.0, logMu = 0.0
        for y in values {
            let mu = level + damping * trend
            if model.multiplicativeError {
                guard mu > 0 else { return (.infinity, .infinity, level, trend) }
                let e = (y - mu) / mu
                sse += e * e; logMu += log(mu)
                level = mu * (1 + alpha * e)
                trend = damping * trend + beta * mu * e
            } else {
                let e = y - mu
                sse += e * e
                level = mu + alpha * e
                trend = damping * trend + beta * e
            }
        }
        let n = Double(values.count)
        // A perfect fit (Σε² = 0) gets a finite, very good value instead of −∞.
        let lik = n * log(max(sse, 1e-300)) + 2 * logMu
        return (sse, lik, level, model.trend == .none ? 0 : trend)
    }

    func estimate() throws -> ExponentialSmoothingFit {
        let fixed = model.fixed
        let hasTrend = model.trend != .none, isDamped = model.trend == .damped
        // Starting states (ets initstate, non-seasonal).
        let first = Array(values.prefix(10))
        var level0: Double, trend0 = 0.0
        if hasTrend {
            let n = Double(first.count), tMean = (n + 1) / 2
            let yMean = first.reduce(0, +) / n
            var sxy = 0.0, sxx = 0.0
            for (i, v) in first.enumerated() {
                let t = Double(i + 1) - tMean
                sxy += t * (v - yMean); sxx += t * t
            }
            trend0 = sxy / sxx
            level0 = yMean - trend0 * tMean
            if abs(level0 + trend0) < 1e-8 { level0 *= 1 + 1e-3; trend0 *= 1 - 1e-3 }
        } else {
            level0 = first.reduce(0, +) / Double(first.count)
        }
        let lowest = values.min()!, highest = values.max()!
        let spread = max(highest - lowest, 1e-8 * max(1, abs(highest)))
        // Parameter vector: the free ones among α, β, φ, ℓ0, b0, in that order.
        var start: [Double] = [], lower: [Double] = [], upper: [Double] = []
        func free(_ value: Double?, _ s: Double, _ lo: Double, _ hi: Double) {
            if value == nil { start.append(s); lower.append(lo); upper.append(hi) }
        }
        free(fixed.alpha, 0.0001 + 0.2 * (0.9999 - 0.0001), 0.0001, 0.9999)
        // β is searched as the share β/α in [1e-4, 0.9999] (β < α becomes a box; a penalty
        // wall at β = α stalled the simplex).
        if hasTrend { free(fixed.beta, 0.1, 0.0001, 0.9999) }
        if isDamped { free(fixed.phi, 0.8 + 0.99 * (0.98 - 0.8), 0.8, 0.98) }
        free(fixed.level, level0, lowest - 3 * spread, highest + 3 * spread)
        if hasTrend { free(fixed.trend, trend0, -3 * spread, 3 * spread) }
        func unpack(_ p: [Double]) -> (Double, Double, Double, Double, Double) {
            var i = 0
            func next(_ value: Double?, _ fallback: Double) -> Double {
                if let value { return value }
                defer { i += 1 }
                return p[i]
            }
            let a = next(fixed.alpha, 0)
            let b = hasTrend ? (fixed.beta ?? a * next(nil, 0)) : 0
            let f = isDamped ? next(fixed.phi, 0.98) : 1
            let l = next(fixed.level, 0)
            let t = hasTrend ? next(fixed.trend, 0) : 0
            return (a, b, f, l, t)
        }
        var parameters = unpack(start)
        if !start.isEmpty {
            var best: NelderMead.Result?
            for alphaStart in fixed.alpha == nil ? [start[0], 0.5, 0.9] : [start[0]] {
                var from = start
                if fixed.alpha == nil { from[0] = alphaStart }
                let result = NelderMead.minimize(
                    start: from, lower: lower, upper: upper, tolerance: 1e-8,
                    maximumEvaluations: 200 * start.count
                ) { p in
                    let (a, b, f, l, t) = unpack(p)
                    return filter(alpha: a, beta: b, phi: f, level0: l, trend0: t).minusTwoLogLik
                }
                if result.value < best?.value ?? .infinity { best = result }
            }
            parameters = unpack(best!.point)
        }
        let (a, b, f, l, t) = parameters
        let run = filter(alpha: a, beta: b, phi: f, level0: l, trend0: t)
        guard run.minusTwoLogLik.isFinite, run.level.isFinite, run.trend.isFinite else {
            throw ForecastError.notFitted("\(model.name): the smoothing filter diverged")
        }
        let dof = max(1, values.count - model.freeParameterCount)
        return ExponentialSmoothingFit(
            model: model, alpha: a, beta: b, phi: f,
            initialLevel: l, initialTrend: t,
            finalLevel: run.level, finalTrend: run.trend,
            sumOfSquaredErrors: run.sse, minusTwoLogLikelihood: run.minusTwoLogLik,
            observationCount: values.count, variance: run.sse / Double(dof))
    }
}
