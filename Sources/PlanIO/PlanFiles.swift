import Foundation
import PlanModel
import Yams

/// Reads a plan folder:
///
/// ```
/// plan.yaml        id, names, first_year, last_year, baseline_year, language
/// indicators.csv   id,name_vi,name_en,unit,measure,upper_bound,components
/// targets.csv      id,indicator,plan_item,appendix_row,name_vi,name_en,unit,kind,comparator,
///                  value_low,value_high,start_year,target_year,direction,responsible_unit,
///                  source,note[,appendix_name_vi,appendix_unit,appendix_value]
/// baseline.csv     indicator,year,value,unit,source,note
/// ```
/// Growth targets are written in percent per year in the file and held as fractions.
/// Every problem is an `InputError` naming file, line and field.
public enum PlanLoader {
    /// The id of the plan shipped inside the executable.
    public static let embeddedPlanID = "an-hung"

    /// Folder of the embedded An Hưng plan (a resource of this module).
    public static var embeddedPlanDirectory: String {
        Bundle.module.resourceURL!.appendingPathComponent("Plans").appendingPathComponent(embeddedPlanID).path
    }

    /// Loads the plan in `directory`, or the embedded An Hưng plan when nil.
    public static func load(directory: String?) throws -> Plan {
        let dir = directory ?? embeddedPlanDirectory
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) else {
            throw InputError.io(path: dir, reason: "no such plan folder")
        }
        guard isDir.boolValue else { throw InputError.io(path: dir, reason: "is a file; expected a plan folder") }
        func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
        let meta = try PlanMetadata.read(path: path("plan.yaml"))
        let indicators = try IndicatorsFile.read(path: path("indicators.csv"))
        let targets = try TargetsFile.read(path: path("targets.csv"), indicators: indicators)
        let baseline = try BaselineFile.read(path: path("baseline.csv"), indicators: indicators, baselineYear: meta.baselineYear)
        return Plan(id: meta.id, nameVi: meta.nameVi, nameEn: meta.nameEn, firstYear: meta.firstYear,
                    lastYear: meta.lastYear, baselineYear: meta.baselineYear, language: meta.language,
                    indicators: indicators, targets: targets, baseline: baseline)
    }

    /// The plan's actuals file: `actuals.csv` when the folder has one (import-plan writes it,
    /// issue 13), else the example it ships (`actuals-example.csv`), else nil.
    public static func exampleActualsPath(directory: String?) -> String? {
        for name in ["actuals.csv", "actuals-example.csv"] {
            let p = ((directory ?? embeddedPlanDirectory) as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        return nil
    }
}

struct PlanMetadata {
    var id: String, nameVi: String, nameEn: String
    var firstYear: Int, lastYear: Int, baselineYear: Int, language: String

    static let keys = ["id", "name_vi", "name_en", "first_year", "last_year", "baseline_year", "language"]

    static func read(path: String) throws -> PlanMetadata {
        let text = try FileInput.readText(path: path)
        let doc = try YAMLDocument.parse(text, file: path)
        let map = try doc.mapping(doc.root, what: "the plan description")
        try doc.rejectUnknownKeys(map, allowed: keys, context: "plan.yaml")
        let id = try doc.string(map, "id")
        let first = try doc.int(map, "first_year", in: 1990...2100)
        let last = try doc.int(map, "last_year", in: 1990...2100)
        let base = try doc.int(map, "baseline_year", in: 1990...2100)
        if last < first { throw doc.error(map["last_year"]!, found: "\(last) before first_year \(first)", expected: "last_year ≥ first_year") }
        if base >= first { throw doc.error(map["baseline_year"]!, found: "\(base)", expected: "a baseline year before first_year \(first)") }
        let lang = try doc.optionalString(map, "language") ?? "vi"
        guard ["vi", "en"].contains(lang) else { throw doc.error(map["language"]!, found: "\"\(lang)\"", expected: "vi or en") }
        return PlanMetadata(id: id, nameVi: try doc.string(map, "name_vi"), nameEn: try doc.optionalString(map, "name_en") ?? "",
                            firstYear: first, lastYear: last, baselineYear: base, language: lang)
    }
}

/// `indicators.csv`.
public enum IndicatorsFile {
    public static let columns = ["id", "name_vi", "name_en", "unit", "measure", "upper_bound", "components"]

    public static func read(path: String) throws -> [Indicator] {
        try parse(CSVTable.read(path: path))
    }

    public static func parse(_ table: CSVTable) throws -> [Indicator] {
        try table.require(columns: ["id", "name_vi", "unit", "measure"])
        try table.rejectUnknown(columns: columns)
        var out: [Indicator] = []
        var seen: [String: Int] = [:]
        for row in table.rowAccessors {
            let id = try Identifier.check(row, "id")
            if let first = seen[id] {
                throw row.error("id", found: "\"\(id)\" again (first on line \(first))", expected: "each indicator id once")
            }
            seen[id] = row.line
            let measure = try row.choice("measure", as: Measure.self, allowed: Measure.allCases)
            let bound = try row.optionalNumber("upper_bound")
            if let bound, bound <= 0 { throw row.error("upper_bound", found: "\(bound)", expected: "a positive bound (100 for a percentage)") }
            let comps = row["components"].split(separator: "+").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            out.append(Indicator(id: id, nameVi: try row.text("name_vi"), nameEn: row["name_en"], unit: try row.text("unit"),
                                 measure: measure, upperBound: bound ?? (measure == .rate ? 100 : nil), components: comps))
        }
        // Components must name other indicators, with no cycles.
        for (i, ind) in out.enumerated() {
            for c in ind.components where seen[c] == nil || c == ind.id {
                throw InputError.badData(location: SourceLocation(file: table.file, line: table.lines[i], field: "components"),
                                         found: c == ind.id ? "\"\(c)\" as a component of itself" : "unknown indicator \"\(c)\"",
                                         expected: "ids of other indicators in this file, joined by +")
            }
        }
        if out.isEmpty { throw InputError.badData(location: SourceLocation(file: table.file, line: 2), found: "no indicators", expected: "at least one row") }
        return out
    }
}

/// `targets.csv`.
public enum TargetsFile {
    public static let columns = ["id", "indicator", "plan_item", "appendix_row", "name_vi", "name_en", "unit", "kind",
                                 "comparator", "value_low", "value_high", "start_year", "target_year", "direction",
                                 "responsible_unit", "source", "note", "appendix_name_vi", "appendix_unit", "appendix_value"]
    static let required = ["id", "indicator", "name_vi", "unit", "kind", "comparator", "value_low", "value_high",
                           "start_year", "target_year", "direction"]

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
            let id = try Identifier.check(row, "id")
            if let first = seen[id] {
                throw row.error("id", found: "\"\(id)\" again (first on line \(first))", expected: "each target id once")
            }
            seen[id] = row.line
            let indId = row["indicator"]
            guard let indicator = byId[indId] else {
                throw row.error("indicator", found: indId.isEmpty ? "an empty value" : "unknown indicator \"\(indId)\"",
                                expected: "an id from indicators.csv")
            }
            let kind = try row.choice("kind", as: TargetKind.self, allowed: TargetKind.allCases)
            var low = try row.optionalNumber("value_low")
            var high = try row.optionalNumber("value_high")
            let compText = row["comparator"]
            var comparator: PlanModel.Comparator
            if compText.isEmpty {
                guard low == nil && high == nil else {
                    throw row.error("comparator", found: "an empty value", expected: "one of < <= > >= = range (≤ ≥ accepted) for a target with a value")
                }
                comparator = .equal
            } else {
                guard let c = PlanModel.Comparator(symbol: compText) else {
                    throw row.error("comparator", found: "\"\(compText)\"", expected: "one of < <= > >= = range (≤ ≥ accepted)")
                }
                comparator = c
            }
            if kind == .qualitative && (low != nil || high != nil) {
                throw row.error("value_low", found: "a number for a qualitative target", expected: "empty values (qualitative targets are Đạt / not Đạt)")
            }
            if kind != .qualitative && low == nil && high != nil {
                throw row.error("value_low", found: "an empty value", expected: "the low end of the range")
            }
            if let l = low, high == nil { high = l }
            if let l = low, let h = high {
                if comparator == .range {
                    if h < l { throw row.error("value_high", found: "\(Formatting.number(h)) below value_low \(Formatting.number(l))", expected: "a range written low to high") }
                } else if h != l {
                    throw row.error("value_high", found: Formatting.number(h), expected: "empty or equal to value_low \(Formatting.number(l)) (use comparator range for a range)")
                }
            }
            // Units must agree with the target kind and the indicator.
            let unit = try row.text("unit")
            if kind == .growth {
                guard unit.contains("%") else {
                    throw row.error("unit", found: "\"\(unit)\" for a growth target", expected: "%/năm (growth targets are in percent per year)")
                }
                if indicator.measure == .qualitative {
                    throw row.error("kind", found: "growth for qualitative indicator \"\(indId)\"", expected: "qualitative")
                }
                if let l = low, l <= -100 || l > 1000 { throw row.error("value_low", found: Formatting.number(l), expected: "a growth rate above −100 and at most 1000 %/yr") }
                if let h = high, h <= -100 || h > 1000 { throw row.error("value_high", found: Formatting.number(h), expected: "a growth rate above −100 and at most 1000 %/yr") }
                low = low.map { $0 / 100 }; high = high.map { $0 / 100 }
            } else if kind != .qualitative {
                if Identifier.normalizeUnit(unit) != Identifier.normalizeUnit(indicator.unit) {
                    throw row.error("unit", found: "\"\(unit)\"", expected: "the unit of indicator \(indId), \"\(indicator.unit)\"")
                }
                if let b = indicator.upperBound, let h = high, h > b {
                    throw row.error("value_high", found: Formatting.number(h), expected: "at most \(Formatting.number(b)) \(indicator.unit) (the indicator's bound)")
                }
            }
            let start = try row.integer("start_year", in: 1990...2100)
            let year = try row.integer("target_year", in: 1990...2100)
            if year < start { throw row.error("target_year", found: "\(year), before start_year \(start)", expected: "a year at or after start_year") }
            let direction = try row.choice("direction", as: Direction.self, allowed: Direction.allCases)
            var t = Target(id: id, indicator: indId, planItem: row["plan_item"], appendixRow: row["appendix_row"],
                           nameVi: try row.text("name_vi"), nameEn: row["name_en"], unit: unit, kind: kind,
                           comparator: comparator, low: low, high: high, targetYear: year, startYear: start,
                           direction: direction, responsibleUnit: row["responsible_unit"], source: row["source"],
                           note: row["note"])
            t.appendixNameVi = row["appendix_name_vi"]; t.appendixUnit = row["appendix_unit"]; t.appendixValue = row["appendix_value"]
            out.append(t)
        }
        if out.isEmpty { throw InputError.badData(location: SourceLocation(file: table.file, line: 2), found: "no targets", expected: "at least one row") }
        return out
    }

    /// The targets as a CSV in this same format (growth back in percent per year;
    /// `Formatting.number` rounds away the binary noise of ×100 at 12 significant digits).
    public static func csv(_ targets: [Target]) -> String {
        var w = CSVText(header: columns)
        for t in targets {
            let scale = t.kind == .growth ? 100.0 : 1.0
            let comp = (t.low == nil && t.kind == .qualitative) ? "" : t.comparator.rawValue
            w.row([t.id, t.indicator, t.planItem, t.appendixRow, t.nameVi, t.nameEn, t.unit, t.kind.rawValue, comp,
                   t.low.map { Formatting.number($0 * scale) } ?? "",
                   t.high.map { Formatting.number($0 * scale) } ?? "",
                   String(t.startYear), String(t.targetYear), t.direction.rawValue, t.responsibleUnit, t.source, t.note,
                   t.appendixNameVi, t.appendixUnit, t.appendixValue])
        }
        return w.text
    }

}

