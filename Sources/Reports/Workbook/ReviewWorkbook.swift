import Foundation
import Forecasting
import PlanIO
import PlanModel
import Spreadsheet

/// `review --format xlsx`: the mid-term review as a workbook, one sheet per view.
///
/// ```swift
/// try ReviewWorkbook.write(review, language: .vi, to: "review.xlsx")
/// ```
///
/// Sheets: `assessments` (the CSV report's columns, numbers as numbers, the status cells
/// filled with the report's traffic-light colours), `targets` (the plan's targets as
/// `targets.csv` holds them), `notes` (the explanation of every status), `method` (rule,
/// cut-offs, levels, sources), and `series` (per indicator and year: baseline, actual,
/// trend, target path and bands), and `charts` (`Biểu đồ`: a native line chart per
/// indicator drawn from the `series` cells). Every sheet but
/// `targets` (the plan's own wording and figures) shows results from the baseline and
/// actuals, so each carries the ILLUSTRATIVE banner when the review uses such data.
///
/// Invariants: every number in `assessments` equals the same cell of
/// `review --format csv` read as a `Double` (the sheet is built from that text); every
/// sheet that shows illustrative data carries the ILLUSTRATIVE banner above its header.
public enum ReviewWorkbook {
    public static func sheets(_ review: Review, language: ReportLanguage? = nil) throws
        -> [OutputSheet]
    {
        let lang = language ?? ReportLanguage.default(for: review.plan)
        let text = ReviewText(review: review, language: lang)
        let banner = review.usesIllustrative ? OutputSheet.illustrativeNote : nil
        let csv = ReviewCSVWriter(review: review, language: lang, style: .plain).render()
        var assessments = try OutputSheet(
            csv: csv, name: lang == .vi ? "Đánh giá" : "assessments",
            textColumns: ["target", "indicator", "years_missed"], banner: banner)
        if let light = assessments.header.firstIndex(of: "light") {
            let statusColumns = ["status", "status_label", "light"].compactMap {
                assessments.header.firstIndex(of: $0)
            }
            for i in assessments.rows.indices {
                guard case .text(let colour) = assessments.rows[i][light].value,
                    let fill = TrafficLight.style(colour)
                else { continue }
                for j in statusColumns { assessments.rows[i][j].style = fill }
            }
        }
        if let explanation = assessments.header.firstIndex(of: "explanation") {
            assessments.columnWidths[explanation] = 80
        }
        if let name = assessments.header.firstIndex(of: lang == .vi ? "name_vi" : "name_en") {
            assessments.columnWidths[name] = 45
        }
        // What a reader looks for first: which target, and its status.
        assessments.moveToFront([
            "target", lang == .vi ? "name_vi" : "name_en", "status_label", "progress_ratio_pct",
            "latest_year", "latest",
            "projected", "gap", "probability_pct"
        ])

        let targets = try OutputSheet(
            csv: TargetsFile.csv(review.plan.targets), name: lang == .vi ? "Chỉ tiêu" : "targets",
            textColumns: ["id", "indicator", "appendix_row", "plan_item", "appendix_value"])

        var notes = OutputSheet(
            name: lang == .vi ? "Ghi chú" : "notes",
            header: [
                text.t("chỉ tiêu", "target"), text.t("tên", "name"), text.t("tình trạng", "status"),
                text.t("giải thích", "explanation")
            ])
        notes.banner = banner
        notes.printHeader = banner == nil ? nil : "ILLUSTRATIVE"
        for a in review.assessments {
            let explanation = ([a.explanation] + text.facts(a).map { "\($0.0): \($0.1)" }).joined(
                separator: "\n")
            notes.append([
                .text(a.target.id), .text(text.name(a), style: CellStyle(wrap: true)),
                .text(
                    text.statusLabel(a.status), style: TrafficLight.style(a.status.light) ?? .plain),
                .text(explanation, style: CellStyle(wrap: true))
            ])
        }
        notes.columnWidths = [1: 50, 3: 90]

        var method = OutputSheet(
            name: lang == .vi ? "Phương pháp" : "method",
            header: [text.t("mục", "item"), text.t("nội dung", "text")])
        method.banner = banner
        let lines: [(String, String)] =
            [
                (text.t("kế hoạch", "plan"), text.planName),
                (text.t("số liệu đến năm", "as of"), String(review.asOf)),
                (text.t("số liệu", "period"), text.asOfLine),
                (text.t("quy tắc", "rule"), text.ruleLine),
                (
                    text.t("chỉ tiêu mức, duy trì", "level and maintained targets"),
                    text.ruleExtraLine
                ),
                (text.t("khoảng dự báo", "intervals"), text.intervalLine),
                (text.t("nguồn", "source"), text.sourceLine ?? "")
            ]
            + (review.usesIllustrative
                ? [(text.t("minh họa", "illustrative"), text.illustrativeNote)] : [])
        for (key, value) in lines {
            method.append([
                .text(key, style: CellStyle(bold: true)), .text(value, style: CellStyle(wrap: true))
            ])
        }
        method.columnWidths = [1: 110]

        let data = series(review, language: lang, banner: banner)
        return [
            assessments, targets, notes, method, data.sheet,
            charts(review, text: text, data: data, banner: banner)
        ]
    }

