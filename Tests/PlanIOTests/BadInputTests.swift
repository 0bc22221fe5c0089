import Foundation
import Testing
@testable import PlanIO
@testable import PlanModel

/// Every malformed plan or scenario file gives one message naming file, line and field.
@Suite struct BadPlanInput {
    let plan: Plan
    init() throws { plan = try PlanLoader.load(directory: nil) }

    /// A copy of the embedded plan in a temporary folder, with one file replaced.
    func planFolder(replacing name: String, with content: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in ["plan.yaml", "indicators.csv", "targets.csv", "baseline.csv"] {
            try FileManager.default.copyItem(
                atPath: (PlanLoader.embeddedPlanDirectory as NSString).appendingPathComponent(f),
                toPath: dir.appendingPathComponent(f).path)
        }
        try content.write(to: dir.appendingPathComponent(name))
        return dir.path
    }

    func targetsText(editing edit: (inout [String]) -> Void) throws -> String {
        var lines = try String(
            contentsOfFile: (PlanLoader.embeddedPlanDirectory as NSString).appendingPathComponent(
                "targets.csv"), encoding: .utf8
        )
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        edit(&lines)
        return lines.joined(separator: "\n")
    }

    func expectError(
        _ name: String, _ content: String, file: String? = nil, line: Int?, field: String?,
        contains text: String
    ) throws {
        try expectError(name, Data(content.utf8), line: line, field: field, contains: text)
    }

    func expectError(
        _ name: String, _ content: Data, line: Int?, field: String?, contains text: String
    ) throws {
        let dir = try planFolder(replacing: name, with: content)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try PlanLoader.load(directory: dir)
            Issue.record("expected an error for \(name)")
        } catch let e as InputError {
            guard case let .badData(loc, _, _) = e else {
                Issue.record("expected bad data, got \(e)"); return
            }
            #expect(loc.file.hasSuffix(name))
            #expect(loc.line == line)
            #expect(loc.field == field)
            #expect(e.description.contains(text), "\(e.description)")
            #expect(e.exitCode == 65)
        }
    }

    @Test func wrongColumnNameIsNamed() throws {
        let text = try targetsText {
            $0[0] = $0[0].replacingOccurrences(of: "value_low", with: "valeur_low")
        }
        try expectError(
            "targets.csv", text, line: 1, field: "value_low",
            contains: "without column \"value_low\"")
    }

    @Test func textWhereANumberBelongs() throws {
        let text = try targetsText {
            $0[1] = $0[1].replacingOccurrences(of: ">=,12.5,12.5", with: ">=,twelve,12.5")
        }
        try expectError(
            "targets.csv", text, line: 2, field: "value_low",
            contains: "found \"twelve\"; expected a number")
    }

    @Test func unknownIndicatorId() throws {
        let text = try targetsText {
            $0[1] = $0[1].replacingOccurrences(of: "T01,budget_revenue", with: "T01,budget_revenu")
        }
        try expectError(
            "targets.csv", text, line: 2, field: "indicator",
            contains: "unknown indicator \"budget_revenu\"")
    }

    @Test func duplicateTargetId() throws {
        let text = try targetsText { $0[2] = $0[2].replacingOccurrences(of: "T02,", with: "T01,") }
        try expectError(
            "targets.csv", text, line: 3, field: "id", contains: "\"T01\" again (first on line 2)")
    }

    @Test func unknownComparator() throws {
        let text = try targetsText {
            $0[1] = $0[1].replacingOccurrences(of: ",>=,12.5", with: ",~,12.5")
        }
        try expectError(
            "targets.csv", text, line: 2, field: "comparator",
            contains: "found \"~\"; expected one of < <= > >= = range")
    }

    @Test func reversedRange() throws {
        let text = try targetsText {
            $0[2] = $0[2].replacingOccurrences(of: "range,12,14", with: "range,14,12")
        }
        try expectError(
            "targets.csv", text, line: 3, field: "value_high", contains: "below value_low")
    }

    @Test func unitContradictingTheTarget() throws {
        let text = try targetsText {
            $0[1] = $0[1].replacingOccurrences(of: ",%/năm,growth", with: ",tỷ đồng,growth")
        }
        try expectError("targets.csv", text, line: 2, field: "unit", contains: "expected %/năm")
    }

    @Test func emptyFile() throws {
        try expectError("targets.csv", "", line: 1, field: nil, contains: "an empty file")
    }

    @Test func invalidUTF8NamesTheLine() throws {
        var data = Data("id,indicator\nT01,budget_revenue\n".utf8)
        // "T02," + broken 2-byte sequence
        data.append(contentsOf: [0x54, 0x30, 0x32, 0x2C, 0xC3, 0x28, 0x0A])
        try expectError("targets.csv", data, line: 3, field: nil, contains: "not valid UTF-8")
    }

    @Test func baselineTextWhereANumberBelongs() throws {
        let text =
            "indicator,year,value,unit,source,note\nbudget_revenue,2025,abc,tỷ đồng,illustrative,\n"
        try expectError("baseline.csv", text, line: 2, field: "value", contains: "found \"abc\"")
    }

    @Test func baselineForAnUnknownIndicator() throws {
        let text = "indicator,year,value,unit,source,note\nbudget,2025,120,tỷ đồng,illustrative,\n"
        try expectError(
            "baseline.csv", text, line: 2, field: "indicator",
            contains: "unknown indicator \"budget\"")
    }

    @Test func missingPlanFileIsAnIOError() throws {
        let dir = try planFolder(replacing: "baseline.csv", with: Data())
        try FileManager.default.removeItem(
            atPath: (dir as NSString).appendingPathComponent("baseline.csv"))
        #expect(
            throws: InputError.io(
                path: (dir as NSString).appendingPathComponent("baseline.csv"),
                reason: "no such file")
        ) {
            _ = try PlanLoader.load(directory: dir)
        }
    }

    @Test func quoteLeftOpenIsFound() throws {
        let csv = "id,indicator\nT01,\"budget\nT02,x\n"
        #expect(throws: InputError.self) { _ = try CSVTable.parse(text: csv, file: "t.csv") }
        do { _ = try CSVTable.parse(text: csv, file: "t.csv") } catch let e as InputError {
            #expect(e.description.hasPrefix("t.csv:2: found a quote"))
        }
    }

    @Test func vietnameseDecimalCommaAndSemicolonsRead() throws {
        let csv = "\u{FEFF}indicator;year;value\nbudget_revenue;2026;135,5\n"
        let obs = try ActualsFile.parse(
            CSVTable.parse(data: Data(csv.utf8), file: "a.csv"), plan: plan)
        #expect(obs == [Observation(indicator: "budget_revenue", year: 2026, value: 135.5)])
    }
}

