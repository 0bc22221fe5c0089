import Foundation
import PlanIO

/// A program the office formats hand work to (pandoc, rsvg-convert, chromium), found on
/// `PATH` and run without a shell.
public struct ExternalTool: Sendable {
    /// The tool is not installed: the command exits 69 (EX_UNAVAILABLE) with this message.
    public struct Unavailable: Error, CustomStringConvertible, Sendable {
        public var tool: String
        public var package: String
        public var purpose: String
        public var description: String {
            "\(purpose) needs `\(tool)`, which is not installed; install the Debian package \(package) (apt-get install \(package), or scripts/ensure-deps)"
        }
        /// sysexits(3) EX_UNAVAILABLE.
        public var exitCode: Int32 { 69 }
    }

    public let path: String

    /// Finds `name` on `PATH`, or throws ``Unavailable`` naming the package to install.
    public init(_ name: String, package: String, purpose: String) throws {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(
            separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { path = candidate; return }
        }
        throw Unavailable(tool: name, package: package, purpose: purpose)
    }

    /// Runs the tool; returns its standard output. A non-zero exit is an I/O error (74)
    /// quoting the end of its standard error.
    @discardableResult
    public func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> Data {
        // Output goes to files, not pipes: no reader threads, and no deadlock when a tool
        // writes more than a pipe holds.
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outPath = scratch.file("stdout"), errPath = scratch.file("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw InputError.io(
                path: path, reason: "cannot be started (\(error.localizedDescription))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw InputError.io(path: path, reason: "did not finish within \(Int(timeout)) s")
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        if process.terminationStatus != 0 {
            let message = String(decoding: err.suffix(600), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            throw InputError.io(
                path: path, reason: "failed with status \(process.terminationStatus): \(message)")
        }
        return out
    }
}

/// A private temporary folder, removed by `remove()`.
struct ScratchFolder {
    let path: String

    init() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "planforecast-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(
                atPath: base, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw InputError.io(
                path: base,
                reason: "cannot create a temporary folder (\(error.localizedDescription))")
        }
        path = base
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func write(_ data: Data, _ name: String) throws -> String {
        let target = file(name)
        do { try data.write(to: URL(fileURLWithPath: target)) } catch {
            throw InputError.io(
                path: target, reason: "cannot write (\(error.localizedDescription))")
        }
        return target
    }

    func read(_ name: String) throws -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: file(name))) } catch {
            throw InputError.io(
                path: file(name), reason: "was not produced (\(error.localizedDescription))")
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
