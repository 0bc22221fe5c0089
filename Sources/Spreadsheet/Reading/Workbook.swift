import Foundation
import PlanIO

/// An .xlsx workbook opened for reading.
///
/// ```swift
/// let book = try Workbook(path: "actuals.xlsx")
/// book.sheetNames                                  // ["Thực hiện", "Ghi chú"]
/// let sheet = try book.sheet(.named("Thực hiện"))   // or .index(1), or .first
/// ```
///
/// Opening reads the workbook's structure and shared strings; each sheet is read when
/// asked for. Everything goes through ``WorkbookLimits``. Errors are `InputError`s: bad
/// content (exit 65) names file, sheet and cell; unreadable files (exit 74) the path.
public struct Workbook {
    public let path: String
    public var sheetNames: [String] { structure.sheets.map(\.name) }
    private var archive: WorkbookArchive
    private let structure: WorkbookStructure
    private let sharedStrings: [String]

    /// Which sheet to read: `--sheet NAME|INDEX`.
    public enum SheetChoice: Sendable, Hashable, CustomStringConvertible {
        case first
        /// 1-based, as a planner counts tabs.
        case index(Int)
        case named(String)
        /// The sheet named like `kind` (`actuals` matches `Actuals`, `actuals 2028`), else
        /// the first.
        case preferring(String)

        /// `--sheet 2` is the second tab unless a sheet is literally named "2".
        public init(argument: String?) {
            guard let argument, !argument.isEmpty else { self = .first; return }
            if let number = Int(argument) { self = .index(number) } else { self = .named(argument) }
        }

        public var description: String {
            switch self {
            case .first: return "the first sheet"
            case .index(let i): return "sheet \(i)"
            case .named(let n): return "sheet \"\(n)\""
            case .preferring(let k): return "the sheet named \(k)"
            }
        }
    }

    public init(path: String, limits: WorkbookLimits = .standard) throws {
        self.path = path
        var archive = try WorkbookArchive(path: path, limits: limits)
        structure = try WorkbookStructure.read(&archive)
        if let entry = archive.entry("xl/sharedStrings.xml") {
            sharedStrings = try SharedStringsParser.parse(archive.read(entry), file: path)
        } else {
            sharedStrings = []
        }
        self.archive = archive
    }

    /// The sheet's position in `sheetNames` for a choice; throws naming the sheets there are.
    public func sheetIndex(_ choice: SheetChoice) throws -> Int {
        let names = sheetNames
        let listed = names.map { "\"\($0)\"" }.joined(separator: ", ")
        switch choice {
        case .first: return 0
        case .index(let i):
            if let exact = names.firstIndex(of: String(i)) { return exact }
            guard (1...names.count).contains(i) else {
                throw InputError.badData(
                    location: SourceLocation(file: path),
                    found: "no sheet \(i) (the workbook has \(names.count): \(listed))",
                    expected: "--sheet with a number from 1 to \(names.count) or a sheet name")
            }
            return i - 1
        case .named(let name):
            let wanted = Workbook.fold(name)
            guard let i = names.firstIndex(where: { Workbook.fold($0) == wanted }) else {
                throw InputError.badData(
                    location: SourceLocation(file: path),
                    found: "no sheet named \"\(name)\" (sheets: \(listed))",
                    expected: "--sheet with one of those names or a number from 1 to \(names.count)"
                )
            }
            return i
        case .preferring(let kind):
            let wanted = Workbook.fold(kind)
            return names.firstIndex { Workbook.fold($0) == wanted } ?? names.firstIndex {
                Workbook.fold($0).hasPrefix(wanted)
            } ?? 0
        }
    }

    /// Reads one sheet.
    public mutating func sheet(_ choice: SheetChoice = .first) throws -> Worksheet {
        let entry = structure.sheets[try sheetIndex(choice)]
        guard let part = archive.entry(entry.part) else {
            throw InputError.badData(
                location: SourceLocation(file: path),
                found: "sheet \"\(entry.name)\" without its part \(entry.part)",
                expected: "an .xlsx workbook that is not damaged")
        }
        let file = path, name = entry.name
        let scanned = try SheetScanner.scan(
            archive.read(part), sharedStrings: sharedStrings, file: path, part: entry.part
        ) {
            Worksheet.location(file: file, sheet: name, cell: $0)
        }
        return Worksheet(
            file: path, name: name, rows: scanned.rows, merges: scanned.merges,
            dateStyles: structure.dateStyles, date1904: structure.date1904,
            percentStyles: structure.percentStyles)
    }

    /// Names compare ignoring case, surrounding spaces and Unicode normalisation form.
    static func fold(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// True when the file is named like a spreadsheet (.xlsx, .xlsm, and .xls or .ods, which
    /// the reader then refuses by name) or starts like a zip archive, whatever its name.
    public static func looksLikeWorkbook(path: String) -> Bool {
        let lower = path.lowercased()
        if [".xlsx", ".xlsm", ".xls", ".ods"].contains(where: { lower.hasSuffix($0) }) {
            return true
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return [UInt8](head) == [0x50, 0x4B, 0x03, 0x04]
    }
}
