import Testing
import Foundation
import ArgumentParser
@testable import PlanForecastCLI
import Simulation
import PlanIO

/// Issue 9, fault 2, at the command line: accepted scenarios run, the rest exit 65 with
/// file, line and key, and runs too large for memory exit 64 saying what fits.
@Suite struct SweepExitCodes {
    static func temporaryScenario(_ text: String) throws -> String {
        let path =
            NSTemporaryDirectory()
            + "sweep-exit-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func outcome(_ arguments: [String]) -> (code: Int32, message: String) {
        do {
            _ = try SweepCommand.parse(arguments).execute()
            return (0, "")
        } catch {
            let (message, code) = ErrorExit.describe(error)
            return (code, message)
        }
    }

    static let base = """
        name: exit-codes
        drivers:
          budget_revenue: {growth: 12.5}
          gpv_agriculture: {growth: 1.5}
          gpv_industry: {growth: {uniform: [13, 15]}, volatility: 2}
          gpv_services: {growth: 13}
          income_per_capita: {growth: {truncated_normal: {mean: 12, sd: 1, low: 5, high: 9}}}
        """

    @Test func truncatedNormalMeanOutsideItsBoundsExits65() throws {
        let path = try Self.temporaryScenario(Self.base)
        defer { unlink(path) }
        let (code, message) = Self.outcome([
            "--scenario", path, "--samples", "100", "--sobol-samples", "0"
        ])
        #expect(code == 65)
        #expect(
            message.hasPrefix(
                "\(path):7 [income_per_capita.growth.truncated_normal.mean]: found 12, outside [5, 9]"
            ))
    }

    /// `project` reads the same file: it used to project 12 %/yr, outside the distribution.
    @Test func projectRefusesItToo() throws {
        let path = try Self.temporaryScenario(Self.base)
        defer { unlink(path) }
        do {
            try ProjectCommand.parse(["--scenario", path]).run()
            Issue.record("expected exit 65")
        } catch let e as ExitCode {
            #expect(e.rawValue == 65)
        }
    }

    @Test func theSameScenarioWithItsMeanInsideRuns() throws {
        let path = try Self.temporaryScenario(
            Self.base.replacingOccurrences(of: "mean: 12", with: "mean: 8"))
        defer { unlink(path) }
        #expect(
            Self.outcome([
                "--scenario", path, "--samples", "500", "--sobol-samples", "64", "--bootstrap", "5"
            ]).code == 0)
        #expect(
            Self.outcome([
                "--scenario", path, "--mode", "grid", "--grid-points", "3", "--sobol-samples", "0"
            ]).code == 0)
    }

    @Test func aHundredBillionScenariosExit64SayingWhatFits() throws {
        let scenario = SweepCommandRuns.scenario("mc-a.yaml")
        let (code, message) = Self.outcome([
            "--scenario", scenario, "--samples", "100000000000", "--sobol-samples", "0"
        ])
        #expect(code == 64)
        #expect(
            message.contains("100,000,000,000 scenarios need about")
                && message.contains("scenarios fit"))
    }

    @Test func aGridStepTooFineExits64() throws {
        let scenario = SweepCommandRuns.scenario("an-hung-ranges.yaml")
        let (code, message) = Self.outcome([
            "--scenario", scenario, "--mode", "grid", "--step", "1e-9", "--sobol-samples", "0"
        ])
        #expect(code == 64)
        #expect(message.contains("--confirm-grid"))
        #expect(
            Self.outcome([
                "--scenario", scenario, "--mode", "grid", "--step", "1e-9", "--confirm-grid"
            ]).code == 64)
    }
}
