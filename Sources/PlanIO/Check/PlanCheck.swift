import Foundation
import PlanModel

/// What a plan folder still lacks for a review, target by target.
///
/// ```swift
/// let report = try PlanCheck.check(directory: "imported", actualsPath: nil)
/// report.isUsable      // false while baseline.csv and actuals.csv are empty templates
/// report.gaps          // [T01: no baseline, no actuals, no unit; …]
/// ```
///
/// ## Rules
/// - The folder must load (``PlanLoader/load(directory:)``); a problem there is thrown as the
///   loader's `InputError` (file, line, field).
/// - Actuals: `actualsPath` when given, else the folder's `actuals.csv` (or `actuals.xlsx`,
///   read by `tables`) or `actuals-example.csv`; none is "no actuals" for every target, not an error.
/// - For every quantitative target (growth, level, maintained): **no value** when the
///   document left its figure blank (the review reports it as not quantifiable; it does not
///   block); **no unit** when its indicator's unit is unknown (`?`) or empty; **no baseline**
///   when neither its indicator nor all of the indicator's components have a baseline value;
///   **no actuals** when neither the indicator nor all its components have any observation.
/// - Pass/fail targets need nothing (reported as entered).
/// - The plan is **usable** when no target with a figure lacks a unit, a baseline or actuals.
public enum PlanCheck {
    public enum Missing: String, Sendable, Hashable, CaseIterable {
        case value = "no value", unit = "no unit", baseline = "no baseline", actuals = "no actuals"
    }

    public struct Gap: Sendable, Hashable {
        public var target: String
        public var indicator: String
        public var name: String
        public var missing: [Missing]
    }

    public struct Report: Sendable {
        public var planID: String
        public var targets: Int
        public var gaps: [Gap]
        public var actualsPath: String?
        /// True when every target with a figure has its unit, a baseline and actuals.
        public var isUsable: Bool { !gaps.contains { $0.missing.contains { $0 != .value } } }

        public var text: String {
            var s = "plan \(planID): \(targets) targets; actuals: \(actualsPath ?? "none")\n"
            if gaps.isEmpty { return s + "usable: every target has what a review needs\n" }
            s += isUsable ? "usable; some targets have no figure:\n" : "not usable yet; to fill:\n"
            for g in gaps {
                s +=
                    "  \(g.target) (\(g.indicator)): \(g.missing.map(\.rawValue).joined(separator: ", ")) — \(g.name)\n"
            }
            let counts = Missing.allCases.map { m in
                (m, gaps.filter { $0.missing.contains(m) }.count)
            }.filter { $0.1 > 0 }
            s +=
                "summary: " + counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
                + "\n"
            return s
        }
    }

    public static func check(
        directory: String?, actualsPath: String?, tables: PlanTableSource = .csv
    ) throws -> Report {
        let plan = try PlanLoader.load(directory: directory, tables: tables)
        let path = try actualsPath ?? PlanLoader.actualsPath(directory: directory)
        let actuals =
            try path.map { path in
                try tables.read(path, .actuals).parse { try ActualsFile.parse($0, plan: plan) }
            } ?? []
        return check(plan: plan, actuals: actuals, actualsPath: path)
    }

    public static func check(plan: Plan, actuals: [Observation], actualsPath: String?) -> Report {
        let observed = Set(actuals.map(\.indicator))
        let based = Set(plan.baseline.map(\.indicator))
        func has(_ set: Set<String>, _ id: String) -> Bool {
            if set.contains(id) { return true }
            guard let ind = plan.indicator(id), !ind.components.isEmpty else { return false }
            return ind.components.allSatisfy { set.contains($0) }
        }
        var gaps: [Gap] = []
        for t in plan.targets where t.kind != .qualitative {
            var missing: [Missing] = []
            if t.low == nil { missing.append(.value) }
            let unit = plan.indicator(t.indicator)?.unit ?? ""
            if unit.isEmpty || unit == IndicatorInference.unknownUnit { missing.append(.unit) }
            if !has(based, t.indicator) { missing.append(.baseline) }
            if !has(observed, t.indicator) { missing.append(.actuals) }
            if !missing.isEmpty {
                gaps.append(
                    Gap(target: t.id, indicator: t.indicator, name: t.nameVi, missing: missing))
            }
        }
        return Report(
            planID: plan.id, targets: plan.targets.count, gaps: gaps, actualsPath: actualsPath)
    }
}
