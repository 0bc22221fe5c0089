import Foundation
import PlanIO
import PlanModel
import Spreadsheet

/// A plan the workbench serves, with its example actuals when the folder has them.
public struct PlanSource: Sendable {
    public var plan: Plan
    /// The plan folder (nil for the plan embedded in the executable).
    public var directory: String?
    /// The plan's example actuals (`actuals-example.csv`) and how to name them on the page.
    public var exampleActuals: [Observation]
    public var exampleActualsName: String?

    public init(
        plan: Plan, directory: String?, exampleActuals: [Observation] = [],
        exampleActualsName: String? = nil
    ) {
        self.plan = plan; self.directory = directory
        self.exampleActuals = exampleActuals; self.exampleActualsName = exampleActualsName
    }

    /// Loads a plan folder (nil: the embedded An Hưng plan) and its example actuals, with
    /// the same readers and messages as the command line (the folder's tables may be CSV
    /// files or workbooks, as for `review --plan`).
    public static func load(directory: String?) throws -> PlanSource {
        let plan = try PlanLoader.load(directory: directory, tables: .csvOrWorkbook)
        guard let path = PlanLoader.exampleActualsPath(directory: directory) else {
            return PlanSource(plan: plan, directory: directory)
        }
        let actuals = try ActualsFile.read(path: path, plan: plan)
        let shown = directory == nil ? "\(plan.id)/actuals-example.csv" : path
        return PlanSource(
            plan: plan, directory: directory, exampleActuals: actuals, exampleActualsName: shown)
    }
}
