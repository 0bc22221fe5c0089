import Foundation
import PlanModel
import Yams

/// Scenario files (YAML). Growth in percent per year, volatility in percentage points,
/// `change` drivers in the indicator's own unit per year (percentage points for rates).
///
/// ```yaml
/// name: plan-mid
/// description: Middle of every range in section II.1
/// plan: an-hung
/// drivers:
///   gpv_agriculture: {growth: 1.75}                       # fixed
///   gpv_industry: {growth: {uniform: [13, 15]}, volatility: 2.0}
///   gpv_services: {growth: {triangular: [13, 14, 15]}}
///   budget_revenue: {growth: {normal: {mean: 12.5, sd: 1.0}}}
///   income_per_capita: {growth: {truncated_normal: {mean: 7, sd: 1, low: 5, high: 9}}}
///   poverty_rate: {change: -0.3}                           # percentage points per year
/// baseline: {budget_revenue: 130}                          # overrides, indicator's unit
/// correlations: [[gpv_industry, gpv_services, 0.6]]
/// shocks: [{driver: gpv_agriculture, year: 2027, pp: -3}]
/// evaluate: [T01, T02]
/// ```
/// Unknown keys, unknown indicators, missing drivers and out-of-range values are errors.
public enum ScenarioReader {
    static let topKeys = [
        "name", "description", "plan", "drivers", "baseline", "correlations", "shocks", "evaluate"
    ]
    static let driverKeys = ["growth", "change", "volatility"]
    /// Mean growth outside (−100 %, +100 %] per year is not a plan assumption but a typo.
    public static let growthLimits = -99.99...100.0
    /// Volatility above 50 percentage points per year is a typo.
    public static let volatilityLimit = 50.0

    public static func read(path: String, plan: Plan) throws -> Scenario {
        let text = try FileInput.readText(path: path)
        return try parse(text, file: path, plan: plan)
    }