/// `baseline.csv`.
public enum BaselineFile {
    public static let columns = ["indicator", "year", "value", "unit", "source", "note"]

    public static func read(path: String, indicators: [Indicator], baselineYear: Int) throws -> [BaselineValue] {
        try parse(CSVTable.read(path: path), indicators: indicators, baselineYear: baselineYear)
    }

    public static func parse(_ table: CSVTable, indicators: [Indicator], baselineYear: Int) throws -> [BaselineValue] {
        try table.require(columns: ["indicator", "year", "value", "source"])
        try table.rejectUnknown(columns: columns)
        let byId = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [BaselineValue] = []
        var seen: [String: Int] = [:]
        for row in table.rowAccessors {
            let id = row["indicator"]
            guard let ind = byId[id] else {
                throw row.error("indicator", found: id.isEmpty ? "an empty value" : "unknown indicator \"\(id)\"", expected: "an id from indicators.csv")
            }
            if let first = seen[id] { throw row.error("indicator", found: "\"\(id)\" again (first on line \(first))", expected: "one baseline value per indicator") }
            seen[id] = row.line
            // Issue 13: an empty value is a baseline still to be filled (import-plan writes such a
            // template): the indicator has no baseline, as if the row were absent.
            if VietnameseNumber.trimmed(row["value"]).isEmpty { continue }
            if ind.measure == .qualitative { throw row.error("indicator", found: "qualitative indicator \"\(id)\"", expected: "a quantitative indicator") }
            let year = try row.integer("year", in: 1990...2100)
            if year != baselineYear { throw row.error("year", found: "\(year)", expected: "the plan's baseline year \(baselineYear)") }
            let value = try row.number("value")
            if value < 0 { throw row.error("value", found: Formatting.number(value), expected: "a value ≥ 0") }
            if let b = ind.upperBound, value > b { throw row.error("value", found: Formatting.number(value), expected: "at most \(Formatting.number(b)) (bound of \(id))") }
            let unit = row["unit"]
            if !unit.isEmpty && Identifier.normalizeUnit(unit) != Identifier.normalizeUnit(ind.unit) {
                throw row.error("unit", found: "\"\(unit)\"", expected: "the unit of indicator \(id), \"\(ind.unit)\"")
            }
            let source = try row.choice("source", as: ValueSource.self, allowed: ValueSource.allCases)
            out.append(BaselineValue(indicator: id, year: year, value: value, unit: ind.unit, source: source, note: row["note"]))
        }
        return out
    }
}

