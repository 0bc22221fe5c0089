import Foundation
import Forecasting
import HTTPTypes
import Hummingbird
import PlanIO
import PlanModel
import Simulation
import Testing
@testable import Workbench

@Suite struct WorkbenchRoutesTests {
    @Test func listsThePlans() async throws {
        try await WorkbenchFixture().with { c in
            let r = try await c.send(.get, "/api/plans")
            #expect(r.status == .ok)
            let plans = r.object["plans"] as? [[String: Any]] ?? []
            #expect(plans.map { $0["id"] as? String } == ["an-hung"])
            #expect((plans.first?["drivers"] as? [String])?.contains("gpv_industry") == true)
        }
    }

    @Test func reviewCarriesTheReviewCSVsStatusCodes() async throws {
        let plan = try PlanLoader.load(directory: nil)
        let actuals = try ActualsFile.read(
            path: PlanLoader.exampleActualsPath(directory: nil)!, plan: plan)
        let expected = ReviewEngine.review(plan: plan, actuals: actuals).assessments.map {
            [$0.target.id, $0.status.rawValue]
        }
        try await WorkbenchFixture().with { c in
            let r = try await c.send(.get, "/api/plans/an-hung/review?lang=en")
            #expect(r.status == .ok)
            let targets = r.object["targets"] as? [[String: Any]] ?? []
            #expect(
                targets.map { [$0["id"] as? String ?? "", $0["status"] as? String ?? ""] }
                    == expected)
        }
    }

    /// Fixed growth and no volatility: every path is the same, so P(meet) of T02b
    /// (industry 13–15 %/yr, higher is better: met from 13 %/yr up, `Target.isMet`) is 1 at
    /// 14 and 15.5 %/yr and 0 at 12 and 12.9 %/yr.
    @Test func sweepProbabilitiesFollowTheGrowthControl() async throws {
        try await WorkbenchFixture().with { c in
            func probability(_ growth: Double) async throws -> Double? {
                let r = try await c.send(
                    .post, "/api/plans/an-hung/sweep?samples=500",
                    body: WorkbenchFixture.planMidJSON(growthIndustry: growth))
                #expect(r.status == .ok, "\(r.text)")
                let targets = r.object["targets"] as? [[String: Any]] ?? []
                return targets.first { $0["id"] as? String == "T02b" }?["probability"] as? Double
            }
            do { let value = try await probability(14); #expect(value == 1) }
            do { let value = try await probability(12); #expect(value == 0) }
            do { let value = try await probability(12.9); #expect(value == 0) }
            do { let value = try await probability(15.5); #expect(value == 1) }
        }
    }

    /// Two shocks on one driver both count: industry at a fixed 14 %/yr meets T02b
    /// (CAGR ≥ 13 %) with one −3 pp shock (about 13.4 %/yr over 2026–2030) and misses it
    /// with two (about 12.8 %/yr); the scenario's YAML keeps both.
    @Test func severalShocksOnOneDriverAllCount() async throws {
        try await WorkbenchFixture().with { c in
            func sweep(_ shocks: String) async throws -> (Double?, String) {
                let r = try await c.send(
                    .post, "/api/plans/an-hung/sweep?samples=200",
                    body: WorkbenchFixture.planMidJSON(extra: ", \"shocks\": [\(shocks)]"))
                #expect(r.status == .ok, "\(r.text)")
                let targets = r.object["targets"] as? [[String: Any]] ?? []
                let p = targets.first { $0["id"] as? String == "T02b" }?["probability"] as? Double
                return (p, r.object["yaml"] as? String ?? "")
            }
            let one = #"{"driver": "gpv_industry", "year": 2027, "pp": -3}"#
            let two = one + #", {"driver": "gpv_industry", "year": 2029, "pp": -3}"#
            let (p1, _) = try await sweep(one)
            let (p2, yaml) = try await sweep(two)
            #expect(p1 == 1)
            #expect(p2 == 0)
            #expect(yaml.components(separatedBy: "driver: gpv_industry").count == 3, "\(yaml)")
        }
    }

    /// The server's sweep is the command line's: the same scenario, paths and seed through
    /// `SweepEngine.run` (what `planforecast sweep` calls) give the same probabilities and
    /// projected values, although the server sweeps over stored common draws.
    @Test func sweepEqualsTheEnginesForTheSameSeed() async throws {
        let json = """
            {"name": "mine", "plan": "an-hung", "drivers": {
              "budget_revenue": {"growth": {"triangular": [10, 12.5, 15]}, "volatility": 3},
              "gpv_agriculture": {"growth": {"uniform": [1.5, 2]}, "volatility": 0.5},
              "gpv_industry": {"growth": {"normal": {"mean": 14, "sd": 1}}, "volatility": 2},
              "gpv_services": {"growth": {"uniform": [13, 15]}, "volatility": 2},
              "income_per_capita": {"growth": 7, "volatility": 1.5}},
             "correlations": [["gpv_industry", "gpv_services", 0.6]]}
            """
        let plan = try PlanLoader.load(directory: nil)
        let (scenario, _) = try ScenarioCodec.scenario(
            from: try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)), plan: plan)
        var options = SweepOptions()
        options.samples = 3000
        options.seed = 11
        options.percentiles = SweepService.percentiles
        options.sobolSamples = 0
        options.tornado = false
        let engine = try SweepEngine.run(plan: plan, scenario: scenario, options: options)
        try await WorkbenchFixture().with { c in
            for _ in 0..<2 {  // the second answer comes from the cache
                let r = try await c.send(
                    .post, "/api/plans/an-hung/sweep?samples=3000&seed=11", body: json)
                // Swift's decoder reads the numbers back exactly (JSONSerialization may not).
                struct Answer: Decodable {
                    struct Target: Decodable {
                        var id: String
                        var probability: Double
                        var projected: Double
                    }
                    var targets: [Target]
                }
                let targets = try JSONDecoder().decode(Answer.self, from: r.data).targets
                #expect(targets.count == engine.targets.count)
                for t in engine.targets {
                    let served = targets.first { $0.id == t.id }
                    #expect(served?.probability == t.probability, "\(t.id)")
                    let scale = t.metric == .cagr ? 100.0 : 1.0
                    #expect(
                        served?.projected == t.metricDistribution.percentiles[2] * scale,
                        "\(t.id)")
                }
            }
        }
    }

    /// A repeated request is answered from the stored answer: the same JSON as the first
    /// answer but `cached: true`; a different language or sample count is another answer.
    @Test func repeatedRequestsGetTheStoredAnswer() async throws {
        try await WorkbenchFixture().with { c in
            let uri = "/api/plans/an-hung/sweep?samples=700&lang=en"
            let body = WorkbenchFixture.planMidJSON(growthIndustry: 13.3)
            let first = try await c.send(.post, uri, body: body)
            let second = try await c.send(.post, uri, body: body)
            #expect(first.object["cached"] as? Bool == false)
            #expect(second.object["cached"] as? Bool == true)
            #expect(
                second.text
                    == first.text.replacingOccurrences(
                        of: "\"cached\":false", with: "\"cached\":true"))
            let vietnamese = try await c.send(
                .post, "/api/plans/an-hung/sweep?samples=700&lang=vi", body: body)
            #expect(vietnamese.status == .ok)
            #expect(
                ((vietnamese.object["targets"] as? [[String: Any]])?.first?["unit"] as? String)
                    != ((first.object["targets"] as? [[String: Any]])?.first?["unit"] as? String)
                    || vietnamese.text != second.text)
            let bad = try await c.send(.post, "/api/plans/an-hung/sweep?samples=0", body: body)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func sweepWithChartsDrawsSVG() async throws {
        try await WorkbenchFixture().with { c in
            let r = try await c.send(
                .post, "/api/plans/an-hung/sweep?samples=1000&charts=1&lang=en",
                body: WorkbenchFixture.planMidJSON())
            let charts = r.object["charts"] as? [[String: Any]] ?? []
            #expect(!charts.isEmpty)
            #expect(charts.allSatisfy { ($0["svg"] as? String)?.hasPrefix("<svg") == true })
            #expect(
                charts.contains { ($0["svg"] as? String)?.contains("Simulated median") == true })
        }
    }

    @Test func errorsAreJSONWithTheReadersMessage() async throws {
        try await WorkbenchFixture().with { c in
            let bad = try await c.send(
                .post, "/api/plans/an-hung/sweep",
                body: WorkbenchFixture.planMidJSON(growthIndustry: 150))
            #expect(bad.status == .unprocessableContent)
            #expect(
                (bad.object["error"] as? String)?.hasPrefix(
                    "scenario.yaml:6 [gpv_industry.growth]: found 150; expected a value from")
                    == true)
            let malformed = try await c.send(.post, "/api/plans/an-hung/sweep", body: "{\"name\": ")
            #expect(malformed.status == .badRequest)
            #expect(malformed.object["error"] != nil)
            let tooMany = try await c.send(
                .post, "/api/plans/an-hung/sweep?samples=10000000",
                body: WorkbenchFixture.planMidJSON())
            #expect(tooMany.status == .badRequest)
            #expect((tooMany.object["error"] as? String)?.contains("200000") == true)
            let unknown = try await c.send(.get, "/api/plans/nowhere/review")
            #expect(unknown.status == .notFound)
            let language = try await c.send(.get, "/api/plans/an-hung/review?lang=fr")
            #expect(language.status == .badRequest)
        }
    }

    @Test func bodiesOverTheLimitAre413() async throws {
        var limits = WorkbenchLimits()
        limits.jsonBodyBytes = 1000
        limits.uploadBytes = 2000
        try await WorkbenchFixture(limits: limits).with { c in
            let big = WorkbenchFixture.planMidJSON(
                extra: ", \"description\": \"" + String(repeating: "x", count: 2000) + "\"")
            do {
                let value = try await c.send(.post, "/api/plans/an-hung/sweep", body: big).status;
                #expect(value == .contentTooLarge)
            }
            let csv =
                "indicator,year,value\n" + String(repeating: "gpv_industry,2026,1\n", count: 200)
            do {
                let value = try await c.send(.post, "/api/plans/an-hung/review", body: csv).status;
                #expect(value == .contentTooLarge)
            }
        }
    }

    /// An uploaded actuals file is read by the command line's reader: its message names
    /// the uploaded file, the line and the field.
    @Test func malformedActualsGiveTheCommandLinesMessage() async throws {
        let csv = "indicator,year,value\ngpv_industry,2026,abc\n"
        let plan = try PlanLoader.load(directory: nil)
        var message = ""
        do {
            _ = try ActualsFile.parse(
                CSVTable.parse(data: Data(csv.utf8), file: "bad.csv"), plan: plan)
        } catch { message = "\(error)" }
        let cli = message
        #expect(cli.hasPrefix("bad.csv:2 [value]"))
        try await WorkbenchFixture().with { c in
            let r = try await c.send(.post, "/api/plans/an-hung/review?file=bad.csv", body: csv)
            #expect(r.status == .unprocessableContent)
            #expect(r.object["error"] as? String == cli)
            let good = try await c.send(
                .post, "/api/plans/an-hung/review?file=mine.csv&lang=en",
                body: "indicator,year,value\ngpv_industry,2026,600\n")
            #expect(good.status == .ok)
            #expect(
                (good.object["table_html"] as? String)?.contains("data-target=\"T02b\"") == true)
            #expect(good.object["actuals"] as? String == "mine.csv")
        }
    }

    @Test func dashboardKeepsThePageContract() async throws {
        let plan = try PlanLoader.load(directory: nil)
        try await WorkbenchFixture().with { c in
            let r = try await c.send(.get, "/plans/an-hung?lang=en")
            #expect(r.status == .ok)
            for t in plan.targets { #expect(r.text.contains("data-target=\"\(t.id)\"")) }
            #expect(r.text.contains("<input type=\"number\" name=\"growth.gpv_industry\""))
            #expect(
                r.text.contains("data-status=\"on_track\"")
                    || r.text.contains("data-status=\"acceleration_needed\""))
            // No external resources: nothing loaded from another address (SVG's xmlns is a name, not a load).
            let external = try Regex(
                #"(src|href|action)\s*=\s*"(https?:)?//|url\(\s*['"]?(https?:)?//|@import"#)
            #expect(r.text.firstMatch(of: external) == nil, "no external resources")
            #expect(
                r.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'")
                    == true)
            let js = try await c.send(.get, "/assets/workbench.js")
            #expect(js.status == .ok && js.text.contains("readScenario"))
            #expect(!js.text.contains("http://") && !js.text.contains("https://"))
            let css = try await c.send(.get, "/assets/workbench.css")
            #expect(css.text.firstMatch(of: external) == nil)
        }
    }

    /// Text from plan files is escaped: a plan named like markup shows as text.
    @Test func textFromFilesIsEscaped() async throws {
        var source = try PlanSource.load(directory: nil)
        source.plan.nameVi = "<script>alert(1)</script> & \"x\""
        source.plan.targets[0].nameVi = "<img src=x onerror=alert(2)>"
        try await WorkbenchFixture(source: source).with { c in
            let page = try await c.send(.get, "/plans/an-hung?lang=vi")
            #expect(!page.text.contains("<script>alert"))
            #expect(!page.text.contains("<img src=x"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
            let list = try await c.send(.get, "/?lang=vi")
            #expect(!list.text.contains("<script>alert"))
        }
    }

    @Test func aLinkReproducesTheScenario() async throws {
        let json = WorkbenchFixture.planMidJSON(growthIndustry: 16.5)
        let query = json.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await WorkbenchFixture().with { c in
            let r = try await c.send(.get, "/plans/an-hung?lang=en&what-if=\(query)")
            #expect(r.text.contains("name=\"growth.gpv_industry\" value=\"16.5\""))
            let bad = try await c.send(.get, "/plans/an-hung?lang=en&what-if=%7B")
            #expect(bad.status == .ok)
            #expect(bad.text.contains("could not be read"))
        }
    }

    @Test func reportsDownloadInEveryFormat() async throws {
        try await WorkbenchFixture().with { c in
            for (ext, start) in [
                ("html", "<!DOCTYPE html>"), ("csv", "plan,as_of,rule,target,"), ("md", "#")
            ] {
                let r = try await c.send(.get, "/plans/an-hung/report.\(ext)?lang=en")
                #expect(r.status == .ok)
                #expect(
                    r.headers[.contentDisposition]
                        == "attachment; filename=\"review-an-hung.\(ext)\"")
                #expect(r.text.hasPrefix(start), "\(ext)")
            }
            let sweep = try await c.send(
                .post, "/plans/an-hung/sweep.csv?samples=300", body: WorkbenchFixture.planMidJSON())
            #expect(sweep.status == .ok)
            #expect(sweep.text == "scenario,mine\n")
            do {
                let value = try await c.send(.get, "/plans/an-hung/..%2F..%2Fetc%2Fpasswd").status;
                #expect(value == .notFound)
            }
        }
    }

    @Test func comparisonShowsThePlansScenariosAndTheUsers() async throws {
        try await WorkbenchFixture().with { c in
            let body = "{\"scenarios\": [\(WorkbenchFixture.planMidJSON(growthIndustry: 16))]}"
            let r = try await c.send(
                .post, "/api/plans/an-hung/compare?samples=300&lang=en", body: body)
            #expect(r.status == .ok, "\(r.text)")
            #expect(
                r.object["scenarios"] as? [String] == ["plan-low", "plan-mid", "plan-high", "mine"])
            let html = r.object["html"] as? String ?? ""
            #expect(html.contains("<code>drivers.gpv_industry.growth</code>: 14 → 16"))
            let four =
                "{\"scenarios\": ["
                + Array(repeating: WorkbenchFixture.planMidJSON(), count: 4).joined(separator: ",")
                + "]}"
            do {
                let value = try await c.send(.post, "/api/plans/an-hung/compare", body: four)
                    .status;
                #expect(value == .badRequest)
            }
        }
    }

    @Test func scenariosSaveOnceAndLoadBack() async throws {
        let fixture = try WorkbenchFixture()
        try await fixture.with { c in
            let json = WorkbenchFixture.planMidJSON(growthIndustry: 15).replacingOccurrences(
                of: "\"mine\"", with: "\"Công nghiệp nhanh\"")
            let first = try await c.send(.post, "/api/plans/an-hung/scenarios", body: json)
            #expect(first.status == .created)
            #expect(first.object["file"] as? String == "cong-nghiep-nhanh.yaml")
            let again = try await c.send(.post, "/api/plans/an-hung/scenarios", body: json)
            #expect(again.status == .conflict)
            do {
                let value = try await c.send(
                    .post, "/api/plans/an-hung/scenarios?overwrite=1", body: json
                ).status; #expect(value == .created)
            }
            let list = try await c.send(.get, "/api/plans/an-hung/scenarios")
            #expect(
                (list.object["scenarios"] as? [[String: Any]])?.first?["file"] as? String
                    == "cong-nghiep-nhanh.yaml")
            let loaded = try await c.send(
                .get, "/api/plans/an-hung/scenarios/cong-nghiep-nhanh.yaml")
            #expect(loaded.status == .ok)
            let drivers =
                (loaded.object["scenario"] as? [String: Any])?["drivers"] as? [String: Any]
            #expect((drivers?["gpv_industry"] as? [String: Any])?["growth"] as? Double == 15)
            do {
                let value = try await c.send(.get, "/api/plans/an-hung/scenarios/..%2Fsecret.yaml")
                    .status;
                #expect(value == .notFound)
            }
            do {
                let value = try await c.send(.get, "/api/plans/an-hung/scenarios/builtin:plan-high")
                    .status;
                #expect(value == .ok)
            }
        }
        let text = try String(
            contentsOfFile: fixture.scenarioFolder + "/cong-nghiep-nhanh.yaml", encoding: .utf8)
        #expect(text.contains("gpv_industry: {growth: 15}"))
        let plan = try PlanLoader.load(directory: nil)
        #expect(
            try ScenarioReader.read(
                path: fixture.scenarioFolder + "/cong-nghiep-nhanh.yaml", plan: plan
            ).name == "Công nghiệp nhanh")
    }
}
