import Distributions
import Foundation
import PlanModel
import Regression

/// The mid-term review: for every target, where it stands, where it is heading, how sure
/// that is, and what it would take.
///
/// Trend models (fitted by least squares on LAPACK, `Regression.TrendFit`) on the
/// baseline value plus every actual up to `asOf`:
/// - amounts and counts: exponential (log-linear), so the slope is an annual growth rate;
///   linear when a value is 0;
/// - bounded rates (coverage, online dossiers, poverty): logistic on the logit of
///   value/bound, when every value and the threshold lie strictly inside (0, bound);
///   otherwise (a target of 100 % sits on the bound, where the logit is infinite) linear
///   in percentage points.
///
/// Status rules (cut-offs in `StatusCutoffs`, defaults of the Eurostat SDG progress
/// assessment): ratio = observed / required progress, where progress is growth per year
/// (exponential), percentage points per year (linear) or logit units per year
/// (logistic), required from the baseline to the threshold by the target year:
/// ≥ 95 % on track, 60-95 % acceleration needed, 0-60 % limited progress, < 0
/// deterioration. `achieved` when the latest actual already meets a level target.
/// Falling indicators (poverty) have negative required and observed progress, so the
/// ratio works unchanged. `.cagr` uses the end points (baseline to latest actual)
/// instead of the trend; `.probability` uses the probability of meeting the target from
/// the trend's Student-t prediction distribution (on track ≥ 50 %, at risk < 20 %).
/// Maintained targets are judged year by year on the actuals: a year missed in the past is
/// `limited_progress` (the every-year target is already lost for that year), the latest
/// year missed is `deterioration` when the trend moves away from the threshold and
/// `acceleration_needed` otherwise. When the actuals reach the target year the status is
/// final: `achieved` or `not_achieved`, read off the actuals (growth targets: the
/// end-point CAGR, the plan's own definition of an average).
public enum ReviewEngine {
    public struct Options: Sendable {
        public var rule: AssessmentRule = .trend
        public var cutoffs = StatusCutoffs()
        /// Interval levels (fractions), e.g. [0.8, 0.95].
        public var levels: [Double] = [0.8, 0.95]
        /// Last year of actuals to use (nil: all).
        public var asOf: Int?
        public init() {}
    }

    public static func review(plan: Plan, actuals: [Observation], options: Options = Options(), actualsSource: String = "") -> Review {
        let asOf = options.asOf ?? actuals.map(\.year).max() ?? plan.baselineYear
        let used = actuals.filter { $0.year <= asOf && $0.year > plan.baselineYear }
        let illustrativeActuals = used.contains { ($0.source + " " + $0.note).lowercased().contains("illustrative") }
        var assessments: [TargetAssessment] = []
        var charts: [IndicatorChart] = []
        var seriesCache: [String: Series] = [:]
        for t in plan.targets {
            let s = seriesCache[t.indicator] ?? series(plan: plan, indicator: t.indicator, actuals: used)
            seriesCache[t.indicator] = s
            var a = assess(t, plan: plan, series: s, options: options)
            a.illustrative = a.illustrative || (illustrativeActuals && !s.actuals.isEmpty)
            assessments.append(a)
        }
        for ind in plan.indicators {
            guard let s = seriesCache[ind.id], s.baseline != nil, !s.actuals.isEmpty else { continue }
            if let c = chart(plan: plan, indicator: ind, series: s, levels: options.levels, illustrativeActuals: illustrativeActuals) {
                charts.append(c)
            }
        }
        let usesIllustrative = illustrativeActuals || assessments.contains { $0.illustrative }
        return Review(plan: plan, asOf: asOf, rule: options.rule, cutoffs: options.cutoffs, levels: options.levels,
                      assessments: assessments, charts: charts, usesIllustrative: usesIllustrative, actualsSource: actualsSource)
    }

    // MARK: - Series

    struct Series {
        var indicator: Indicator
        var baseline: Double?
        var baselineYear: Int
        var baselineIllustrative: Bool
        /// Actuals after the baseline year, sorted by year (aggregates: sums over years where
        /// every component has a value).
        var actuals: [Observation]
        var years: [Double] { [Double(baselineYear)] + actuals.map { Double($0.year) } }
        var values: [Double] { [baseline ?? .nan] + actuals.map(\.value) }
    }

