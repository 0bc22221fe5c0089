import Foundation
import PlanIO

/// Finds the plan folders (folders holding a `plan.yaml`) under a directory.
///
/// Without `recursive`: the directory itself if it holds a `plan.yaml`, else its direct
/// subfolders that do. With `recursive`: every folder below it that does (a plan folder's
/// own subfolders are searched too). Sorted by path, so a batch's output order does not
/// depend on the file system.
///
/// ```swift
/// try PlanFolderDiscovery.folders(in: "communes", recursive: true)  // ["communes/hp/an-hung", …]
/// ```
public enum PlanFolderDiscovery {
    public static func folders(in directory: String, recursive: Bool) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw InputError.io(path: directory, reason: "no such folder")
        }
        guard isDirectory.boolValue else {
            throw InputError.io(
                path: directory, reason: "is a file; expected a folder of plan folders")
        }
        func isPlan(_ path: String) -> Bool {
            fm.fileExists(atPath: (path as NSString).appendingPathComponent("plan.yaml"))
        }
        func subfolders(_ path: String) throws -> [String] {
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: path) } catch {
                throw InputError.io(
                    path: path, reason: "cannot list the folder (\(error.localizedDescription))")
            }
            return names.filter { !$0.hasPrefix(".") }.map {
                (path as NSString).appendingPathComponent($0)
            }.filter {
                var dir: ObjCBool = false
                return fm.fileExists(atPath: $0, isDirectory: &dir) && dir.boolValue
            }
        }
        if !recursive {
            if isPlan(directory) { return [directory] }
            return try subfolders(directory).filter(isPlan).sorted()
        }
        var found: [String] = []
        var stack = [directory]
        while let folder = stack.popLast() {
            if isPlan(folder) { found.append(folder) }
            stack += try subfolders(folder)
        }
        return found.sorted()
    }
}
