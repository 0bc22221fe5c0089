/// What a plan promises about an indicator.
///
/// Units and conventions: every rate or growth figure is a **fraction** inside the code
/// (0.125 = 12.5 %/yr); files and printed output use percent. Years are calendar years;
/// "growth from 2025 to 2030" is compounded over `2030 - 2025 = 5` years.

/// Whether a higher or a lower value of an indicator is better for the plan.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case higher
    case lower
}

/// How a target value is compared with an outcome.
public enum Comparator: String, Sendable, Hashable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "="
    /// Between `low` and `high`, both inclusive.
    case range = "range"

    /// Parses ASCII (`<=`) and Unicode (`≤`) spellings, and `range`/`-`.
    public init?(symbol: String) {
        switch symbol.trimmingCharacters(in: .whitespaces) {
        case "<": self = .less
        case "<=", "≤", "=<": self = .lessOrEqual
        case ">": self = .greater
        case ">=", "≥", "=>": self = .greaterOrEqual
        case "=", "==": self = .equal
        case "range", "-", "–", "..": self = .range
        default: return nil
        }
    }
}

/// The four kinds of target found in Vietnamese local plans.
public enum TargetKind: String, Sendable, Hashable, CaseIterable {
    /// Average annual growth (compound) over the period, e.g. "tăng bình quân 12-14 %/năm".
    case growth
    /// A level reached by the target year, e.g. "đến năm 2030 đạt 120 triệu đồng".
    case level
    /// A level that must hold in every year of the period, e.g. "hằng năm ... đạt 100 %".
    case maintained
    /// A pass/fail statement ("Đạt"), reported as entered.
    case qualitative
}

/// One target of a plan. A target points at an indicator; several targets may share one
/// (income per head has a growth target and a 2030 level target).
public struct Target: Sendable, Hashable, Identifiable {
    /// Stable id used in files and on the command line, e.g. `T06b`.
    public var id: String
    /// The indicator the target is about (an id in the plan's indicator table).
    public var indicator: String
    /// Item number in section II.1 of the plan, e.g. "(6)"; empty when only in an appendix.
    public var planItem: String
    /// Row reference in the appendix table, e.g. "PL I.6"; empty when not in the appendix.
    public var appendixRow: String
    /// Vietnamese wording exactly as written in the document.
    public var nameVi: String
    public var nameEn: String
    /// Unit as written in the target table (for growth targets "%/năm").
    public var unit: String
    public var kind: TargetKind
    public var comparator: Comparator
    /// The value (or lower end of a range), in the unit of the target. For growth targets a
    /// **fraction** per year (0.12 = 12 %/yr); for percentage levels the percent number
    /// itself (97 = 97 %), because that is the indicator's own unit.
    public var low: Double?
    /// Upper end of a range; equal to `low` for single values.
    public var high: Double?
    /// The year by which a level must be reached, or the last year of a growth period.
    public var targetYear: Int
    /// First year the target applies in (maintained targets: every year from this one).
    public var startYear: Int
    public var direction: Direction
    public var responsibleUnit: String
    /// Where the target appears in the document, e.g. "II.1 (6); Phụ lục I, dòng 6".
    public var source: String
    /// What the document says when it is inconsistent or blank, and how it was read.
    public var note: String
    /// The appendix row exactly as written: its text, unit and value columns.
    public var appendixNameVi: String = ""
    public var appendixUnit: String = ""
    public var appendixValue: String = ""

    public init(
        id: String, indicator: String, planItem: String = "", appendixRow: String = "",
        nameVi: String, nameEn: String, unit: String, kind: TargetKind,
        comparator: Comparator, low: Double?, high: Double?, targetYear: Int,
        startYear: Int, direction: Direction, responsibleUnit: String = "",
        source: String = "", note: String = ""
    ) {
        self.id = id; self.indicator = indicator; self.planItem = planItem
        self.appendixRow = appendixRow; self.nameVi = nameVi; self.nameEn = nameEn
        self.unit = unit; self.kind = kind; self.comparator = comparator; self.low = low
        self.high = high; self.targetYear = targetYear; self.startYear = startYear
        self.direction = direction; self.responsibleUnit = responsibleUnit
        self.source = source; self.note = note
    }

    /// True when the target has a number to compare against (growth, level, maintained).
    public var isQuantitative: Bool { kind != .qualitative && low != nil }

    /// The single value a projection must reach to meet the target: for a range the end
    /// that matters in the target's direction (the low end when higher is better), for a
    /// strict comparator the bound itself (meeting it exactly counts as "reached" for
    /// planning purposes; `isMet` keeps the strict comparison).
    public var threshold: Double? {
        guard let low else { return nil }
        switch comparator {
        case .range: return direction == .higher ? low : (high ?? low)
        default: return low
        }
    }

    /// Whether `value` satisfies the target's comparator. For a range, "met" means on the
    /// right side of the end that matters (reaching 15 % when 12-14 % was asked is met, and
    /// `exceedsRange` says so separately).
    public func isMet(_ value: Double, tolerance: Double = 1e-9) -> Bool {
        guard let low else { return false }
        let high = self.high ?? low
        switch comparator {
        case .less: return value < low
        case .lessOrEqual: return value <= low + tolerance
        case .greater: return value > low
        case .greaterOrEqual: return value >= low - tolerance
        case .equal:
            // "= 100 %" for a rate that should be high means "at least 100 %".
            return direction == .higher ? value >= low - tolerance : value <= low + tolerance
        case .range:
            return direction == .higher ? value >= low - tolerance : value <= high + tolerance
        }
    }

    /// For a range target, whether `value` lies beyond the far end (above `high` when
    /// higher is better). Not a failure; reported so a planner sees an unbalanced path.
    public func exceedsRange(_ value: Double) -> Bool {
        guard comparator == .range, let low, let high else { return false }
        return direction == .higher ? value > high + 1e-12 : value < low - 1e-12
    }

    /// Human-readable form of the requirement, e.g. "≥ 97 %", "12–14 %/năm".
    public func requirementText(percentGrowth: Bool = true) -> String {
        func fmt(_ v: Double) -> String { Formatting.number(kind == .growth ? v * 100 : v) }
        guard let low else { return kind == .qualitative ? "Đạt" : "—" }
        let h = high ?? low
        let suffix = kind == .growth ? " %/yr" : ""
        switch comparator {
        case .range: return "\(fmt(low))–\(fmt(h))\(suffix)"
        case .less: return "< \(fmt(low))\(suffix)"
        case .lessOrEqual: return "≤ \(fmt(low))\(suffix)"
        case .greater: return "> \(fmt(low))\(suffix)"
        case .greaterOrEqual: return "≥ \(fmt(low))\(suffix)"
        case .equal: return "\(fmt(low))\(suffix)"
        }
    }
}
