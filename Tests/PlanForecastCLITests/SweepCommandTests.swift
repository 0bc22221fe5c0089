import Testing
import Foundation
@testable import PlanForecastCLI
import Simulation
import PlanIO
import Forecasting

/// `planforecast sweep` end to end, in process, on the repository's scenario files.
@Suite struct SweepCommandRuns {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().path
    static func scenario(_ name: String) -> String { root + "/Scenarios/" + name }

    @Test func anHungRangesTablePrintsEveryTargetWithItsMainDriver() throws {
        let cmd = try SweepCommand.parse([
            "--scenario", Self.scenario("an-hung-ranges.yaml"), "--samples", "2000",
            "--sobol-samples", "256", "--bootstrap", "20", "--threads", "2"
        ])
        let text = try cmd.execute()
        for id in ["T01", "T02", "T02a", "T02b", "T02c", "T06a", "T06b", "T07"] {
            #expect(text.contains("\n\(id) "))
        }
        #expect(text.contains("driver that matters most"))
        #expect(text.contains("gpv_industry (ST"))
        #expect(text.contains("illustrative"))
    }

    @Test func csvIsTidyAndSameWhateverTheThreads() throws {
        func run(_ threads: String) throws -> String {
            try SweepCommand.parse([
                "--scenario", Self.scenario("mc-a.yaml"), "--samples", "5000", "--format", "csv",
                "--sobol-samples", "128", "--bootstrap", "10", "--threads", threads
            ]).execute()
        }
        let one = try run("1"), four = try run("4")
        #expect(one == four)
        let lines = one.split(separator: "\n")
        #expect(
            lines[0]
                == "section,scenario,id,factor,year,statistic,value,std_error,ci_low,ci_high,unit")
        #expect(
            lines.allSatisfy {
                $0.split(separator: ",", omittingEmptySubsequences: false).count == 11
            })
        #expect(lines.contains { $0.hasPrefix("target,mc-a,T02,,2030,probability,") })
        #expect(lines.contains { $0.hasPrefix("sobol,mc-a,T01,budget_revenue,,total,") })
    }

    @Test func errorsMapToExitCodes() throws {
        #expect(
            ErrorExit.describe(SimulationError.notPositiveDefinite(drivers: ["a", "b"])).1 == 65)
        #expect(
            ErrorExit.describe(SimulationError.emptyRange(driver: "a", low: 2, high: 1)).1 == 65)
        #expect(ErrorExit.describe(SimulationError.gridTooLarge(points: 10, limit: 1)).1 == 64)
        #expect(ErrorExit.describe(InputError.io(path: "x", reason: "y")).1 == 74)
        // A correlation matrix the reader accepts but that is not positive definite.
        let text = try String(contentsOfFile: Self.scenario("mc-a.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "- [gpv_industry, gpv_services, 0.6]",
                with:
                    "- [gpv_industry, gpv_services, 0.9]\n  - [gpv_industry, budget_revenue, 0.9]\n  - [gpv_services, budget_revenue, -0.9]"
            )
        let path = NSTemporaryDirectory() + "sweep-nonpd-\(getpid()).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        do {
            _ = try SweepCommand.parse(["--scenario", path, "--samples", "10"]).execute()
            Issue.record("expected an error")
        } catch {
            let (message, code) = ErrorExit.describe(error)
            #expect(code == 65)
            #expect(
                message.contains("gpv_industry") && message.contains("budget_revenue")
                    && message.contains("positive definite"))
            #expect(message.hasPrefix(path + ": "))
        }
    }

    @Test func pathsFileIsWrittenAtomically() throws {
        let dir = NSTemporaryDirectory() + "sweep-paths-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try SweepCommand.parse([
            "--scenario", Self.scenario("mc-a.yaml"), "--samples", "100", "--sobol-samples", "0",
            "--paths", dir + "/paths.csv"
        ]).execute()
        let lines = try String(contentsOfFile: dir + "/paths.csv", encoding: .utf8).split(
            separator: "\n")
        #expect(lines[0] == "scenario,series,year,value")
        #expect(lines.count == 1 + 100 * 6 * 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["paths.csv"])
    }
}

/// With fixed growth and no volatility every simulated path is the deterministic
/// projection (`Forecasting.Projector`, compound growth from the 2025 baseline).
@Suite struct SweepMatchesProjection {
    @Test func planMidSweepEqualsTheProjection() throws {
        let plan = try PlanLoader.load(directory: nil)
        let scenario = try ScenarioReader.read(
            path: SweepCommandRuns.scenario("plan-mid.yaml"), plan: plan)
        var o = SweepOptions()
        o.samples = 50; o.sobolSamples = 0; o.threads = 2
        let r = try SweepEngine.run(plan: plan, scenario: scenario, options: o)
        let projection = try Projector.project(plan: plan, scenario: scenario)
        #expect(!r.series.isEmpty)
        for s in r.series {
            let p = try #require(projection.series(s.id))
            for (t, y) in s.years.enumerated() {
                let want = try #require(p.value(in: y))
                let d = s.byYear[t]
                for got in d.percentiles + [d.mean, d.min, d.max] {
                    #expect(abs(got - want) <= 1e-12 * abs(want), "\(s.id) \(y)")
                }
                #expect(d.sd <= 1e-9 * abs(want))
            }
        }
        // Income 85.56 · 1.07⁵ = 120.0004 (hand): met in every scenario.
        let inc = try #require(r.series.first { $0.id == "income_per_capita" })
        #expect(abs(inc.byYear[4].mean - 85.56 * 1.07 * 1.07 * 1.07 * 1.07 * 1.07) < 1e-9)
        #expect(r.targets.first { $0.id == "T06b" }?.probability == 1)
    }
}