    /// The chart data: one row per indicator and year, and the sheet rows of each
    /// indicator (for the charts).
    static func series(_ review: Review, language: ReportLanguage, banner: String?) -> (
        sheet: OutputSheet, rows: [ClosedRange<Int>]
    ) {
        let levels = (review.levels.isEmpty ? [0.8, 0.95] : review.levels).sorted()
        var header = [
            "indicator", "unit", "year", "baseline", "actual", "estimate", "trend", "target_path"
        ]
        for l in levels {
            header += [
                "trend_low_\(ReviewCSVWriter.levelTag(l))",
                "trend_high_\(ReviewCSVWriter.levelTag(l))"
            ]
        }
        var sheet = OutputSheet(name: language == .vi ? "Chuỗi số liệu" : "series", header: header)
        sheet.banner = banner
        let value = CellStyle.Format.twoDecimals
        var ranges: [ClosedRange<Int>] = []
        for chart in review.charts {
            var years = Set(chart.actuals.map(\.year)).union(chart.trend.map(\.year)).union(
                chart.targetPath.map(\.year))
            if chart.baseline != nil { years.insert(chart.baselineYear) }
            let first = sheet.headerRow + sheet.rows.count + 1
            for year in years.sorted() {
                let actual = chart.actuals.first { $0.year == year }
                let trend = chart.trend.first { $0.year == year }
                let path = chart.targetPath.first { $0.year == year }
                // The actual line starts from the baseline, as in the HTML report's charts.
                let shown = actual?.value ?? (year == chart.baselineYear ? chart.baseline : nil)
                var row: [OutputCell] = [
                    .text(chart.indicator.id), .text(chart.indicator.unit),
                    .number(Double(year), format: CellStyle.Format.year),
                    .number(year == chart.baselineYear ? chart.baseline : nil, format: value),
                    .number(shown, format: value),
                    actual.map { .text($0.isEstimate ? "true" : "false") } ?? .empty,
                    .number(trend?.value, format: value), .number(path?.value, format: value)
                ]
                for l in levels {
                    let band = trend?.bands.first { abs($0.level - l) < 1e-9 }
                    row += [
                        .number(band?.lower, format: value), .number(band?.upper, format: value)
                    ]
                }
                sheet.append(row)
            }
            ranges.append(first...max(first, sheet.headerRow + sheet.rows.count))
        }
        return (sheet, ranges)
    }

    /// One native line chart per indicator (actual, trend, target path), drawn from the
    /// `series` sheet's cells, stacked on a sheet of their own.
    static func charts(
        _ review: Review, text: ReviewText, data: (sheet: OutputSheet, rows: [ClosedRange<Int>]),
        banner: String?
    ) -> OutputSheet {
        var sheet = OutputSheet(name: text.t("Biểu đồ", "charts"), header: [])
        sheet.banner = banner
        sheet.landscape = true
        for (i, chart) in review.charts.enumerated() where i < data.rows.count {
            let name =
                text.vi || chart.indicator.nameEn.isEmpty
                ? chart.indicator.nameVi : chart.indicator.nameEn
            var line = LineChart(
                title: "\(name) (\(chart.indicator.unit))", sheet: data.sheet.name,
                categoryColumn: 3, rows: data.rows[i])
            line.series = [
                .init(
                    name: text.t("thực hiện", "actual"), column: 5, colour: "1B1B1B", marker: true),
                .init(name: text.t("xu hướng", "trend"), column: 7, colour: "1F5FA8"),
                .init(
                    name: text.t("lộ trình mục tiêu", "target path"), column: 8, colour: "C0392B",
                    dashed: true)
            ]
            line.anchorRow = (banner == nil ? 0 : 1) + i * 20
            line.widthColumns = 11
            sheet.charts.append(line)
        }
        return sheet
    }

    /// Writes the workbook atomically.
    public static func write(_ review: Review, language: ReportLanguage? = nil, to path: String)
        throws
    {
        try WorkbookWriter.write(sheets(review, language: language), to: path)
    }
}
