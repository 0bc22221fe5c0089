import Foundation

/// The tables of a plan folder, and where each is: `targets.csv` or `targets.xlsx`.
///
/// ```swift
/// try PlanFileKind.targets.path(in: "plans/x")   // "plans/x/targets.xlsx" when only that exists
/// ```
///
/// Invariants: ``path(in:)`` returns the CSV file when only it exists, the workbook when
/// only it exists (`.xlsx`, or `.xlsm`), nil when neither does, and throws naming both when
/// a CSV and a workbook of the same kind are both there (the loader will not guess which
/// one the planner means).
public enum PlanFileKind: String, Sendable, CaseIterable {
    case indicators, targets, baseline, actuals

    /// Extensions of the workbooks a folder may hold instead of a CSV file.
    public static let workbookExtensions = ["xlsx", "xlsm"]

    /// Columns that must be in the header row (how a sheet's header is found).
    public var required: [String] {
        switch self {
        case .indicators: return ["id", "name_vi", "unit", "measure"]
        case .targets: return ["id", "indicator", "kind"]
        case .baseline, .actuals: return ["indicator", "year", "value"]
        }
    }

    /// Every column the file may have.
    public var columns: [String] {
        switch self {
        case .indicators: return IndicatorsFile.columns
        case .targets: return TargetsFile.columns
        case .baseline: return BaselineFile.columns
        case .actuals: return ActualsFile.columns
        }
    }

    /// The file of this kind in `directory` (see the type's invariants).
    public func path(in directory: String) throws -> String? {
        func file(_ ext: String) -> String? {
            let path = (directory as NSString).appendingPathComponent("\(rawValue).\(ext)")
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue ? path : nil
        }
        let found = (["csv"] + Self.workbookExtensions).compactMap(file)
        if found.count > 1 {
            let names = found.map { ($0 as NSString).lastPathComponent }
            throw InputError.badData(
                location: SourceLocation(file: directory),
                found: "both \(names.joined(separator: " and ")) (the same table twice)",
                expected: "one \(rawValue) file: remove or rename the one that is not meant")
        }
        return found.first
    }
}
