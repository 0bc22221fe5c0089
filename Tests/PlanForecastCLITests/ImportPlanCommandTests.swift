import ArgumentParser
import Foundation
import Testing
@testable import PlanForecastCLI
@testable import PlanIO

/// A fresh temporary folder, removed when the test ends.
final class TempDir {
    let url: URL
    var path: String { url.path }
    init(_ name: String = #function) throws {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pf-\(safe)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { url.appendingPathComponent(name).path }
    func write(_ name: String, _ text: String) throws -> String {
        let p = file(name)
        try text.write(toFile: p, atomically: false, encoding: .utf8)
        return p
    }
    func listing(_ sub: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: sub.isEmpty ? path : file(sub)))
            ?? []).sorted()
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs `planforecast ARGS` in-process and returns the exit code it would exit with.
func runCommand(_ args: [String]) -> Int32 {
    do {
        var command = try PlanForecastCommand.parseAsRoot(args)
        try command.run()
        return 0
    } catch {
        return PlanForecastCommand.exitCode(for: error).rawValue
    }
}

let smallTable = """
    STT\tNội dung chỉ tiêu\tĐơn vị tính\tKế hoạch 2026 - 2030\tĐơn vị tham mưu
    1\tTỷ lệ hộ nghèo\t%\t< 3\tPhòng Kinh tế
    2\tThu nhập đầu người\ttriệu đồng/người/năm\t120\t

    """

/// The files `import-plan --output DIR` writes, sorted.
let allFiles = PlanFolderWriter.fileNames.sorted()

/// The An Hưng plan document in the PlanIO test fixtures.
let anHungDocument = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("PlanIOTests/Fixtures/import/ke-hoach-an-hung-2026-2030.txt").path