    static func series(plan: Plan, indicator id: String, actuals: [Observation]) -> Series {
        let ind = plan.indicator(id)!
        var own = actuals.filter { $0.indicator == id }.sorted { $0.year < $1.year }
        if own.isEmpty, ind.isAggregate {
            let parts = ind.components.map { c in Dictionary(actuals.filter { $0.indicator == c }.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a }) }
            var years = Set(parts.first?.keys.map { $0 } ?? [])
            for p in parts.dropFirst() { years.formIntersection(p.keys) }
            own = years.sorted().map { y in
                Observation(indicator: id, year: y, value: parts.reduce(0) { $0 + $1[y]!.value },
                            isEstimate: parts.contains { $0[y]!.isEstimate }, source: "sum of components", note: "")
            }
        }
        return Series(indicator: ind, baseline: plan.baselineValue(of: id), baselineYear: plan.baselineYear,
                      baselineIllustrative: plan.usesIllustrative(id), actuals: own)
    }

    /// The model used for an indicator's trend, given its values and the threshold.
    static func model(for s: Series, threshold: Double?) -> TrendModel {
        let vals = s.values
        switch s.indicator.measure {
        case .rate:
            let b = s.indicator.upperBound ?? 100
            let inside = vals.allSatisfy { $0 > 0 && $0 < b } && (threshold.map { $0 > 0 && $0 < b } ?? true)
            return inside ? .logistic(bound: b) : .linear
        default:
            return vals.allSatisfy { $0 > 0 } ? .exponential : .linear
        }
    }

    /// z = g(y) on the model's scale.
    static func transform(_ y: Double, _ m: TrendModel) -> Double? {
        switch m {
        case .linear, .polynomial: return y
        case .exponential: return y > 0 ? log(y) : nil
        case .logistic(let b): return (y > 0 && y < b) ? log(y / (b - y)) : nil
        }
    }

    /// Rates cannot leave [0, bound]: a linear trend's forecasts and bands are clamped
    /// there (the logistic trend stays inside by construction).
    static func clamp(_ v: Double, _ ind: Indicator) -> Double {
        guard ind.measure == .rate || ind.measure == .count || ind.measure == .amount else { return v }
        let upper = ind.measure == .rate ? (ind.upperBound ?? 100) : .infinity
        return min(max(v, 0), upper)
    }

    static func clampedIntervals(_ f: TrendForecast, _ ind: Indicator) -> [LevelInterval] {
        f.intervals.map { LevelInterval(level: $0.level, lower: clamp($0.predictionLower, ind), upper: clamp($0.predictionUpper, ind)) }
    }

    static func modelName(_ m: TrendModel) -> String {
        switch m {
        case .logistic(let b): return "logistic(\(Formatting.number(b)))"
        default: return m.description
        }
    }

    // MARK: - Assessment

    static func assess(_ t: Target, plan: Plan, series s: Series, options: Options) -> TargetAssessment {
        let base = plan.baselineYear
        if t.kind == .qualitative {
            return TargetAssessment(target: t, status: .notQuantifiable, rule: options.rule, explanation: "qualitative target (Đạt): reported as entered")
        }
        guard let threshold = t.threshold else {
            return TargetAssessment(target: t, status: .notQuantifiable, rule: options.rule, explanation: "the plan gives no value for this target")
        }
        var a = TargetAssessment(target: t, status: .insufficientData, rule: options.rule, explanation: "")
        a.baseline = s.baseline
        a.latest = s.actuals.last
        a.illustrative = s.baselineIllustrative
        guard let b0 = s.baseline else {
            a.explanation = "no baseline value for \(t.indicator)"
            return a
        }
        if t.kind == .maintained { return assessMaintained(a, threshold: threshold, series: s, options: options) }
        guard let latest = s.actuals.last else {
            a.explanation = "no actuals after \(base) for \(t.indicator)"
            return a
        }
        let n = Double(t.targetYear - base)
        // The level the target asks for in the target year (growth targets: the baseline
        // compounded at the required rate).
        let goal = t.kind == .growth ? b0 * pow(1 + threshold, n) : threshold
        let m = model(for: s, threshold: goal)
        a.model = modelName(m)
        let fit: TrendFit
        do { fit = try TrendFit.fit(m, x: s.years, y: s.values, series: t.indicator) } catch {
            a.explanation = "trend not fitted: \(error)"
            return a
        }
        let levels = options.levels
        let fc = fit.forecast(at: Double(t.targetYear), levels: levels)
        let point = clamp(fc.point, s.indicator)
        a.projectedIntervals = clampedIntervals(fc, s.indicator)
        a.probability = probability(fit: fit, model: m, at: Double(t.targetYear), goal: goal, target: t)

        // Observed and required progress on the model's scale.
        let latestYears = Double(latest.year - base)
        let remaining = Double(t.targetYear - latest.year)
        let requiredZ: Double?
        let observedZ: Double?
        switch m {
        case .exponential:
            let g = fit.growthRate(levels: levels)!
            a.trendGrowth = options.rule == .cagr ? Growth.requiredRate(from: b0, to: latest.value, years: latestYears) : g.rate
            if let iv = g.intervals.last { a.trendGrowthInterval = LevelInterval(level: iv.level, lower: iv.lower, upper: iv.upper) }
            a.requiredGrowth = t.kind == .growth ? threshold : Growth.requiredRate(from: b0, to: goal, years: n)
            a.requiredFromNow = remaining > 0 ? Growth.requiredRate(from: latest.value, to: goal, years: remaining) : nil
            requiredZ = a.requiredGrowth.map { log1p($0) }
            observedZ = options.rule == .cagr ? log(latest.value / b0) / latestYears : fit.coefficients[1]
        case .logistic, .linear, .polynomial:
            a.growthIsChange = true
            let z0 = transform(b0, m)!, zg = transform(goal, m)
            requiredZ = zg.map { ($0 - z0) / n }
            observedZ = options.rule == .cagr ? (transform(latest.value, m)! - z0) / latestYears : fit.coefficients[1]
            // Shown in the unit: average change per year of the trend (or end points).
            let fitted0 = fit.forecast(at: Double(base), levels: []).point
            let fittedNow = fit.forecast(at: Double(latest.year), levels: []).point
            a.trendGrowth = options.rule == .cagr ? (latest.value - b0) / latestYears : (fittedNow - fitted0) / latestYears
            if case .linear = m, let se = fit.regression.standardErrors?[1], fit.residualDegreesOfFreedom > 0, let level = levels.max() {
                let tq = StudentT.critical(level: level, degreesOfFreedom: Double(fit.residualDegreesOfFreedom))
                a.trendGrowthInterval = LevelInterval(level: level, lower: fit.coefficients[1] - tq * se, upper: fit.coefficients[1] + tq * se)
            }
            a.requiredGrowth = (goal - b0) / n
            a.requiredFromNow = remaining > 0 ? (goal - latest.value) / remaining : nil
        }
        if t.kind == .growth {
            // Projected average growth baseline → target year on the trend.
            a.projected = Growth.requiredRate(from: b0, to: point, years: n)
            // An interval whose end is ≤ 0 has no growth rate; such levels are left out.
            a.projectedIntervals = a.projectedIntervals.compactMap {
                guard let lo = Growth.requiredRate(from: b0, to: $0.lower, years: n),
                      let hi = Growth.requiredRate(from: b0, to: $0.upper, years: n) else { return nil }
                return LevelInterval(level: $0.level, lower: lo, upper: hi)
            }
            a.gap = a.projected.map { $0 - threshold }
        } else {
            a.projected = point
            a.gap = t.direction == .higher ? point - threshold : threshold - point
        }
        if let r = requiredZ, let o = observedZ, abs(r) > 1e-12 { a.progressRatio = o / r }

        // Status. Once the actuals reach the target year the outcome is final and is read
        // off the actuals themselves: the end-point CAGR for a growth target (the plan's
        // "bình quân" is exactly that), the target-year value for a level target.
        let c = options.cutoffs
        if let final = s.actuals.first(where: { $0.year == t.targetYear }) {
            let outcome = t.kind == .growth ? Growth.requiredRate(from: b0, to: final.value, years: n) : final.value
            if let outcome, t.isMet(outcome) {
                a.status = .achieved
            } else {
                a.status = .notAchieved
            }
            let shown = t.kind == .growth ? outcome.map { Formatting.fixed($0 * 100, 2) + " %/yr" } ?? "undefined" : Formatting.number(final.value)
            a.explanation = "final: \(shown) in \(t.targetYear) against \(t.requirementText())"
            return a
        }
        if t.kind == .level && t.isMet(latest.value) {
            a.status = .achieved
            a.explanation = "latest actual \(Formatting.number(latest.value)) (\(latest.year)) already meets \(t.requirementText())"
            return a
        }
        switch options.rule {
        case .trend, .cagr:
            guard let ratio = a.progressRatio else {
                a.status = .insufficientData
                a.explanation = "required progress is zero or undefined (baseline already at the threshold)"
                return a
            }
            a.status = ratio >= c.onTrack ? .onTrack : ratio >= c.acceleration ? .accelerationNeeded : ratio >= c.limited ? .limitedProgress : .deterioration
            let what = options.rule == .trend ? "\(a.model!) trend over \(s.actuals.count + 1) points" : "end points \(base)–\(latest.year)"
            a.explanation = "observed progress is \(Formatting.fixed(ratio * 100, 0)) % of the progress required (\(what))"
        case .probability:
            guard let p = a.probability else {
                a.status = .insufficientData
                a.explanation = "no prediction interval (exact fit: \(s.actuals.count + 1) points for \(fit.coefficients.count) parameters)"
                return a
            }
            if p >= c.probabilityOnTrack { a.status = .onTrack }
            else if p >= c.probabilityAtRisk { a.status = .accelerationNeeded }
            else { a.status = (a.progressRatio ?? 0) < 0 ? .deterioration : .limitedProgress }
            a.explanation = "probability of meeting the target \(Formatting.fixed(p * 100, 0)) % (at risk below \(Formatting.fixed(c.probabilityAtRisk * 100, 0)) %)"
        }
        return a
    }

    static func assessMaintained(_ a0: TargetAssessment, threshold: Double, series s: Series, options: Options) -> TargetAssessment {
        var a = a0
        let t = a.target
        let inPeriod = s.actuals.filter { $0.year >= t.startYear && $0.year <= t.targetYear }
        guard let latest = inPeriod.last else {
            a.explanation = "no actuals in \(t.startYear)–\(t.targetYear) for \(t.indicator)"
            return a
        }
        a.yearsMissed = inPeriod.filter { !t.isMet($0.value) }.map(\.year)
        // Trend, for the projection and the direction of travel.
        let m = model(for: s, threshold: threshold)
        var slope: Double?
        if let fit = try? TrendFit.fit(m, x: s.years, y: s.values, series: t.indicator) {
            a.model = modelName(m)
            let fc = fit.forecast(at: Double(t.targetYear), levels: options.levels)
            let point = clamp(fc.point, s.indicator)
            a.projected = point
            a.projectedIntervals = clampedIntervals(fc, s.indicator)
            a.gap = t.direction == .higher ? point - threshold : threshold - point
            a.probability = probability(fit: fit, model: m, at: Double(t.targetYear), goal: threshold, target: t)
            slope = fit.coefficients.count > 1 ? fit.coefficients[1] : nil
            if case .exponential = m { a.trendGrowth = fit.growthRate()?.rate } else {
                a.growthIsChange = true
                let years = Double(max(1, latest.year - s.baselineYear))
                a.trendGrowth = (fit.forecast(at: Double(latest.year), levels: []).point - fit.forecast(at: Double(s.baselineYear), levels: []).point) / years
            }
        }
        let missedText = a.yearsMissed.map(String.init).joined(separator: ", ")
        if latest.year >= t.targetYear {
            // Every year of the period is known: final.
            a.status = a.yearsMissed.isEmpty ? .achieved : .notAchieved
            a.explanation = a.yearsMissed.isEmpty ? "final: met in every year \(inPeriod.first!.year)–\(latest.year)" : "final: missed in \(missedText)"
            return a
        }
        if a.yearsMissed.isEmpty {
            if let gap = a.gap, gap < 0, options.rule != .cagr {
                a.status = .accelerationNeeded
                a.explanation = "met every year so far, but the trend falls short by \(t.targetYear)"
            } else {
                a.status = .onTrack
                a.explanation = "met in every year \(inPeriod.first!.year)–\(latest.year)"
            }
        } else if a.yearsMissed.last == latest.year {
            let away = slope.map { t.direction == .higher ? $0 < 0 : $0 > 0 } ?? false
            a.status = away ? .deterioration : .accelerationNeeded
            a.explanation = "missed in \(missedText)" + (away ? "; the trend moves away from the threshold" : "; the latest year is short")
        } else {
            a.status = .limitedProgress
            a.explanation = "missed in \(missedText) (an every-year target, lost for those years); met in \(latest.year)"
        }
        return a
    }

    /// P(the target-year value meets the goal) from the Student-t prediction distribution
    /// of the trend on its own scale: z ~ ẑ + t_df · √(σ̂² + se(ẑ)²). Nil for an exact fit.
    static func probability(fit: TrendFit, model m: TrendModel, at x: Double, goal: Double, target t: Target) -> Double? {
        guard fit.residualDegreesOfFreedom > 0, let s2 = fit.regression.residualVariance else { return nil }
        let (zhat, se) = fit.regression.predict([x])
        guard let se else { return nil }
        let sd = (s2 + se * se).squareRoot()
        guard sd > 0 else { return nil }
        let df = Double(fit.residualDegreesOfFreedom)
        let zg: Double
        if let z = transform(goal, m) { zg = z } else {
            // Goal outside the model's range (≤ 0 under log, at or beyond the bound): the
            // model can never reach it from inside, or always exceeds it.
            if case .logistic(let b) = m { zg = goal >= b ? .infinity : -.infinity } else { zg = -.infinity }
        }
        let below = zg.isInfinite ? (zg > 0 ? 1.0 : 0.0) : StudentT.cdf((zg - zhat) / sd, degreesOfFreedom: df)
        return t.direction == .higher ? 1 - below : below
    }

    // MARK: - Charts

    static func chart(plan: Plan, indicator ind: Indicator, series s: Series, levels: [Double], illustrativeActuals: Bool) -> IndicatorChart? {
        let targets = plan.targets(for: ind.id).filter { $0.kind != .qualitative && $0.threshold != nil }
        let level = targets.first { $0.kind == .level }?.threshold ?? targets.first { $0.kind == .maintained }?.threshold
        let m = model(for: s, threshold: level)
        guard let fit = try? TrendFit.fit(m, x: s.years, y: s.values, series: ind.id) else { return nil }
        let years = Array(plan.baselineYear...plan.lastYear)
        let trend = years.map { y -> TrendPoint in
            let f = fit.forecast(at: Double(y), levels: levels)
            return TrendPoint(year: y, value: clamp(f.point, ind), bands: clampedIntervals(f, ind))
        }
        var marks: [(year: Int, value: Double, label: String)] = []
        var path: [(year: Int, value: Double)] = []
        for t in targets {
            switch t.kind {
            case .level: marks.append((t.targetYear, t.threshold!, "\(t.id) \(t.requirementText())"))
            case .maintained: marks.append((t.targetYear, t.threshold!, "\(t.id) \(t.requirementText()) every year"))
            case .growth:
                if let b0 = s.baseline, path.isEmpty {
                    path = years.map { ($0, b0 * pow(1 + t.threshold!, Double($0 - plan.baselineYear))) }
                }
            case .qualitative: break
            }
        }
        return IndicatorChart(indicator: ind, baselineYear: plan.baselineYear, baseline: s.baseline, actuals: s.actuals, trend: trend,
                              targetMarks: marks, targetPath: path, illustrative: s.baselineIllustrative || illustrativeActuals)
    }
}
