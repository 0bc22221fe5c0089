import Foundation
import PlanModel
import Simulation

/// Everything `planforecast serve` decides before the server starts.
///
/// ```swift
/// var config = WorkbenchConfiguration(plans: [try PlanSource.load(directory: nil)])
/// config.port = 0                       // any free port (tests)
/// try await WorkbenchServer(configuration: config).run()
/// ```
public struct WorkbenchConfiguration: Sendable {
    /// Address to bind; loopback unless the user says otherwise (then `token` is required).
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 takes any free port (the bound one is reported by `onRunning`).
    public var port: Int = 8080
    /// Secret every request must carry (header `Authorization: Bearer T`, cookie
    /// `pf_token`, or `?token=T` on a page, which sets the cookie). Nil: none required
    /// (allowed on loopback only; see `WorkbenchSecurity.check`).
    public var token: String?
    /// The plans served, in order (the first is the default).
    public var plans: [PlanSource]
    /// The one folder scenarios are saved into and loaded from.
    public var scenarioFolder: String
    public var limits = WorkbenchLimits()
    /// Renders a sweep as the CSV `planforecast sweep --format csv` writes (the command
    /// line owns that format; the server is handed it so both write the same file).
    public var sweepCSV: @Sendable (SweepResult, SweepModel) -> String
    /// Worker threads per sweep (results do not depend on it).
    public var sweepThreads: Int = ProcessInfo.processInfo.activeProcessorCount

    public init(
        plans: [PlanSource], scenarioFolder: String = "Scenarios",
        sweepCSV: @escaping @Sendable (SweepResult, SweepModel) -> String
    ) {
        self.plans = plans
        self.scenarioFolder = scenarioFolder
        self.sweepCSV = sweepCSV
    }
}
