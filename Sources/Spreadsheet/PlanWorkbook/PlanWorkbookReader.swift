import Foundation
import PlanIO
import PlanModel

/// Reads a plan workbook (the `template` command's layout) into a `Plan`, with the same
/// checks as a plan folder (the sheets go through `IndicatorsFile.parse`,
/// `TargetsFile.parse`, `BaselineFile.parse`) and errors naming file, sheet and cell.
///
/// ```swift
/// let plan = try PlanWorkbookReader.read(path: "plan.xlsx")
/// ```
public enum PlanWorkbookReader {
    /// True when `path` should be read as a plan workbook rather than a plan folder.
    public static func isWorkbook(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return false
        }
        return Workbook.looksLikeWorkbook(path: path)
    }

    public static func read(path: String, limits: WorkbookLimits = .standard) throws -> Plan {
        var book = try Workbook(path: path, limits: limits)
        func table(_ name: String, required: [String], known: [String]) throws -> SheetTable {
            try SheetTable(
                sheet: book.sheet(.named(name)), layout: .init(required: required, known: known))
        }
        let meta = try table(
            PlanWorkbookLayout.planSheet, required: ["key", "value"], known: ["key", "value"])
        let values = try metadata(meta)
        let indicatorsTable = try table(
            PlanWorkbookLayout.indicatorsSheet, required: ["id", "name_vi", "unit", "measure"],
            known: IndicatorsFile.columns)
        let indicators = try indicatorsTable.parse { try IndicatorsFile.parse($0) }
        let targetsTable = try table(
            PlanWorkbookLayout.targetsSheet, required: ["id", "indicator", "kind"],
            known: TargetsFile.columns)
        let targets = try targetsTable.parse { try TargetsFile.parse($0, indicators: indicators) }
        let baselineTable = try table(
            PlanWorkbookLayout.baselineSheet, required: ["indicator", "year", "value"],
            known: BaselineFile.columns)
        let baseline = try baselineTable.parse {
            try BaselineFile.parse($0, indicators: indicators, baselineYear: values.baselineYear)
        }
        return Plan(
            id: values.id, nameVi: values.nameVi, nameEn: values.nameEn,
            firstYear: values.firstYear, lastYear: values.lastYear,
            baselineYear: values.baselineYear, language: values.language, indicators: indicators,
            targets: targets, baseline: baseline)
    }

    struct Metadata {
        var id = "", nameVi = "", nameEn = "", language = "vi"
        var firstYear = 0, lastYear = 0, baselineYear = 0
    }

    /// The plan sheet: one `key`/`value` row per `plan.yaml` key, checked as that file is.
    static func metadata(_ sheet: SheetTable) throws -> Metadata {
        try sheet.parse { table in
            var found: [String: CSVTable.Row] = [:]
            for row in table.rowAccessors {
                let key = row["key"]
                guard PlanWorkbookLayout.planKeys.contains(key) else {
                    throw row.error(
                        "key", found: "\"\(key)\"",
                        expected: "one of \(PlanWorkbookLayout.planKeys.joined(separator: ", "))")
                }
                if found[key] != nil {
                    throw row.error("key", found: "\"\(key)\" twice", expected: "each key once")
                }
                found[key] = row
            }
            func text(_ key: String, required: Bool = true) throws -> String {
                guard let row = found[key] else {
                    if required {
                        throw InputError.badData(
                            location: SourceLocation(file: table.file, line: 1, field: "key"),
                            found: "no row \"\(key)\"",
                            expected:
                                "a row for each of \(PlanWorkbookLayout.planKeys.joined(separator: ", "))"
                        )
                    }
                    return ""
                }
                if required { return try row.text("value") }
                return row["value"]
            }
            func year(_ key: String) throws -> Int {
                _ = try text(key)
                return try found[key]!.integer("value", in: 1990...2100)
            }
            var m = Metadata()
            m.id = try text("id"); m.nameVi = try text("name_vi");
            m.nameEn = try text("name_en", required: false)
            m.firstYear = try year("first_year"); m.lastYear = try year("last_year");
            m.baselineYear = try year("baseline_year")
            if m.lastYear < m.firstYear {
                throw found["last_year"]!.error(
                    "value", found: "\(m.lastYear) before first_year \(m.firstYear)",
                    expected: "last_year ≥ first_year")
            }
            if m.baselineYear >= m.firstYear {
                throw found["baseline_year"]!.error(
                    "value", found: "\(m.baselineYear)",
                    expected: "a baseline year before first_year \(m.firstYear)")
            }
            let language = try text("language", required: false)
            m.language = language.isEmpty ? "vi" : language
            guard ["vi", "en"].contains(m.language) else {
                throw found["language"]!.error(
                    "value", found: "\"\(language)\"", expected: "vi or en")
            }
            return m
        }
    }
}
