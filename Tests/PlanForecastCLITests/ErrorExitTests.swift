import Foundation
import Testing
import PlanIO
import Regression
import Simulation
@testable import PlanForecastCLI

/// One mapping from errors to exit statuses for every command (sysexits: 64 usage,
/// 65 data, 74 I/O), stated in `ErrorExit`'s doc comment.
@Suite struct ErrorExitTests {
    struct Unexpected: Error {}

    @Test func everyKindOfErrorHasItsStatus() {
        #expect(ErrorExit.describe(InputError.usage("u")).status == 64)
        #expect(ErrorExit.describe(InputError.io(path: "p", reason: "r")).status == 74)
        #expect(ErrorExit.describe(SimulationError.gridTooLarge(points: 10, limit: 1)).status == 64)
        #expect(
            ErrorExit.describe(SimulationError.emptyRange(driver: "a", low: 2, high: 1)).status
                == 65)
        #expect(ErrorExit.describe(CocoaError(.fileNoSuchFile)).status == 74)
        #expect(ErrorExit.describe(POSIXError(.EACCES)).status == 74)
        // Unknown errors are data errors in every command (the sweep used to say 74).
        #expect(ErrorExit.describe(Unexpected()).status == 65)
    }

    /// The same bad input gives the same status and message prefix from two commands.
    @Test func reviewAndSweepReportAMissingPlanAlike() throws {
        let missing = "/nonexistent-plan-\(UUID().uuidString)"
        let review = try CLI.run(["review", "--plan", missing])
        let sweep = try CLI.run([
            "sweep", "--plan", missing, "--scenario",
            CLI.repo.appendingPathComponent("Scenarios/plan-mid.yaml").path
        ])
        #expect(review.status == sweep.status)
        #expect(review.status == 74 || review.status == 65)
        #expect(review.stderr.hasPrefix("planforecast: error: "))
        #expect(sweep.stderr.hasPrefix("planforecast: error: "))
    }
}