    public static func parse(_ text: String, file: String, plan: Plan) throws -> Scenario {
        let doc = try YAMLDocument.parse(text, file: file)
        let top = try doc.mapping(doc.root, what: "the scenario")
        try doc.rejectUnknownKeys(top, allowed: topKeys, context: "the scenario")
        let name = try doc.string(top, "name")
        let description = try doc.optionalString(top, "description") ?? ""
        let planId = try doc.optionalString(top, "plan")
        if let planId, planId != plan.id {
            throw doc.error(
                top["plan"]!, field: "plan", found: "\"\(planId)\"",
                expected: "the plan being run, \"\(plan.id)\"")
        }
        guard let driversNode = top["drivers"] else {
            throw InputError.badData(
                location: SourceLocation(file: file, line: doc.firstLine(top), field: "drivers"),
                found: "no \"drivers\"", expected: "a drivers mapping (indicator: {growth: …})")
        }
        let driversMap = try doc.mapping(driversNode, what: "drivers")
        var drivers: [Driver] = []
        for (k, v) in driversMap {
            let id = k.string ?? ""
            guard let ind = plan.indicator(id) else {
                throw doc.error(
                    k, field: id, found: "unknown driver \"\(id)\"",
                    expected: "an indicator id of plan \(plan.id)")
            }
            if ind.isAggregate {
                throw doc.error(
                    k, field: id,
                    found: "\"\(id)\", the sum of \(ind.components.joined(separator: ", "))",
                    expected: "drivers for the components, not the total")
            }
            if ind.measure == .qualitative {
                throw doc.error(
                    k, field: id, found: "qualitative indicator \"\(id)\"",
                    expected: "a quantitative indicator")
            }
            if plan.baselineValue(of: id) == nil, !baselineOverrideGiven(top, id) {
                throw doc.error(
                    k, field: id,
                    found: "driver \"\(id)\" with no baseline value in plan \(plan.id)",
                    expected: "a baseline for it under baseline:")
            }
            drivers.append(try driver(doc, id: id, indicator: ind, node: v))
        }
        // Every indicator with a growth target must be driven (aggregates through components),
        // except one with no baseline value at all: it cannot be driven, and the sweep and
        // the projection report its targets as lacking data (a freshly imported plan).
        for t in plan.targets where t.kind == .growth {
            guard let ind = plan.indicator(t.indicator) else { continue }
            let needed = ind.isAggregate ? ind.components : [ind.id]
            for n in needed where !drivers.contains(where: { $0.indicator == n }) {
                if plan.baselineValue(of: n) == nil, !baselineOverrideGiven(top, n) { continue }
                throw InputError.badData(
                    location: SourceLocation(
                        file: file, line: driversNode.mark?.line, field: "drivers"),
                    found: "no driver for \"\(n)\" (target \(t.id) is a growth target)",
                    expected: "a driver for every indicator with a growth target")
            }
        }
        var overrides: [String: Double] = [:]
        if let b = top["baseline"] {
            for (k, v) in try doc.mapping(b, what: "baseline") {
                let id = k.string ?? ""
                guard let ind = plan.indicator(id), !ind.isAggregate, ind.measure != .qualitative
                else {
                    throw doc.error(
                        k, field: id, found: "unknown or aggregate indicator \"\(id)\"",
                        expected: "an indicator id of plan \(plan.id) with a baseline")
                }
                let x = try doc.number(v, field: id)
                if x < 0 || (ind.upperBound.map { x > $0 } ?? false) {
                    throw doc.error(
                        v, field: id, found: Formatting.number(x),
                        expected:
                            "a value from 0 to \(ind.upperBound.map(Formatting.number) ?? "∞") \(ind.unit)"
                    )
                }
                overrides[id] = x
            }
        }
        var correlations: [DriverPair: Double] = [:]
        if let c = top["correlations"] {
            guard case .sequence(let seq) = c else {
                throw doc.error(
                    c, field: "correlations", found: doc.describe(c),
                    expected: "a list of [driver, driver, r]")
            }
            for item in seq {
                guard case .sequence(let triple) = item, triple.count == 3,
                    let a = triple[0].string, let b = triple[1].string
                else {
                    throw doc.error(
                        item, field: "correlations", found: doc.describe(item),
                        expected: "[driver, driver, r]")
                }
                for (n, id) in [(triple[0], a), (triple[1], b)]
                where !drivers.contains(where: { $0.indicator == id }) {
                    throw doc.error(
                        n, field: "correlations", found: "\"\(id)\", not a driver of this scenario",
                        expected: "two drivers named under drivers")
                }
                if a == b {
                    throw doc.error(
                        item, field: "correlations", found: "\(a) with itself",
                        expected: "two different drivers")
                }
                let r = try doc.number(triple[2], field: "correlations")
                if !(r > -1 && r < 1) {
                    throw doc.error(
                        triple[2], field: "correlations", found: Formatting.number(r),
                        expected: "a correlation strictly between −1 and 1")
                }
                let pair = DriverPair(a, b)
                if correlations[pair] != nil {
                    throw doc.error(
                        item, field: "correlations", found: "\(a)–\(b) twice",
                        expected: "each pair once")
                }
                correlations[pair] = r
            }
        }
        var shocks: [Shock] = []
        if let s = top["shocks"] {
            guard case .sequence(let seq) = s else {
                throw doc.error(
                    s, field: "shocks", found: doc.describe(s),
                    expected: "a list of {driver, year, pp}")
            }
            for item in seq {
                let m = try doc.mapping(item, what: "a shock")
                try doc.rejectUnknownKeys(m, allowed: ["driver", "year", "pp"], context: "a shock")
                let id = try doc.string(m, "driver")
                guard let d = drivers.first(where: { $0.indicator == id }) else {
                    throw doc.error(
                        m["driver"]!, field: "driver",
                        found: "\"\(id)\", not a driver of this scenario",
                        expected: "a driver named under drivers")
                }
                let year = try doc.int(m, "year", in: plan.firstYear...plan.lastYear)
                guard let ppNode = m["pp"] else {
                    throw doc.error(
                        item, field: "pp", found: "no \"pp\"",
                        expected: "the shock size in percentage points")
                }
                let pp = try doc.number(ppNode, field: "pp")
                shocks.append(
                    Shock(indicator: id, year: year, amount: d.model == .growth ? pp / 100 : pp))
            }
        }
        var evaluate: [String] = []
        if let e = top["evaluate"] {
            guard case .sequence(let seq) = e else {
                throw doc.error(
                    e, field: "evaluate", found: doc.describe(e), expected: "a list of target ids")
            }
            for item in seq {
                guard let id = item.string, let t = plan.targets.first(where: { $0.id == id })
                else {
                    throw doc.error(
                        item, field: "evaluate", found: doc.describe(item),
                        expected: "a target id of plan \(plan.id)")
                }
                if let reason = notSimulated(t, plan: plan, drivers: drivers) {
                    throw doc.error(
                        item, field: "evaluate", found: "\(id), which \(reason)",
                        expected: "a quantitative target of a driven indicator in the plan years")
                }
                evaluate.append(id)
            }
        }
        return Scenario(
            name: name, description: description, plan: planId, drivers: drivers,
            baselineOverrides: overrides,
            correlations: correlations, shocks: shocks, evaluate: evaluate)
    }

