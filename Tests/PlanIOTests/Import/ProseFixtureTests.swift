import Foundation
import Testing
import PlanModel
@testable import PlanIO

/// The fixture documents of `Fixtures/import/prose/` (written in the patterns of eleven
/// public plans; sources in that folder's README.md) against targets written by hand in
/// `NAME.expected.csv` (`item,kind,comparator,low,high,unit,year,line`; growth in percent
/// per year; `unclassified` rows give the line the report must list).
///
/// A target is imported correctly when an imported target has the same item, kind,
/// comparator, values, unit and year. The shares are the figures docs/import-plan.md reports.
@Suite struct ProseFixtures {
    struct Expected {
        var item, kind, comparator: String; var low, high: Double?; var unit: String;
        var year: Int?; var line: Int?
    }

    static func expected(_ name: String) throws -> [Expected] {
        let table = try CSVTable.read(path: Fixture.path("import/prose/\(name).expected.csv"))
        return table.rowAccessors.map { r in
            Expected(
                item: r["item"], kind: r["kind"], comparator: r["comparator"],
                low: Double(r["low"]), high: Double(r["high"]),
                unit: r["unit"], year: Int(r["year"]), line: Int(r["line"]))
        }
    }

    /// (correct, expected targets, unclassified listed, unclassified expected, imported targets)
    static func score(_ name: String) throws -> (Int, Int, Int, Int, Int) {
        let result = try PlanDocumentImport.importFile(
            atPath: Fixture.path("import/prose/\(name).txt"))
        let expected = try expected(name)
        var pool = result.targets.map(\.target)
        var correct = 0
        let targets = expected.filter { $0.kind != "unclassified" }
        for e in targets {
            if let k = pool.firstIndex(where: { t in
                let scale = t.kind == .growth ? 100.0 : 1
                let comparator = t.kind == .qualitative ? "" : t.comparator.rawValue
                return t.planItem == e.item && t.kind.rawValue == e.kind
                    && comparator == e.comparator
                    && t.low.map { ($0 * scale * 1e9).rounded() }
                        == e.low.map { ($0 * 1e9).rounded() }
                    && t.high.map { ($0 * scale * 1e9).rounded() }
                        == e.high.map { ($0 * 1e9).rounded() }
                    && t.unit == e.unit && t.targetYear == e.year
            }) {
                correct += 1
                pool.remove(at: k)
            } else {
                print("\(name): MISSED \(e)")
            }
        }
        for t in pool {
            print(
                "\(name): EXTRA \(t.planItem) \(t.kind) \(t.comparator.rawValue) \(t.low ?? -1) \(t.high ?? -1) \(t.unit) \(t.targetYear) \(t.nameVi)"
            )
        }
        let unclassified = expected.filter { $0.kind == "unclassified" }
        let listed = unclassified.filter { e in result.unclassified.contains { $0.line == e.line } }
            .count
        for f in result.unclassified where !unclassified.contains(where: { $0.line == f.line }) {
            print("\(name): UNCLASSIFIED \(f)")
        }
        return (correct, targets.count, listed, unclassified.count, result.targets.count)
    }

    /// (fixture, targets imported correctly, expected targets, unclassified statements listed
    /// with their line, expected unclassified). The first eleven were written while the rules
    /// were made; the last three were held out and first scored 11/12, 0/8 and 0/3 (a
    /// paragraph not cut into sentences; a heading "22 chỉ tiêu" read as a figure; `tỷ lệ
    /// tăng thu` not read as growth), then the rules were fixed (commit e74c52b records them as first scored);
    /// Hội Sơn's (4) (`3% trở lên so với tổng số đảng viên`, a share) was fixed in issue 13's
    /// second session. The last three form a second held-out set, written (commit 36954c2)
    /// and first scored before any further change: 13/16, 3/5 and 14/17 targets, 1/1, 0/1
    /// and 1/2 unclassified listed; then the rules were fixed (docs/import-plan.md).
    static let reported: [(String, Int, Int, Int, Int)] = [
        ("huyen-nhu-xuan-2020-2025", 18, 18, 2, 2), ("xa-vinh-loc-2025-2030", 4, 4, 1, 1),
        ("xa-nghia-hanh-2025-2030", 1, 1, 0, 0), ("tinh-tuyen-quang-2025-2030", 4, 4, 1, 1),
        ("phuong-thac-gian-2020-2025", 8, 8, 1, 1), ("xa-khun-ha-2025-2030", 4, 4, 2, 2),
        ("phuong-hoi-phu-2020-2025", 7, 7, 0, 0), ("phuong-chi-lang-2020-2025", 8, 8, 0, 0),
        ("phuong-ba-dinh-2015-2020", 14, 14, 0, 0), ("quan-tan-phu-2005-2010", 7, 7, 0, 0),
        ("quoc-gia-2021-2030", 9, 9, 1, 1),
        ("phuong-ngoc-trao-2015-2020", 12, 12, 0, 0), ("xa-xuan-ngoc-2015-2020", 8, 8, 0, 0),
        ("xa-hoi-son-2025-2030", 3, 3, 1, 1),
        ("xa-son-lang-2020-2025", 16, 16, 1, 1), ("xa-vong-dong-2020-2025", 5, 5, 1, 1),
        ("huyen-nong-cong-2011-2015", 17, 17, 2, 2)
    ]

    @Test(arguments: reported.map(\.0))
    func shareImportedCorrectly(_ name: String) throws {
        let s = try Self.score(name)
        let r = Self.reported.first { $0.0 == name }!
        #expect(
            s.0 == r.1 && s.1 == r.2,
            "\(name): \(s.0)/\(s.1) targets correct; docs/import-plan.md says \(r.1)/\(r.2)")
        #expect(
            s.2 == r.3 && s.3 == r.4, "\(name): \(s.2)/\(s.3) unclassified listed with their line")
    }

    @Test func everyUnclassifiedStatementOfAFixtureIsListedWithItsLine() throws {
        for (name, _, _, listed, expected) in Self.reported {
            #expect(listed == expected, "\(name)")
        }
    }
}
