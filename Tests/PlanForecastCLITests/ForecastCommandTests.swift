import ArgumentParser
import Foundation
import Testing
@testable import PlanForecastCLI

/// Drives `planforecast forecast` and `backtest` in-process on small CSV files.
@Suite struct ForecastCommandTests {
    static let long = """
        series,year,value
        a,2018,10
        a,2019,12
        a,2020,11
        a,2021,15
        a,2022,16
        b,2018,5
        b,2019,5
        b,2020,6
        b,2021,6
        b,2022,3

        """

    @Test func naiveCSVByHand() throws {
        let csv = try FitCommandTests.temp("fc-long.csv", Self.long)
        let text = try FitCommandTests.run([
            "forecast", "--input", csv, "--x", "year", "--y", "value", "--group", "series",
            "--horizon", "2", "--model", "naive", "--calibration", "none", "--format", "csv"
        ])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "group,x,model,point,lo_80,hi_80,lo_95,hi_95,note")
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("a,2023,naive,16,") && lines[4].hasPrefix("b,2024,naive,3,"))
        // a: σ̂ = √((4 + 1 + 16 + 1)/4); 95 % upper bound at h = 2: 16 + 1.959963984540054·σ̂·√2.
        let f = lines[2].split(separator: ",", omittingEmptySubsequences: false)
        #expect(
            abs(
                Double(f[7])!
                    - (16 + 1.959963984540054 * (22.0 / 4).squareRoot() * 2.0.squareRoot())) < 1e-9)
    }

    @Test func autoTableSaysWhich() throws {
        let csv = try FitCommandTests.temp("fc-long2.csv", Self.long)
        let text = try FitCommandTests.run([
            "forecast", "--input", csv, "--x", "year", "--y", "value", "--group", "series",
            "--horizon", "3"
        ])
        #expect(text.contains("why: least rolling-origin error score"))
    }

    @Test func badOptionsExit64AndBadFilesExit65Or74() throws {
        let csv = try FitCommandTests.temp("fc-long3.csv", Self.long)
        let base = ["forecast", "--input", csv, "--x", "year", "--y", "value", "--group", "series"]
        #expect(FitCommandTests.exitCode(base + ["--horizon", "0"]) == 64)
        #expect(FitCommandTests.exitCode(base + ["--horizon", "2", "--model", "arima"]) == 64)
        #expect(FitCommandTests.exitCode(base + ["--horizon", "2", "--level", "120"]) == 64)
        #expect(
            FitCommandTests.exitCode(base + ["--horizon", "2", "--calibration-weight", "1.5"]) == 64
        )
        #expect(FitCommandTests.exitCode(base + ["--horizon", "2", "--pooling-weight=-1"]) == 64)
        let bad = try FitCommandTests.temp("fc-bad.csv", "series,year,value\na,2020,x1\n")
        #expect(
            FitCommandTests.exitCode([
                "forecast", "--input", bad, "--x", "year", "--y", "value", "--horizon", "1"
            ]) == 65)
        #expect(
            FitCommandTests.exitCode([
                "forecast", "--input", "/nonexistent/x.csv", "--x", "year", "--y", "value",
                "--horizon", "1"
            ]) == 74)
    }

    @Test func backtestWritesCSVAndSummary() throws {
        let csv = try FitCommandTests.temp("fc-long4.csv", Self.long)
        let html = try FitCommandTests.temp("fc-summary.html", "")
        let text = try FitCommandTests.run([
            "backtest", "--input", csv, "--x", "year", "--y", "value", "--group", "series",
            "--horizon", "2", "--models", "naive", "--calibration", "none", "--summary", html
        ])
        // Hand-computed as in BacktestTests: overall sMAPE (200·4/26 + 200·5/27 + 200·3/9)/4, MASE 3.
        let all = text.split(separator: "\n").first { $0.hasPrefix("naive,all,") }!.split(
            separator: ",")
        #expect(abs(Double(all[3])! - (200.0 * 4 / 26 + 200.0 * 5 / 27 + 200.0 * 3 / 9) / 4) < 1e-4)
        #expect(all[4] == "3.0000")
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<svg"))
    }
}