    /// Whether `baseline:` gives a value for `id` (read before the drivers are checked).
    static func baselineOverrideGiven(_ top: Node.Mapping, _ id: String) -> Bool {
        guard case .mapping(let m)? = top["baseline"] else { return false }
        return m.keys.contains { $0.string == id }
    }

    /// Why a sweep cannot evaluate target `t` (the same rules as `SweepModel`), or nil.
    static func notSimulated(_ t: Target, plan: Plan, drivers: [Driver]) -> String? {
        if !t.isQuantitative {
            return t.kind == .qualitative ? "is qualitative" : "has no target value"
        }
        guard let ind = plan.indicator(t.indicator) else { return "names no indicator of the plan" }
        let driven = Set(drivers.map(\.indicator))
        let covered =
            driven.contains(ind.id)
            || (ind.isAggregate && !ind.components.isEmpty
                && ind.components.allSatisfy(driven.contains))
        if !covered { return "measures \(ind.id), which has no driver in this scenario" }
        if !plan.years.contains(t.targetYear) {
            return "has its year \(t.targetYear) outside the plan years"
        }
        return nil
    }

    static func driver(_ doc: YAMLDocument, id: String, indicator: Indicator, node: Node) throws
        -> Driver
    {
        let m: Node.Mapping
        if case .scalar = node {
            throw doc.error(
                node, field: id, found: doc.describe(node), expected: "{growth: …} or {change: …}")
        }
        m = try doc.mapping(node, what: "driver \(id)")
        try doc.rejectUnknownKeys(m, allowed: driverKeys, context: "driver \(id)")
        let hasGrowth = m["growth"] != nil, hasChange = m["change"] != nil
        if hasGrowth == hasChange {
            throw doc.error(
                node, field: id,
                found: hasGrowth ? "both growth and change" : "neither growth nor change",
                expected:
                    "exactly one of growth (%/yr, compound) or change (units per year, linear)")
        }
        let model: DriverModel = hasGrowth ? .growth : .change
        let specNode = m[hasGrowth ? "growth" : "change"]!
        let scale = hasGrowth ? 0.01 : 1.0
        let limits: ClosedRange<Double> =
            hasGrowth
            ? growthLimits : -(indicator.upperBound ?? 1e12)...(indicator.upperBound ?? 1e12)
        let specField = "\(id).\(hasGrowth ? "growth" : "change")"
        let spec = try growthSpec(
            doc, node: specNode, field: specField, scale: scale, limits: limits)
        if let problem = spec.supportProblem(scale: scale) {
            throw doc.error(
                specNode, field: specField, found: problem,
                expected: "a distribution that can be sampled")
        }
        // A normal's mean − 2 sd is the low end a tornado sweeps: it must be a possible
        // growth (single draws below −100 % are floored by the sweep).
        if hasGrowth, spec.sweepRange.lowerBound <= -1 {
            throw doc.error(
                specNode, field: specField,
                found: "mean − 2 sd = \(Formatting.number(spec.sweepRange.lowerBound * 100)) %/yr",
                expected: "mean − 2 sd above −100 %/yr")
        }
        var vol = 0.0
        if let v = m["volatility"] {
            let x = try doc.number(v, field: "\(id).volatility")
            if x < 0 {
                throw doc.error(
                    v, field: "\(id).volatility", found: Formatting.number(x),
                    expected: "a standard deviation ≥ 0 (percentage points)")
            }
            if x > volatilityLimit {
                throw doc.error(
                    v, field: "\(id).volatility", found: Formatting.number(x),
                    expected: "at most \(Formatting.number(volatilityLimit)) percentage points")
            }
            vol = x * scale
        }
        return Driver(indicator: id, model: model, spec: spec, volatility: vol)
    }