@Suite struct BadScenarioInput {
    let plan: Plan
    init() throws { plan = try PlanLoader.load(directory: nil) }

    let good = """
        name: test
        drivers:
          budget_revenue: {growth: 12.5}
          gpv_agriculture: {growth: 1.5}
          gpv_industry: {growth: 13}
          gpv_services: {growth: 13}
          income_per_capita: {growth: 7}
        """

    func message(_ text: String) -> String? {
        do { _ = try ScenarioReader.parse(text, file: "s.yaml", plan: plan); return nil } catch let
            e as InputError
        {
            #expect(e.exitCode == 65)
            return e.description
        } catch { return "\(error)" }
    }

    @Test func goodScenarioReads() throws {
        let s = try ScenarioReader.parse(good, file: "s.yaml", plan: plan)
        #expect(s.drivers.count == 5)
        #expect(s.driver(for: "gpv_industry")?.spec == .fixed(0.13))
    }

    @Test func unknownKeyIsAnError() {
        #expect(
            message(good + "\nvolatilty: 2\n")
                == "s.yaml:8 [volatilty]: found unknown key \"volatilty\" in the scenario; expected one of name, description, plan, drivers, baseline, correlations, shocks, evaluate"
        )
    }

    @Test func unknownDriver() {
        let m = message(good.replacingOccurrences(of: "budget_revenue:", with: "budget:"))
        #expect(
            m
                == "s.yaml:3 [budget]: found unknown driver \"budget\"; expected an indicator id of plan an-hung"
        )
    }

    @Test func missingDriver() {
        let m = message(good.replacingOccurrences(of: "  income_per_capita: {growth: 7}", with: ""))
        #expect(
            m?.contains("no driver for \"income_per_capita\" (target T06a is a growth target)")
                == true)
    }

    @Test func valueOutOfRange() {
        let m = message(
            good.replacingOccurrences(
                of: "{growth: 13}\n  gpv_services", with: "{growth: 130}\n  gpv_services"))
        #expect(
            m == "s.yaml:5 [gpv_industry.growth]: found 130; expected a value from -99.99 to 100")
    }

    @Test func negativeVolatility() {
        let m = message(
            good.replacingOccurrences(of: "{growth: 1.5}", with: "{growth: 1.5, volatility: -1}"))
        #expect(
            m
                == "s.yaml:4 [gpv_agriculture.volatility]: found -1; expected a standard deviation ≥ 0 (percentage points)"
        )
    }

    @Test func emptyRange() {
        let m = message(
            good.replacingOccurrences(
                of: "{growth: 13}\n  gpv_services",
                with: "{growth: {uniform: [14, 13]}}\n  gpv_services"))
        #expect(m?.contains("expected a non-empty range written low to high") == true)
    }

    @Test func duplicateKey() {
        let m = message(good + "\n  budget_revenue: {growth: 10}\n")
        #expect(m?.contains("key \"budget_revenue\" again (first on line 3)") == true)
    }

    @Test func notYAML() {
        #expect(
            message("name: [unclosed\n")?.hasPrefix("s.yaml:2: found text that is not valid YAML")
                == true)
    }

    @Test func shippedPlanScenariosMatchTheBuiltInAssumptions() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for (file, expected) in [
            ("plan-low", [0.125, 0.015, 0.13, 0.13, 0.07]),
            ("plan-mid", [0.125, 0.0175, 0.14, 0.14, 0.07]),
            ("plan-high", [0.125, 0.02, 0.15, 0.15, 0.07])
        ] {
            let s = try ScenarioReader.read(
                path: repo.appendingPathComponent("Scenarios/\(file).yaml").path, plan: plan)
            let ids = [
                "budget_revenue", "gpv_agriculture", "gpv_industry", "gpv_services",
                "income_per_capita"
            ]
            for (id, g) in zip(ids, expected) {
                #expect(s.driver(for: id)?.spec == .fixed(g), "\(file) \(id)")
            }
            #expect(s.name == file)
        }
    }
}
