import ArgumentParser
import Foundation
import Testing
@testable import PlanForecastCLI
@testable import PlanIO

/// Issue 13: the folder `import-plan` writes is accepted as it is by `review`, `project`,
/// `sweep`, `targets` and `check`; with its empty templates they run and say what is
/// missing, and once a baseline value is filled they project it (values by hand below).
@Suite struct ImportedPlanCommands {
    /// Every quantitative indicator of the imported An Hưng folder, from its indicators.csv.
    static func quantitativeIndicators(_ folder: String) throws -> [String] {
        try CSVTable.read(path: folder + "/indicators.csv").rowAccessors
            .filter { $0["measure"] != "qualitative" }.map { $0["id"] }
    }

    /// Runs `ARGS --format csv --output FILE` (exit 0 expected) and reads the CSV back.
    static func csvRows(_ args: [String], in tmp: TempDir, name: String) throws -> [CSVTable.Row] {
        let file = tmp.file(name)
        let status = runCommand(args + ["--format", "csv", "--output", file])
        try #require(status == 0, "\(args.joined(separator: " ")) exited \(status)")
        return try CSVTable.read(path: file).rowAccessors
    }

    @Test func theImportedAnHungFolderRunsThroughEveryCommand() throws {
        let tmp = try TempDir()
        let out = tmp.file("an-hung")
        #expect(runCommand(["import-plan", anHungDocument, "--output", out]) == 0)
        #expect(runCommand(["targets", "--plan", out, "--output", tmp.file("targets.txt")]) == 0)
        #expect(runCommand(["review", "--plan", out, "--output", tmp.file("review.txt")]) == 0)
        #expect(runCommand(["check", "--plan", out]) == 65)  // templates still empty

        // project: exit 0, nothing projected, one insufficient-data note per quantitative
        // indicator, and every quantitative target in exactly one note.
        #expect(runCommand(["project", "--plan", out, "--output", tmp.file("p.txt")]) == 0)
        let findings = try Self.csvRows(
            ["project", "--plan", out, "--view", "findings"], in: tmp, name: "findings.csv")
        let quantitative = try Self.quantitativeIndicators(out)
        #expect(findings.count == quantitative.count)
        #expect(
            findings.allSatisfy { $0["check"] == "insufficient_data" && $0["severity"] == "note" })
        #expect(findings.map { String($0["message"].prefix { $0 != " " }) } == quantitative)
        let plan = try PlanLoader.load(directory: out)
        let noted = findings.flatMap { $0["targets"].split(separator: " ").map(String.init) }
        #expect(
            noted.sorted() == plan.targets.filter { $0.kind != .qualitative }.map(\.id).sorted())
        let income = try #require(
            findings.first { $0["message"].hasPrefix("thu_nhap_binh_quan_tren_dau_nguoi ") })
        #expect(income["targets"] == "T06a T06b")
        #expect(income["message"].contains("no baseline value for 2025 (fill baseline.csv)"))
        #expect(income["message"].contains("growth driver was left out"))
        #expect(try Self.csvRows(["project", "--plan", out], in: tmp, name: "paths.csv").isEmpty)

        // sweep without --scenario: the plan's ranges, every driver left out, exit 0; no
        // target row (nothing can be evaluated without a baseline).
        let rows = try Self.csvRows(
            ["sweep", "--plan", out, "--samples", "200", "--sobol-samples", "0"], in: tmp,
            name: "sweep.csv")
        #expect(!rows.contains { $0["section"] == "target" })
        #expect(rows.allSatisfy { $0["scenario"] == "plan-ranges" })
    }

    /// A three-target plan with one baseline value filled: income 80 million đồng in 2025,
    /// growth target 7–9 %/yr, level target 120 by 2030. By hand (Python):
    /// 80 × 1.07⁵ = 112.2041, 80 × 1.08⁵ = 117.5462, 80 × 1.09⁵ = 123.0899; the level needs
    /// 1.5^(1/5) − 1 = 8.4472 %/yr, so under the uniform 7–9 % range P(met) =
    /// (9 − 8.4472) / 2 = 0.2764 (Monte Carlo with 20,000 draws: s.e. 0.0032).
    @Test func aFilledBaselineIsProjectedAndTheRestIsNoted() throws {
        let tmp = try TempDir()
        let input = try tmp.write(
            "plan.txt",
            """
            KẾ HOẠCH phát triển kinh tế - xã hội xã Thử giai đoạn 2026 - 2030

            1. Chỉ tiêu chủ yếu

            (1) Tỷ lệ hộ nghèo đến năm 2030 dưới 3%.
            (2) Thu nhập bình quân đầu người tăng bình quân 7-9%/năm, đến năm 2030 đạt 120 triệu đồng/người/năm.
            (3) Thu ngân sách trên địa bàn tăng bình quân 10%/năm.

            2. Nhiệm vụ chủ yếu

            """)
        let out = tmp.file("out")
        #expect(runCommand(["import-plan", input, "--output", out, "--strict"]) == 0)
        try """
        indicator,year,value,unit,source,note
        thu_nhap_binh_quan_dau_nguoi,2025,80,triệu đồng/người/năm,official,
        """.write(toFile: out + "/baseline.csv", atomically: true, encoding: .utf8)

        let outcomes = try Self.csvRows(
            ["project", "--plan", out, "--view", "outcomes"], in: tmp, name: "outcomes.csv")
        func outcome(_ scenario: String, _ target: String) throws -> CSVTable.Row {
            try #require(outcomes.first { $0["scenario"] == scenario && $0["target"] == target })
        }
        for (scenario, level, met) in [
            ("plan-low", 112.20413845600004, "false"), ("plan-mid", 117.54624614400004, "false"),
            ("plan-high", 123.08991639200003, "true")
        ] {
            let o = try outcome(scenario, "T02b")
            #expect(abs(Double(o["projected"])! - level) < 1e-6, "\(scenario)")
            #expect(
                o["met"] == met && abs(Double(o["required_growth_pct"])! - 8.447177119769855) < 1e-6
            )
            for t in ["T01", "T03"] {
                #expect(try outcome(scenario, t)["projected"] == "", "\(scenario) \(t)")
            }
        }
        let notes = try Self.csvRows(
            ["project", "--plan", out, "--view", "findings"], in: tmp, name: "findings.csv"
        ).filter { $0["check"] == "insufficient_data" }
        #expect(notes.map { $0["targets"] } == ["T01", "T03"])
        #expect(notes[1]["message"].contains("growth driver was left out"))
        #expect(!notes[0]["message"].contains("left out"))  // no growth target, no driver

        let rows = try Self.csvRows(
            ["sweep", "--plan", out, "--samples", "20000", "--sobol-samples", "0"], in: tmp,
            name: "sweep.csv")
        let p = try #require(
            rows.first {
                $0["section"] == "target" && $0["id"] == "T02b" && $0["statistic"] == "probability"
            })
        #expect(abs(Double(p["value"])! - 0.2764114401150722) < 4 * 0.0032)
        let growth = try #require(
            rows.first {
                $0["section"] == "target" && $0["id"] == "T02a" && $0["statistic"] == "probability"
            })
        #expect(growth["value"] == "1")  // every draw lies in 7–9 %
        #expect(!rows.contains { $0["section"] == "target" && ["T01", "T03"].contains($0["id"]) })
    }

    /// A scenario file that drives an indicator with no baseline is still an error (65):
    /// the user asked for that driver.
    @Test func aScenarioFileDrivingAnIndicatorWithoutBaselineIsRefused() throws {
        let tmp = try TempDir()
        let out = tmp.file("an-hung")
        #expect(runCommand(["import-plan", anHungDocument, "--output", out]) == 0)
        let scenario = try tmp.write(
            "s.yaml",
            """
            name: mine
            drivers:
              thu_nhap_binh_quan_tren_dau_nguoi: {growth: 7}
            """)
        #expect(runCommand(["project", "--plan", out, "--scenario", scenario]) == 65)
        #expect(runCommand(["sweep", "--plan", out, "--scenario", scenario]) == 65)
    }
}

