/// Nelder–Mead simplex minimisation inside a box (Nelder & Mead 1965, The Computer Journal
/// 7(4); the adaptive-free textbook variant with reflection 1, expansion 2, contraction ½,
/// shrink ½, as R's `optim(method = "Nelder-Mead")` that `forecast::ets` uses).
///
/// Hand-written rather than GSL's `gsl_multimin_fminimizer_nmsimplex2` because the
/// smoothing fits run millions of times in the 100,000-series batch: GSL would need a
/// C-callback trampoline and heap-allocated `gsl_vector`s per fit. Points outside the box
/// are projected onto it (the objective is only ever evaluated inside).
///
/// Invariant: the returned point lies inside `[lower, upper]` and its value is the least
/// value evaluated.
///
/// ```swift
/// let best = NelderMead.minimize(start: [0.5, 0.5], lower: [0, 0], upper: [1, 1]) { p in
///     (p[0] - 0.2) * (p[0] - 0.2) + (p[1] - 0.7) * (p[1] - 0.7)
/// }
/// // best.point ≈ [0.2, 0.7]
/// ```
public enum NelderMead {
    public struct Result: Sendable {
        public let point: [Double]
        public let value: Double
        public let evaluations: Int
    }

    /// Minimises `objective` from `start`; the initial simplex steps `initialStep` × the
    /// box width along each axis. Stops when the simplex's values agree to `tolerance`
    /// (relative, as `optim`'s `reltol`) or after `maximumEvaluations`; then restarts from
    /// the best point with a fresh simplex (up to `restarts` times, while that still
    /// improves), the usual cure for a simplex that collapsed on a ridge.
    public static func minimize(
        start: [Double], lower: [Double], upper: [Double],
        initialStep: Double = 0.1, tolerance: Double = 1e-8,
        maximumEvaluations: Int = 2000, restarts: Int = 3,
        objective: ([Double]) -> Double
    ) -> Result {
        var best = simplexSearch(
            start: start, lower: lower, upper: upper, initialStep: initialStep,
            tolerance: tolerance, maximumEvaluations: maximumEvaluations, objective: objective)
        var evaluations = best.evaluations
        for _ in 0..<restarts {
            let next = simplexSearch(
                start: best.point, lower: lower, upper: upper, initialStep: initialStep,
                tolerance: tolerance, maximumEvaluations: maximumEvaluations, objective: objective)
            evaluations += next.evaluations
            let improved = next.value < best.value - tolerance * (abs(best.value) + tolerance)
            if next.value < best.value { best = next }
            if !improved { break }
        }
        return Result(point: best.point, value: best.value, evaluations: evaluations)
    }

    static func simplexSearch(
        start: [Double], lower: [Double], upper: [Double], initialStep: Double,
        tolerance: Double, maximumEvaluations: Int,
        objective: ([Double]) -> Double
    ) -> Result {
        let n = start.count
        precondition(lower.count == n && upper.count == n, "one bound per parameter")
        var evaluations = 0
        func clamp(_ p: [Double]) -> [Double] {
            var q = p
            for i in 0..<n { q[i] = min(max(q[i], lower[i]), upper[i]) }
            return q
        }
        func value(_ p: [Double]) -> Double {
            evaluations += 1
            let v = objective(p)
            return v.isNaN ? .infinity : v
        }
        var simplex = [clamp(start)]
        for i in 0..<n {
            var p = simplex[0]
            let width = upper[i] - lower[i]
            let step = initialStep * (width.isFinite ? width : max(1, abs(p[i])))
            p[i] = p[i] + step <= upper[i] ? p[i] + step : p[i] - step
            simplex.append(clamp(p))
        }
        var values = simplex.map(value)
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }; values = order.map { values[$0] }
            let best = values[0], worst = values[n]
            if abs(worst - best) <= tolerance * (abs(best) + tolerance) { break }
            var centroid = [Double](repeating: 0, count: n)
            for p in simplex.dropLast() { for i in 0..<n { centroid[i] += p[i] / Double(n) } }
            func along(_ t: Double) -> [Double] {
                clamp((0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) })
            }
            let reflected = along(-1), reflectedValue = value(reflected)
            if reflectedValue < best {
                let expanded = along(-2), expandedValue = value(expanded)
                if expandedValue < reflectedValue {
                    simplex[n] = expanded; values[n] = expandedValue
                } else {
                    simplex[n] = reflected; values[n] = reflectedValue
                }
            } else if reflectedValue < values[n - 1] {
                simplex[n] = reflected; values[n] = reflectedValue
            } else {
                let outside = reflectedValue < worst
                let contracted = along(outside ? -0.5 : 0.5), contractedValue = value(contracted)
                if contractedValue < (outside ? reflectedValue : worst) {
                    simplex[n] = contracted; values[n] = contractedValue
                } else {
                    for k in 1...n {
                        simplex[k] = clamp(
                            (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        )
                        values[k] = value(simplex[k])
                    }
                }
            }
        }
        let k = values.indices.min { values[$0] < values[$1] }!
        return Result(point: simplex[k], value: values[k], evaluations: evaluations)
    }
}
