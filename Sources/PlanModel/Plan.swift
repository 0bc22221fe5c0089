/// How an indicator's values behave, which decides how it is projected and fitted.
public enum Measure: String, Sendable, Hashable, CaseIterable {
    /// A money amount or other flow that grows multiplicatively (compound growth).
    case amount
    /// A percentage bounded by `Indicator.upperBound` (default 100): coverage, poverty rate.
    case rate
    /// A whole count (enterprises, clubs, buildings).
    case count
    /// No number: "Đạt" / "Không đạt".
    case qualitative
}

/// Where a baseline value comes from. Every output that uses an `illustrative` value says so.
public enum ValueSource: String, Sendable, Hashable, CaseIterable {
    /// Published by a statistics office or the commune's own report.
    case official
    /// Computed from figures in the plan itself (the derivation is in the note).
    case derived
    /// A placeholder chosen to make the tool usable; not an official figure.
    case illustrative
}

/// A measured series of the plan.
public struct Indicator: Sendable, Hashable, Identifiable {
    public var id: String
    public var nameVi: String
    public var nameEn: String
    public var unit: String
    public var measure: Measure
    /// For rates: the largest possible value (100 for a percentage).
    public var upperBound: Double?
    /// For aggregates: the indicators whose sum this one is (total production = sectors).
    public var components: [String]

    public init(
        id: String, nameVi: String, nameEn: String, unit: String, measure: Measure,
        upperBound: Double? = nil, components: [String] = []
    ) {
        self.id = id; self.nameVi = nameVi; self.nameEn = nameEn; self.unit = unit
        self.measure = measure; self.upperBound = upperBound; self.components = components
    }

    public var isAggregate: Bool { !components.isEmpty }
}

/// The value of an indicator in the baseline year.
public struct BaselineValue: Sendable, Hashable {
    public var indicator: String
    public var year: Int
    public var value: Double
    public var unit: String
    public var source: ValueSource
    /// How the value was obtained (a derivation, a reference, or why it is illustrative).
    public var note: String

    public init(
        indicator: String, year: Int, value: Double, unit: String,
        source: ValueSource, note: String = ""
    ) {
        self.indicator = indicator; self.year = year; self.value = value; self.unit = unit
        self.source = source; self.note = note
    }
}

/// One observed (or estimated) value of an indicator.
public struct Observation: Sendable, Hashable {
    public var indicator: String
    public var year: Int
    public var value: Double
    /// True for an estimate ("ước") rather than a final figure.
    public var isEstimate: Bool
    public var source: String
    public var note: String

    public init(
        indicator: String, year: Int, value: Double, isEstimate: Bool = false,
        source: String = "", note: String = ""
    ) {
        self.indicator = indicator; self.year = year; self.value = value
        self.isEstimate = isEstimate; self.source = source; self.note = note
    }
}

/// A local five-year plan: its indicators, targets and baseline.
public struct Plan: Sendable {
    public var id: String
    public var nameVi: String
    public var nameEn: String
    /// First and last year of the plan period (2026...2030 for An Hưng).
    public var firstYear: Int
    public var lastYear: Int
    /// The year the baseline values refer to (the year before `firstYear`).
    public var baselineYear: Int
    /// `vi` or `en`: the language reports use unless told otherwise.
    public var language: String
    public var indicators: [Indicator]
    public var targets: [Target]
    public var baseline: [BaselineValue]
    /// Province the plan belongs to, for a batch review's roll-up (`province` in
    /// plan.yaml; empty when not given).
    public var province: String = ""
    /// A group of plans for the roll-up (`group` in plan.yaml: a district, "phường" or
    /// "xã", a cohort; empty when not given).
    public var group: String = ""

    public init(
        id: String, nameVi: String, nameEn: String, firstYear: Int, lastYear: Int,
        baselineYear: Int, language: String = "vi", indicators: [Indicator],
        targets: [Target], baseline: [BaselineValue]
    ) {
        self.id = id; self.nameVi = nameVi; self.nameEn = nameEn; self.firstYear = firstYear
        self.lastYear = lastYear; self.baselineYear = baselineYear; self.language = language
        self.indicators = indicators; self.targets = targets; self.baseline = baseline
    }

    public var years: ClosedRange<Int> { firstYear...lastYear }

    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }
    public func baseline(of id: String) -> BaselineValue? { baseline.first { $0.indicator == id } }
    public func targets(for indicator: String) -> [Target] {
        targets.filter { $0.indicator == indicator }
    }

    /// Baseline value of an aggregate is the sum of its components when it has none itself.
    public func baselineValue(of id: String) -> Double? {
        if let b = baseline(of: id) { return b.value }
        guard let ind = indicator(id), ind.isAggregate else { return nil }
        var sum = 0.0
        for c in ind.components {
            guard let v = baselineValue(of: c) else { return nil }
            sum += v
        }
        return sum
    }

    /// Whether any value behind `id` (itself or, for an aggregate, a component) is illustrative.
    public func usesIllustrative(_ id: String) -> Bool {
        if let b = baseline(of: id) { return b.source == .illustrative }
        guard let ind = indicator(id) else { return false }
        return ind.components.contains { usesIllustrative($0) }
    }

    /// Ids of indicators whose baseline is illustrative.
    public var illustrativeIndicators: [String] {
        baseline.filter { $0.source == .illustrative }.map(\.indicator)
    }
}
