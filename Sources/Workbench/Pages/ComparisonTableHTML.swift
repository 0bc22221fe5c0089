import Foundation
import PlanModel
import Reports

/// Scenarios side by side: one row per target, one column per scenario (the plan's low,
/// middle and high, then the user's own), each cell `P(meet) · projected median`; under the
/// table, for each of the user's scenarios, every input that differs from plan-mid.
enum ComparisonTableHTML {
    struct Column {
        var name: String
        var json: JSONValue
        var sweep: SweepJSON
        var isUsers: Bool
    }

    static func render(
        columns: [Column], base: JSONValue, workspace: PlanWorkspace, text: WorkbenchText
    ) -> String {
        let e = PageLayout.escape
        var h =
            "<table class=\"review compare\">\n<thead><tr><th scope=\"col\">\(e(text.t("Chỉ tiêu", "Target")))</th>"
        for c in columns {
            h += "<th scope=\"col\"\(c.isUsers ? " class=\"mine\"" : "")>\(e(c.name))</th>"
        }
        h += "</tr></thead>\n<tbody>\n"
        let ids = columns.first?.sweep.targets.map(\.id) ?? []
        for id in ids {
            let requirement = columns.first?.sweep.targets.first { $0.id == id }?.requirement ?? ""
            h +=
                "<tr data-target=\"\(e(id))\"><th scope=\"row\">\(e(id)) <span class=\"meta\">\(e(requirement))</span></th>"
            for c in columns {
                if let t = c.sweep.targets.first(where: { $0.id == id }) {
                    let light =
                        t.probability >= 0.5 ? "green" : (t.probability >= 0.2 ? "amber" : "red")
                    h +=
                        "<td class=\"num st-\(light)\" data-probability=\"\(t.probability)\">\(e(t.probabilityText))<br><span class=\"iv\">\(e(t.projectedText))</span></td>"
                } else {
                    h += "<td class=\"num\">—</td>"
                }
            }
            h += "</tr>\n"
        }
        h += "</tbody>\n</table>\n"
        let baseInputs = flatten(base)
        for c in columns where c.isUsers {
            let mine = flatten(c.json)
            let keys = Set(baseInputs.keys).union(mine.keys).filter {
                !["name", "description", "plan"].contains($0)
            }.sorted()
            let changed = keys.filter { baseInputs[$0] != mine[$0] }
            h += "<div class=\"diff\"><h3>\(e(c.name)) — \(e(text.differsFromBase))</h3>"
            if changed.isEmpty {
                h += "<p>\(e(text.t("không khác", "no difference")))</p>"
            } else {
                h +=
                    "<ul>"
                    + changed.map {
                        "<li><code>\(e($0))</code>: \(e(baseInputs[$0] ?? "—")) → \(e(mine[$0] ?? "—"))</li>"
                    }.joined() + "</ul>"
            }
            h += "</div>\n"
        }
        return h
    }

    /// Every leaf of a scenario as `path → value` (`drivers.gpv_industry.growth.uniform` →
    /// `[13, 15]`): lists of numbers stay whole, so a range reads as one input.
    static func flatten(_ value: JSONValue, prefix: String = "") -> [String: String] {
        switch value {
        case .object(let members):
            var out: [String: String] = [:]
            for (k, v) in members {
                out.merge(flatten(v, prefix: prefix.isEmpty ? k : prefix + "." + k)) { a, _ in a }
            }
            return out
        case .array(let items)
        where items.contains(where: {
            if case .object = $0 { return true }; return false
        }):
            var out: [String: String] = [:]
            for (i, v) in items.enumerated() {
                out.merge(flatten(v, prefix: "\(prefix)[\(i + 1)]")) { a, _ in a }
            }
            return out
        default:
            return [prefix: text(value)]
        }
    }

    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let x): return Formatting.number(x)
        case .string(let s): return s
        case .array(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        case .object: return "{…}"
        }
    }
}
