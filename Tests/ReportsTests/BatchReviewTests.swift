import Foundation
import FoundationXML
import Testing
@testable import Forecasting
@testable import PlanIO
@testable import PlanModel
@testable import Reports

/// Two small plans whose statuses are worked out by hand, and one broken plan.
///
/// Indicators: x (amount, tỷ đồng, baseline 100), y (rate, %, baseline 50), z (qualitative).
/// Targets: T1 x ≥ 120 by 2030; T2 x grows ≥ 5 %/yr (goal 100 · 1.05⁵ = 127.63 in 2030);
/// T3 y ≥ 60 by 2030; T4 z qualitative.
/// - Plan A (actuals x 110, 121; y 45, 40): T1 achieved (121 ≥ 120); T2 on track (exact
///   10 %/yr: ln 1.1 · 3 years = 0.286 closes far more than the gap ln(127.63/121) =
///   0.053); T3 deterioration (40 < 60 and falling); T4 not quantifiable.
/// - Plan B (x 101, 102; y 60, 61): T1 limited progress (slope ≈ ln 1.01 = 0.00995/yr,
///   · 3 = 0.030 against ln(120/102) = 0.163: 18 %); T2 limited progress (0.030 against
///   ln(127.63/102) = 0.224: 13 %); T3 achieved (61 ≥ 60); T4 not quantifiable.
enum BatchFixture {
    static let indicators = """
        id,name_vi,name_en,unit,measure,upper_bound,components
        x,Thu ngân sách,Revenue,tỷ đồng,amount,,
        y,Tỷ lệ bao phủ,Coverage,%,rate,100,
        z,An ninh,Security,Đạt,qualitative,,

        """
    static let targets = """
        id,indicator,plan_item,appendix_row,name_vi,name_en,unit,kind,comparator,value_low,value_high,start_year,target_year,direction,responsible_unit,source,note
        T1,x,(1),,x đạt 120,x reaches 120,tỷ đồng,level,>=,120,120,2026,2030,higher,,,
        T2,x,(2),,x tăng 5 %/năm,x grows 5 %/yr,%/năm,growth,>=,5,5,2026,2030,higher,,,
        T3,y,(3),,y đạt 60 %,y reaches 60 %,%,level,>=,60,60,2026,2030,higher,,,
        T4,z,(4),,giữ vững an ninh,security kept,Đạt,qualitative,,,,2026,2030,higher,,,

        """
    static let baseline = """
        indicator,year,value,unit,source,note
        x,2025,100,tỷ đồng,official,
        y,2025,50,%,official,

        """

    static func plan(
        _ id: String, province: String, actuals: [(String, Int, Double)], targets: String = targets,
        in root: URL
    ) throws {
        let dir = root.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let yaml =
            "id: \(id)\nname_vi: Kế hoạch \(id)\nname_en: Plan \(id)\nfirst_year: 2026\nlast_year: 2030\nbaseline_year: 2025\nlanguage: vi\nprovince: \(province)\ngroup: xã\n"
        try yaml.write(
            to: dir.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        try indicators.write(
            to: dir.appendingPathComponent("indicators.csv"), atomically: true, encoding: .utf8)
        try targets.write(
            to: dir.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        try baseline.write(
            to: dir.appendingPathComponent("baseline.csv"), atomically: true, encoding: .utf8)
        let rows = actuals.map { "\($0.0),\($0.1),\(Formatting.number($0.2)),,official," }.joined(
            separator: "\n")
        try ("indicator,year,value,estimate,source,note\n" + rows + "\n").write(
            to: dir.appendingPathComponent("actuals.csv"), atomically: true, encoding: .utf8)
    }

    /// A folder with plans a, b (good) and c (targets.csv line 3 has kind "levle").
    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "batch-\(UUID().uuidString)")
        try plan(
            "a", province: "P1",
            actuals: [("x", 2026, 110), ("x", 2027, 121), ("y", 2026, 45), ("y", 2027, 40)],
            in: root)
        try plan(
            "b", province: "P1",
            actuals: [("x", 2026, 101), ("x", 2027, 102), ("y", 2026, 60), ("y", 2027, 61)],
            in: root)
        let broken = targets.replacingOccurrences(of: "%/năm,growth,", with: "%/năm,levle,")
        try plan("c", province: "P2", actuals: [("x", 2026, 101)], targets: broken, in: root)
        return root
    }
}

@Suite struct BatchReviewTests {
    @Test func reviewsTheGoodPlansAndNamesTheBrokenOneWithFileAndLine() throws {
        let root = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let batch = try BatchReview.run(directory: root.path, options: .init())
        #expect(batch.plans.map(\.planID) == ["a", "b"])
        #expect(batch.failures.count == 1)
        let message = try #require(batch.failures.first?.message)
        #expect(message.contains("c/targets.csv:3"), "\(message)")
        #expect(message.contains("kind"), "\(message)")
        #expect(message.contains("levle"), "\(message)")
    }

