import Foundation
import PlanIO
import ZIPFoundation

/// The zip container of an .xlsx file, opened for reading with limits.
///
/// Before ZIPFoundation sees the file, its first bytes are checked so that the files people
/// mistake for workbooks get a message that says what they are: a legacy `.xls` (an OLE2
/// compound file), an OpenDocument `.ods` (a zip whose `mimetype` says so), a CSV or other
/// text renamed to `.xlsx`. Every part is inflated through ``WorkbookLimits``.
struct WorkbookArchive {
    let path: String
    let archive: Archive
    let limits: WorkbookLimits
    private(set) var bytesRead: UInt64 = 0

    init(path: String, limits: WorkbookLimits) throws {
        self.path = path
        self.limits = limits
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.io(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            throw InputError.io(path: path, reason: "is a folder; expected an .xlsx workbook")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError.io(
                path: path, reason: "cannot be opened for reading (permission denied?)")
        }
        let head = (try? handle.read(upToCount: 8)) ?? Data()
        try? handle.close()
        try WorkbookArchive.sniff(head, path: path)
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw InputError.badData(
                location: SourceLocation(file: path),
                found: "a damaged or truncated zip archive (\(error))",
                expected: "an .xlsx workbook (save it again from Excel or LibreOffice)")
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > limits.maxEntries {
                throw InputError.badData(
                    location: SourceLocation(file: path),
                    found: "more than \(limits.maxEntries) parts in the archive",
                    expected: "an .xlsx workbook (tens of parts)")
            }
        }
        if let mimetype = archive["mimetype"], let text = try? readSmall(mimetype),
            text.contains("opendocument")
        {
            throw InputError.badData(
                location: SourceLocation(file: path), found: "an OpenDocument spreadsheet (.ods)",
                expected: "an .xlsx workbook (in LibreOffice: File › Save As › Excel 2007-365)")
        }
        if archive["[Content_Types].xml"] == nil || archive["xl/workbook.xml"] == nil {
            throw InputError.badData(
                location: SourceLocation(file: path),
                found: "a zip archive that is not an Excel workbook (no xl/workbook.xml)",
                expected: "an .xlsx workbook")
        }
    }

    /// Refuses files that are not zip archives, naming what they look like.
    static func sniff(_ head: Data, path: String) throws {
        let bytes = [UInt8](head)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return }
        let found: String
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            found = "a legacy Excel 97-2003 file (.xls)"
        } else if bytes.isEmpty {
            found = "an empty file"
        } else if bytes.starts(with: [0x50, 0x4B]) {
            found = "a zip archive with no file at its start (empty or split archive)"
        } else if bytes.allSatisfy({ $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0x20 }) {
            found = "text (a CSV or other text file renamed to .xlsx?)"
        } else {
            found = "a file that is not a zip archive"
        }
        throw InputError.badData(
            location: SourceLocation(file: path), found: found,
            expected: "an .xlsx workbook (in Excel: File › Save As › Excel Workbook)")
    }

    func entry(_ name: String) -> Entry? { archive[name] }

    /// Inflates a part whole, refusing it when the central directory claims, or the inflater
    /// produces, more than the limits allow.
    mutating func read(_ entry: Entry) throws -> Data {
        let claimed = UInt64(entry.uncompressedSize)
        if claimed > limits.maxPartBytes {
            throw bomb(entry, "\(claimed) bytes uncompressed (stated in the zip directory)")
        }
        if bytesRead + claimed > limits.maxTotalBytes {
            throw bomb(entry, "\(bytesRead + claimed) bytes uncompressed in all")
        }
        var data = Data()
        data.reserveCapacity(Int(min(claimed, 64 << 20)))
        var produced: UInt64 = 0
        let partLimit = limits.maxPartBytes, totalLeft = limits.maxTotalBytes - bytesRead
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                produced += UInt64(chunk.count)
                // The directory's size is a claim: count what the inflater really produces and stop
                // at the first byte past the claim or the limits.
                if produced > partLimit || produced > totalLeft || produced > claimed {
                    throw LimitExceeded(bytes: produced)
                }
                data.append(chunk)
            }
        } catch let e as LimitExceeded {
            throw bomb(
                entry,
                "more than \(e.bytes) bytes when inflated (the zip directory said \(claimed))")
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError.badData(
                location: SourceLocation(file: path),
                found: "a damaged part \(entry.path) (\(error))",
                expected: "an .xlsx workbook that is not truncated or corrupt")
        }
        bytesRead += produced
        return data
    }

    private func readSmall(_ entry: Entry) throws -> String {
        guard entry.uncompressedSize < 1024 else { return "" }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    private func bomb(_ entry: Entry, _ found: String) -> InputError {
        .badData(
            location: SourceLocation(file: path), found: "part \(entry.path) of \(found)",
            expected:
                "at most \(limits.maxPartBytes) bytes per part and \(limits.maxTotalBytes) in all (a zip bomb or a damaged file?)"
        )
    }

    private struct LimitExceeded: Error { var bytes: UInt64 }
}
