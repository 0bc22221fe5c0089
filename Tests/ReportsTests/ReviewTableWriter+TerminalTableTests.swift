import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
import Forecasting
import PlanIO
import PlanModel
@testable import Reports

@Suite struct TerminalTable {
    let review = SampleReview.make()

    @Test func withoutColourHasNoEscapeBytes() {
        let text = ReviewReport.render(
            review, format: .table, options: ReportOptions(colour: false))
        #expect(!text.utf8.contains(0x1B))
        let coloured = ReviewReport.render(
            review, format: .table, options: ReportOptions(colour: true))
        #expect(coloured.contains("\u{1B}[32m● đúng hướng"))
        #expect(coloured.contains("\u{1B}[33m▲ cần tăng tốc"))
    }

    @Test func columnsLineUpWithVietnameseNames() throws {
        let text = ReviewReport.render(review, format: .table)
        let lines = text.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("Mã  ") })
        let statusColumn = try #require(lines[header].range(of: "Đánh giá")).lowerBound
        let offset = lines[header].distance(from: lines[header].startIndex, to: statusColumn)
        for line in lines[(header + 2)..<(header + 2 + review.assessments.count)] {
            let i = try #require(line.firstIndex { "●▲■○".contains($0) })
            #expect(line.distance(from: line.startIndex, to: i) == offset, "\(line)")
        }
    }

    @Test func decomposedVietnameseNamesLineUpAndAreNeverCutInsideALetter() throws {
        var r = review
        // "Tỷ lệ hộ nghèo …" with every accent as a combining mark (NFD): more scalars, same letters.
        let nfd = "Tỷ lệ hộ nghèo giảm còn dưới 1,5 % và rất nhiều chữ nữa"
            .decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > nfd.count)
        r.assessments[2].target.nameVi = nfd
        let text = ReviewReport.render(r, format: .table)
        let lines = text.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("Mã  ") })
        let offset = lines[header].distance(
            from: lines[header].startIndex,
            to: try #require(lines[header].range(of: "Đánh giá")).lowerBound)
        for line in lines[(header + 2)..<(header + 2 + r.assessments.count)] {
            let i = try #require(line.firstIndex { "●▲■○".contains($0) })
            #expect(line.distance(from: line.startIndex, to: i) == offset)
        }
        // Cut to 32 letters (grapheme clusters, not scalars): 31 of the name and "…".
        let row = try #require(lines.first { $0.hasPrefix("T03") })
        #expect(row.contains(String(nfd.prefix(31)) + "…"))
        // maxNameWidth 0 keeps whole names.
        let full = ReviewReport.render(r, format: .table, options: ReportOptions(maxNameWidth: 0))
        #expect(full.contains(nfd))
    }

    @Test func footnotesGiveRuleCutoffsAsOfYearAndIllustrativeMarker() {
        let text = ReviewReport.render(review, format: .table)
        #expect(
            text.contains(
                "≥ 95 %: đúng hướng; 60 %–95 %: cần tăng tốc; 0 %–60 %: tiến triển hạn chế; < 0 %: đi xuống"
            ))
        #expect(text.contains("Số liệu thực hiện đến năm 2027"))
        #expect(text.contains("T01*"))
        #expect(text.contains("* Có dùng số liệu MINH HỌA"))
        // Row of T02: latest 98.9 (estimate), trend 7.5 % [6.1; 8.9] (two decimals below 10), projected 122.8 [112.6; 133.9].
        let row = text.components(separatedBy: "\n").first { $0.hasPrefix("T02") } ?? ""
        #expect(row.contains("98,9 (2027, ước)"))
        #expect(row.contains("7,50 % [6,10; 8,90]"))
        #expect(row.contains("122,8 [112,6; 133,9]"))
        #expect(row.contains("+2,80"))  // gap 122.8 − 120, two decimals below 10
        #expect(row.contains("66 %"))
    }

    @Test func fallingAndBoundedRatesShowChangesInPercentagePoints() {
        let text = ReviewReport.render(review, format: .table, language: .en)
        let t03 = text.components(separatedBy: "\n").first { $0.hasPrefix("T03") } ?? ""
        #expect(t03.contains("-0.33 pp [-0.52, -0.14]"))
        #expect(t03.contains("-0.45 pp"))  // gap 1.5 − 1.95
        let t04 = text.components(separatedBy: "\n").first { $0.hasPrefix("T04") } ?? ""
        #expect(t04.contains("+2.60 pp [1.90, 3.30]"))
        #expect(t04.contains("+6.60 pp"))  // required from now
    }
}
