// Shared by every fuzz harness: the An Hưng plan (read once from the repository, so the
// harnesses need no resource bundle) and the invariants each parser must keep.
import Foundation
import PlanIO
import PlanModel

enum FuzzSupport {
    /// The repository's An Hưng plan folder (`PLANFORECAST_ROOT`, default: the current folder).
    static let plan: Plan = {
        let root = ProcessInfo.processInfo.environment["PLANFORECAST_ROOT"] ?? FileManager.default.currentDirectoryPath
        do {
            return try PlanLoader.load(directory: root + "/Notebooks-data/plans/an-hung")
        } catch {
            fatalError("fuzz harness: cannot load the An Hưng plan from \(root): \(error)")
        }
    }()

    /// Every error a reader throws must be an `InputError` whose message names the file.
    static func checkError(_ error: Error, file: String) {
        guard let e = error as? InputError else {
            fatalError("reader threw \(type(of: error)) instead of InputError: \(error)")
        }
        if case .badData(let loc, _, _) = e, loc.file != file {
            fatalError("error names file \(loc.file), not \(file): \(e)")
        }
    }

    static func data(_ start: UnsafeRawPointer, _ count: Int) -> Data {
        Data(bytes: start, count: count)
    }
}
