import Forecasting
import Foundation
import PlanIO
import PlanModel

/// The CSV files of a batch review (UTF-8, `,`, `.` decimal point, header row; columns in
/// docs/batch-review.md):
/// - the long review CSV: the single-plan review CSV of every plan, plan id first, one
///   header;
/// - `plans`: one row per plan folder: counts per status, the summary sentence, or the
///   error of a plan that failed to load;
/// - `groups`: one row per target group (indicator): plans green, amber, red (at risk),
///   grey;
/// - `provinces`: one row per province and indicator: the roll-up of additive indicators.
public enum BatchCSVWriter {
    public static func long(_ batch: BatchReview, levels: [Double]) -> String {
        var text = CSVText(header: ReviewReport.csvColumns(levels: levels)).text
        for plan in batch.plans { text += plan.csvRows }
        return text
    }

    /// `long`, written plan by plan to `writer` instead of built whole first: the same
    /// bytes without a second copy of the country's 62 MB in memory, and without the
    /// single-threaded concatenation and conversion that came after the parallel part.
    public static func writeLong(
        _ batch: BatchReview, levels: [Double], to writer: AtomicFile.Writer
    ) throws {
        try writer.write(CSVText(header: ReviewReport.csvColumns(levels: levels)).data)
        for plan in batch.plans { try writer.write(plan.csvRows) }
    }

    static let judgedStatuses: [TargetStatus] = TargetStatus.allCases

    public static func plans(_ batch: BatchReview, language: ReportLanguage) -> String {
        var csv = CSVText(
            header: [
                "plan", "folder", "province", "group", "result", "as_of", "illustrative", "targets"
            ]
                + judgedStatuses.map(\.rawValue) + [
                    "judged", "expected_met", "unlikely", "summary", "error"
                ])
        for plan in batch.plans {
            csv.row(
                [
                    plan.planID, plan.folder, plan.province, plan.group, "reviewed",
                    String(plan.asOf), plan.illustrative ? "true" : "false",
                    String(plan.verdicts.count)
                ] + judgedStatuses.map { String(plan.count($0)) }
                    + [
                        String(plan.sentence.judged), String(plan.sentence.expectedMet),
                        String(plan.sentence.unlikely), plan.sentence.text(language), ""
                    ])
        }
        for failure in batch.failures {
            csv.row(
                ["", failure.folder, "", "", "failed", "", "", ""] + judgedStatuses.map { _ in "" }
                    + ["", "", "", "", failure.message])
        }
        return csv.text
    }

    public static func groups(_ summary: BatchSummary) -> String {
        var csv = CSVText(header: [
            "indicator", "name", "plans", "green", "amber", "red_at_risk", "grey"
        ])
        for row in summary.byIndicator {
            let name = summary.indicators.first { $0.id == row.indicator }?.name ?? ""
            csv.row([
                row.indicator, name, String(row.plans), String(row.green), String(row.amber),
                String(row.red), String(row.grey)
            ])
        }
        return csv.text
    }

    public static func provinces(_ summary: BatchSummary) -> String {
        var csv = CSVText(header: [
            "province", "plans", "plans_at_risk", "indicator", "unit", "summed", "baseline_sum",
            "latest_year",
            "latest_sum", "plans_reporting", "note"
        ])
        for row in summary.byProvince {
            for value in row.values {
                let unit = summary.indicators.first { $0.id == value.indicator }?.unit ?? ""
                func num(_ v: Double?) -> String { v.map { Formatting.number($0) } ?? "" }
                csv.row([
                    row.province, String(row.plans), String(row.plansAtRisk), value.indicator, unit,
                    value.additive ? "true" : "false",
                    num(value.baselineSum), value.latestYear.map(String.init) ?? "",
                    num(value.latestSum),
                    value.additive ? String(value.plansReporting) : "",
                    value.additive
                        ? ""
                        : "not summed: a rate or a per-unit quantity does not add up across communes"
                ])
            }
        }
        return csv.text
    }
}
