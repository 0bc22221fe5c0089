import Foundation

/// The plan folders of `Notebooks-data/plans/`, built into the executable's resources.
///
/// This one file makes `Notebooks-data` a SwiftPM target (`PlanData`) so that the plan data
/// keep their single home here — planners and notebooks edit them in place — while the
/// build copies them beside the executable (SwiftPM resources must sit inside their
/// target's folder, and a symbolic link to them would be copied as a link).
public enum PlanData {
    /// The folder holding one sub-folder per embedded plan (`an-hung`, …).
    public static var plansDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("plans")
    }
}
