import Testing
import PlanIO
@testable import PlanForecastCLI

/// `IntervalLevels.parse`, the one `--level` parser of `fit` and `review`.
@Suite struct IntervalLevelOption {
    @Test func percentagesBecomeSortedDistinctFractions() throws {
        #expect(try IntervalLevels.parse("80,95") == [0.8, 0.95])
        #expect(try IntervalLevels.parse(" 95 , 80,95") == [0.8, 0.95])
        #expect(try IntervalLevels.parse("99.5") == [0.995])
    }

    @Test func anythingElseIsAUsageError() {
        for bad in ["", "80,", "0", "100", "120", "-5", "abc", "80;95"] {
            do {
                _ = try IntervalLevels.parse(bad)
                Issue.record("--level \(bad) accepted")
            } catch let e as InputError {
                #expect(e.exitCode == 64, "\(bad)")
            } catch { Issue.record("\(error)") }
        }
    }
}
