import Foundation
import PlanModel

/// Actuals: a long CSV `indicator,year,value[,estimate][,source][,note]`, UTF-8 with or
/// without BOM, `,` or `;` separated, decimal point or Vietnamese decimal comma.
/// `estimate` marks an estimate ("ước"): yes/no, true/false, 1/0, x, ước.
///
/// **How the numbers are read.** The `value` column has one decimal mark, decided by
/// ``NumberColumn``: the user's `decimalMark` (`review --decimal-point`) always wins; else
/// the file's own values decide (`17.5` or `15.25` prove a point, `12,5` a comma,
/// `1.234.567` a comma), and then `14.125` is 14.125 in a file with a point and 14125 in a
/// file with a comma, whatever the unit; a value written with the other mark is an error
/// naming its line (exit 65). Only a file with no evidence at all (integers and ambiguous
/// values such as `1.500`) falls back to the unit rule: a count reads `1.500` as 1500, a
/// percentage as 1.5, anything else is an error asking for `1500` or `1,5`.
public enum ActualsFile {
    public static let columns = ["indicator", "year", "value", "estimate", "source", "note"]

    /// `decimalMark`: the file's decimal mark when the user gives it; nil (the default)
    /// decides it from the file's values.
    public static func read(path: String, plan: Plan, decimalMark: DecimalMark? = nil) throws
        -> [Observation]
    {
        try parse(CSVTable.read(path: path), plan: plan, decimalMark: decimalMark)
    }

    public static func parse(_ table: CSVTable, plan: Plan, decimalMark: DecimalMark? = nil) throws
        -> [Observation]
    {
        try table.require(columns: ["indicator", "year", "value"])
        try table.rejectUnknown(columns: columns)
        let cells = table.rowAccessors.map {
            NumberColumn.Cell(
                text: $0["value"], line: $0.line, unit: plan.indicator($0["indicator"])?.unit)
        }
        let convention =
            try decimalMark.map { NumberColumn.Convention(mark: $0, evidence: nil) }
            ?? NumberColumn.convention(of: cells, file: table.file, field: "value")
        var out: [Observation] = []
        var seen: [String: Int] = [:]
        for row in table.rowAccessors {
            let id = row["indicator"]
            guard let ind = plan.indicator(id) else {
                throw row.error(
                    "indicator",
                    found: id.isEmpty ? "an empty value" : "unknown indicator \"\(id)\"",
                    expected: "an indicator id of plan \(plan.id)")
            }
            let year = try row.integer("year", in: 1990...2100)
            // An empty value is an actual still to be filled (the template import-plan writes).
            if VietnameseNumber.trimmed(row["value"]).isEmpty { continue }
            let key = "\(id)|\(year)"
            if let first = seen[key] {
                throw row.error(
                    "year", found: "\(id) \(year) again (first on line \(first))",
                    expected: "one value per indicator and year")
            }
            seen[key] = row.line
            let value = try NumberColumn.read(
                [cells[row.index]], file: table.file, field: "value",
                convention: convention)[0]
            if value < 0, ind.measure != .rate {
                throw row.error("value", found: Formatting.number(value), expected: "a value ≥ 0")
            }
            if let b = ind.upperBound, value > b {
                throw row.error(
                    "value", found: Formatting.number(value),
                    expected: "at most \(Formatting.number(b)) (bound of \(id))")
            }
            let est = row["estimate"].lowercased()
            let isEstimate: Bool
            switch est {
            case "", "no", "false", "0", "không": isEstimate = false
            case "yes", "true", "1", "x", "ước", "uoc", "estimate": isEstimate = true
            default:
                throw row.error(
                    "estimate", found: "\"\(row["estimate"])\"",
                    expected: "empty, yes/no, 1/0 or ước")
            }
            out.append(
                Observation(
                    indicator: id, year: year, value: value, isEstimate: isEstimate,
                    source: row["source"], note: row["note"]))
        }
        return out
    }
}
