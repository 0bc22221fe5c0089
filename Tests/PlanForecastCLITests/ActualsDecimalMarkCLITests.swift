import Foundation
import PlanIO
import Testing

/// Issue 9, fault 3, as a user meets it: `review` on an actuals file whose other rows read
/// 17.5 and 15.25 must read `enterprises_active,2028,14.125` as 14.125 enterprises, so
/// T05a (≥ 23 enterprises by 2030) is not achieved, with or without `--decimal-point`.
@Suite(.serialized) struct ActualsDecimalMarkCommandLine {
    func reviewRow(_ csv: String, _ extra: [String] = [], target: String) throws -> (
        CLI.Result, [String: String]?
    ) {
        let dir = try CLI.tempDir()
        let file = dir.appendingPathComponent("actuals.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(
            ["review", "--actuals", file.path, "--format", "csv", "--lang", "en"] + extra)
        guard r.status == 0 else { return (r, nil) }
        let table = try CSVTable.parse(text: r.stdout, file: "stdout")
        let row = table.rowAccessors.first { $0["target"] == target }
        return (
            r,
            row.map { row in Dictionary(uniqueKeysWithValues: table.header.map { ($0, row[$0]) }) }
        )
    }

    static let faultFile = """
        indicator,year,value
        income_per_capita,2026,17.5
        income_per_capita,2027,15.25
        enterprises_active,2026,16
        enterprises_active,2027,15
        enterprises_active,2028,14.125

        """

    @Test(arguments: [[], ["--decimal-point"]])
    func fourteenPointOneTwoFiveIsNotAchieved(_ extra: [String]) throws {
        let (r, row) = try reviewRow(Self.faultFile, extra, target: "T05a")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(row?["latest"] == "14.125")
        #expect(row?["status"] != "achieved")
        #expect(row?["status"] != "on_track")
    }

    @Test func theDecimalPointOptionWinsOverTheCountRule() throws {
        // No evidence in the file: the count rule reads 1.500 enterprises as 1500 …
        let csv =
            "indicator,year,value\nenterprises_active,2026,16\nenterprises_active,2027,1.500\n"
        let (_, plain) = try reviewRow(csv, target: "T05a")
        #expect(plain?["latest"] == "1500")
        // … and --decimal-point says `.` is the decimal mark: 1.5.
        let (_, given) = try reviewRow(csv, ["--decimal-point"], target: "T05a")
        #expect(given?["latest"] == "1.5")
    }

    @Test func aContradictingValueExits65NamingTheLine() throws {
        let csv =
            "indicator;year;value\nincome_per_capita;2026;17.5\nincome_per_capita;2027;18,25\n"
        let (r, _) = try reviewRow(csv, target: "T06b")
        #expect(r.status == 65)
        #expect(
            r.stderr.contains(
                "actuals.csv:3 [value]: found \"18,25\", written with a decimal comma, in a file whose other values use a decimal point"
            ))
        let (given, _) = try reviewRow(csv, ["--decimal-point"], target: "T06b")
        #expect(given.status == 65)
        #expect(
            given.stderr.contains(
                "actuals.csv:3 [value]: found \"18,25\", written with a decimal comma; expected a decimal point, as given for this file (--decimal-point)"
            ))
    }
}