/// The same through the executable: the notes on standard error, and a plan workbook
/// written from the imported folder (`template --plan`) sweeps exactly as the folder does.
@Suite struct ImportedPlanSweepProcess {
    @Test func notesOnStandardErrorAndTheWorkbookSweepsAsTheFolder() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("an-hung").path
        let book = dir.appendingPathComponent("an-hung.xlsx").path
        #expect(try CLI.run(["import-plan", anHungDocument, "--output", folder]).status == 0)
        let baseline =
            "indicator,year,value,unit,source,note\n"
            + "thu_nhap_binh_quan_tren_dau_nguoi,2025,85.56,triệu đồng/người/năm,official,\n"
        try baseline.write(toFile: folder + "/baseline.csv", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["template", "--plan", folder, "--output", book]).status == 0)
        let common = [
            "--samples", "2000", "--sobol-samples", "0", "--threads", "1", "--format", "csv"
        ]
        let fromFolder = try CLI.run(["sweep", "--plan", folder] + common)
        let fromBook = try CLI.run(["sweep", "--plan", book] + common)
        #expect(fromFolder.status == 0 && fromBook.status == 0, "\(fromFolder.stderr)")
        #expect(fromFolder.stdout.contains("target,plan-ranges,T06a,"))  // income is driven
        #expect(!fromBook.stdout.isEmpty && fromBook.stdout == fromFolder.stdout)
        let notes = fromFolder.stderr.split(separator: "\n")
        #expect(notes.count == 4, "\(fromFolder.stderr)")  // budget and the three sectors
        #expect(
            notes.allSatisfy {
                $0.contains(
                    "left out of plan-ranges: no baseline value for 2025 (fill baseline.csv)")
            })
        #expect(!fromFolder.stderr.contains("thu_nhap_binh_quan_tren_dau_nguoi"))
    }
}
