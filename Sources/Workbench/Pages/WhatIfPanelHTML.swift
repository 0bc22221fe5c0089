import Foundation
import PlanModel
import Reports

/// The what-if panel: one row of controls per driver (`DriverControl`), baseline
/// overrides, correlations, the number of paths, and saving/loading scenarios.
///
/// Stable contract: each driver's central growth is `<input name="growth.<driver id>">`
/// in percent per year (`change.<driver id>` for drivers that change linearly, in the
/// indicator's unit per year). Every control has a visible label; all are native inputs,
/// so the panel works with the keyboard alone.
enum WhatIfPanelHTML {
    static func render(
        workspace: PlanWorkspace, scenario: PlanWorkspace.NamedScenario, limits: WorkbenchLimits,
        text: WorkbenchText
    ) -> String {
        let e = PageLayout.escape
        let plan = workspace.plan
        let rows = DriverControl.rows(plan: plan, scenario: scenario.scenario)
        func num(_ x: Double) -> String { Formatting.number((x * 1e6).rounded() / 1e6) }
        var h = "<form id=\"whatif\" class=\"whatif\" novalidate>\n"
        h += "<p class=\"help\">\(e(text.whatIfHelp))</p>\n"
        h +=
            "<div class=\"row2\"><label>\(e(text.scenarioName)) <input name=\"scenario.name\" value=\"\(e(scenario.scenario.name))\" maxlength=\"64\" autocomplete=\"off\"></label>"
        h += "<label>\(e(text.samples)) <select name=\"samples\">"
        for n in [5_000, 20_000, 50_000, 100_000, limits.maxSamples] where n <= limits.maxSamples {
            h +=
                "<option value=\"\(n)\"\(n == limits.defaultSamples ? " selected" : "")>\(n)</option>"
        }
        h += "</select></label></div>\n"
        h +=
            "<input type=\"hidden\" name=\"scenario.description\" value=\"\(e(scenario.scenario.description))\">"
        h +=
            "<input type=\"hidden\" name=\"scenario.evaluate\" value=\"\(e(scenario.scenario.evaluate.joined(separator: ",")))\">\n"
        for r in rows {
            let id = e(r.indicator.id)
            let name =
                text.vi || r.indicator.nameEn.isEmpty ? r.indicator.nameVi : r.indicator.nameEn
            let growth = r.model == .growth
            let key = growth ? "growth" : "change"
            let unitLabel =
                growth ? text.growthPerYear : "\(text.changePerYear) (\(r.indicator.unit))"
            let (lo, hi) = growth ? (-20.0, 40.0) : (-5.0, 5.0)
            h +=
                "<fieldset class=\"driver\" data-driver=\"\(id)\" data-model=\"\(key)\"\(r.inScenario ? "" : " data-off hidden")>\n"
            h +=
                "<legend><label><input type=\"checkbox\" name=\"use.\(id)\"\(r.inScenario ? " checked" : "")> \(e(name))</label> <code>\(id)</code></legend>\n"
            h +=
                "<div class=\"central\"><label>\(e(unitLabel)) <input type=\"number\" name=\"\(key).\(id)\" value=\"\(num(r.central))\" step=\"0.1\" inputmode=\"decimal\"></label>"
            h +=
                "<input type=\"range\" data-for=\"\(key).\(id)\" min=\"\(num(lo))\" max=\"\(num(hi))\" step=\"0.1\" value=\"\(num(min(max(r.central, lo), hi)))\" aria-label=\"\(e(unitLabel)): \(e(name))\"></div>\n"
            h += "<div class=\"grid\">"
            h += "<label>\(e(text.distribution)) <select name=\"dist.\(id)\">"
            for d in ["fixed", "uniform", "triangular", "normal", "truncated_normal"] {
                h += "<option value=\"\(d)\"\(d == r.distribution ? " selected" : "")>\(d)</option>"
            }
            h += "</select></label>"
            h +=
                "<label data-show=\"uniform triangular truncated_normal\">\(e(text.below)) <input type=\"number\" name=\"below.\(id)\" value=\"\(num(r.below))\" min=\"0\" step=\"0.1\"></label>"
            h +=
                "<label data-show=\"uniform triangular truncated_normal\">\(e(text.above)) <input type=\"number\" name=\"above.\(id)\" value=\"\(num(r.above))\" min=\"0\" step=\"0.1\"></label>"
            h +=
                "<label data-show=\"normal truncated_normal\">\(e(text.sd)) <input type=\"number\" name=\"sd.\(id)\" value=\"\(num(r.sd))\" min=\"0\" step=\"0.1\"></label>"
            h +=
                "<label>\(e(text.volatility)) <input type=\"number\" name=\"volatility.\(id)\" value=\"\(num(r.volatility))\" min=\"0\" step=\"0.1\"></label>"
            let base = plan.baselineValue(of: r.indicator.id).map(Formatting.number) ?? ""
            h +=
                "<label>\(e(text.baseline)) (\(e(r.indicator.unit))) <input type=\"number\" name=\"baseline.\(id)\" value=\"\(r.baselineOverride.map(num) ?? "")\" placeholder=\"\(e(base))\" min=\"0\" step=\"any\"></label>"
            h += "</div>\n"
            h += shockRows(row: r, plan: plan, text: text)
            h += "</fieldset>\n"
        }
        let others = rows.filter { !$0.inScenario }
        if !others.isEmpty {
            h +=
                "<label>\(e(text.addDriver)) <select id=\"add-driver\"><option value=\"\">—</option>"
            for r in others {
                let name =
                    text.vi || r.indicator.nameEn.isEmpty ? r.indicator.nameVi : r.indicator.nameEn
                h += "<option value=\"\(e(r.indicator.id))\">\(e(name))</option>"
            }
            h += "</select></label>\n"
        }
        h += shockTemplate(plan: plan, text: text)
        h += correlations(rows: rows, scenario: scenario.scenario, text: text)
        h += "<p class=\"status\" id=\"sweep-status\" role=\"status\" aria-live=\"polite\"></p>\n"
        h += "<p class=\"error\" id=\"sweep-error\" role=\"alert\" hidden></p>\n"
        h += "<div class=\"actions\">"
        h += "<button type=\"button\" id=\"pin\">\(e(text.pin))</button> "
        h += "<button type=\"button\" id=\"save\">\(e(text.save))</button>"
        h +=
            "</div>\n<p class=\"status\" id=\"save-status\" role=\"status\" aria-live=\"polite\"></p>\n"
        h += "<div class=\"row2\"><label>\(e(text.startFrom)) <select id=\"load-select\">"
        for s in [workspace.startScenario] + workspace.planScenarios {
            h += "<option value=\"builtin:\(e(s.scenario.name))\">\(e(s.scenario.name))</option>"
        }
        h +=
            "</select></label> <button type=\"button\" id=\"load\">\(e(text.load))</button></div>\n"
        h +=
            "<details><summary>\(e(text.showYAML))</summary><pre id=\"scenario-yaml\">\(e(scenario.yaml))</pre></details>\n"
        h += "</form>\n"
        return h
    }

