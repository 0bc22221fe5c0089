import Foundation
import PlanModel

/// `targets.csv`.
public enum TargetsFile {
    public static let columns = [
        "id", "indicator", "plan_item", "appendix_row", "name_vi", "name_en", "unit", "kind",
        "comparator", "value_low", "value_high", "start_year", "target_year", "direction",
        "responsible_unit", "source", "note", "appendix_name_vi", "appendix_unit", "appendix_value"
    ]
    static let required = [
        "id", "indicator", "name_vi", "unit", "kind", "comparator", "value_low", "value_high",
        "start_year", "target_year", "direction"
    ]

    public static func read(path: String, indicators: [Indicator]) throws -> [Target] {
        try parse(CSVTable.read(path: path), indicators: indicators)
    }

    public static func parse(_ table: CSVTable, indicators: [Indicator]) throws -> [Target] {
        try table.require(columns: required)
        try table.rejectUnknown(columns: columns)
        let byId = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Target] = []
        var seen: [String: Int] = [:]
        for row in table.rowAccessors {
            let id = try Identifier.checkUnique(row, "id", seen: &seen, what: "target")
            let indId = row["indicator"]
            guard let indicator = byId[indId] else {
                throw row.error(
                    "indicator",
                    found: indId.isEmpty ? "an empty value" : "unknown indicator \"\(indId)\"",
                    expected: "an id from indicators.csv")
            }
            let kind = try row.choice("kind", as: TargetKind.self, allowed: TargetKind.allCases)
            var low = try row.optionalNumber("value_low")
            var high = try row.optionalNumber("value_high")
            let compText = row["comparator"]
            var comparator: PlanModel.Comparator
            if compText.isEmpty {
                guard low == nil && high == nil else {
                    throw row.error(
                        "comparator", found: "an empty value",
                        expected:
                            "one of < <= > >= = range (≤ ≥ accepted) for a target with a value")
                }
                comparator = .equal
            } else {
                guard let c = PlanModel.Comparator(symbol: compText) else {
                    throw row.error(
                        "comparator", found: "\"\(compText)\"",
                        expected: "one of < <= > >= = range (≤ ≥ accepted)")
                }
                comparator = c
            }
            if kind == .qualitative && (low != nil || high != nil) {
                throw row.error(
                    "value_low", found: "a number for a qualitative target",
                    expected: "empty values (qualitative targets are Đạt / not Đạt)")
            }
            if kind != .qualitative && low == nil && high != nil {
                throw row.error(
                    "value_low", found: "an empty value", expected: "the low end of the range")
            }
            if let l = low, high == nil { high = l }
            if let l = low, let h = high {
                if comparator == .range {
                    if h < l {
                        throw row.error(
                            "value_high",
                            found:
                                "\(Formatting.number(h)) below value_low \(Formatting.number(l))",
                            expected: "a range written low to high")
                    }
                } else if h != l {
                    throw row.error(
                        "value_high", found: Formatting.number(h),
                        expected:
                            "empty or equal to value_low \(Formatting.number(l)) (use comparator range for a range)"
                    )
                }
            }
            // Units must agree with the target kind and the indicator.
            let unit = try row.text("unit")
            if kind == .growth {
                guard unit.contains("%") else {
                    throw row.error(
                        "unit", found: "\"\(unit)\" for a growth target",
                        expected: "%/năm (growth targets are in percent per year)")
                }
                if indicator.measure == .qualitative {
                    throw row.error(
                        "kind", found: "growth for qualitative indicator \"\(indId)\"",
                        expected: "qualitative")
                }
                if let l = low, l <= -100 || l > 1000 {
                    throw row.error(
                        "value_low", found: Formatting.number(l),
                        expected: "a growth rate above −100 and at most 1000 %/yr")
                }
                if let h = high, h <= -100 || h > 1000 {
                    throw row.error(
                        "value_high", found: Formatting.number(h),
                        expected: "a growth rate above −100 and at most 1000 %/yr")
                }
                low = low.map { $0 / 100 }; high = high.map { $0 / 100 }
            } else if kind != .qualitative {
                if unit != indicator.unit,
                    Identifier.normalizeUnit(unit) != Identifier.normalizeUnit(indicator.unit)
                {
                    throw row.error(
                        "unit", found: "\"\(unit)\"",
                        expected: "the unit of indicator \(indId), \"\(indicator.unit)\"")
                }
                if let b = indicator.upperBound, let h = high, h > b {
                    throw row.error(
                        "value_high", found: Formatting.number(h),
                        expected:
                            "at most \(Formatting.number(b)) \(indicator.unit) (the indicator's bound)"
                    )
                }
            }
            let start = try row.integer("start_year", in: 1990...2100)
            let year = try row.integer("target_year", in: 1990...2100)
            if year < start {
                throw row.error(
                    "target_year", found: "\(year), before start_year \(start)",
                    expected: "a year at or after start_year")
            }
            let direction = try row.choice(
                "direction", as: Direction.self, allowed: Direction.allCases)
            var t = Target(
                id: id, indicator: indId, planItem: row["plan_item"],
                appendixRow: row["appendix_row"],
                nameVi: try row.text("name_vi"), nameEn: row["name_en"], unit: unit, kind: kind,
                comparator: comparator, low: low, high: high, targetYear: year, startYear: start,
                direction: direction, responsibleUnit: row["responsible_unit"],
                source: row["source"],
                note: row["note"])
            t.appendixNameVi = row["appendix_name_vi"]; t.appendixUnit = row["appendix_unit"];
            t.appendixValue = row["appendix_value"]
            out.append(t)
        }
        if out.isEmpty {
            throw InputError.badData(
                location: SourceLocation(file: table.file, line: 2), found: "no targets",
                expected: "at least one row")
        }
        return out
    }

    /// The targets as a CSV in this same format (growth back in percent per year;
    /// `Formatting.number` rounds away the binary noise of ×100 at 12 significant digits).
    public static func csv(_ targets: [Target]) -> String {
        var w = CSVWriter(header: columns)
        for t in targets {
            let scale = t.kind == .growth ? 100.0 : 1.0
            let comp = (t.low == nil && t.kind == .qualitative) ? "" : t.comparator.rawValue
            w.row([
                t.id, t.indicator, t.planItem, t.appendixRow, t.nameVi, t.nameEn, t.unit,
                t.kind.rawValue, comp,
                t.low.map { Formatting.number($0 * scale) } ?? "",
                t.high.map { Formatting.number($0 * scale) } ?? "",
                String(t.startYear), String(t.targetYear), t.direction.rawValue, t.responsibleUnit,
                t.source, t.note,
                t.appendixNameVi, t.appendixUnit, t.appendixValue
            ])
        }
        return w.text
    }

}
