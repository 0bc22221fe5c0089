import Foundation
import Testing

/// Runs the built `planforecast` binary as a user would and checks output and exit codes.
enum CLI {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        if let p = ProcessInfo.processInfo.environment["PLANFORECAST_BIN"] {
            return URL(fileURLWithPath: p)
        }
        // The test bundle sits in the same build folder as the executable.
        let candidates =
            [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("planforecast") }
            + [repo.appendingPathComponent(".build/debug/planforecast")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? candidates.last!
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ args: [String], cwd: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pfcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }
}

@Suite(.serialized) struct CommandLine {
    @Test func targetsCSVListsEveryNumberedTarget() throws {
        let r = try CLI.run(["targets", "--format", "csv"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,indicator,plan_item,appendix_row,") == true)
        #expect(lines.count == 35)  // header + 34 targets
        for n in 1...21 { #expect(r.stdout.contains(",(\(n)),"), "item (\(n))") }
    }

    @Test func projectCSVHasEveryYearAndScenario() throws {
        let r = try CLI.run(["project", "--format", "csv"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(
            rows[0].joined(separator: ",")
                == "plan,scenario,indicator,name_en,unit,year,value,growth_pct,basis,path_target,illustrative"
        )
        let income = rows.filter {
            $0.count > 6 && $0[1] == "plan-mid" && $0[2] == "income_per_capita"
        }
        #expect(income.map { String($0[5]) } == ["2025", "2026", "2027", "2028", "2029", "2030"])
        let v2030 = Double(String(income.last![6]))!
        #expect(abs(v2030 - 120) < 0.05)
        for s in ["plan-low", "plan-mid", "plan-high"] {
            #expect(rows.contains { $0.count > 1 && $0[1] == s })
        }
    }

    @Test func tableMarksIllustrativeValues() throws {
        let r = try CLI.run(["project"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("ILLUSTRATIVE baseline values"))
        #expect(r.stdout.contains("Tổng giá trị") || r.stdout.contains("An Hưng"))
    }

    @Test func badScenarioExits65WithOneLocatedMessage() throws {
        let dir = try CLI.tempDir()
        let f = dir.appendingPathComponent("bad.yaml")
        try "name: x\ndrivers:\n  budget_revenue: {growth: abc}\n".write(
            to: f, atomically: true, encoding: .utf8)
        let r = try CLI.run(["project", "--scenario", f.path])
        #expect(r.status == 65)
        #expect(
            r.stderr
                == "planforecast: error: \(f.path):3 [budget_revenue.growth]: found \"abc\"; expected a number such as 12.5 or 12,5\n"
        )
        #expect(r.stdout.isEmpty)
    }

    @Test func missingPlanFolderExits74() throws {
        let r = try CLI.run(["targets", "--plan", "/nonexistent/plan"])
        #expect(r.status == 74)
        #expect(r.stderr.contains("/nonexistent/plan: no such plan folder"))
    }

    @Test func unknownFlagExits64() throws {
        let r = try CLI.run(["project", "--formt", "csv"])
        #expect(r.status == 64)
    }

    @Test func failedRunLeavesThePreviousOutputIntact() throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("paths.csv")
        try "previous\n".write(to: out, atomically: true, encoding: .utf8)
        let bad = dir.appendingPathComponent("bad.yaml")
        try "name: x\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run([
            "project", "--scenario", bad.path, "--format", "csv", "--output", out.path
        ])
        #expect(r.status == 65)
        #expect(try String(contentsOf: out, encoding: .utf8) == "previous\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
                "bad.yaml", "paths.csv"
            ])
        let ok = try CLI.run(["project", "--format", "csv", "--output", out.path])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("plan,scenario,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 2)
    }

    @Test func runsFromAnyFolder() throws {
        let r = try CLI.run(["targets", "--format", "json"], cwd: URL(fileURLWithPath: "/"))
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"id\" : \"T06b\""))
    }
}

@Suite(.serialized) struct ReviewCommandLine {
    @Test func mainJobPrintsTheTableAndWritesReports() throws {
        let dir = try CLI.tempDir()
        let r = try CLI.run([], cwd: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("T06b"))
        #expect(r.stdout.contains("MINH HỌA"))  // illustrative data is marked
        let written = try FileManager.default.contentsOfDirectory(
            atPath: dir.appendingPathComponent("planforecast-review").path
        ).sorted()
        #expect(written == ["review-an-hung.csv", "review-an-hung.html", "review-an-hung.md"])
        #expect(r.stderr.contains("reports written: planforecast-review/review-an-hung.html"))
    }

    @Test func reviewCSVHasOneRowPerTarget() throws {
        let r = try CLI.run(["review", "--format", "csv", "--lang", "en"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 35)
        #expect(r.stderr.contains("ILLUSTRATIVE example actuals"))
    }

    @Test func actualsWithVietnameseFormatsAreRead() throws {
        let dir = try CLI.tempDir()
        let f = dir.appendingPathComponent("actuals.csv")
        // BOM, semicolons, decimal commas, an estimate marked "ước".
        try Data(
            "\u{FEFF}indicator;year;value;estimate\nincome_per_capita;2026;91,5;\nincome_per_capita;2027;98,0;ước\n"
                .utf8
        ).write(to: f)
        let r = try CLI.run(["review", "--actuals", f.path, "--format", "csv", "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("T06b"))
    }

    @Test func badActualsExit65NamingTheLine() throws {
        let dir = try CLI.tempDir()
        let f = dir.appendingPathComponent("actuals.csv")
        try "indicator,year,value\nincome_per_capita,2026,91.5\nincome_per_capita,2026,92\n".write(
            to: f, atomically: true, encoding: .utf8)
        let r = try CLI.run(["review", "--actuals", f.path])
        #expect(r.status == 65)
        #expect(
            r.stderr
                == "planforecast: error: \(f.path):3 [year]: found income_per_capita 2026 again (first on line 2); expected one value per indicator and year\n"
        )
    }

    @Test func badLevelIsAUsageError() throws {
        let r = try CLI.run(["review", "--level", "80,150"])
        #expect(r.status == 64)
    }
}