    static func growthSpec(
        _ doc: YAMLDocument, node: Node, field: String, scale: Double, limits: ClosedRange<Double>
    ) throws -> GrowthSpec {
        func check(_ n: Node, _ x: Double, _ f: String) throws -> Double {
            if !limits.contains(x) {
                throw doc.error(
                    n, field: f, found: Formatting.number(x),
                    expected:
                        "a value from \(Formatting.number(limits.lowerBound)) to \(Formatting.number(limits.upperBound))"
                )
            }
            return x * scale
        }
        func list(_ n: Node, count: Int, _ f: String) throws -> [Double] {
            guard case .sequence(let s) = n, s.count == count else {
                throw doc.error(
                    n, field: f, found: doc.describe(n), expected: "a list of \(count) numbers")
            }
            return try s.map { try check($0, try doc.number($0, field: f), f) }
        }
        switch node {
        case .scalar:
            return .fixed(try check(node, try doc.number(node, field: field), field))
        case .mapping(let m):
            guard m.count == 1, let (k, v) = m.first.map({ ($0.key, $0.value) }),
                let kind = k.string
            else {
                throw doc.error(
                    node, field: field, found: doc.describe(node),
                    expected:
                        "one of {uniform: [lo, hi]}, {triangular: [lo, mode, hi]}, {normal: {mean, sd}}, {truncated_normal: {mean, sd, low, high}}"
                )
            }
            let f = "\(field).\(kind)"
            switch kind {
            case "uniform":
                let x = try list(v, count: 2, f)
                if !(x[0] < x[1]) {
                    throw doc.error(
                        v, field: f,
                        found:
                            "[\(Formatting.number(x[0] / scale)), \(Formatting.number(x[1] / scale))]",
                        expected: "a non-empty range written low to high")
                }
                return .uniform(low: x[0], high: x[1])
            case "triangular":
                let x = try list(v, count: 3, f)
                if !(x[0] < x[2] && x[0] <= x[1] && x[1] <= x[2]) {
                    throw doc.error(
                        v, field: f,
                        found:
                            "[\(x.map { Formatting.number($0 / scale) }.joined(separator: ", "))]",
                        expected: "[low, mode, high] with low ≤ mode ≤ high and low < high")
                }
                return .triangular(low: x[0], mode: x[1], high: x[2])
            case "normal", "truncated_normal":
                let p = try doc.mapping(v, what: kind)
                let keys = kind == "normal" ? ["mean", "sd"] : ["mean", "sd", "low", "high"]
                try doc.rejectUnknownKeys(p, allowed: keys, context: kind)
                var vals: [String: Double] = [:]
                for key in keys {
                    guard let n = p[key] else {
                        throw doc.error(
                            v, field: "\(f).\(key)", found: "no \"\(key)\"",
                            expected: "\(keys.joined(separator: ", "))")
                    }
                    let x = try doc.number(n, field: "\(f).\(key)")
                    if key == "sd" {
                        if x < 0 {
                            throw doc.error(
                                n, field: "\(f).sd", found: Formatting.number(x),
                                expected: "a standard deviation ≥ 0")
                        }
                        vals[key] = x * scale
                    } else {
                        vals[key] = try check(n, x, "\(f).\(key)")
                    }
                }
                if kind == "normal" { return .normal(mean: vals["mean"]!, sd: vals["sd"]!) }
                let (mean, low, high) = (vals["mean"]!, vals["low"]!, vals["high"]!)
                if !(low < high) {
                    throw doc.error(v, field: f, found: "low ≥ high", expected: "low < high")
                }
                // The mean of the normal before truncation must be a value the truncated
                // distribution takes: it is the scenario's central value (`project`).
                if mean < low || mean > high {
                    throw doc.error(
                        p["mean"]!, field: "\(f).mean",
                        found:
                            "\(Formatting.number(mean / scale)), outside [\(Formatting.number(low / scale)), \(Formatting.number(high / scale))]",
                        expected: "a mean from low to high (the normal's mean before truncation)")
                }
                return .truncatedNormal(mean: mean, sd: vals["sd"]!, low: low, high: high)
            default:
                throw doc.error(
                    k, field: f, found: "unknown distribution \"\(kind)\"",
                    expected: "uniform, triangular, normal or truncated_normal")
            }
        default:
            throw doc.error(
                node, field: field, found: doc.describe(node),
                expected: "a number or a distribution")
        }
    }
}
