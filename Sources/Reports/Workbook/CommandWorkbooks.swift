import Foundation
import Forecasting
import PlanIO
import PlanModel
import Spreadsheet

/// Workbooks of the commands whose output is tidy CSV: each CSV view becomes a typed sheet
/// (numbers as numbers, ILLUSTRATIVE banner where the view's `illustrative` column says
/// so), so the workbook and the CSV always hold the same numbers.
///
/// ```swift
/// try WorkbookWriter.write(CommandWorkbooks.project(projections, plan: plan, findings: findings), to: "project.xlsx")
/// ```
public enum CommandWorkbooks {
    /// `project --format xlsx`: sheets paths, outcomes and findings.
    public static func project(_ projections: [Projection], plan: Plan, findings: [Finding]) throws
        -> [OutputSheet]
    {
        let illustrative =
            plan.baseline.contains { $0.source == .illustrative }
            ? OutputSheet.illustrativeNote : nil
        return [
            try OutputSheet(
                csv: PlanTables.pathsCSV(projections), name: "paths", textColumns: ["indicator"],
                banner: illustrative),
            try OutputSheet(
                csv: PlanTables.outcomesCSV(projections), name: "outcomes",
                textColumns: ["target", "indicator"], banner: illustrative),
            try OutputSheet(
                csv: PlanTables.findingsCSV(findings, plan: plan), name: "findings",
                banner: illustrative)
        ]
    }

    /// `targets --format xlsx`: the plan's targets as `targets.csv` holds them.
    public static func targets(_ plan: Plan) throws -> [OutputSheet] {
        [
            try OutputSheet(
                csv: TargetsFile.csv(plan.targets), name: "targets",
                textColumns: ["id", "indicator", "plan_item", "appendix_row", "appendix_value"])
        ]
    }

    /// `sweep --format xlsx`: the sweep's tidy CSV split into one sheet per section
    /// (percentiles by series, probabilities of the targets, sensitivity …). `illustrative`
    /// marks every sheet when the plan's baseline uses illustrative values.
    public static func sweep(csv: String, illustrative: Bool) throws -> [OutputSheet] {
        try OutputSheet.split(
            csv: csv, on: "section", textColumns: ["id", "year"],
            banner: illustrative ? OutputSheet.illustrativeNote : nil)
    }

    /// `fit --format xlsx`: the fit's CSV (forecast table or one row per group) as a sheet.
    public static func fit(csv: String) throws -> [OutputSheet] {
        [try OutputSheet(csv: csv, name: "fit")]
    }
}
