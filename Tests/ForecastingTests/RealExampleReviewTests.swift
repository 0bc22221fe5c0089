import Foundation
import Testing
@testable import Forecasting
@testable import PlanIO
@testable import PlanModel

/// docs/real-example.md's generated verdict table (`scripts/real-example`) against the
/// engine: Viet Nam's national plan 2021-2025 reviewed as of 2023 under the forecast and
/// trend rules, checked against the 2025 outcomes of the folder.
@Suite struct RealExampleReviewTests {
    let root: URL
    let plan: Plan
    let actuals: [Observation]

    init() throws {
        root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.appendingPathComponent("Notebooks-data/plans/vietnam-2021-2025").path
        plan = try PlanLoader.load(directory: directory)
        actuals = try ActualsFile.read(
            path: (directory as NSString).appendingPathComponent("actuals.csv"), plan: plan)
    }

    func review(_ rule: AssessmentRule, asOf: Int?) -> Review {
        var o = ReviewEngine.Options(); o.rule = rule; o.asOf = asOf; o.charts = false
        return ReviewEngine.review(plan: plan, actuals: actuals, options: o)
    }

    /// The generated section's table rows, split into cells.
    func generatedRows() throws -> [[String]] {
        let doc = try String(
            contentsOf: root.appendingPathComponent("docs/real-example.md"), encoding: .utf8)
        let begin = try #require(doc.range(of: "<!-- real-example:begin -->"))
        let end = try #require(doc.range(of: "<!-- real-example:end -->"))
        return doc[begin.upperBound..<end.lowerBound].split(separator: "\n")
            .filter { $0.hasPrefix("| T") }
            .map { $0.dropFirst(2).dropLast(2).components(separatedBy: " | ") }
    }

    func generatedSection() throws -> String {
        let doc = try String(
            contentsOf: root.appendingPathComponent("docs/real-example.md"), encoding: .utf8)
        let begin = try #require(doc.range(of: "<!-- real-example:begin -->"))
        let end = try #require(doc.range(of: "<!-- real-example:end -->"))
        return String(doc[begin.upperBound..<end.lowerBound])
    }

    static func label(_ s: TargetStatus) -> String {
        s.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    @Test func theDocumentsTableIsTheEnginesVerdicts() throws {
        let rows = try generatedRows()
        #expect(rows.count == 9)
        for (rule, column) in [(AssessmentRule.forecast, 2), (.trend, 4)] {
            let r = review(rule, asOf: 2023)
            for cells in rows {
                let a = try #require(r.assessments.first { $0.target.id == cells[0] })
                var extras: [String] = []
                if let ratio = a.progressRatio {
                    extras.append(String(format: "%.0f %%", ratio * 100))
                }
                if let p = a.probability { extras.append(String(format: "P = %.0f %%", p * 100)) }
                let expected =
                    Self.label(a.status)
                    + (extras.isEmpty ? "" : " (" + extras.joined(separator: ", ") + ")")
                #expect(
                    cells[column].hasPrefix(expected),
                    "\(rule) \(cells[0]): document \(cells[column]), engine \(expected)")
            }
        }
    }

    /// Hits: a green verdict (achieved, on track) for a target achieved by 2025, or an
    /// amber or red one for a target not achieved; the outcome is the review on every
    /// actual, where it is final.
    @Test func hitRatesAreAsStated() throws {
        let section = try generatedSection()
        let final = review(.forecast, asOf: nil)
        let green: Set<TargetStatus> = [.achieved, .onTrack],
            amberRed: Set<TargetStatus> = [.accelerationNeeded, .limitedProgress, .deterioration]
        var hitsByRule: [AssessmentRule: Int] = [:]
        for rule in [AssessmentRule.forecast, .trend] {
            var hits = 0, scored = 0, brier: [Double] = []
            for a in review(rule, asOf: 2023).assessments {
                guard
                    let outcome = final.assessments.first(where: { $0.target.id == a.target.id })?
                        .status,
                    outcome == .achieved || outcome == .notAchieved,
                    green.contains(a.status) || amberRed.contains(a.status)
                else { continue }
                scored += 1
                if green.contains(a.status) == (outcome == .achieved) { hits += 1 }
                if let p = a.probability {
                    brier.append(pow(p - (outcome == .achieved ? 1 : 0), 2))
                }
            }
            hitsByRule[rule] = hits
            let score = String(format: "%.3f", brier.reduce(0, +) / Double(brier.count))
            #expect(
                section.contains(
                    "`--rule \(rule.rawValue)`: \(hits) of \(scored) verdicts right; Brier score of P(meet) \(score) over \(brier.count) targets"
                ),
                "\(rule): \(hits)/\(scored), Brier \(score)")
        }
        // Checked by hand against the table of outcomes: T01 and T02 right, T04, T06, T07
        // (met) and T08 (missed) wrong under both rules.
        #expect(hitsByRule[.forecast] == 2 && hitsByRule[.trend] == 2)
    }

    /// GDP per capita 3,521 (2020) → 4,284 (2023), ≥ 4,700 by 2025: the drift on the log
    /// scale is ln(4284/3521)/3 a year; two years of it against ln(4700/4284) left.
    @Test func gdpPerCapitaByHand() throws {
        let a = try #require(
            review(.forecast, asOf: 2023).assessments.first { $0.target.id == "T02" })
        let ratio = 2 * log(4284.0 / 3521) / 3 / log(4700.0 / 4284)
        #expect(abs(try #require(a.progressRatio) - ratio) < 1e-9)
        #expect(a.status == .onTrack && a.model == "drift(log)")
    }
}
