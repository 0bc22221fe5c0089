import Foundation
import Testing
import PlanModel
@testable import PlanIO

/// Section II.1 of the An Hưng document (21 numbered statements) merged with its Phụ lục I,
/// against the hand-made `targets.csv` (Notebooks-data/plans/an-hung/), field by field.
///
/// Targets are paired by `name_vi` (the clause as written; compared without trailing `.`,
/// `;`). Fields compared: plan_item, name_vi, unit, kind, comparator, value_low, value_high,
/// start_year, target_year, direction, appendix_row, responsible_unit, appendix_name_vi,
/// appendix_unit, appendix_value. Not compared, with the reason:
/// - `id`: a label; the hand-made file orders (21)'s two targets by importance, not by text.
/// - `indicator`, `name_en`, `note`, `source`: the hand-made file's English ids and names and
///   its notes are a person's writing; the import derives ids from the Vietnamese names.
/// - T14's `responsible_unit`: taken from section III.1 (6) by hand (its note says so); II.1
///   (14) has no table row.
@Suite struct AnHungProseImport {
    let imported: PlanDocumentImport.Result
    let handMade: [Target]

    init() throws {
        imported = try PlanDocumentImport.importFile(atPath: Fixture.anHungDocument)
        handMade = try Fixture.anHungHandMadeTargets()
    }

    static func key(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        while let l = t.last, ".;,".contains(l) { t.removeLast() }
        return t
    }

    @Test func sectionII1ImportsToTheHandMadeTargetsFieldByField() {
        #expect(imported.targets.count == handMade.count)
        var mismatches: [String] = []
        for h in handMade {
            guard
                let i = imported.targets.first(where: {
                    Self.key($0.target.nameVi) == Self.key(h.nameVi)
                })?.target
            else {
                mismatches.append("\(h.id): no imported target named \"\(h.nameVi)\""); continue
            }
            func check<V: Equatable>(_ field: String, _ a: V, _ b: V) {
                if a != b { mismatches.append("\(h.id) \(field): imported \(a), hand-made \(b)") }
            }
            check("plan_item", i.planItem, h.planItem)
            check("unit", i.unit, h.unit)
            check("kind", i.kind, h.kind)
            check("comparator", i.comparator, h.comparator)
            check("value_low", i.low, h.low)
            check("value_high", i.high, h.high)
            check("start_year", i.startYear, h.startYear)
            check("target_year", i.targetYear, h.targetYear)
            check("direction", i.direction, h.direction)
            check("appendix_row", i.appendixRow, h.appendixRow)
            if h.id != "T14" { check("responsible_unit", i.responsibleUnit, h.responsibleUnit) }
            check("appendix_name_vi", i.appendixNameVi, h.appendixNameVi)
            check("appendix_unit", i.appendixUnit, h.appendixUnit)
            check("appendix_value", i.appendixValue, h.appendixValue)
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func nothingUnclassifiedAndTheBlankFigureIsNoted() {
        #expect(imported.unclassified.isEmpty, "\(imported.unclassified)")
        #expect(imported.findings.contains { $0.line == 42 && $0.reason.contains("blank") })
        #expect(imported.period == 2026...2030)
        #expect(imported.place == "xã An Hưng")
        #expect(imported.sectionTitle == "1. Chỉ tiêu chủ yếu bình quân/năm và đến năm 2030")
    }
}
