import Foundation
import Testing
import PlanModel
@testable import PlanIO

@Suite struct ProseTargetReaderTests {
    func read(_ text: String) -> ProseTargetReader.Output {
        ProseTargetReader.read(
            [TargetStatement(item: "(1)", number: 1, line: 9, text: text, subItems: [])],
            period: 2026...2030, fileName: "plan.txt")
    }

    @Test func readings() throws {
        let zero = try #require(read("Phấn đấu đến năm 2028 không còn hộ nghèo.").targets.first)
        #expect(
            zero.reading == .zero && zero.target.low == 0 && zero.target.comparator == .lessOrEqual
                && zero.target.targetYear == 2028)
        let share = read(
            "Cơ cấu kinh tế: dịch vụ chiếm 52%, công nghiệp chiếm 43%, nông nghiệp chiếm 5%."
        ).targets
        #expect(
            share.map(\.target.low) == [52, 43, 5]
                && share.allSatisfy { $0.reading == .share && $0.target.kind == .level })
        #expect(share.map(\.target.id) == ["T01a", "T01b", "T01c"])
        let growth = try #require(read("Thu ngân sách tăng 5% hàng năm.").targets.first)
        #expect(
            growth.target.kind == .growth && growth.target.low == 0.05
                && growth.target.unit == "%/năm")
        let maintained = try #require(
            read("Duy trì tỷ lệ tăng dân số tự nhiên dưới 1%/năm.").targets.first)
        #expect(maintained.target.kind == .maintained && maintained.target.direction == .lower)
        let passFail = try #require(read("Giữ vững an ninh chính trị.").targets.first)
        #expect(passFail.target.kind == .qualitative && passFail.target.unit == "Đạt")
        let blank = try #require(read("Giá trị sản phẩm đạt triệu đồng/ha/năm.").targets.first)
        #expect(blank.reading == .blankFigure && blank.target.low == nil)
    }

    @Test(arguments: [
        "Tỷ lệ hộ nghèo giảm bình quân 1,41%/năm.", "Thu nhập năm 2030 so với năm 2025 tăng 31,6%.",
        "Tổng vốn đầu tư toàn xã hội 5 năm đạt 75.000 tỷ đồng.", "Chỉ số HDI đạt 0,78.",
        "Tỷ lệ che phủ rừng năm 2020 đạt 40%.", "Tỷ lệ đạt 120%.", "Nâng cao đời sống nhân dân."
    ])
    func unclassifiedWithItsLine(_ text: String) {
        let out = read(text)
        #expect(
            out.targets.isEmpty && out.findings.first?.kind == .unclassified
                && out.findings.first?.line == 9, "\(out.findings)")
    }

    /// Leading words that reach past the figure ("đến năm 2030" inside "20305") do not trap.
    @Test func leadingWordsPastTheFigure() {
        #expect(
            read("đến năm 20305% dân số").targets.count
                + read("đến năm 20305% dân số").findings.count >= 1)
    }

    @Test func slugs() {
        #expect(
            ProseTargetReader.slug("Thu nhập bình quân đầu người") == "thu_nhap_binh_quan_dau_nguoi"
        )
        #expect(ProseTargetReader.slug("Tỷ lệ hộ nghèo (%)") == "ty_le_ho_ngheo")
        #expect(ProseTargetReader.slug("") == "chi_tieu")
        // Property: any text gives a non-empty ASCII id of at most 60 characters the plan readers accept.
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyÀẠẢÃÁĐƠỨ 0123456789-,.;:()/%\t\"'😀")
        for _ in 0..<300 {
            let s = String(
                (0..<Int(rng.next() % 120)).map { _ in
                    alphabet[Int(rng.next() % UInt64(alphabet.count))]
                })
            let id = ProseTargetReader.slug(s)
            #expect(
                !id.isEmpty && id.count <= 60
                    && id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") },
                "seed \(seed): \(s) → \(id)")
        }
    }
}

extension ProseTargetReaderTests {
    /// Rules added for the second held-out set (docs/import-plan.md).
    @Test func yearOnYearGrowthLeadingYearlyWordsCountsOfNewThingsAndQualitativeYears() throws {
        let yearOnYear = try #require(
            read("Tỷ lệ tăng thu ngân sách so với năm trước: từ 10% trở lên.").targets.first)
        #expect(
            yearOnYear.target.kind == .growth && yearOnYear.target.low == 0.1
                && yearOnYear.target.comparator == .greaterOrEqual)
        // still relative
        #expect(read("Thu nhập năm 2030 so với năm 2025 tăng 31,6%.").targets.isEmpty)
        let members = try #require(
            read("Bình quân mỗi năm kết nạp đảng viên mới: trên 4%.").targets.first)
        #expect(
            members.target.kind == .maintained && members.indicatorName == "Kết nạp đảng viên mới"
                && members.target.comparator == .greater)
        let jobs = read("Giải quyết việc làm cho 3.000 lao động.")
        #expect(
            jobs.targets.isEmpty && jobs.findings.first?.reason.contains("count of new") == true)
        #expect(
            read("Hằng năm giải quyết việc làm cho trên 250 lao động.").targets.first?.target.kind
                == .maintained)
        let early = try #require(
            read("Đạt chuẩn nông thôn mới nâng cao vào năm 2028.").targets.first)
        #expect(early.target.kind == .qualitative && early.target.targetYear == 2028)
        #expect(read("Đạt chuẩn nông thôn mới vào năm 2020.").targets.isEmpty)  // before the plan
    }
}
