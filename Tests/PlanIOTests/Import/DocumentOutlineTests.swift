import Foundation
import Testing
@testable import PlanIO

@Suite struct DocumentOutlineTests {
    @Test func anHungOutline() throws {
        let text = try String(contentsOfFile: Fixture.anHungDocument, encoding: .utf8)
        let o = DocumentOutline(text: text)
        #expect(
            o.title
                == "KẾ HOẠCH Phát triển kinh tế - xã hội, quốc phòng - an ninh, đối ngoại của xã An Hưng giai đoạn 2026 - 2030"
        )
        #expect(o.period == 2026...2030 && !o.periodIsPartyTerm && o.place == "xã An Hưng")
        let section = try #require(o.section)
        // From statement (1) (line 32; line 30 is "1. Chỉ tiêu chủ yếu …", 31 blank) up to "2. Nhiệm vụ chủ yếu" (line 80).
        #expect(
            o.lines[section.lowerBound].number == 32 && o.lines[section.upperBound].number == 80)
    }

    @Test func aPartyTermGivesThePlanTheYearsAfterTheCongress() {
        let o = DocumentOutline(
            text:
                "NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ VĨNH LỘC\nnhiệm kỳ 2025 - 2030\n\nCác chỉ tiêu chủ yếu\n- Đạt 5%.\n"
        )
        #expect(o.period == 2026...2030 && o.periodIsPartyTerm && o.place == "xã VĨNH LỘC")
    }

    @Test func aOneYearTermIsKeptAsWritten() {
        // Found by fuzz-prose: "nhiệm kỳ 2025 - 2025" gave the range 2026...2025, a trap.
        let o = DocumentOutline(text: "NGHỊ QUYẾT\nnhiệm kỳ 2025 - 2025\n")
        #expect(o.period == 2025...2025 && !o.periodIsPartyTerm)
    }

    @Test func headings() {
        #expect(DocumentOutline.isHeading("II. 22 CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 - 2030"))
        #expect(DocumentOutline.isHeading("2. Các chỉ tiêu chủ yếu đến năm 2025"))
        #expect(!DocumentOutline.isHeading("(1) Thu ngân sách tăng 5%"))
        #expect(!DocumentOutline.isHeading("Tỷ lệ hộ nghèo dưới 3%;"))
        #expect(DocumentOutline.plain("## **2. Nhiệm vụ chủ yếu**") == "2. Nhiệm vụ chủ yếu")
    }

    @Test func noSectionNoTableIsAnErrorNamingTheFile() {
        #expect(throws: InputError.self) {
            try PlanDocumentImport.importData(
                Data("Kế hoạch giai đoạn 2026 - 2030\n\nNội dung khác.\n".utf8), fileName: "x.txt")
        }
    }
}

@Suite struct TargetMergeTests {
    @Test func abbreviationsAreSpelledOut() {
        #expect(
            TargetMerge.words("Tỷ lệ dân số tham gia BHYT")
                == TargetMerge.words("tỷ lệ dân số tham gia bảo hiểm y tế"))
        #expect(TargetMerge.overlap("Số DN hoạt động", "Số doanh nghiệp hoạt động") == 1)
        #expect(TargetMerge.overlap("", "x") == 0)
    }

    @Test func proseDecidesTheTableGivesTheRow() throws {
        let r = try PlanDocumentImport.importFile(atPath: Fixture.anHungDocument)
        // (11) says "97% trở lên" (≥), Phụ lục I "> 97": the prose decides.
        let t = try #require(r.targets.first { $0.target.appendixRow == "PL I.10" }).target
        #expect(
            t.comparator == .greaterOrEqual && t.appendixValue == ">97"
                && t.responsibleUnit == "Phòng Văn hóa - Xã hội")
        // (20): two clauses, one table row, one target.
        #expect(r.targets.filter { $0.target.planItem == "(20)" }.map(\.target.id) == ["T20"])
        #expect(r.targets.allSatisfy { $0.origin != .table })
    }
}

@Suite struct ProseTextTests {
    @Test func lowerCaseCopyKeepsPositions() {
        let t = ProseText("ĐẾN NĂM 2030, Đạt 97%")
        #expect(t.count == t.lower.count && t.hasWord("đến năm", at: 0) && t.find("đạt") == 14)
        #expect(t.text(14..<17) == "Đạt" && !t.hasWord("đế", at: 0))
    }
}