    @Test func statusesAndCountsMatchTheHandWorkedFixture() throws {
        let root = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let batch = try BatchReview.run(directory: root.path, options: .init())
        let a = try #require(batch.plans.first { $0.planID == "a" }),
            b = try #require(batch.plans.first { $0.planID == "b" })
        #expect(a.verdicts.map(\.status) == [.achieved, .onTrack, .deterioration, .notQuantifiable])
        #expect(
            b.verdicts.map(\.status) == [
                .limitedProgress, .limitedProgress, .achieved, .notQuantifiable
            ])
        #expect(
            a.sentence.text(.vi)
                == "Có 2/3 chỉ tiêu dự kiến đạt và vượt kế hoạch, 1 chỉ tiêu khó đạt. 1 chỉ tiêu chưa đánh giá được (thiếu số liệu hoặc không định lượng)."
        )
        #expect(
            b.sentence.text(.en)
                == "1 of 3 targets are expected to be met or exceeded, 2 are unlikely to be met. 1 could not be judged (insufficient data or not quantifiable)."
        )
        #expect(a.province == "P1")
        #expect(a.group == "xã")

        let summary = BatchSummary(batch)
        #expect(
            summary.statusCounts == [
                .achieved: 2, .onTrack: 1, .deterioration: 1, .limitedProgress: 2,
                .notQuantifiable: 2
            ])
        #expect(summary.plansAtRisk == 2)
        let x = try #require(summary.byIndicator.first { $0.indicator == "x" })
        // A: on track (worst of achieved, on track); B: limited
        #expect(Array<Int>([x.plans, x.green, x.amber, x.red, x.grey]) == [2, 1, 0, 1, 0])
        let y = try #require(summary.byIndicator.first { $0.indicator == "y" })
        #expect(Array<Int>([y.plans, y.green, y.red]) == [2, 1, 1])
        let z = try #require(summary.byIndicator.first { $0.indicator == "z" })
        #expect(Array<Int>([z.plans, z.grey]) == [2, 2])
        // Roll-up: x is an amount in tỷ đồng, summed: baseline 100 + 100, 2027 121 + 102;
        // y is a rate, not summed.
        let p1 = try #require(summary.byProvince.first { $0.province == "P1" })
        #expect(p1.plans == 2)
        #expect(p1.plansAtRisk == 2)
        let rx = try #require(p1.values.first { $0.indicator == "x" })
        #expect(rx.additive)
        #expect(rx.baselineSum == 200.0)
        #expect(rx.latestYear == 2027)
        #expect(rx.latestSum == 223.0)
        #expect(rx.plansReporting == 2)
        let ry = try #require(p1.values.first { $0.indicator == "y" })
        #expect(!ry.additive)
        #expect(ry.latestSum == nil)
    }

    @Test func csvOutputsHaveThePlanFirstAndTheCounts() throws {
        let root = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out/reviews.csv").path
        try FileManager.default.createDirectory(
            atPath: (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let result = try BatchReviewJob(
            directory: root.path, options: .init(), format: .csv, output: out, summaryPrefix: nil
        ).run()
        #expect(result.batch.failures.count == 1)
        // Streamed plan by plan to the file: the same bytes as the text built whole.
        #expect(
            try String(contentsOfFile: out, encoding: .utf8)
                == BatchCSVWriter.long(result.batch, levels: ReviewEngine.Options().levels))
        let long = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(long.count == 1 + 8)  // header + 4 targets × 2 plans
        #expect(long[0].hasPrefix("plan,as_of,rule,target"))
        #expect(long[1].hasPrefix("a,2027,forecast,T1,"))
        #expect(long[5].hasPrefix("b,2027,forecast,T1,"))
        let plans = try String(
            contentsOfFile: root.appendingPathComponent("out/reviews-plans.csv").path,
            encoding: .utf8)
        // Columns: plan, folder, province, group, result, as_of, illustrative, targets, then
        // the count per status in TargetStatus order (achieved, on_track, acceleration_needed,
        // limited_progress, deterioration, not_achieved, insufficient_data, not_quantifiable),
        // judged, expected_met, unlikely, summary, error.
        #expect(
            plans.contains(",P1,xã,reviewed,2027,false,4,1,1,0,0,1,0,0,1,3,2,1,\"Có 2/3 chỉ tiêu"),
            "\(plans)")
        #expect(
            plans.contains(",P1,xã,reviewed,2027,false,4,1,0,0,2,0,0,0,1,3,1,2,\"Có 1/3 chỉ tiêu"),
            "\(plans)")
        #expect(plans.split(separator: "\n").last!.contains(",failed,"))
        #expect(plans.split(separator: "\n").last!.contains("targets.csv:3"))
        let groups = try String(
            contentsOfFile: root.appendingPathComponent("out/reviews-groups.csv").path,
            encoding: .utf8)
        #expect(groups.contains("\nx,Thu ngân sách,2,1,0,1,0\n"))
        let provinces = try String(
            contentsOfFile: root.appendingPathComponent("out/reviews-provinces.csv").path,
            encoding: .utf8)
        #expect(provinces.contains("P1,2,2,x,tỷ đồng,true,200,2027,223,2,\n"))
    }

    @Test func dashboardIsWellFormedAndLinksEveryPlanPage() throws {
        let root = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("dash").path
        let result = try BatchReviewJob(
            directory: root.path, options: .init(), format: .html, output: out, summaryPrefix: nil
        ).run()
        let html = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        let parser = XMLParser(data: Data(html.utf8))
        #expect(
            parser.parse(),
            "dashboard is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(html.contains("href=\"plans/review-a.html\""))
        #expect(FileManager.default.fileExists(atPath: out + "/plans/review-a.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/plans/review-b.html"))
        #expect(html.contains("c/targets.csv:3"))
        #expect(html.contains("class=\"c red\""))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        #expect(result.written == [out + "/index.html"])
    }

    @Test func aSecondPlanWithTheSameIdIsAnError() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try BatchFixture.plan(
            "a", province: "P1", actuals: [("x", 2026, 110)], in: root.appendingPathComponent("one")
        )
        try BatchFixture.plan(
            "a", province: "P2", actuals: [("x", 2026, 110)], in: root.appendingPathComponent("two")
        )
        let batch = try BatchReview.run(
            directory: root.path,
            options: {
                var o = BatchReview.Options(); o.recursive = true; return o
            }())
        #expect(batch.plans.map(\.folder) == [root.appendingPathComponent("one/a").path])
        #expect(batch.failures.count == 1)
        #expect(
            batch.failures.first?.message.contains(
                "two/a/plan.yaml [id]: found \"a\", already the id of the plan in") == true)
    }

    @Test func recursiveFindsNestedPlans() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "batch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try BatchFixture.plan(
            "a", province: "P1", actuals: [("x", 2026, 110)], in: root.appendingPathComponent("p1"))
        try BatchFixture.plan(
            "b", province: "P2", actuals: [("x", 2026, 110)],
            in: root.appendingPathComponent("p2/d"))
        #expect(try PlanFolderDiscovery.folders(in: root.path, recursive: false).isEmpty)
        #expect(
            try PlanFolderDiscovery.folders(in: root.path, recursive: true).map {
                ($0 as NSString).lastPathComponent
            } == ["a", "b"])
    }
}

