import Foundation
import PlanModel

/// The import's outputs: the targets file and the plain-text report.
extension PlanTableImport {
    // MARK: - Writing

    /// The targets in the project's `targets.csv` format (``TargetsFile/csv(_:)``: UTF-8,
    /// comma-separated, header row, growth values in percent per year), with the appendix
    /// row's own text, unit and value in `appendix_name_vi`, `appendix_unit`, `appendix_value`.
    public static func targetsCSV(_ targets: [Target]) -> String { TargetsFile.csv(targets) }

    /// A plain-text report: what was read, what was imported, and every row that was not.
    public static func report(_ r: Result, fileName: String) -> String {
        var s = "# Import of \(fileName)\n\n"
        s +=
            "- table header at line \(r.headerLine), columns separated by \(r.delimiter == "\t" ? "tab" : "\"\(r.delimiter)\"")\n"
        s += "- plan period \(r.period.lowerBound)-\(r.period.upperBound); appendix \(r.appendix)\n"
        s += "- \(r.targets.count) targets imported; \(r.unclassified.count) rows not classified\n"
        let groups: [(Finding.Kind, String)] = [
            (.unclassified, "Rows not classified"), (.note, "Notes"),
            (.heading, "Headings (not targets themselves)"), (.endOfTable, "End of table")
        ]
        for (kind, title) in groups {
            let fs = r.findings.filter { $0.kind == kind }
            if fs.isEmpty { continue }
            s += "\n## \(title)\n\n"
            for f in fs { s += "- \(f.description)\n" }
        }
        s += "\n## Targets\n\n"
        for t in r.targets {
            s +=
                "- \(t.id) (\(t.appendixRow), \(t.kind.rawValue)): \(t.nameVi): \(t.appendixValue) \(t.unit)\n"
        }
        return s
    }
}
