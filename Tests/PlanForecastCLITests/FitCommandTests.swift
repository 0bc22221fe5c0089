import ArgumentParser
import Foundation
import Testing
import PlanIO
@testable import Reports
@testable import PlanForecastCLI

/// Drives `planforecast fit` in-process on small CSV files written to a temporary folder.
@Suite struct FitCommandTests {
    static func temp(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fit-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static func run(_ args: [String]) throws -> String {
        let out = try temp("out-\(UUID().uuidString).txt", "")
        var cmd = try PlanForecastCommand.parseAsRoot(args + ["--output", out])
        try cmd.run()
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    static func exitCode(_ args: [String]) -> Int32? {
        do { _ = try run(args); return 0 } catch let e as ExitCode { return e.rawValue } catch {
            return nil
        }
    }

    @Test func fitsSomeoneElsesColumnsWithADecimalComma() throws {
        // Vietnamese headers and a decimal comma; y = 2·nam − 4000 exactly except the last
        // point; with the hand fit of (2020,40),(2021,42),(2022,45): slope 2.5, mean 42.333…
        let csv = try Self.temp("vn.csv", "nam;gia_tri\n2020;40\n2021;42\n2022;\"45,0\"\n")
        let text = try Self.run([
            "fit", "--input", csv, "--x", "nam", "--y", "gia_tri", "--format", "csv", "--until",
            "2023"
        ])
        let lines = text.split(separator: "\n")
        #expect(
            lines[0]
                == "nam,point,point_is_median,level_pct,mean_lower,mean_upper,prediction_lower,prediction_upper,note"
        )
        // Forecast at 2023: 42.333… + 2.5·2 = 47.333…
        let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields[0] == "2023" && abs(Double(fields[1])! - 142.0 / 3) < 1e-12)
        #expect(lines.count == 3)  // levels 80 and 95
    }

    @Test func groupModeWritesOneRowPerGroupAndExplainsFailures() throws {
        let csv = try Self.temp(
            "actuals.csv",
            """
            indicator,year,value
            income,2021,100
            income,2022,110
            income,2023,121
            budget,2022,5
            budget,2023,-1
            rice,2024,3
            rice,2025,
            """)
        let text = try Self.run([
            "fit", "--input", csv, "--x", "year", "--y", "value", "--group", "indicator",
            "--model", "exponential", "--format", "csv", "--until", "2030"
        ])
        let rows = text.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let h = rows[0]
        #expect(rows.count == 4)
        let income = rows[1], budget = rows[2], rice = rows[3]
        #expect(income[h.firstIndex(of: "status")!] == "fitted")
        // 100, 110, 121: growth exactly 10 %/yr, point at 2030 = 121·1.1⁷.
        #expect(abs(Double(income[h.firstIndex(of: "growth_pct")!])! - 10) < 1e-9)
        #expect(abs(Double(income[h.firstIndex(of: "point")!])! - 121 * pow(1.1, 7)) < 1e-8)
        #expect(budget[h.firstIndex(of: "status")!] == "not_fitted")
        #expect(budget.last!.contains("y > 0") && budget.last!.contains(":6"))
        #expect(rice[h.firstIndex(of: "status")!] == "not_fitted")  // one observation, 2 parameters
    }

    @Test func badDataExitsWith65AndIOErrorsWith74AndUsageWith64() throws {
        let bad = try Self.temp("bad.csv", "year,value\n2021,1\n2022,abc\n")
        #expect(Self.exitCode(["fit", "--input", bad, "--x", "year", "--y", "value"]) == 65)
        #expect(
            Self.exitCode(["fit", "--input", "/nonexistent/x.csv", "--x", "year", "--y", "value"])
                == 74)
        #expect(
            Self.exitCode(["fit", "--input", bad, "--x", "year", "--y", "value", "--model", "cubic"]
            ) == 64)
        #expect(
            Self.exitCode(["fit", "--input", bad, "--x", "year", "--y", "value", "--level", "120"])
                == 64)
        let neg = try Self.temp("neg.csv", "year,value\n2021,1\n2022,0\n2023,2\n")
        #expect(
            Self.exitCode([
                "fit", "--input", neg, "--x", "year", "--y", "value", "--model", "exponential"
            ]) == 65)
    }

    @Test func badNumberErrorNamesFileLineAndField() throws {
        let bad = try Self.temp("bad2.csv", "year,value\n2021,1\n2022,abc\n")
        let data = try FileInput.read(path: bad)
        let spec = try FitSpec(
            model: "linear", levels: [0.8, 0.95], until: nil,
            columns: SeriesColumns(x: "year", y: "value"))
        #expect(
            throws: InputError.badData(
                location: SourceLocation(file: bad, line: 3, field: "value"),
                found: "\"abc\"", expected: "a number such as 12.5 or 12,5")
        ) {
            try FitRunner.run(data: data, file: bad, spec: spec, format: .csv)
        }
    }

    @Test func exactFitSaysNoIntervalExists() throws {
        let csv = try Self.temp("two.csv", "year,value\n2024,10\n2025,12\n")
        let text = try Self.run([
            "fit", "--input", csv, "--x", "year", "--y", "value", "--format", "json", "--until",
            "2026"
        ])
        #expect(text.contains("\"no_interval_reason\"") && text.contains("exact fit"))
        #expect(!text.lowercased().contains("nan"))
    }
}

@Suite struct FitBatchReadingTests {
    /// The batch CSV and the table output read the same series (trimmed groups, a blank
    /// line, a gap, a decimal comma in a `;` file): expected by hand.
    @Test func groupedFileGivesTheSameFitsInEveryFormat() throws {
        let text =
            "indicator;year;value\n a ;2021;1,5\na;2022;2.25\n\nb;2021;3\nb;2022;\nb;2023;4.5\nb;2024;5\n"
        let spec = try FitSpec(
            model: "linear", levels: [0.8, 0.95], until: 2026,
            columns: SeriesColumns(x: "year", y: "value", group: "indicator"))
        let series = try FitRunner.series(data: Data(text.utf8), file: "t.csv", spec: spec)
        #expect(series.map(\.name) == ["a", "b"])
        #expect(series[0].y == [1.5, 2.25] && series[1].lines == [5, 7, 8])  // line 6 is a gap
        let batch = try FitRunner.runData(
            data: Data(text.utf8), file: "t.csv", spec: spec, format: .csv)
        let serial = try FitRunner.run(series: series, file: "t.csv", spec: spec, format: .csv)
        #expect(String(decoding: batch, as: UTF8.self) == serial)
    }
}

@Suite struct FitPlanActualsTests {
    @Test func withoutInputFitsEveryIndicatorOfThePlansActuals() throws {
        let text = try FitCommandTests.run([
            "fit", "--model", "exponential", "--format", "csv", "--until", "2030"
        ])
        let rows = text.split(separator: "\n")
        #expect(rows[0].hasPrefix("group,model,n,df,status,b0,b1"))
        // One row per indicator of the embedded plan's actuals file.
        let actuals = try String(
            contentsOfFile: PlanLoader.exampleActualsPath(directory: nil)!, encoding: .utf8)
        let ids = Set(
            actuals.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) })
        #expect(rows.count - 1 == ids.count)
    }

    @Test func inputWithoutColumnsIsAUsageError() throws {
        let csv = try FitCommandTests.temp("cols.csv", "year,value\n2021,1\n2022,2\n")
        #expect(FitCommandTests.exitCode(["fit", "--input", csv]) == 64)
    }
}
