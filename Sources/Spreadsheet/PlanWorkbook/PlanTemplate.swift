import Foundation
import PlanIO
import PlanModel

/// `planforecast template`: a plan workbook to fill in — sheets plan, indicators,
/// targets, baseline and actuals with the plan folder's columns, drop-down lists for
/// measure, kind, comparator, direction, language and baseline source, and on every
/// header cell a prompt explaining the column in Vietnamese and English (also listed on
/// a `notes` sheet). Filled from a plan when given.
///
/// Invariant: `PlanWorkbookReader.read` of a template written from a plan gives back the
/// same plan (tested on the embedded plans).
public enum PlanTemplate {
    /// Rows the drop-down lists cover below the header.
    static let listRows = 2_000

    public static func sheets(plan: Plan?, actuals: [Observation] = []) throws -> [OutputSheet] {
        var sheets: [OutputSheet] = []
        var meta = OutputSheet(name: PlanWorkbookLayout.planSheet, header: ["key", "value"])
        let values: [String: String] =
            plan.map {
                [
                    "id": $0.id, "name_vi": $0.nameVi, "name_en": $0.nameEn,
                    "first_year": String($0.firstYear),
                    "last_year": String($0.lastYear), "baseline_year": String($0.baselineYear),
                    "language": $0.language
                ]
            } ?? ["language": "vi"]
        for key in PlanWorkbookLayout.planKeys {
            let value = values[key] ?? ""
            let cell: OutputCell =
                key.hasSuffix("_year") && !value.isEmpty
                ? .number(Double(value), format: CellStyle.Format.year)
                : (value.isEmpty ? .empty : .text(value))
            meta.append([.text(key, style: CellStyle(bold: true)), cell])
            if let note = PlanWorkbookLayout.notes[key] {
                let row = meta.rows.count + meta.headerRow
                meta.validations.append(
                    DataValidationList(
                        range: "B\(row)", values: PlanWorkbookLayout.lists[key] ?? [],
                        promptTitle: key, prompt: "\(note.vi)\n\(note.en)"))
            }
        }
        meta.columnWidths = [1: 70]
        sheets.append(meta)

        let indicatorsCSV =
            plan.map { IndicatorsCSV.text($0.indicators) }
            ?? CSVText(header: IndicatorsFile.columns).text
        sheets.append(
            try described(
                OutputSheet(
                    csv: indicatorsCSV, name: PlanWorkbookLayout.indicatorsSheet,
                    textColumns: ["id", "components"])))
        let targetsCSV =
            plan.map { TargetsFile.csv($0.targets) } ?? CSVText(header: TargetsFile.columns).text
        sheets.append(
            try described(
                OutputSheet(
                    csv: targetsCSV, name: PlanWorkbookLayout.targetsSheet,
                    textColumns: ["id", "indicator", "plan_item", "appendix_row", "appendix_value"])
            ))
        var baseline = CSVText(header: BaselineFile.columns)
        for b in plan?.baseline ?? [] {
            baseline.row([
                b.indicator, String(b.year), Formatting.number(b.value), b.unit, b.source.rawValue,
                b.note
            ])
        }
        var baselineSheet = try described(
            OutputSheet(
                csv: baseline.text, name: PlanWorkbookLayout.baselineSheet,
                textColumns: ["indicator"]))
        baselineSheet.validations.append(
            DataValidationList(
                range: range(column: 5, in: baselineSheet),
                values: PlanWorkbookLayout.baselineSources))
        sheets.append(baselineSheet)
        var actualsCSV = CSVText(header: ActualsFile.columns)
        for o in actuals {
            actualsCSV.row([
                o.indicator, String(o.year), Formatting.number(o.value), o.isEstimate ? "ước" : "",
                o.source, o.note
            ])
        }
        sheets.append(
            try described(
                OutputSheet(
                    csv: actualsCSV.text, name: PlanWorkbookLayout.actualsSheet,
                    textColumns: ["indicator"])))

        var guide = OutputSheet(name: "notes", header: ["sheet", "column", "tiếng Việt", "English"])
        for sheet in sheets {
            for column in sheet.header {
                guard let note = PlanWorkbookLayout.notes[column] else { continue }
                guide.append([
                    .text(sheet.name), .text(column), .text(note.vi, style: CellStyle(wrap: true)),
                    .text(note.en, style: CellStyle(wrap: true))
                ])
            }
        }
        guide.columnWidths = [2: 60, 3: 60]
        sheets.append(guide)
        return sheets
    }

    /// Adds the header prompts and drop-down lists of a table sheet.
    static func described(_ input: OutputSheet) -> OutputSheet {
        var sheet = input
        for (j, column) in sheet.header.enumerated() {
            let letter = CellReference.letters(column: j + 1)
            if let note = PlanWorkbookLayout.notes[column] {
                sheet.validations.append(
                    DataValidationList(
                        range: "\(letter)\(sheet.headerRow)", promptTitle: column,
                        prompt: "\(note.vi)\n\(note.en)"))
            }
            if let list = PlanWorkbookLayout.lists[column] {
                sheet.validations.append(
                    DataValidationList(range: range(column: j + 1, in: sheet), values: list))
            }
        }
        return sheet
    }

    static func range(column: Int, in sheet: OutputSheet) -> String {
        let letter = CellReference.letters(column: column)
        return
            "\(letter)\(sheet.headerRow + 1):\(letter)\(sheet.headerRow + max(listRows, sheet.rows.count))"
    }

    public static func write(plan: Plan?, actuals: [Observation] = [], to path: String) throws {
        try WorkbookWriter.write(sheets(plan: plan, actuals: actuals), to: path)
    }
}

/// `indicators.csv` text of a plan's indicators (the folder format's columns).
enum IndicatorsCSV {
    static func text(_ indicators: [Indicator]) -> String {
        var csv = CSVText(header: IndicatorsFile.columns)
        for i in indicators {
            let bound =
                i.upperBound.map { i.measure == .rate && $0 == 100 ? "" : Formatting.number($0) }
                ?? ""
            csv.row([
                i.id, i.nameVi, i.nameEn, i.unit, i.measure.rawValue, bound,
                i.components.joined(separator: "+")
            ])
        }
        return csv.text
    }
}
