import Foundation
import PlanModel

/// What `project` could not project, indicator by indicator, and why: the notes that turn
/// a plan with an empty `baseline.csv` (as `import-plan` writes it) from an error into a
/// projection of what can be projected.
///
/// ```swift
/// let notes = ProjectionGaps.findings(plan: imported, projections: runs, droppedDrivers: ["thu_ngan_sach"])
/// notes[0].message
/// // "thu_ngan_sach (Thu ngân sách): not projected: no baseline value for 2025 (fill
/// //  baseline.csv); targets T01: insufficient data; its growth target was left out of the
/// //  scenarios"
/// ```
///
/// ## Rules
/// - One finding (kind `insufficient_data`, severity `note`) per quantitative indicator that
///   no projection has a series for, in the plan's indicator order; qualitative indicators
///   are never projected and get none.
/// - Why: an aggregate names its components without a baseline value; any other indicator
///   has no baseline value for the baseline year.
/// - Its quantitative targets are listed as "insufficient data" (the review's status for a
///   target with nothing to assess), or "not quantifiable" when the document left the figure
///   blank (as the review says); `targets` holds all their ids.
/// - An indicator in `droppedDrivers` says its scenario driver was left out.
/// Invariant: an indicator gets a finding exactly when it is quantitative and no
/// projection projects it; a plan whose indicators all have a baseline gets none.
public enum ProjectionGaps {
    public static func findings(
        plan: Plan, projections: [Projection], droppedDrivers: [String] = []
    ) -> [Finding] {
        let projected = Set(projections.flatMap { $0.series.map(\.indicator.id) })
        let dropped = Set(droppedDrivers)
        var out: [Finding] = []
        for ind in plan.indicators where ind.measure != .qualitative && !projected.contains(ind.id)
        {
            let why: String
            let missing = ind.components.filter { plan.baselineValue(of: $0) == nil }
            if ind.isAggregate && !missing.isEmpty {
                why =
                    "its components \(missing.joined(separator: ", ")) have no baseline value for \(plan.baselineYear) (fill baseline.csv)"
            } else {
                why = "no baseline value for \(plan.baselineYear) (fill baseline.csv)"
            }
            let quantitative = plan.targets(for: ind.id).filter { $0.kind != .qualitative }
            let withFigure = quantitative.filter { $0.low != nil }.map(\.id)
            let blank = quantitative.filter { $0.low == nil }.map(\.id)
            var message = "\(ind.id) (\(ind.nameVi)): not projected: \(why)"
            if !withFigure.isEmpty {
                message += "; targets \(withFigure.joined(separator: ", ")): insufficient data"
            }
            if !blank.isEmpty {
                message +=
                    "; targets \(blank.joined(separator: ", ")): not quantifiable (the document gives no figure)"
            }
            if dropped.contains(ind.id) {
                message += "; its growth driver was left out of the scenarios"
            }
            out.append(
                Finding(
                    kind: .insufficientData, severity: .note, targets: quantitative.map(\.id),
                    message: message,
                    illustrative: false))
        }
        return out
    }
}
