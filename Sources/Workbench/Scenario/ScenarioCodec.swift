import Foundation
import PlanIO
import PlanModel
import Yams

/// Scenarios between the browser (JSON with the keys of a scenario file) and the library.
///
/// JSON → `Scenario` goes through the scenario file's own reader: the JSON tree is written
/// as YAML text (`yamlText(_:plan:)`) and parsed by `ScenarioReader.parse`, so a scenario
/// from the browser is checked by exactly the rules a file is, and its errors carry the same
/// messages (the line numbers are those of the YAML text, which is also what a save
/// writes). `Scenario` → JSON (`json(_:plan:)`) is the inverse, for filling the controls.
///
/// ```swift
/// let json: JSONValue = .object(["name": .string("mine"), "drivers": .object([
///     "gpv_industry": .object(["growth": .number(14)])])])
/// let (scenario, yaml) = try ScenarioCodec.scenario(from: json, plan: plan)
/// // yaml == "name: mine\ndrivers:\n  gpv_industry: {growth: 14}\n"
/// ```
/// Invariant (tested over generated scenarios): `scenario(from: json(s))` equals `s` up
/// to 12 significant digits.
public enum ScenarioCodec {
    /// The name used in error messages for a scenario that came from the browser.
    public static let requestFileName = "scenario.yaml"

    /// Validates a JSON scenario as the file reader would, returning it and its YAML text.
    public static func scenario(
        from json: JSONValue, plan: Plan,
        file: String = requestFileName
    ) throws -> (scenario: Scenario, yaml: String) {
        let yaml = try yamlText(json, plan: plan)
        return (try ScenarioReader.parse(yaml, file: file, plan: plan), yaml)
    }

    /// The JSON tree as scenario-file YAML: top-level keys in the file's order (unknown ones
    /// after, sorted, so the reader names them), drivers in the plan's indicator order, each
    /// driver on one line in flow style.
    public static func yamlText(_ json: JSONValue, plan: Plan) throws -> String {
        let topOrder = [
            "name", "description", "plan", "drivers", "baseline", "correlations", "shocks",
            "evaluate"
        ]
        let root: Node
        if case .object(let members) = json {
            var pairs: [(Node, Node)] = []
            for key in ordered(Array(members.keys), first: topOrder) {
                let value = members[key]!
                switch key {
                case "drivers", "baseline":
                    pairs.append((Node(key), block(value, order: plan.indicators.map(\.id))))
                case "correlations", "shocks", "evaluate":
                    if case .array(let items) = value {
                        pairs.append((Node(key), Node(items.map { flow($0) }, Tag(.seq), .block)))
                    } else {
                        pairs.append((Node(key), flow(value)))
                    }
                default:
                    pairs.append((Node(key), flow(value)))
                }
            }
            root = Node(pairs, Tag(.map), .block)
        } else {
            root = flow(json)
        }
        do {
            return try Yams.serialize(node: root, width: -1, allowUnicode: true)
        } catch {
            throw InputError.badData(
                location: SourceLocation(file: requestFileName),
                found: "a scenario that cannot be written as YAML (\(error))",
                expected: "a JSON object with the keys of a scenario file")
        }
    }

    /// Keys in `first`'s order, then the rest sorted.
    static func ordered(_ keys: [String], first: [String]) -> [String] {
        first.filter(keys.contains) + keys.filter { !first.contains($0) }.sorted()
    }

    /// A mapping in block style, one member per line (members in flow style).
    static func block(_ value: JSONValue, order: [String]) -> Node {
        guard case .object(let members) = value else { return flow(value) }
        let pairs = ordered(Array(members.keys), first: order).map {
            (Node($0), flow(members[$0]!))
        }
        return Node(pairs, Tag(.map), .block)
    }

    /// Any value in flow style (`{growth: {uniform: [13, 15]}, volatility: 2}`).
    static func flow(_ value: JSONValue) -> Node {
        switch value {
        case .null: return Node("null", Tag(.null), .plain)
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool), .plain)
        case .number(let x): return Node(Formatting.number(x), Tag(.float), .plain)
        case .string(let s): return Node(s, Tag(.str), .any)
        case .array(let items): return Node(items.map(flow), Tag(.seq), .flow)
        case .object(let members):
            let order = [
                "growth", "change", "volatility", "driver", "year", "pp", "mean", "sd", "low",
                "high"
            ]
            return Node(
                ordered(Array(members.keys), first: order).map { (Node($0), flow(members[$0]!)) },
                Tag(.map), .flow)
        }
    }

    /// A scenario as JSON with the file's keys and units: growth and volatility of growth
    /// drivers in percent per year, change drivers in the indicator's unit, shocks in
    /// percentage points (`pp`).
    public static func json(_ scenario: Scenario, plan: Plan) -> JSONValue {
        var top: [String: JSONValue] = ["name": .string(scenario.name)]
        if !scenario.description.isEmpty { top["description"] = .string(scenario.description) }
        top["plan"] = .string(scenario.plan ?? plan.id)
        var drivers: [String: JSONValue] = [:]
        for d in scenario.drivers {
            let scale = d.model == .growth ? 100.0 : 1.0
            var m: [String: JSONValue] = [
                d.model == .growth ? "growth" : "change": spec(d.spec, scale: scale)
            ]
            if d.volatility != 0 { m["volatility"] = .rounded(d.volatility * scale) }
            drivers[d.indicator] = .object(m)
        }
        top["drivers"] = .object(drivers)
        if !scenario.baselineOverrides.isEmpty {
            top["baseline"] = .object(scenario.baselineOverrides.mapValues { .rounded($0) })
        }
        if !scenario.correlations.isEmpty {
            let pairs = scenario.correlations.sorted {
                ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second)
            }
            top["correlations"] = .array(
                pairs.map {
                    .array([.string($0.key.first), .string($0.key.second), .rounded($0.value)])
                })
        }
        if !scenario.shocks.isEmpty {
            top["shocks"] = .array(
                scenario.shocks.map { s in
                    let scale = scenario.driver(for: s.indicator)?.model == .change ? 1.0 : 100.0
                    return .object([
                        "driver": .string(s.indicator), "year": .number(Double(s.year)),
                        "pp": .rounded(s.amount * scale)
                    ])
                })
        }
        if !scenario.evaluate.isEmpty {
            top["evaluate"] = .array(scenario.evaluate.map { .string($0) })
        }
        return .object(top)
    }

    static func spec(_ spec: GrowthSpec, scale: Double) -> JSONValue {
        func n(_ x: Double) -> JSONValue { .rounded(x * scale) }
        switch spec {
        case .fixed(let v): return n(v)
        case .uniform(let l, let h): return .object(["uniform": .array([n(l), n(h)])])
        case .triangular(let l, let m, let h):
            return .object(["triangular": .array([n(l), n(m), n(h)])])
        case .normal(let m, let s): return .object(["normal": .object(["mean": n(m), "sd": n(s)])])
        case .truncatedNormal(let m, let s, let l, let h):
            return .object([
                "truncated_normal": .object(["mean": n(m), "sd": n(s), "low": n(l), "high": n(h)])
            ])
        }
    }
}
