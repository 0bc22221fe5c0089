import Foundation
import PlanIO
import PlanModel

/// Scenario files in the one folder the workbench may write (`--scenario-dir`). This is
/// the only place a request reaches the file system:
/// - a save writes `<folder>/<file stem>.yaml`, the stem made from the scenario's name by
///   `fileStem(for:)` (ASCII letters, digits, `-` and `_` only, so no path can be formed),
///   atomically (`AtomicFile`), and never over an existing file unless `overwrite`;
/// - a load names a file by stem, which must be one of the folder's own `.yaml` entries
///   (looked up in the listing, never joined into a path from the request).
struct ScenarioStore: Sendable {
    let folder: String
    /// Files larger than this are not scenarios (and are not read).
    static let maxFileBytes = 64 * 1024

    struct Entry: Codable, Sendable {
        var file: String
        var name: String?
        var description: String?
        /// The reader's message when the file is not a valid scenario for this plan.
        var error: String?
    }

    /// A file stem from a scenario name: Vietnamese letters without their marks (`đ` → `d`),
    /// lower case, runs of anything else as one `-`, at most 60 characters; nil when
    /// nothing is left.
    ///
    /// ```swift
    /// ScenarioStore.fileStem(for: "Công nghiệp 16 %")   // "cong-nghiep-16"
    /// ScenarioStore.fileStem(for: "../../etc/passwd")   // "etc-passwd"
    /// ```
    static func fileStem(for name: String) -> String? {
        let folded = name.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(
            of: "Đ", with: "D"
        )
        .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var out = ""
        for u in folded.unicodeScalars {
            if u.isASCII && (CharacterSet.alphanumerics.contains(u) || u == "_") {
                out.unicodeScalars.append(u)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        out = String(out.prefix(60))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? nil : out.lowercased()
    }

    /// Writes the scenario's YAML; returns the file name. Throws 409 when the file exists
    /// and `overwrite` is false.
    func save(yaml: String, name: String, plan: Plan, overwrite: Bool) throws -> String {
        guard let stem = Self.fileStem(for: name) else {
            throw WorkbenchError.badRequest(
                "scenario name \"\(name)\": needs at least one letter or digit to name a file")
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: folder, isDirectory: &isDir) {
            do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw InputError.io(
                    path: folder,
                    reason: "cannot create the scenario folder (\(error.localizedDescription))")
            }
        } else if !isDir.boolValue {
            throw InputError.io(path: folder, reason: "is a file; expected the scenario folder")
        }
        let file = stem + ".yaml"
        let path = (folder as NSString).appendingPathComponent(file)
        if fm.fileExists(atPath: path) && !overwrite {
            throw WorkbenchError(
                status: .conflict,
                message: "\(file) already exists in the scenario folder; confirm to replace it")
        }
        let header =
            "# Saved by the PlanForecast workbench (planforecast serve) for plan \(plan.id).\n"
        try AtomicFile.write(header + yaml, to: path)
        return file
    }

    /// The folder's `.yaml` files, each read as a scenario of `plan` (with the reader's
    /// message when it is not one). Missing folder: no entries.
    func list(plan: Plan) -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return []
        }
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().compactMap {
            file in
            let path = (folder as NSString).appendingPathComponent(file)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let size = attributes[.size] as? Int, size <= Self.maxFileBytes
            else { return nil }
            do {
                let s = try ScenarioReader.read(path: path, plan: plan)
                return Entry(file: file, name: s.name, description: s.description)
            } catch {
                return Entry(file: file, error: "\(error)")
            }
        }
    }

    /// Reads the scenario saved as `file`, which must be one of the folder's entries.
    func load(file: String, plan: Plan) throws -> (scenario: Scenario, file: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder),
            let match = names.first(where: {
                $0 == file && $0.hasSuffix(".yaml") && !$0.hasPrefix(".")
            })
        else {
            throw WorkbenchError.notFound("no scenario file \"\(file)\" in the scenario folder")
        }
        let path = (folder as NSString).appendingPathComponent(match)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= Self.maxFileBytes else {
            throw WorkbenchError(
                status: .contentTooLarge,
                message: "\(match) is larger than \(Self.maxFileBytes / 1024) KiB; not a scenario")
        }
        return (try ScenarioReader.read(path: path, plan: plan), match)
    }
}
