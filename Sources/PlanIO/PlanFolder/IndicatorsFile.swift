import Foundation
import PlanModel

/// `indicators.csv`.
public enum IndicatorsFile {
    public static let columns = [
        "id", "name_vi", "name_en", "unit", "measure", "upper_bound", "components"
    ]

    public static func read(path: String) throws -> [Indicator] {
        try parse(CSVTable.read(path: path))
    }

    public static func parse(_ table: CSVTable) throws -> [Indicator] {
        try table.require(columns: ["id", "name_vi", "unit", "measure"])
        try table.rejectUnknown(columns: columns)
        var out: [Indicator] = []
        var seen: [String: Int] = [:]
        for row in table.rowAccessors {
            let id = try Identifier.checkUnique(row, "id", seen: &seen, what: "indicator")
            let measure = try row.choice("measure", as: Measure.self, allowed: Measure.allCases)
            let bound = try row.optionalNumber("upper_bound")
            if let bound, bound <= 0 {
                throw row.error(
                    "upper_bound", found: "\(bound)",
                    expected: "a positive bound (100 for a percentage)")
            }
            let comps = row["components"].split(separator: "+").map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            out.append(
                Indicator(
                    id: id, nameVi: try row.text("name_vi"), nameEn: row["name_en"],
                    unit: try row.text("unit"),
                    measure: measure, upperBound: bound ?? (measure == .rate ? 100 : nil),
                    components: comps))
        }
        // Components must name other indicators, with no cycles.
        for (i, ind) in out.enumerated() {
            for c in ind.components where seen[c] == nil || c == ind.id {
                throw InputError.badData(
                    location: SourceLocation(
                        file: table.file, line: table.lines[i], field: "components"),
                    found: c == ind.id
                        ? "\"\(c)\" as a component of itself" : "unknown indicator \"\(c)\"",
                    expected: "ids of other indicators in this file, joined by +")
            }
        }
        if out.isEmpty {
            throw InputError.badData(
                location: SourceLocation(file: table.file, line: 2), found: "no indicators",
                expected: "at least one row")
        }
        return out
    }
}