/// Actuals: a long CSV `indicator,year,value[,estimate][,source][,note]`, UTF-8 with or
/// without BOM, `,` or `;` separated, decimal point or Vietnamese decimal comma.
/// `estimate` marks an estimate ("ước"): yes/no, true/false, 1/0, x, ước.
public enum ActualsFile {
    public static let columns = ["indicator", "year", "value", "estimate", "source", "note"]

    /// `dot`: what a lone `.` before three digits means when the indicator's unit does not
    /// decide (`1.500` tỷ đồng): by default an error asking the user to write `1500` or
    /// `1,5`; `.decimalPoint` for files written by programs (pandas, R).
    public static func read(path: String, plan: Plan, dot: VietnameseNumber.DotRule = .askWhenAmbiguous) throws -> [Observation] {
        try parse(CSVTable.read(path: path), plan: plan, dot: dot)
    }

    public static func parse(_ table: CSVTable, plan: Plan, dot: VietnameseNumber.DotRule = .askWhenAmbiguous) throws -> [Observation] {
        try table.require(columns: ["indicator", "year", "value"])
        try table.rejectUnknown(columns: columns)
        var out: [Observation] = []
        var seen: [String: Int] = [:]
        for row in table.rowAccessors {
            let id = row["indicator"]
            guard let ind = plan.indicator(id) else {
                throw row.error("indicator", found: id.isEmpty ? "an empty value" : "unknown indicator \"\(id)\"", expected: "an indicator id of plan \(plan.id)")
            }
            let year = try row.integer("year", in: 1990...2100)
            // Issue 13: an empty value is an actual still to be filled (import-plan's template).
            if VietnameseNumber.trimmed(row["value"]).isEmpty { continue }
            let key = "\(id)|\(year)"
            if let first = seen[key] { throw row.error("year", found: "\(id) \(year) again (first on line \(first))", expected: "one value per indicator and year") }
            seen[key] = row.line
            let value = try row.number("value", unit: ind.unit, dot: dot)
            if value < 0, ind.measure != .rate { throw row.error("value", found: Formatting.number(value), expected: "a value ≥ 0") }
            if let b = ind.upperBound, value > b { throw row.error("value", found: Formatting.number(value), expected: "at most \(Formatting.number(b)) (bound of \(id))") }
            let est = row["estimate"].lowercased()
            let isEstimate: Bool
            switch est {
            case "", "no", "false", "0", "không": isEstimate = false
            case "yes", "true", "1", "x", "ước", "uoc", "estimate": isEstimate = true
            default: throw row.error("estimate", found: "\"\(row["estimate"])\"", expected: "empty, yes/no, 1/0 or ước")
            }
            out.append(Observation(indicator: id, year: year, value: value, isEstimate: isEstimate, source: row["source"], note: row["note"]))
        }
        return out
    }
}

