import Foundation
import Testing
import PlanModel
@testable import PlanIO

/// Inputs that crashed fuzz/FuzzProse.swift, replayed with its checks: only InputErrors, and
/// the plan folder the import writes is read back by the plan readers.
@Suite struct ProseFuzzRegressions {
    @Test(arguments: FuzzRegressions.inputs("prose"))
    func proseInput(_ input: String) throws {
        let name = "fuzz.txt"
        do {
            let r = try PlanDocumentImport.importData(
                try FuzzRegressions.data(input), fileName: name)
            #expect(
                Set(r.targets.map(\.target.id)).count == r.targets.count, "\(input): duplicate ids")
            if r.targets.isEmpty { return }  // import-plan writes no folder then (an error)
            let files = Dictionary(
                uniqueKeysWithValues: PlanFolderWriter.files(for: r, fileName: name).map {
                    ($0.name, $0.text)
                })
            let indicators = try IndicatorsFile.parse(
                CSVTable.parse(text: files["indicators.csv"]!, file: "indicators.csv"))
            let targets = try TargetsFile.parse(
                CSVTable.parse(text: files["targets.csv"]!, file: "targets.csv"),
                indicators: indicators)
            #expect(targets.count == r.targets.count)
        } catch {
            FuzzRegressions.expectInputError(error, file: name, input)
        }
    }

    @Test func aStatementNumberUsedTwiceGivesDistinctIds() {
        // Found by fuzz-prose: two statements numbered 1 (lists restarting under each group)
        // gave two targets with id T01, and the targets file was rejected by its reader.
        let statements = [
            TargetStatement(
                item: "1.", number: 1, line: 3, text: "Thu nhập đạt 60 triệu đồng.", subItems: []),
            TargetStatement(
                item: "1.", number: 1, line: 9, text: "Tỷ lệ hộ nghèo dưới 1%.", subItems: [])
        ]
        let out = ProseTargetReader.read(statements, period: 2021...2025, fileName: "f.txt")
        #expect(out.targets.map(\.target.id) == ["T01", "T01-2"])
        #expect(out.findings.contains { $0.kind == .note && $0.line == 9 })
    }
}