@Suite struct ReviewSummarySentenceTests {
    @Test func mappingOfStatusesToWords() {
        let s = ReviewSummarySentence(statuses: [
            .achieved, .onTrack, .onTrack, .accelerationNeeded, .limitedProgress, .deterioration,
            .notAchieved,
            .insufficientData, .notQuantifiable
        ])
        #expect(
            Array<Int>([s.judged, s.expectedMet, s.unlikely, s.accelerationNeeded, s.notJudged])
                == [7, 3, 3, 1, 2])
        #expect(
            s.text(.vi)
                == "Có 3/7 chỉ tiêu dự kiến đạt và vượt kế hoạch, 3 chỉ tiêu khó đạt, 1 chỉ tiêu cần tăng tốc. 2 chỉ tiêu chưa đánh giá được (thiếu số liệu hoặc không định lượng)."
        )
        #expect(
            s.text(.en)
                == "3 of 7 targets are expected to be met or exceeded, 3 are unlikely to be met, 1 need acceleration. 2 could not be judged (insufficient data or not quantifiable)."
        )
        #expect(
            ReviewSummarySentence(statuses: [.onTrack]).text(.vi)
                == "Có 1/1 chỉ tiêu dự kiến đạt và vượt kế hoạch, 0 chỉ tiêu khó đạt.")
    }

    @Test func singlePlanReportsCarryTheSentence() {
        let review = SampleReview.make()
        // Sample: a1 acceleration, a2 on track, a3 acceleration, a4 limited, a5 limited,
        // a6 insufficient data, a7 not quantifiable.
        let sentence =
            "Có 1/5 chỉ tiêu dự kiến đạt và vượt kế hoạch, 2 chỉ tiêu khó đạt, 2 chỉ tiêu cần tăng tốc. 2 chỉ tiêu chưa đánh giá được (thiếu số liệu hoặc không định lượng)."
        #expect(ReviewReport.render(review, format: .table).contains(sentence))
        #expect(ReviewReport.render(review, format: .html).contains(sentence))
    }
}