enum Identifier {
    /// Ids: letters, digits, `_`, `-`, `.`; no spaces.
    static func check(_ row: CSVTable.Row, _ field: String) throws -> String {
        let id = row[field]
        if id.isEmpty { throw row.error(field, found: "an empty value", expected: "an id") }
        let ok = id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0) }
        if !ok { throw row.error(field, found: "\"\(id)\"", expected: "an id of letters, digits, _ - . (no spaces)") }
        return id
    }

    /// Units compare ignoring spaces and case: "Triệu đồng/ người/ năm" = "triệu đồng/người/năm".
    static func normalizeUnit(_ u: String) -> String {
        u.precomposedStringWithCanonicalMapping.lowercased().filter { !$0.isWhitespace }
    }
}

/// Minimal RFC 4180 CSV text building: quotes a field when it holds the delimiter, a quote
/// or a line break. (Writing CSV is three lines of logic; the reading side, where the edge
/// cases are, uses yaslab/CSV.swift.)
public struct CSVText {
    public private(set) var text: String
    public let delimiter: Character

    public init(header: [String], delimiter: Character = ",") {
        self.delimiter = delimiter
        text = ""
        row(header)
    }

    public mutating func row(_ fields: [String]) {
        text += fields.map { CSVText.quote($0, delimiter: delimiter) }.joined(separator: String(delimiter))
        text += "\n"
    }

    public static func quote(_ field: String, delimiter: Character = ",") -> String {
        // Byte scan: the delimiters used (`,` `;` tab) are ASCII; Foundation's
        // `contains(String)` was a third of import-plan's time.
        let d = delimiter.asciiValue ?? 0x2C
        if field.utf8.contains(where: { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}
