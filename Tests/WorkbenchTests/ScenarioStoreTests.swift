import Foundation
import PlanIO
import Testing
import TestSupport
@testable import Workbench

@Suite struct ScenarioStoreTests {
    /// Expected stems written by hand from the rule in `fileStem(for:)`.
    @Test func namesBecomeSafeFileStems() {
        #expect(ScenarioStore.fileStem(for: "Công nghiệp 16 %") == "cong-nghiep-16")
        #expect(ScenarioStore.fileStem(for: "Đồng bằng") == "dong-bang")
        #expect(ScenarioStore.fileStem(for: "../../etc/passwd") == "etc-passwd")
        #expect(ScenarioStore.fileStem(for: "a/b\\c") == "a-b-c")
        #expect(ScenarioStore.fileStem(for: ".hidden") == "hidden")
        #expect(ScenarioStore.fileStem(for: "plan_mid-2") == "plan_mid-2")
        #expect(ScenarioStore.fileStem(for: "///") == nil)
        #expect(ScenarioStore.fileStem(for: "") == nil)
        #expect(ScenarioStore.fileStem(for: String(repeating: "x", count: 100))?.count == 60)
    }

    /// Property: over generated names, a stem (when there is one) is non-empty, at most 60
    /// characters, only [a-z0-9_-], never starts or ends with `-`.
    @Test func stemsAreAlwaysSafe() {
        let alphabet = Array(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ0123456789 ./\\:*?\"<>|_-~%\u{0}\u{301}")
        for seed in UInt64(1)...500 {
            var g = SeededGenerator(seed: seed)
            let name = String(
                (0..<Int.random(in: 0...80, using: &g)).map { _ in
                    alphabet.randomElement(using: &g)!
                })
            guard let stem = ScenarioStore.fileStem(for: name) else { continue }
            #expect(!stem.isEmpty && stem.count <= 60, "seed \(seed)")
            #expect(
                stem.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
                }, "seed \(seed): \(stem)")
            #expect(!stem.hasPrefix("-") && !stem.hasSuffix("-"), "seed \(seed)")
        }
    }

    @Test func listingReportsFilesThatAreNotScenarios() throws {
        let folder = NSTemporaryDirectory() + "store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "name: broken\n".write(
            toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)
        try "not yaml".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        let plan = try PlanLoader.load(directory: nil)
        let entries = ScenarioStore(folder: folder).list(plan: plan)
        #expect(entries.map(\.file) == ["broken.yaml"])
        #expect(entries.first?.error?.contains("broken.yaml") == true)
        #expect(throws: WorkbenchError.self) {
            try ScenarioStore(folder: folder).load(file: "notes.txt", plan: plan)
        }
    }
}
