import Foundation
import Testing
import PlanModel
@testable import PlanIO

@Suite struct PlanFolderWriterTests {
    /// Invariant: every fixture document (and An Hưng) gives a folder the plan loader accepts as it is.
    @Test(
        arguments: ["import/ke-hoach-an-hung-2026-2030.txt"]
            + ProseFixtures.reported.map { "import/prose/\($0.0).txt" })
    func everyImportedFolderLoads(_ fixture: String) throws {
        let result = try PlanDocumentImport.importFile(atPath: Fixture.path(fixture))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pf-folder-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try PlanFolderWriter.write(result, fileName: fixture, to: dir)
        let plan = try PlanLoader.load(directory: dir)
        #expect(plan.targets.count == result.targets.count && plan.baseline.isEmpty)
        #expect(
            plan.firstYear == result.period.lowerBound
                && plan.baselineYear == result.period.lowerBound - 1)
        let actuals = try ActualsFile.read(path: dir + "/actuals.csv", plan: plan)
        #expect(actuals.isEmpty)
        let baselineRows = try CSVTable.read(path: dir + "/baseline.csv").rows.count
        #expect(baselineRows == plan.indicators.filter { $0.measure != .qualitative }.count)
    }

    @Test func anHungIndicators() throws {
        let r = try PlanDocumentImport.importFile(atPath: Fixture.anHungDocument)
        func indicator(_ id: String) -> Indicator? { r.indicators.first { $0.id == id } }
        #expect(
            indicator("tong_gia_tri_san_pham_tren_dia_ban")?.components == [
                "khu_vuc_nong_lam_thuy_san", "khu_vuc_cong_nghiep_xay_dung", "khu_vuc_dich_vu"
            ])
        #expect(
            indicator("ty_le_ho_ngheo_theo_chuan_ngheo_da_chieu").map {
                ($0.measure, $0.upperBound)
            } ?? (.amount, nil) == (.rate, 100))
        #expect(indicator("so_doanh_nghiep_dang_hoat_dong_tren_dia_ban")?.measure == .count)
        #expect(
            indicator("thu_nhap_binh_quan_tren_dau_nguoi").map { ($0.unit, $0.measure) } ?? (
                "", .rate
            ) == ("triệu đồng/người/năm", .amount))
        #expect(indicator("thu_ngan_sach_tren_dia_ban")?.unit == IndicatorInference.unknownUnit)
        // budget revenue, GPV total and its three sectors: growth only
        #expect(r.undecided.count == 5)
        // Income's growth and 2030 level share one indicator, as in the hand-made file.
        #expect(
            Set(r.targets.filter { $0.target.planItem == "(6)" }.map(\.target.indicator)).count == 1
        )
    }

    @Test func aPercentageAbove100IsAnAmountAndAComponentCycleIsRefused() {
        func target(
            _ id: String, _ name: String, _ kind: TargetKind, _ value: Double, _ unit: String,
            parent: String? = nil
        ) -> ImportedTarget {
            ImportedTarget(
                target: Target(
                    id: id, indicator: "", nameVi: name, nameEn: "", unit: unit, kind: kind,
                    comparator: .greaterOrEqual,
                    low: value, high: value, targetYear: 2030, startYear: 2026, direction: .higher),
                origin: .prose, reading: .level, line: 1, sentence: name, indicatorName: name,
                componentOf: parent)
        }
        var targets = [
            target("T1", "Tỷ lệ giải ngân", .level, 150, "%"),
            target("T2", "Khu vực dịch vụ", .growth, 0.1, "%/năm"),
            target("T2a", "Khu vực nông nghiệp", .growth, 0.1, "%/năm", parent: "T2"),
            target("T3", "Khu vực nông nghiệp", .growth, 0.1, "%/năm"),
            target("T3a", "Khu vực dịch vụ", .growth, 0.1, "%/năm", parent: "T3")
        ]
        let out = IndicatorInference.assign(&targets)
        #expect(out.indicators.first { $0.id == "ty_le_giai_ngan" }?.measure == .amount)
        #expect(out.undecided.contains { $0.reason.contains("above 100") })
        let withComponents = out.indicators.filter { !$0.components.isEmpty }
        // the second link would close a cycle
        #expect(withComponents.map(\.id) == ["khu_vuc_dich_vu"])
    }

    @Test func aPlanMustStartIn1991OrLater() {
        #expect(throws: InputError.self) {
            try PlanDocumentImport.importData(
                Data(
                    "Kế hoạch giai đoạn 1990 - 1995\n\nCác chỉ tiêu chủ yếu\n(1) Tỷ lệ đạt 50%.\n"
                        .utf8), fileName: "old.txt")
        }
    }

    @Test func measures() {
        #expect(IndicatorInference.measure(of: "%") == .rate)
        #expect(IndicatorInference.measure(of: "%/năm") == .rate)
        #expect(IndicatorInference.measure(of: "Đạt") == .qualitative)
        #expect(IndicatorInference.measure(of: "tỷ đồng") == .amount)
        #expect(IndicatorInference.measure(of: "DN") == .count)
        #expect(IndicatorInference.measure(of: "triệu đồng/ha/năm") == .amount)
    }

    /// Property: any name survives plan.yaml's quoting (read back by the project's YAML reader;
    /// control characters become spaces).
    @Test func yamlQuotingRoundTrips() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("Kế hoạch xã An Hưng: \"#'\\{}[],&*!|>%@`-?\u{1}\t\n\r😀")
        for _ in 0..<300 {
            let s = String(
                (0..<Int(rng.next() % 60)).map { _ in
                    alphabet[Int(rng.next() % UInt64(alphabet.count))]
                })
            let expected = String(
                String.UnicodeScalarView(
                    s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
            // names are never empty
            if expected.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let doc = try YAMLDocument.parse(
                "name: \(PlanFolderWriter.yamlString(s))\n", file: "plan.yaml")
            let map = try doc.mapping(doc.root, what: "test")
            let read = try doc.optionalString(map, "name") ?? ""
            #expect(
                read.trimmingCharacters(in: .whitespaces)
                    == expected.trimmingCharacters(in: .whitespaces),
                "seed \(seed): \(s.debugDescription)")
        }
    }

    @Test func titlesInSentenceCase() {
        #expect(
            PlanFolderWriter.sentenceCase("KẾ HOẠCH Phát triển kinh tế - xã hội")
                == "Kế hoạch phát triển kinh tế - xã hội")
        #expect(
            PlanFolderWriter.sentenceCase("NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN")
                == "Nghị quyết đại hội đảng bộ huyện")
    }
}

