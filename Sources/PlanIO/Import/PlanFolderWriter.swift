import Foundation
import PlanModel

/// Writes an imported plan as a plan folder that `review`, `project`, `targets` and `check`
/// read as it is:
///
/// ```text
/// plan.yaml         id, name_vi, first_year, last_year, baseline_year, language (from the document)
/// indicators.csv    one row per indicator (ids, measure and bound from IndicatorInference)
/// targets.csv       the imported targets (TargetsFile's format)
/// baseline.csv      template: every quantitative indicator at the baseline year, value empty
/// actuals.csv       template: every quantitative indicator for every plan year, value empty
/// import-report.md  what was read, and every statement or decision left open, with its line
/// ```
///
/// Invariants: every file name is fixed (nothing in the document steers a path); each file is
/// replaced in one step (``AtomicFile``); the folder loads with ``PlanLoader/load(directory:)``
/// (empty template values are "missing"); the plan id is an ASCII slug.
public enum PlanFolderWriter {
    /// targets.csv first: when the folder cannot take it, nothing else is written.
    public static let fileNames = [
        "targets.csv", "plan.yaml", "indicators.csv", "baseline.csv", "actuals.csv",
        "import-report.md"
    ]

    /// The folder's files as (name, contents), in ``fileNames`` order.
    public static func files(for result: PlanDocumentImport.Result, fileName: String) -> [(
        name: String, text: String
    )] {
        let period = result.period
        let baselineYear = period.lowerBound - 1
        let quantitative = result.indicators.filter { $0.measure != .qualitative }
        var indicators = CSVText(header: IndicatorsFile.columns)
        for i in result.indicators {
            indicators.row([
                i.id, i.nameVi, i.nameEn, i.unit, i.measure.rawValue,
                i.upperBound.map { Formatting.number($0) } ?? "",
                i.components.joined(separator: "+")
            ])
        }
        var baseline = CSVText(header: BaselineFile.columns)
        for i in quantitative {
            baseline.row([
                i.id, String(baselineYear), "",
                i.unit == IndicatorInference.unknownUnit ? "" : i.unit, "",
                "to fill: the \(baselineYear) value (source: official, derived or illustrative)"
            ])
        }
        var actuals = CSVText(header: ActualsFile.columns)
        for i in quantitative {
            for year in period { actuals.row([i.id, String(year), "", "", "", ""]) }
        }
        return [
            ("targets.csv", TargetsFile.csv(result.targets.map(\.target))),
            ("plan.yaml", planYAML(result, fileName: fileName)),
            ("indicators.csv", indicators.text), ("baseline.csv", baseline.text),
            ("actuals.csv", actuals.text),
            ("import-report.md", PlanDocumentImport.report(result, fileName: fileName))
        ]
    }

    /// Writes the folder `directory` (created when missing; a file there is an I/O error). A
    /// result with no target is an error (exit 65): the plan readers need at least one.
    public static func write(
        _ result: PlanDocumentImport.Result, fileName: String, to directory: String
    ) throws {
        guard !result.targets.isEmpty else {
            throw InputError.badData(
                location: SourceLocation(
                    file: fileName, line: result.sectionLine > 0 ? result.sectionLine : nil),
                found: "no target (\(result.unclassified.count) statement(s) not classified)",
                expected: "at least one target statement or table row; a plan folder needs one")
        }
        let dir = URL(fileURLWithPath: directory).standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir) {
            if !isDir.boolValue {
                throw InputError.io(
                    path: directory, reason: "exists and is not a folder; --output names a folder")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            } catch {
                throw InputError.io(
                    path: directory,
                    reason: "cannot create the folder (\((error as NSError).localizedDescription))")
            }
        }
        for file in files(for: result, fileName: fileName) {
            try AtomicFile.write(file.text, to: dir.appendingPathComponent(file.name).path)
        }
    }

    static func planYAML(_ r: PlanDocumentImport.Result, fileName: String) -> String {
        let base = (fileName as NSString).lastPathComponent
        var name = r.title
        if name.isEmpty {
            name =
                "Kế hoạch \(r.place.isEmpty ? (base as NSString).deletingPathExtension : r.place) giai đoạn \(r.period.lowerBound) - \(r.period.upperBound)"
        }
        name = sentenceCase(name)
        let place = ProseTargetReader.slug(
            r.place.isEmpty ? (base as NSString).deletingPathExtension : r.place)
        let id =
            place.replacingOccurrences(of: "_", with: "-")
            + "-\(r.period.lowerBound)-\(r.period.upperBound)"
        let vietnamese = (r.title + r.targets.prefix(5).map(\.target.nameVi).joined())
            .unicodeScalars.contains {
                (0x1EA0...0x1EF9).contains($0.value) || "đĐơƠưƯăĂ".unicodeScalars.contains($0)
            }
        return """
            # Imported by `planforecast import-plan` from \(base.replacingOccurrences(of: "\n", with: " ")).
            # Check the names and the period; baseline.csv and actuals.csv are templates to fill.
            id: \(yamlString(id))
            name_vi: \(yamlString(name))
            first_year: \(r.period.lowerBound)
            last_year: \(r.period.upperBound)
            baseline_year: \(r.period.lowerBound - 1)
            language: \(vietnamese ? "vi" : "en")

            """
    }

    /// `KẾ HOẠCH Phát triển …` → `Kế hoạch phát triển …`.
    static func sentenceCase(_ s: String) -> String {
        let words = s.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var out: [String] = []
        var leading = true
        for (k, w) in words.enumerated() {
            if leading && w == w.uppercased() && w.contains(where: \.isLetter) {
                out.append(
                    k == 0 ? w.prefix(1).uppercased() + w.dropFirst().lowercased() : w.lowercased())
                continue
            }
            if leading, k > 0 {
                out.append(w.prefix(1).lowercased() + w.dropFirst()); leading = false; continue
            }
            leading = false
            out.append(w)
        }
        return out.joined(separator: " ")
    }

    /// A YAML double-quoted scalar.
    static func yamlString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
