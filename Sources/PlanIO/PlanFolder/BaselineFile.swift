import Foundation
import PlanModel

/// `baseline.csv`.
public enum BaselineFile {
    public static let columns = ["indicator", "year", "value", "unit", "source", "note"]

    public static func read(path: String, indicators: [Indicator], baselineYear: Int) throws
        -> [BaselineValue]
    {
        try parse(CSVTable.read(path: path), indicators: indicators, baselineYear: baselineYear)
    }

    public static func parse(_ table: CSVTable, indicators: [Indicator], baselineYear: Int) throws
        -> [BaselineValue]
    {
        try table.require(columns: ["indicator", "year", "value", "source"])
        try table.rejectUnknown(columns: columns)
        let byId = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [BaselineValue] = []
        var seen: [String: Int] = [:]
        for row in table.rowAccessors {
            let id = row["indicator"]
            guard let ind = byId[id] else {
                throw row.error(
                    "indicator",
                    found: id.isEmpty ? "an empty value" : "unknown indicator \"\(id)\"",
                    expected: "an id from indicators.csv")
            }
            if let first = seen[id] {
                throw row.error(
                    "indicator", found: "\"\(id)\" again (first on line \(first))",
                    expected: "one baseline value per indicator")
            }
            seen[id] = row.line
            // An empty value is a baseline still to be filled (the template import-plan
            // writes): the indicator has no baseline, as if the row were absent.
            if VietnameseNumber.trimmed(row["value"]).isEmpty { continue }
            if ind.measure == .qualitative {
                throw row.error(
                    "indicator", found: "qualitative indicator \"\(id)\"",
                    expected: "a quantitative indicator")
            }
            let year = try row.integer("year", in: 1990...2100)
            if year != baselineYear {
                throw row.error(
                    "year", found: "\(year)", expected: "the plan's baseline year \(baselineYear)")
            }
            let value = try row.number("value")
            if value < 0 {
                throw row.error("value", found: Formatting.number(value), expected: "a value ≥ 0")
            }
            if let b = ind.upperBound, value > b {
                throw row.error(
                    "value", found: Formatting.number(value),
                    expected: "at most \(Formatting.number(b)) (bound of \(id))")
            }
            let unit = row["unit"]
            if !unit.isEmpty && unit != ind.unit
                && Identifier.normalizeUnit(unit) != Identifier.normalizeUnit(ind.unit)
            {
                throw row.error(
                    "unit", found: "\"\(unit)\"",
                    expected: "the unit of indicator \(id), \"\(ind.unit)\"")
            }
            let source = try row.choice(
                "source", as: ValueSource.self, allowed: ValueSource.allCases)
            out.append(
                BaselineValue(
                    indicator: id, year: year, value: value, unit: ind.unit, source: source,
                    note: row["note"]))
        }
        return out
    }
}
