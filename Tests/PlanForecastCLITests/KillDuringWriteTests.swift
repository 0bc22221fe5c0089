import Foundation
import Testing
@testable import PlanForecastCLI
@testable import PlanIO

/// Nothing lost: SIGKILL the real `planforecast` process while it writes a large output,
/// then check that the previous output is intact and that no partial file is left behind,
/// under any name.
///
/// The output is `import-plan` of a generated table big enough (tens of MB of targets.csv)
/// that the write takes a while. The test watches /proc/PID/fd for the file being written
/// in the output folder and kills the process the moment it appears; each attempt also
/// checks the invariants whatever the moment of the kill turned out to be. Linux only.
@Suite struct KillDuringWrite {
    /// The `planforecast` executable (the same one `CLI` runs).
    static var executable: String? {
        let p = CLI.binary.path
        return FileManager.default.isExecutableFile(atPath: p) ? p : nil
    }

    /// A plan table with `rows` targets, each with a long name (so the output is large while
    /// the parsing stays cheap).
    static func bigTable(rows: Int) -> String {
        var s = "STT\tNội dung chỉ tiêu\tĐơn vị tính\tKế hoạch 2026 - 2030\tĐơn vị tham mưu\n"
        let filler = String(
            repeating: "Tỷ lệ hộ dân được sử dụng nước sạch theo quy chuẩn ", count: 30)
        s.reserveCapacity(rows * (filler.utf8.count + 40))
        for i in 1...rows { s += "\(i)\t\(filler)\(i)\t%\t\(i % 90 + 1)\tPhòng Kinh tế\n" }
        return s
    }

    /// File descriptors of `pid` open on a file in `folder` (an O_TMPFILE shows as
    /// "FOLDER/#INODE (deleted)", a named temporary file by its name).
    static func openFiles(of pid: Int32, in folder: String) -> [String] {
        let fdDir = "/proc/\(pid)/fd"
        guard let fds = try? FileManager.default.contentsOfDirectory(atPath: fdDir) else {
            return []
        }
        return fds.compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fdDir)/\($0)")
        }
        .filter { $0.hasPrefix(folder + "/") }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func sigkillMidWriteKeepsThePreviousFileAndLeavesNoPartialFile() throws {
        let exe = try #require(
            Self.executable, "planforecast executable not built next to the tests")
        let tmp = try TempDir()
        let out = tmp.file("out")
        // The previous output: a small, complete import.
        let small = try tmp.write("small.txt", Self.bigTable(rows: 3))
        #expect(runCommand(["import-plan", small, "--output", out]) == 0)
        let previousTargets = try Data(contentsOf: URL(fileURLWithPath: out + "/targets.csv"))
        let previousReport = try Data(contentsOf: URL(fileURLWithPath: out + "/import-report.md"))

        var rows = 3_000
        var killedMidWrite = 0
        var attempts = 0
        while killedMidWrite < 2 && attempts < 6 {
            attempts += 1
            let big = try tmp.write("big.txt", Self.bigTable(rows: rows))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = ["import-plan", big, "--output", out]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            var sawWrite = false
            let deadline = Date().addingTimeInterval(120)
            while p.isRunning && Date() < deadline {
                if !Self.openFiles(of: p.processIdentifier, in: out).isEmpty {
                    sawWrite = true
                    kill(p.processIdentifier, SIGKILL)
                    break
                }
                usleep(200)
            }
            p.waitUntilExit()
            let killed = p.terminationReason == .uncaughtSignal && p.terminationStatus == SIGKILL
            if killed && sawWrite { killedMidWrite += 1 }

            // Whatever the moment: each file is the previous one or a complete new one,
            // and nothing else is in the folder.
            #expect(
                Set(tmp.listing("out")) == Set(PlanFolderWriter.fileNames),
                "attempt \(attempts): \(tmp.listing("out"))")
            let targets = try Data(contentsOf: URL(fileURLWithPath: out + "/targets.csv"))
            if killed {
                if targets != previousTargets {
                    // The kill came after targets.csv was renamed into place: it must be whole.
                    let text = String(decoding: targets, as: UTF8.self)
                    #expect(text.hasSuffix("\n") && text.split(separator: "\n").count == rows + 1)
                }
                let report = try Data(contentsOf: URL(fileURLWithPath: out + "/import-report.md"))
                if report != previousReport {
                    #expect(String(decoding: report, as: UTF8.self).contains("- \(rows) targets ("))
                }
                // Restore the previous state for the next attempt if a new file landed.
                if targets != previousTargets || report != previousReport {
                    #expect(runCommand(["import-plan", small, "--output", out]) == 0)
                }
            } else {
                // Finished before we caught it writing: a bigger table next time.
                #expect(p.terminationStatus == 0)
                rows *= 2
                #expect(runCommand(["import-plan", small, "--output", out]) == 0)
            }
        }
        #expect(killedMidWrite >= 1, "never caught the process writing (last size \(rows) rows)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/targets.csv")) == previousTargets)
    }

    /// The same for `sweep --paths` (a streamed, large CSV written through
    /// `AtomicFile.Writer`, unnamed `O_TMPFILE` on Linux): kill it once a megabyte of paths
    /// is written; the previous files must be intact and nothing else in the folder.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/fd")))
    func sigkillDuringSweepPathsKeepsThePreviousFileAndLeavesNoPartialFile() throws {
        let exe = try #require(
            Self.executable, "planforecast executable not built next to the tests")
        let scenario = CLI.repo.appendingPathComponent("Scenarios/an-hung-ranges.yaml").path
        try #require(FileManager.default.fileExists(atPath: scenario))
        let tmp = try TempDir()
        let paths = tmp.file("paths.csv")
        func sweep(_ samples: Int) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = [
                "sweep", "--scenario", scenario, "--mode", "lhs", "--samples", "\(samples)",
                "--seed", "7", "--threads", "1", "--paths", paths, "--output",
                tmp.file("summary.txt")
            ]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        let first = try sweep(20)
        first.waitUntilExit()
        try #require(first.terminationStatus == 0)
        let previous = try Data(contentsOf: URL(fileURLWithPath: paths))
        let previousListing = tmp.listing()

        let big = try sweep(50_000)
        var sawWrite = false
        let deadline = Date().addingTimeInterval(120)
        while big.isRunning && Date() < deadline {
            // The file being written, seen through the process's descriptors.
            let fdDir = "/proc/\(big.processIdentifier)/fd"
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: fdDir)) ?? []
            // (--output's file is open too, still empty: look for the one that is growing.)
            let growing = fds.contains { fd in
                var st = stat()
                let path = "\(fdDir)/\(fd)"
                return (try? FileManager.default.destinationOfSymbolicLink(atPath: path))?
                    .hasPrefix(tmp.path + "/") == true
                    && stat(path, &st) == 0 && st.st_size > 1 << 20  // stat follows the link
            }
            if growing {
                sawWrite = true
                kill(big.processIdentifier, SIGKILL)
                break
            }
            usleep(1000)
        }
        big.waitUntilExit()
        #expect(
            sawWrite && big.terminationReason == .uncaughtSignal,
            "never caught sweep with a megabyte of paths written")
        #expect(try Data(contentsOf: URL(fileURLWithPath: paths)) == previous)
        #expect(tmp.listing() == previousListing, "\(tmp.listing())")
    }
}