@Suite struct PlanCheckTests {
    func plan(baseline: [BaselineValue]) -> Plan {
        let indicators = [
            Indicator(
                id: "total", nameVi: "Tổng", nameEn: "", unit: "tỷ đồng", measure: .amount,
                components: ["a", "b"]),
            Indicator(id: "a", nameVi: "A", nameEn: "", unit: "tỷ đồng", measure: .amount),
            Indicator(id: "b", nameVi: "B", nameEn: "", unit: "tỷ đồng", measure: .amount),
            Indicator(id: "q", nameVi: "Q", nameEn: "", unit: "?", measure: .amount)
        ]
        let targets = [
            Target(
                id: "T1", indicator: "total", nameVi: "Tổng", nameEn: "", unit: "%/năm",
                kind: .growth, comparator: .greaterOrEqual,
                low: 0.1, high: 0.1, targetYear: 2030, startYear: 2026, direction: .higher),
            Target(
                id: "T2", indicator: "q", nameVi: "Q", nameEn: "", unit: "%/năm", kind: .growth,
                comparator: .greaterOrEqual,
                low: 0.1, high: 0.1, targetYear: 2030, startYear: 2026, direction: .higher)
        ]
        return Plan(
            id: "p", nameVi: "P", nameEn: "", firstYear: 2026, lastYear: 2030, baselineYear: 2025,
            indicators: indicators,
            targets: targets, baseline: baseline)
    }

    @Test func aTotalIsCoveredByItsComponents() {
        let base = ["a", "b"].map {
            BaselineValue(indicator: $0, year: 2025, value: 1, unit: "tỷ đồng", source: .official)
        }
        let obs = ["a", "b"].map { Observation(indicator: $0, year: 2026, value: 1) }
        let report = PlanCheck.check(plan: plan(baseline: base), actuals: obs, actualsPath: "x.csv")
        #expect(report.gaps.map(\.target) == ["T2"])
        #expect(report.gaps[0].missing == [.unit, .baseline, .actuals])
        #expect(!report.isUsable)
        let partial = PlanCheck.check(
            plan: plan(baseline: Array(base.prefix(1))), actuals: obs, actualsPath: nil)
        #expect(partial.gaps.first?.missing == [.baseline])
    }

    @Test func theEmbeddedPlanWithItsExampleActuals() throws {
        // Hand count from Notebooks-data/plans/an-hung: T03 has no figure and no baseline; ten
        // indicators with a baseline have no example actuals (T03b, T05b, T08b, T09a, T10a,
        // T10b, T11b, T17a, T19, T20).
        let report = try PlanCheck.check(directory: nil, actualsPath: nil)
        #expect(report.gaps.count == 11)
        #expect(report.gaps.first { $0.target == "T03" }?.missing == [.value, .baseline, .actuals])
        #expect(!report.isUsable)
    }
}
