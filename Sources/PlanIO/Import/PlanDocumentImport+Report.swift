import Foundation
import PlanModel

/// The import report: what was read, every statement not classified (with its line and
/// sentence), the notes, the decisions left open, and the targets.
extension PlanDocumentImport {
    public static func report(_ r: Result, fileName: String) -> String {
        var s = "# Import of \((fileName as NSString).lastPathComponent)\n\n"
        if !r.title.isEmpty { s += "- title: \(r.title)\n" }
        s +=
            "- plan period \(r.period.lowerBound)-\(r.period.upperBound); baseline year \(r.period.lowerBound - 1)\n"
        if r.sectionLine > 0 {
            s += "- targets section at line \(r.sectionLine): \(r.sectionTitle)\n"
        } else {
            s += "- no targets section (no heading naming \"chỉ tiêu\")\n"
        }
        if let t = r.table {
            s +=
                "- target table: header at line \(t.headerLine), \(t.targets.count) rows imported\n"
        }
        let origins = Dictionary(grouping: r.targets, by: \.origin).mapValues(\.count)
        s +=
            "- \(r.targets.count) targets (\(origins[.prose] ?? 0) from prose only, \(origins[.both] ?? 0) prose and table merged, \(origins[.table] ?? 0) from the table only); "
        s += "\(r.indicators.count) indicators; \(r.unclassified.count) statements not classified\n"
        let groups: [(PlanTableImport.Finding.Kind, String)] = [
            (.unclassified, "Not classified (to write by hand, or to leave out)"), (.note, "Notes")
        ]
        for (kind, title) in groups {
            let fs = r.findings.filter { $0.kind == kind }
            if fs.isEmpty { continue }
            s += "\n## \(title)\n\n"
            for f in fs { s += "- \(f.description)\n" }
        }
        if !r.undecided.isEmpty {
            s += "\n## Not decided (edit indicators.csv)\n\n"
            for f in r.undecided { s += "- \(f.description)\n" }
        }
        s += "\n## Targets\n\n"
        for t in r.targets {
            let x = t.target
            let value =
                x.low.map { l -> String in
                    let scale = x.kind == .growth ? 100.0 : 1
                    let h = (x.high ?? l) * scale
                    return x.comparator == .range
                        ? "\(Formatting.number(l * scale))-\(Formatting.number(h))"
                        : "\(x.comparator.rawValue) \(Formatting.number(l * scale))"
                } ?? "(no figure)"
            s +=
                "- \(x.id) \(x.planItem) line \(t.line), \(t.reading.rawValue) → \(x.indicator): \(value) \(x.unit), \(x.targetYear)\(x.appendixRow.isEmpty ? "" : " [\(x.appendixRow)]")\n"
        }
        return s
    }
}
