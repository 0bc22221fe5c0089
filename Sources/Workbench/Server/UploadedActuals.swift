import Foundation
import PlanIO
import PlanModel
import Spreadsheet

/// An uploaded actuals file, CSV or .xlsx, read by the command line's readers
/// (`CSVTable` + `ActualsFile`, or `ActualsInput` for a workbook, as
/// `planforecast review --actuals FILE` does), with errors naming the uploaded file's name:
/// `mine.xlsx, sheet actuals, cell C3 [value]: …` as the command line prints it.
///
/// A workbook is a zip archive that the reader opens from a path, so its bytes go to a
/// private temporary file (a fresh directory, owner-only, a name chosen here, never the
/// request's) that is removed as soon as it is read. Nothing else from the request
/// reaches the file system.
enum UploadedActuals {
    /// Workbook extensions the reader knows (it refuses .xls and .ods by name, with a
    /// message saying to save as .xlsx).
    static let workbookExtensions = ["xlsx", "xlsm", "xls", "ods"]

    /// Whether the upload is a workbook: named like one, or starting like a zip archive.
    static func isWorkbook(_ data: Data, fileName: String) -> Bool {
        let ext = (fileName as NSString).pathExtension.lowercased()
        return workbookExtensions.contains(ext) || data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// The observations of `data`, uploaded as `fileName`, for `plan`.
    static func read(_ data: Data, fileName: String, plan: Plan) throws -> [Observation] {
        guard isWorkbook(data, fileName: fileName) else {
            return try ActualsFile.parse(CSVTable.parse(data: data, file: fileName), plan: plan)
        }
        let ext = (fileName as NSString).pathExtension.lowercased()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "planforecast-upload-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(
            "upload." + (workbookExtensions.contains(ext) ? ext : "xlsx")
        ).path
        guard
            FileManager.default.createFile(
                atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw InputError.io(path: fileName, reason: "could not store the upload to read it")
        }
        do {
            return try ActualsInput.read(path: path, plan: plan)
        } catch let error as InputError {
            throw renamed(error, from: path, to: fileName)
        }
    }

    /// The error with the temporary path replaced by the uploaded file's name.
    static func renamed(_ error: InputError, from path: String, to name: String) -> InputError {
        switch error {
        case .badData(var location, let found, let expected):
            location.file = location.file.replacingOccurrences(of: path, with: name)
            return .badData(
                location: location, found: found.replacingOccurrences(of: path, with: name),
                expected: expected.replacingOccurrences(of: path, with: name))
        case .io(let p, let reason):
            return .io(
                path: p.replacingOccurrences(of: path, with: name),
                reason: reason.replacingOccurrences(of: path, with: name))
        case .usage(let message):
            return .usage(message.replacingOccurrences(of: path, with: name))
        }
    }
}
