import Foundation

/// Writes that never leave a half-written file: the content goes to a temporary file in the
/// same folder (so the final `rename(2)` is atomic on one file system), is flushed to disk,
/// and is renamed over the destination.
///
/// On Linux the temporary file is created with `O_TMPFILE`: it has no name until `commit()`
/// links it in (`linkat` through `/proc/self/fd`) and renames it over the destination, so a
/// process killed mid-write (even by SIGKILL) leaves nothing behind and the previous file
/// intact. Where `O_TMPFILE` is not supported (some file systems), a hidden named
/// `.NAME.tmp-PID-N` is used instead; a crash may then leave it, and the next write to the
/// same destination removes it.
public enum AtomicFile {
    /// Writes `data` to `path` atomically. `-` writes to standard output.
    public static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        let writer = try Writer(path: path)
        try writer.write(data)
        try writer.commit()
    }

    /// Writes `text` as UTF-8; with `bom` a UTF-8 byte-order mark first (for Excel).
    public static func write(_ text: String, to path: String, bom: Bool = false) throws {
        var data = Data()
        if bom { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        data.append(contentsOf: Array(text.utf8))
        try write(data, to: path)
    }

    /// A streaming atomic writer for large outputs (simulated paths, batch fits): write in
    /// pieces, then `commit()`. Without `commit()` (an error, or `abandon()`) the temporary
    /// file is removed and the destination is untouched.
    public final class Writer {
        public let path: String
        let tempPath: String
        let handle: FileHandle
        private var done = false
        private var buffer = Data()

        public init(path: String) throws {
            self.path = path
            let url = URL(fileURLWithPath: path)
            let dir = url.deletingLastPathComponent().path
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw InputError.io(
                    path: path, reason: "is a directory; expected a file path to write")
            }
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue
            else {
                throw InputError.io(path: path, reason: "folder \(dir) does not exist")
            }
            let name = url.lastPathComponent
            AtomicFile.removeStaleTemps(in: dir, for: name)
            tempPath = (dir as NSString).appendingPathComponent(
                ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            #if os(Linux)
                // O_TMPFILE = __O_TMPFILE | O_DIRECTORY (not imported into Swift: a compound macro).
                let oTmpFile: Int32 = 0o20000000 | O_DIRECTORY
                let fd = open(dir.isEmpty ? "." : dir, oTmpFile | O_WRONLY | O_CLOEXEC, 0o644)
                if fd >= 0 {
                    handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
                    anonymous = true
                    return
                }
            #endif
            guard FileManager.default.createFile(atPath: tempPath, contents: nil),
                let h = FileHandle(forWritingAtPath: tempPath)
            else {
                throw InputError.io(
                    path: path,
                    reason: "cannot create a file in \(dir) (permission denied or read-only?)")
            }
            handle = h
        }

        /// True when the temporary file is an unnamed `O_TMPFILE` (nothing to clean up).
        private var anonymous = false

        public func write(_ data: Data) throws {
            buffer.append(data)
            if buffer.count >= 1 << 20 { try flushBuffer() }
        }

        public func write(_ text: String) throws { try write(Data(text.utf8)) }

        private func flushBuffer() throws {
            guard !buffer.isEmpty else { return }
            do { try handle.write(contentsOf: buffer) } catch {
                abandon()
                throw InputError.io(
                    path: path,
                    reason: "write failed (\(error.localizedDescription)); previous file kept")
            }
            buffer.removeAll(keepingCapacity: true)
        }

        /// Flushes, syncs and renames over the destination.
        public func commit() throws {
            guard !done else { return }
            try flushBuffer()
            do {
                try handle.synchronize()
            } catch {
                abandon()
                throw InputError.io(
                    path: path,
                    reason:
                        "could not finish writing (\(error.localizedDescription)); previous file kept"
                )
            }
            if anonymous {
                // Give the unnamed file its temporary name, then rename it over the destination.
                if linkat(
                    AT_FDCWD, "/proc/self/fd/\(handle.fileDescriptor)", AT_FDCWD, tempPath,
                    AT_SYMLINK_FOLLOW) != 0
                {
                    let reason = String(cString: strerror(errno))
                    abandon()
                    throw InputError.io(
                        path: path,
                        reason: "could not create the file (\(reason)); previous file kept")
                }
                anonymous = false
            }
            try? handle.close()
            if rename(tempPath, path) != 0 {
                let reason = String(cString: strerror(errno))
                abandon()
                throw InputError.io(
                    path: path, reason: "could not replace the file (\(reason)); previous file kept"
                )
            }
            done = true
        }

        /// Drops the temporary file; the destination is untouched.
        public func abandon() {
            guard !done else { return }
            done = true
            try? handle.close()
            if !anonymous { unlink(tempPath) }
        }

        deinit { abandon() }
    }

    /// Removes temporary files left by earlier writers to `name` whose process is gone.
    static func removeStaleTemps(in dir: String, for name: String) {
        guard let items = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        let prefix = ".\(name).tmp-"
        for item in items where item.hasPrefix(prefix) {
            let rest = item.dropFirst(prefix.count)
            guard let pidText = rest.split(separator: "-").first, let pid = Int32(pidText) else {
                continue
            }
            if pid == getpid() { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((dir as NSString).appendingPathComponent(item))
            }
        }
    }
}
