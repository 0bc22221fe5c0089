import Foundation

/// Reading files with errors that say what happened.
public enum FileInput {
    /// Reads a whole file. Missing, unreadable and directory paths give `InputError.io`.
    public static func read(path: String) throws -> Data {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError.io(path: path, reason: "no such file")
        }
        if isDir.boolValue {
            throw InputError.io(path: path, reason: "is a directory; expected a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError.io(path: path, reason: "permission denied (not readable)")
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError.io(
                path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// Reads a whole file as UTF-8 text (BOM dropped), with located errors.
    public static func readText(path: String) throws -> String {
        var data = try read(path: path)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        let bytes = [UInt8](data)
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            throw InputError.badData(
                location: SourceLocation(
                    file: path, line: UTF8Validation.line(ofByte: bad, in: bytes)),
                found: "bytes that are not valid UTF-8", expected: "UTF-8 text")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The 1-based line holding the first byte that breaks UTF-8 decoding.
    public static func lineOfFirstInvalidUTF8(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        return UTF8Validation.firstInvalidByte(in: bytes).map {
            UTF8Validation.line(ofByte: $0, in: bytes)
        } ?? 1
    }
}
