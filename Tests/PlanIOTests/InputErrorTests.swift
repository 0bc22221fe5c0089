import Testing
@testable import PlanIO

@Suite struct InputErrors {
    @Test func exitCodesFollowSysexits() {
        #expect(
            InputError.badData(
                location: .init(file: "a.csv", line: 3, field: "value"), found: "x",
                expected: "a number"
            ).exitCode == 65)
        #expect(InputError.io(path: "a", reason: "missing").exitCode == 74)
        #expect(InputError.usage("bad").exitCode == 64)
    }
    @Test func messageNamesFileLineAndField() {
        let e = InputError.badData(
            location: .init(file: "a.csv", line: 3, field: "value"), found: "\"abc\"",
            expected: "a number")
        #expect(e.description == "a.csv:3 [value]: found \"abc\"; expected a number")
    }
}
