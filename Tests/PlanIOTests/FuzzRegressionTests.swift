import Foundation
import Testing
import PlanModel
@testable import PlanIO

/// Every input a fuzz harness (fuzz/Fuzz*.swift, run by scripts/fuzz) ever crashed on,
/// replayed with the harness's own checks. Inputs live in
/// Fixtures/fuzz-regressions/HARNESS/, one file each, named for what they broke.
@Suite struct FuzzRegressions {
    static func inputs(_ harness: String) -> [String] {
        let dir = Fixture.path("fuzz-regressions/\(harness)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(harness)/\($0)" }
    }

    static func data(_ input: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: Fixture.path("fuzz-regressions/\(input)")))
    }

    /// Errors must be InputErrors naming the file (never a trap, never another error type).
    static func expectInputError(_ error: Error, file: String, _ input: String) {
        guard let e = error as? InputError else {
            Issue.record("\(input): \(type(of: error)) \(error)"); return
        }
        if case .badData(let loc, _, _) = e { #expect(loc.file == file, "\(input): \(e)") }
    }

    @Test(arguments: inputs("import"))
    func importInput(_ input: String) throws {
        let data = try Self.data(input)
        for (name, layout) in [
            ("fuzz.txt", PlanTableImport.Layout.document), ("fuzz.csv", .delimited)
        ] {
            do {
                let r = try PlanTableImport.importData(
                    data, fileName: name, options: .init(layout: layout))
                #expect(
                    Set(r.targets.map(\.id)).count == r.targets.count, "\(input): duplicate ids")
                if r.targets.isEmpty { continue }
                var indicators: [String: Indicator] = [:]
                for t in r.targets
                where indicators[t.indicator] == nil
                    || (indicators[t.indicator]!.measure == .qualitative && t.kind != .qualitative)
                {
                    indicators[t.indicator] = Indicator(
                        id: t.indicator, nameVi: t.nameVi, nameEn: "",
                        unit: t.kind == .growth ? "x" : t.unit,
                        measure: t.kind == .qualitative ? .qualitative : .amount)
                }
                for t in r.targets where t.kind != .growth && t.kind != .qualitative {
                    indicators[t.indicator]!.unit = t.unit
                }
                let table = try CSVTable.parse(
                    text: PlanTableImport.targetsCSV(r.targets), file: "targets.csv")
                let back = try TargetsFile.parse(table, indicators: Array(indicators.values))
                #expect(back.count == r.targets.count)
            } catch {
                Self.expectInputError(error, file: name, input)
            }
        }
    }

    @Test(arguments: inputs("number"))
    func numberInput(_ input: String) throws {
        let text = String(decoding: try Self.data(input), as: UTF8.self)
        for unit in [nil, "%", "dân", "triệu đồng"] as [String?] {
            if let v = try? VietnameseNumber.parse(text, unit: unit) {
                #expect(v.isFinite && abs(v) < 1e15)
            }
            if let r = try? VietnameseNumber.parseRequirement(text, unit: unit), let l = r.low,
                let h = r.high
            {
                #expect(l <= h)
            }
        }
    }

    static let plan: Plan? = try? PlanLoader.load(directory: nil)

    @Test(arguments: inputs("targets"))
    func targetsInput(_ input: String) throws {
        let plan = try #require(Self.plan)
        do {
            let table = try CSVTable.parse(data: try Self.data(input), file: "targets.csv")
            _ = try TargetsFile.parse(table, indicators: plan.indicators)
        } catch { Self.expectInputError(error, file: "targets.csv", input) }
    }

    @Test(arguments: inputs("actuals"))
    func actualsInput(_ input: String) throws {
        let plan = try #require(Self.plan)
        do {
            let table = try CSVTable.parse(data: try Self.data(input), file: "actuals.csv")
            _ = try ActualsFile.parse(table, plan: plan)
        } catch { Self.expectInputError(error, file: "actuals.csv", input) }
    }

    @Test(arguments: inputs("scenario"))
    func scenarioInput(_ input: String) throws {
        let plan = try #require(Self.plan)
        guard let text = String(data: try Self.data(input), encoding: .utf8) else { return }
        do { _ = try ScenarioReader.parse(text, file: "scenario.yaml", plan: plan) } catch {
            Self.expectInputError(error, file: "scenario.yaml", input)
        }
    }

    @Test func aRowNumberUsedTwiceGivesTwoDistinctIds() throws {
        // Found by fuzz-import: two rows numbered 4 gave two targets with id A04, and the
        // targets file the import wrote was rejected by its own reader.
        let text =
            "STT\tChỉ tiêu\tĐVT\tKế hoạch 2026-2030\n4\tTỷ lệ A\t%\t5\n\t- con\t%\t6\n4\tTỷ lệ B\t%\t7\n\t- con\t%\t8\n"
        let r = try importTable(text)
        #expect(r.targets.map(\.id) == ["A04", "A04.1", "A04-2", "A04-2.1"])
        #expect(r.targets.map(\.appendixRow) == ["PL.4", "PL.4.1", "PL.4", "PL.4.1"])
        #expect(
            r.findings.map(\.reason) == ["row number 4 again (first on line 2); imported as 4-2"])
    }

    @Test func aYearBeforeThePlanPeriodIsUnclassified() throws {
        // Found by fuzz-import: "đến năm 2015" in a 2026-2030 table gave target_year 2015
        // before start_year 2026, which the targets reader rejects.
        let text =
            "STT\tChỉ tiêu\tĐVT\tKế hoạch 2026-2030\n1\tSố DN đến năm 2015\tDN\t40\n2\tSố DN đến năm 2028\tDN\t50\n"
        let r = try importTable(text)
        #expect(r.targets.map(\.targetYear) == [2028])
        #expect(
            r.unclassified.map(\.reason) == [
                "names the year 2015, before the plan period 2026-2030"
            ])
    }

    @Test func rowsUnderOneHeadingShareAnIndicatorOnlyInOneUnit() throws {
        // Found by fuzz-import: two level rows under one heading, in different units, were
        // given the heading's indicator, which can have only one unit.
        let text =
            "STT\tChỉ tiêu\tĐVT\tKế hoạch 2026-2030\n6\tThu nhập\t\t\n"
            + "\t- Tăng bình quân hằng năm\t%\t7\n\t- Đến năm 2030\ttriệu đồng\t120\n\t- Đến năm 2028\tUSD\t4000\n"
        let r = try importTable(text)
        #expect(r.targets.map(\.indicator) == ["a06", "a06", "a06.3"])
        #expect(r.targets.map(\.kind) == [.growth, .level, .level])
    }

    @Test func aNameThatIsOnlyABulletIsNoName() throws {
        // Found by fuzz-import: a name cell holding only "-" became an empty name_vi,
        // which the targets reader rejects.
        let r = try importTable(
            "STT\tChỉ tiêu\tĐVT\tKế hoạch 2026-2030\n1\tTỷ lệ\t%\t5\n\t- \t%\t6\n")
        #expect(r.targets.count == 1)
        #expect(r.unclassified.map(\.reason) == ["a value (6) with no name"])
    }

    @Test func whatTheTargetsReaderWouldRejectIsCaughtAtImport() throws {
        // Rules of TargetsFile that the import must respect (found by reading the reader
        // while fuzz-import ran): growth within (-100, 1000] %/năm, a unit on every row,
        // years from 1990.
        let text =
            "STT\tChỉ tiêu\tĐVT\tKế hoạch 2026-2030\n1\tDoanh thu tăng bình quân\t%\t1200\n"
            + "2\tTrạm y tế đạt chuẩn\t\tĐạt\n"
        let r = try importTable(text)
        #expect(
            r.unclassified.map(\.reason) == [
                "a growth rate of 1200 %/năm; expected one above -100 and at most 1000"
            ])
        #expect(r.targets.map(\.unit) == ["Đạt"])
        #expect(throws: InputError.self) {
            try importTable("STT\tChỉ tiêu\tĐVT\tKế hoạch 1950-1960\n1\tTỷ lệ\t%\t5\n")
        }
    }
}
