import Foundation

/// How the plan loader reads one of a folder's tables: CSV only (``csv``, PlanIO's own), or
/// CSV and workbooks (`PlanTableSource.csvOrWorkbook` in the Spreadsheet module, which
/// PlanIO cannot depend on).
///
/// ```swift
/// let plan = try PlanLoader.load(directory: "plans/x", tables: .csv)
/// ```
///
/// Invariant: whatever the source, the table goes through the same `*File.parse` reader;
/// a source only says where the rows come from and how an error's line becomes a place
/// (`targets.xlsx, sheet "targets", F7`).
public struct PlanTableSource: Sendable {
    /// A table read, with how to name the places of the errors its readers throw.
    public struct Located: Sendable {
        public var table: CSVTable
        public var relocate: @Sendable (InputError) -> InputError
        public init(table: CSVTable, relocate: @escaping @Sendable (InputError) -> InputError) {
            self.table = table; self.relocate = relocate
        }

        /// Runs a reader of CSV tables on the table, relocating its errors.
        public func parse<T>(_ body: (CSVTable) throws -> T) throws -> T {
            do { return try body(table) } catch let error as InputError { throw relocate(error) }
        }
    }

    public var read: @Sendable (_ path: String, _ kind: PlanFileKind) throws -> Located

    public init(read: @escaping @Sendable (_ path: String, _ kind: PlanFileKind) throws -> Located)
    {
        self.read = read
    }

    /// CSV files only; a workbook is an error saying which commands read it.
    public static let csv = PlanTableSource { path, _ in
        let ext = (path as NSString).pathExtension.lowercased()
        if PlanFileKind.workbookExtensions.contains(ext) {
            throw InputError.badData(
                location: SourceLocation(file: path), found: "a workbook (.\(ext))",
                expected:
                    "a CSV file here: this reader takes CSV only (review, check, project, targets, fit and sweep read workbooks; elsewhere save the sheet as CSV)"
            )
        }
        return Located(table: try CSVTable.read(path: path), relocate: { $0 })
    }
}
