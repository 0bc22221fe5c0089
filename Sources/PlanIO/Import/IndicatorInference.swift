import Foundation
import PlanModel

/// The indicators imported targets measure, and the indicator id of each target.
///
/// ## Rules
/// - **Ids** are the ASCII slug of the indicator's Vietnamese name
///   (``ProseTargetReader/slug(_:)``): targets whose names give the same slug share the
///   indicator (`Thu nhập bình quân trên đầu người` for its growth and its 2030 level).
///   Level targets of one slug in two units get two indicators (`…_2`): an indicator has one unit.
/// - **Unit**: the unit of its level, maintained or share targets. An indicator with only
///   growth targets has no stated level unit: it gets ``unknownUnit`` and is listed as
///   undecided (the planner writes the unit, e.g. `tỷ đồng`).
/// - **Measure and bound**: `Đạt` → `qualitative`; a unit starting with `%` → `rate`, bounded by 100;
///   a count unit (``VietnameseNumber/isCountUnit(_:)``: `DN`, `người`, `hộ`, `nhà`…) or a
///   first word among those → `count`; anything else (money, per-hectare values, tonnes) → `amount`.
/// - A percentage level above 100 (possible in a table) makes the indicator an amount, noted.
/// - **Components**: the indicators of a target's components (`trong đó: + Khu vực …`) are
///   the components of its indicator when every component names a sector (`nông`, `lâm`,
///   `thủy sản`, `công nghiệp`, `xây dựng`, `dịch vụ`, `thương mại`) and the total is not a
///   percentage level; a component that would make a cycle is not added.
enum IndicatorInference {
    /// The unit written for an indicator whose level unit the document does not state.
    static let unknownUnit = "?"
    static let sectorWords = [
        "nông", "lâm", "thủy sản", "thuỷ sản", "công nghiệp", "xây dựng", "dịch vụ", "thương mại"
    ]

    struct Output { var indicators: [Indicator]; var undecided: [PlanTableImport.Finding] }

    static func assign(_ targets: inout [ImportedTarget]) -> Output {
        var order: [String] = []
        var names: [String: String] = [:]
        var units: [String: String] = [:]
        var qualitative: Set<String> = []
        var lines: [String: Int] = [:]
        var levelHigh: [String: Double] = [:]
        for k in targets.indices {
            let t = targets[k].target
            var id = ProseTargetReader.slug(
                targets[k].indicatorName.isEmpty ? t.nameVi : targets[k].indicatorName)
            let levelUnit = t.kind == .growth ? nil : t.unit
            if t.kind == .qualitative {
                id += qualitative.contains(id) || names[id] == nil ? "" : "_dat"
            }
            var suffix = 1
            let base = id
            while let u = units[id], let lu = levelUnit,
                Identifier.normalizeUnit(u) != Identifier.normalizeUnit(lu)
            {
                suffix += 1; id = base + "_\(suffix)"
            }
            while t.kind == .qualitative, names[id] != nil, !qualitative.contains(id) {
                suffix += 1; id = base + "_\(suffix)"
            }
            while t.kind != .qualitative, qualitative.contains(id) {
                suffix += 1; id = base + "_\(suffix)"
            }
            if names[id] == nil {
                order.append(id);
                names[id] = targets[k].indicatorName.isEmpty ? t.nameVi : targets[k].indicatorName;
                lines[id] = targets[k].line
            }
            if let lu = levelUnit, units[id] == nil { units[id] = lu }
            if t.kind == .qualitative { qualitative.insert(id) }
            if t.kind != .growth, let h = t.high ?? t.low {
                levelHigh[id] = max(levelHigh[id] ?? h, h)
            }
            targets[k].target.indicator = id
        }
        var undecided: [PlanTableImport.Finding] = []
        var indicators: [Indicator] = order.map { id in
            if qualitative.contains(id) {
                return Indicator(
                    id: id, nameVi: names[id]!, nameEn: "", unit: "Đạt", measure: .qualitative)
            }
            let unit = units[id] ?? unknownUnit
            if units[id] == nil {
                undecided.append(
                    .init(
                        kind: .note, line: lines[id] ?? 0, number: "", text: names[id]!,
                        reason:
                            "indicator \(id): only its growth is stated, so its unit is not known; write it in indicators.csv (now \"\(unknownUnit)\")"
                    ))
            }
            var measure = measure(of: unit)
            if measure == .rate, (levelHigh[id] ?? 0) > 100 {
                // A percentage above 100 (a table's "150 %") cannot be a bounded rate.
                measure = .amount
                undecided.append(
                    .init(
                        kind: .note, line: lines[id] ?? 0, number: "", text: names[id]!,
                        reason:
                            "indicator \(id): a percentage above 100 (\(Formatting.number(levelHigh[id]!))), written as an amount, not a rate bounded by 100"
                    ))
            }
            return Indicator(
                id: id, nameVi: names[id]!, nameEn: "", unit: unit, measure: measure,
                upperBound: measure == .rate ? 100 : nil)
        }
        // Components.
        let byTargetID = Dictionary(
            targets.map { ($0.target.id, $0) }, uniquingKeysWith: { a, _ in a })
        var components: [String: [String]] = [:]
        var blocked: Set<String> = []
        for t in targets {
            guard let parentID = t.componentOf, let parent = byTargetID[parentID] else { continue }
            let name = t.indicatorName.lowercased()
            let isSector = sectorWords.contains { PlanTableImport.has(name, $0) }
            if !isSector || (parent.target.unit == "%" && parent.target.kind != .growth)
                || t.target.indicator == parent.target.indicator
            {
                blocked.insert(parent.target.indicator)
            } else if !(components[parent.target.indicator] ?? []).contains(t.target.indicator),
                !reaches(t.target.indicator, parent.target.indicator, components)
            {
                components[parent.target.indicator, default: []].append(t.target.indicator)
            }
        }
        for k in indicators.indices {
            let id = indicators[k].id
            if let c = components[id], !blocked.contains(id),
                indicators[k].measure == .amount || indicators[k].unit == unknownUnit
            {
                indicators[k].components = c
            }
        }
        return Output(indicators: indicators, undecided: undecided)
    }

    /// Whether `to` is `from` or one of its components, at any depth (no cycles are added).
    static func reaches(_ from: String, _ to: String, _ components: [String: [String]]) -> Bool {
        var seen: Set<String> = []
        var stack = [from]
        while let x = stack.popLast() {
            if x == to { return true }
            if seen.insert(x).inserted { stack += components[x] ?? [] }
        }
        return false
    }

    static func measure(of unit: String) -> Measure {
        if unit == "Đạt" { return .qualitative }
        // as the prose reader: a percentage unit starts with %
        if unit.hasPrefix("%") { return .rate }
        if unit == unknownUnit { return .amount }
        let first =
            unit.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? unit
        if VietnameseNumber.isCountUnit(unit)
            || (VietnameseNumber.isCountUnit(first) && !unit.contains("/"))
        {
            return .count
        }
        return .amount
    }
}
