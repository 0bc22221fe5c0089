import Foundation
import Testing
import PlanModel
@testable import PlanIO

@Suite struct ProseFigureTests {
    func first(_ s: String) -> ProseFigure? { ProseFigure.all(in: ProseText(s)).figures.first }

    @Test func theIssuesExamples() throws {
        let a = try #require(first("Tổng sản phẩm tăng bình quân 9-10%/năm"))
        #expect(a.low == 9 && a.high == 10 && a.comparator == .range && a.unit == "%/năm")
        let b = try #require(first("tăng trưởng từ 7,5 đến 8,0%"))
        #expect(b.low == 7.5 && b.high == 8 && b.comparator == .range && b.unit == "%")
        let c = try #require(first("GRDP bình quân đầu người đạt 5.000-5.500 USD"))
        #expect(c.low == 5000 && c.high == 5500 && c.unit == "USD")
        let d = try #require(first("tăng bình quân 12,5 (%/năm)."))
        #expect(d.low == 12.5 && d.unit == "%/năm" && d.isBare)
    }

    @Test(arguments: [
        ("đạt trên 60%", PlanModel.Comparator.greater), ("đạt 94% trở lên", .greaterOrEqual),
        ("dưới 3(%)", .less),
        ("không quá 5%", .lessOrEqual), ("tối thiểu 100(%)", .greaterOrEqual),
        ("ít nhất 50%", .greaterOrEqual),
        ("tối đa 2%", .lessOrEqual), ("không dưới 90%", .greaterOrEqual),
        ("giảm còn 0,7%", .lessOrEqual),
        ("đạt từ 60%", .greaterOrEqual), ("trên 80% trở lên", .greater), ("≥ 94%", .greaterOrEqual)
    ])
    func comparatorWords(_ text: String, _ expected: PlanModel.Comparator) throws {
        #expect(try #require(first(text)).comparator == expected)
    }

    @Test func notFigures() {
        #expect(first("đến năm 2030 đạt chuẩn") == nil)  // a year
        #expect(first("trường đạt chuẩn Quốc gia mức độ 2") == nil)  // a label
        #expect(first("theo Nghị quyết 09-NQ/ĐU") == nil)  // a document number
        #expect(first("giá trị sản phẩm trên 1 ha đất") == nil)  // a denominator
        #expect(first("ngày 13/2/2018") == nil)  // a date
        #expect(first("(12/4 thôn)") == nil)  // a fraction above 1
        #expect(first("đạt 58,9% (66/112 thôn)")?.low == 58.9)  // a restatement, skipped
        #expect(first("trẻ em dưới 5 tuổi suy dinh dưỡng dưới 7%")?.low == 7)
        #expect(first("Tuổi thọ bình quân đạt khoảng 75,5 tuổi")?.unit == "tuổi")
        #expect(first("đạt 50% (8 xã)")?.notes.first?.contains("restates") == true)
    }

    /// `a/b` before a word is a count of a out of b; a change followed by `(còn …)` or `(để
    /// đạt …)` gives way to the level in the parenthesis.
    @Test func partOfAWholeAndTheLevelAChangeLeadsTo() throws {
        let village = try #require(first("Số thôn đạt chuẩn: 04/09 thôn, làng"))
        #expect(village.low == 4 && village.high == 4 && village.unit == "thôn")
        #expect(village.notes.first == "04/09: 04 of 09, read as 04")
        #expect(try #require(first("xây dựng 3/4 trường học đạt chuẩn")).unit == "trường học")
        let poor = try #require(first("Tỷ lệ hộ nghèo giảm 3% trở lên (còn 7%)."))
        #expect(poor.low == 7 && poor.comparator == .lessOrEqual && poor.unit == "%")
        #expect(poor.notes.contains { $0.contains("3% trở lên") && $0.contains("not read") })
        let water = try #require(first("tăng từ 3% trở lên (để đạt 84% trở lên)"))
        #expect(water.low == 84 && water.comparator == .greaterOrEqual)
        let child = try #require(first("giảm từ 1 - 2% (còn dưới 16%)"))
        #expect(child.low == 16 && child.comparator == .less)
        // Any other parenthesis after a figure still restates it.
        #expect(first("đạt 50% (8 xã)")?.low == 50)
    }

    @Test func numbersAsVietnameseProseWritesThem() {
        #expect(ProseFigure.parseNumber("1.234,5") == 1234.5)
        #expect(ProseFigure.parseNumber("5.000") == 5000)
        #expect(ProseFigure.parseNumber("2.433.733,3") == 2_433_733.3)
        #expect(ProseFigure.parseNumber("12.5") == 12.5)
        #expect(ProseFigure.parseNumber("12,5") == 12.5)
        #expect(ProseFigure.parseNumber("1.2.3") == nil)
        #expect(ProseFigure.parseNumber("1,2,3") == nil)
    }

    @Test func unitsAreNormalised() {
        #expect(ProseFigure.normalizeUnit("triệu/ha/năm") == "triệu đồng/ha/năm")
        #expect(ProseFigure.normalizeUnit("tỷđ") == "tỷ đồng")
        #expect(ProseFigure.normalizeUnit("trđ/người/năm") == "triệu đồng/người/năm")
        #expect(ProseFigure.normalizeUnit("tỷ đồng") == "tỷ đồng")
        #expect(ProseFigure.normalizeUnit("doanh nghiệp/1.000 dân") == "DN/1.000 dân")
        #expect(first("có ít nhất một nhà đa năng cho mỗi cấp học mầm non")?.unit == "nhà/cấp học")
    }

    /// Property: a figure written the Vietnamese way (thousands dots, decimal comma) after
    /// any comparator phrase, with any unit of the list, reads back as written.
    @Test func generatedFiguresReadBack() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SplitMix64(seed: seed)
        let phrases: [(String, String, PlanModel.Comparator?)] = [
            ("", "", nil), ("trên ", "", .greater), ("dưới ", "", .less),
            ("tối thiểu ", "", .greaterOrEqual), ("", " trở lên", .greaterOrEqual),
            ("không quá ", "", .lessOrEqual)
        ]
        let units = ["%", "%/năm", "tỷ đồng", "triệu đồng/người/năm", "ha", "DN", "USD"]
        for _ in 0..<500 {
            let cents = Int(rng.next() % 100_000_000)
            let value = Double(cents) / 100
            let (before, after, comparator) = phrases[Int(rng.next() % UInt64(phrases.count))]
            let unit = units[Int(rng.next() % UInt64(units.count))]
            let text =
                "Chỉ tiêu đạt \(before)\(Self.vietnamese(value))\(unit.hasPrefix("%") ? "" : " ")\(unit)\(after)."
            let f = first(text)
            #expect(
                f?.low == value && f?.unit == unit && f?.comparator == comparator,
                "seed \(seed): \(text) → \(String(describing: f))")
        }
    }

    /// 1234567.5 → "1.234.567,5".
    static func vietnamese(_ v: Double) -> String {
        let whole = Int(v), cents = Int((v * 100).rounded()) % 100
        var digits = String(whole), grouped = ""
        while digits.count > 3 { grouped = "." + digits.suffix(3) + grouped; digits.removeLast(3) }
        grouped = digits + grouped
        if cents == 0 { return grouped }
        return grouped + ","
            + (cents % 10 == 0 ? String(cents / 10) : String(format: "%02d", cents))
    }
}

/// A small seeded generator (SplitMix64) for property tests: the failing seed is printed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