    /// A driver's shocks: one row per shock (year, size, remove), and a button that adds
    /// one (the script clones `#shock-template` and names its controls for the driver).
    /// Contract: every row of driver `id` has `<select name="shock-year.<id>">` and
    /// `<input name="shock-pp.<id>">`; a row whose year is empty is no shock.
    static func shockRows(row r: DriverControl, plan: Plan, text: WorkbenchText) -> String {
        let e = PageLayout.escape
        let id = e(r.indicator.id)
        var h = "<div class=\"shocks\" data-shocks=\"\(id)\">"
        for shock in r.shocks {
            h += shockRow(
                id: r.indicator.id, year: shock.year, size: shock.size, plan: plan, text: text)
        }
        h +=
            "<button type=\"button\" data-add-shock=\"\(id)\">\(e(text.addShock))</button></div>\n"
        return h
    }

    /// One shock row; `id` nil for the template (the script names its controls).
    static func shockRow(id: String?, year: Int?, size: Double, plan: Plan, text: WorkbenchText)
        -> String
    {
        let e = PageLayout.escape
        func name(_ prefix: String) -> String { id.map { " name=\"\(prefix).\(e($0))\"" } ?? "" }
        var h = "<div class=\"shock\">"
        h +=
            "<label>\(e(text.shockYear)) <select\(name("shock-year"))><option value=\"\">\(e(text.none))</option>"
        for y in plan.firstYear...plan.lastYear {
            h += "<option value=\"\(y)\"\(y == year ? " selected" : "")>\(y)</option>"
        }
        h += "</select></label>"
        h +=
            "<label>\(e(text.shockSize)) <input type=\"number\"\(name("shock-pp")) value=\"\(Formatting.number((size * 1e6).rounded() / 1e6))\" step=\"0.1\"></label>"
        h += "<button type=\"button\" data-remove>\(e(text.remove))</button></div>"
        return h
    }

    /// The shock row the script clones for "Add a shock".
    static func shockTemplate(plan: Plan, text: WorkbenchText) -> String {
        "<template id=\"shock-template\">"
            + shockRow(id: nil, year: plan.firstYear, size: -2, plan: plan, text: text)
            + "</template>\n"
    }

    /// The correlations editor: one row per pair (two drivers and r); the script adds and
    /// removes rows.
    static func correlations(rows: [DriverControl], scenario: Scenario, text: WorkbenchText)
        -> String
    {
        let e = PageLayout.escape
        let ids = rows.map(\.indicator.id)
        func select(_ selected: String, _ label: String) -> String {
            var s = "<select aria-label=\"\(e(label))\" data-corr>"
            for id in ids { s += "<option\(id == selected ? " selected" : "")>\(e(id))</option>" }
            return s + "</select>"
        }
        var h =
            "<fieldset class=\"correlations\" id=\"correlations\"><legend>\(e(text.correlations))</legend>\n"
        let pairs = scenario.correlations.sorted {
            ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second)
        }
        for (pair, r) in pairs {
            h +=
                "<div class=\"corr\">" + select(pair.first, text.driver + " 1")
                + select(pair.second, text.driver + " 2")
            h +=
                "<input type=\"number\" aria-label=\"r\" data-corr-r min=\"-0.99\" max=\"0.99\" step=\"0.05\" value=\"\(Formatting.number(r))\">"
            h += "<button type=\"button\" data-remove>\(e(text.remove))</button></div>\n"
        }
        h +=
            "<template id=\"corr-template\"><div class=\"corr\">"
            + select(ids.first ?? "", text.driver + " 1")
        h += select(ids.dropFirst().first ?? ids.first ?? "", text.driver + " 2")
        h +=
            "<input type=\"number\" aria-label=\"r\" data-corr-r min=\"-0.99\" max=\"0.99\" step=\"0.05\" value=\"0.5\">"
        h += "<button type=\"button\" data-remove>\(e(text.remove))</button></div></template>\n"
        h +=
            "<button type=\"button\" id=\"add-corr\">\(e(text.addCorrelation))</button>\n</fieldset>\n"
        return h
    }
}