@Suite struct ImportPlanCommandLine {
    /// Issue 13's "done when": import the document, then review and check the folder as it is.
    @Test func importThenReviewAndCheckTheFolderAsItIs() throws {
        let tmp = try TempDir()
        let out = tmp.file("an-hung")
        #expect(runCommand(["import-plan", anHungDocument, "--output", out]) == 0)
        #expect(tmp.listing("an-hung") == allFiles)
        let plan = try PlanLoader.load(directory: out)
        #expect(
            plan.targets.count == 34 && plan.baseline.isEmpty && plan.firstYear == 2026
                && plan.baselineYear == 2025)
        // review runs: every quantitative target is "insufficient data" (templates are empty).
        let reviewFile = tmp.file("review.csv")
        #expect(
            runCommand(["review", "--plan", out, "--format", "csv", "--output", reviewFile]) == 0)
        let review = try CSVTable.read(path: reviewFile)
        let statuses = Set(review.rowAccessors.map { $0["status"] })
        #expect(statuses.isSubset(of: ["insufficient_data", "not_quantifiable"]), "\(statuses)")
        #expect(review.rowAccessors.filter { $0["status"] == "insufficient_data" }.count == 30)
        // check lists what to fill and exits 65; targets reads the folder.
        #expect(runCommand(["check", "--plan", out]) == 65)
        let report = try PlanCheck.check(directory: out, actualsPath: nil)
        #expect(report.gaps.count == 31)
        #expect(report.gaps.first { $0.target == "T01" }?.missing == [.unit, .baseline, .actuals])
        #expect(report.gaps.first { $0.target == "T03" }?.missing == [.value, .baseline, .actuals])
        #expect(runCommand(["targets", "--plan", out, "--output", tmp.file("targets.txt")]) == 0)
    }

    /// Filling the templates makes the folder usable: check exits 0.
    @Test func checkPassesOnceTheTemplatesAreFilled() throws {
        let tmp = try TempDir()
        let input = try tmp.write(
            "plan.txt",
            """
            KẾ HOẠCH phát triển kinh tế - xã hội xã Thử giai đoạn 2026 - 2030

            1. Chỉ tiêu chủ yếu

            (1) Tỷ lệ hộ nghèo đến năm 2030 dưới 3%.
            (2) Thu nhập bình quân đầu người đến năm 2030 đạt 120 triệu đồng/người/năm.

            2. Nhiệm vụ chủ yếu

            """)
        let out = tmp.file("out")
        #expect(runCommand(["import-plan", input, "--output", out, "--strict"]) == 0)
        #expect(runCommand(["check", "--plan", out]) == 65)
        let yaml = try String(contentsOfFile: out + "/plan.yaml", encoding: .utf8)
        #expect(yaml.contains("id: \"xa-thu-2026-2030\"") && yaml.contains("baseline_year: 2025"))
        try """
        indicator,year,value,unit,source,note
        ty_le_ho_ngheo,2025,4.2,%,official,
        thu_nhap_binh_quan_dau_nguoi,2025,80,triệu đồng/người/năm,official,
        """.write(toFile: out + "/baseline.csv", atomically: true, encoding: .utf8)
        try """
        indicator,year,value
        ty_le_ho_ngheo,2026,3.9
        thu_nhap_binh_quan_dau_nguoi,2026,88
        """.write(toFile: out + "/actuals.csv", atomically: true, encoding: .utf8)
        #expect(runCommand(["check", "--plan", out]) == 0)
        #expect(runCommand(["review", "--plan", out, "--output", tmp.file("r.txt")]) == 0)
    }

    @Test func writesTargetsAndReportIntoTheOutputFolder() throws {
        let tmp = try TempDir()
        let input = try tmp.write("plan.txt", smallTable)
        #expect(runCommand(["import-plan", input, "--output", tmp.file("out")]) == 0)
        #expect(tmp.listing("out") == allFiles)
        let csv = try String(contentsOfFile: tmp.file("out/targets.csv"), encoding: .utf8)
        let table = try CSVTable.parse(text: csv, file: "targets.csv")
        #expect(table.rows.count == 2)
        #expect(
            table.rowAccessors[0]["comparator"] == "<" && table.rowAccessors[0]["value_low"] == "3")
        #expect(table.rowAccessors[1]["responsible_unit"] == "Phòng Kinh tế")
    }

    @Test func theAnHungDocumentImportsWithNothingUnclassified() throws {
        let tmp = try TempDir()
        #expect(runCommand(["import-plan", anHungDocument, "--output", tmp.path, "--strict"]) == 0)
        let report = try String(contentsOfFile: tmp.file("import-report.md"), encoding: .utf8)
        #expect(
            report.contains(
                "- 34 targets (1 from prose only, 33 prose and table merged, 0 from the table only); 33 indicators; 0 statements not classified"
            ))
    }

    @Test func exitCodes() throws {
        let tmp = try TempDir()
        let good = try tmp.write("plan.txt", smallTable)
        let empty = try tmp.write("empty.txt", "")
        let bad = try tmp.write("bad.txt", smallTable + "3\tSố hộ\thộ\tNaN\t\n")
        #expect(runCommand(["import-plan"]) == 64)  // no FILE
        #expect(runCommand(["import-plan", good, "--period", "2030"]) == 64)  // bad option
        #expect(runCommand(["import-plan", good, "--bogus"]) == 64)
        #expect(runCommand(["import-plan", empty, "--output", tmp.file("o1")]) == 65)  // bad data
        let noTarget = try tmp.write(
            "none.txt",
            "Kế hoạch giai đoạn 2026 - 2030\n\nCác chỉ tiêu chủ yếu\n\n(1) Nâng cao đời sống.\n")
        // nothing to write
        #expect(runCommand(["import-plan", noTarget, "--output", tmp.file("o6")]) == 65)
        #expect(!FileManager.default.fileExists(atPath: tmp.file("o6")))
        #expect(
            runCommand(["import-plan", tmp.file("missing.txt"), "--output", tmp.file("o2")]) == 74)
        // a folder
        #expect(runCommand(["import-plan", tmp.path, "--output", tmp.file("o3")]) == 74)
        #expect(runCommand(["import-plan", good, "--output", good]) == 74)  // output is a file
        // An unclassified row: imported without it, or refused with --strict.
        #expect(runCommand(["import-plan", bad, "--output", tmp.file("o4")]) == 0)
        #expect(runCommand(["import-plan", bad, "--output", tmp.file("o5"), "--strict"]) == 65)
        #expect(!FileManager.default.fileExists(atPath: tmp.file("o5/targets.csv")))
        for o in ["o1", "o2", "o3"] {
            #expect(!FileManager.default.fileExists(atPath: tmp.file(o)))
        }
    }

    @Test func neverWritesOutsideTheOutputFolder() throws {
        let tmp = try TempDir()
        let input = try tmp.write("plan.txt", smallTable)
        let outside = try tmp.write("precious.csv", "do not touch\n")
        try FileManager.default.createDirectory(
            atPath: tmp.file("out"), withIntermediateDirectories: true)
        // targets.csv inside DIR is a symlink to a file outside: it is replaced, not followed.
        try FileManager.default.createSymbolicLink(
            atPath: tmp.file("out/targets.csv"), withDestinationPath: outside)
        #expect(runCommand(["import-plan", input, "--output", tmp.file("out")]) == 0)
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "do not touch\n")
        let attrs = try FileManager.default.attributesOfItem(atPath: tmp.file("out/targets.csv"))
        #expect(attrs[.type] as? FileAttributeType == .typeRegular)
        #expect(tmp.listing() == ["out", "plan.txt", "precious.csv"])
        #expect(tmp.listing("out") == allFiles)
        // A path with .. segments names a folder like any other; the names written are fixed.
        #expect(runCommand(["import-plan", input, "--output", tmp.file("out/../out2")]) == 0)
        #expect(tmp.listing() == ["out", "out2", "plan.txt", "precious.csv"])
        // A folder where targets.csv belongs is not replaced.
        try FileManager.default.createDirectory(
            atPath: tmp.file("out3/targets.csv"), withIntermediateDirectories: true)
        #expect(runCommand(["import-plan", input, "--output", tmp.file("out3")]) == 74)
        #expect(tmp.listing("out3") == ["targets.csv"])
    }

    @Test func replacingAFileLeavesNoTemporaryFiles() throws {
        let tmp = try TempDir()
        let input = try tmp.write("plan.txt", smallTable)
        for _ in 0..<3 { #expect(runCommand(["import-plan", input, "--output", tmp.path]) == 0) }
        #expect(tmp.listing() == (allFiles + ["plan.txt"]).sorted())
    }
}
