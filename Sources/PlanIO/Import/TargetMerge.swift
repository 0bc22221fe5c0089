import Foundation
import PlanModel

/// Merges the targets read from a document's prose with those of its target table.
///
/// ## Rules
/// - A prose target and a table row **match** when their figures are equal (both ends, after
///   growth rows are read as fractions) and their names share at least a quarter of their
///   words (Jaccard overlap of syllables, abbreviations such as `BHYT`, `DN`, `SXKD` spelled
///   out); or when the table row says `Đạt` and the prose target is pass/fail or a 100 %
///   promise, with half the words shared. Pairs are taken best score first; each table row
///   goes to one prose target, except that a second clause of the **same statement** with the
///   same figure matching the same row is merged into the first (`100% nhiệm vụ …; 100% chỉ
///   tiêu giao quân` is one row of the table, so one target).
/// - In a matched pair **the prose decides** the kind, comparator, values, year, unit and
///   direction (as the hand-made An Hưng file does), except that a table's `Đạt` makes the
///   target pass/fail; **the table gives** the appendix row, the responsible unit and the
///   `appendix_*` columns.
/// - A prose target whose figure the document left blank matches a table **heading** (a
///   numbered row with no value that heads the rows below it) sharing a quarter of its words:
///   it gets the heading's row reference (`PL I.3`) and text, and the responsible unit of the
///   rows under it.
/// - Table rows no prose target matches are kept as they are (origin `table`), listed as notes.
enum TargetMerge {
    static let abbreviations: [String: String] = [
        "bhyt": "bảo hiểm y tế", "bhxh": "bảo hiểm xã hội", "dn": "doanh nghiệp",
        "sxkd": "sản xuất kinh doanh",
        "thcs": "trung học cơ sở", "thpt": "trung học phổ thông", "ntm": "nông thôn mới",
        "tthc": "thủ tục hành chính",
        "ctxd": "công trình xây dựng", "cn": "công nghiệp", "tmdv": "thương mại dịch vụ",
        "ubnd": "ủy ban nhân dân"
    ]

    static func words(_ s: String) -> Set<String> {
        let lower = s.lowercased().precomposedStringWithCanonicalMapping
        var out: Set<String> = []
        for w in lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let word = String(w)
            if let long = abbreviations[word] {
                out.formUnion(long.split(separator: " ").map(String.init))
            } else {
                out.insert(word)
            }
        }
        return out
    }

    static func overlap(_ a: String, _ b: String) -> Double {
        let x = words(a), y = words(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }

    static func sameFigure(_ a: Target, _ b: Target) -> Bool {
        guard let al = a.low, let bl = b.low else { return false }
        let ah = a.high ?? al, bh = b.high ?? bl
        let scaleA = a.kind == .growth ? 100.0 : 1, scaleB = b.kind == .growth ? 100.0 : 1
        return abs(al * scaleA - bl * scaleB) < 1e-9 && abs(ah * scaleA - bh * scaleB) < 1e-9
    }

    static func score(_ prose: ImportedTarget, _ table: Target) -> Double? {
        let o = overlap(prose.target.nameVi + " " + prose.indicatorName, table.nameVi)
        if table.kind == .qualitative {
            let passFail =
                prose.target.kind == .qualitative
                || (prose.target.low == 100 && prose.target.unit == "%")
            return passFail && o >= 0.2 ? 1 + o : nil
        }
        return sameFigure(prose.target, table) && o >= 0.12 ? 2 + o : nil
    }

    struct Output { var targets: [ImportedTarget]; var notes: [PlanTableImport.Finding] }

    static func merge(
        prose: [ImportedTarget], table: [Target], tableLines: [String: Int],
        headings: [PlanTableImport.Finding] = [], appendix: String = "PL"
    ) -> Output {
        var pairs: [(p: Int, t: Int, s: Double)] = []
        for (i, p) in prose.enumerated() {
            for (j, t) in table.enumerated() { if let s = score(p, t) { pairs.append((i, j, s)) } }
        }
        pairs.sort { $0.s != $1.s ? $0.s > $1.s : ($0.p, $0.t) < ($1.p, $1.t) }
        var tableOf: [Int: Int] = [:]
        var proseOf: [Int: Int] = [:]
        var mergedInto: [Int: Int] = [:]
        for pair in pairs where tableOf[pair.p] == nil && mergedInto[pair.p] == nil {
            if let other = proseOf[pair.t] {
                let a = prose[other], b = prose[pair.p]
                if a.line == b.line, a.target.planItem == b.target.planItem,
                    a.target.low == b.target.low,
                    a.target.kind == b.target.kind, a.componentOf == nil, b.componentOf == nil
                {
                    mergedInto[pair.p] = other
                }
                continue
            }
            tableOf[pair.p] = pair.t
            proseOf[pair.t] = pair.p
        }
        var out: [ImportedTarget] = []
        var notes: [PlanTableImport.Finding] = []
        var idOf: [Int: Int] = [:]
        for (i, p) in prose.enumerated() {
            if let into = mergedInto[i], let k = idOf[into] {
                out[k].target.nameVi += "; " + p.target.nameVi
                out[k].target.note = [
                    out[k].target.note, "one table row for two clauses of the statement"
                ].filter { !$0.isEmpty }.joined(separator: "; ")
                continue
            }
            var m = p
            if let j = tableOf[i] {
                let t = table[j]
                m.origin = .both
                m.target.appendixRow = t.appendixRow
                m.target.responsibleUnit = t.responsibleUnit
                m.target.appendixNameVi = t.appendixNameVi
                m.target.appendixUnit = t.appendixUnit
                m.target.appendixValue = t.appendixValue
                m.target.source += "; table \(t.appendixRow)"
                if t.kind == .qualitative && m.target.kind != .qualitative {
                    m.target.kind = .qualitative; m.target.low = nil; m.target.high = nil;
                    m.target.unit = "Đạt"
                    m.target.comparator = .equal; m.reading = .qualitative
                    m.target.note = [m.target.note, "the table says Đạt: pass/fail"].filter {
                        !$0.isEmpty
                    }.joined(separator: "; ")
                }
            }
            if tableOf[i] == nil, m.reading == .blankFigure,
                let h = headings.max(by: {
                    overlap(m.target.nameVi, $0.text) < overlap(m.target.nameVi, $1.text)
                }),
                overlap(m.target.nameVi, h.text) >= 0.25
            {
                let reference = "\(appendix).\(h.number)"
                m.origin = .both
                m.target.appendixRow = reference
                m.target.appendixNameVi = h.text
                m.target.responsibleUnit =
                    table.first { $0.appendixRow.hasPrefix(reference + ".") }?.responsibleUnit ?? ""
                m.target.source += "; table \(reference) (heading)"
            }
            idOf[i] = out.count
            out.append(m)
        }
        // A statement left with one main target after a merge: its id loses the letter (T20a → T20).
        for k in Set(mergedInto.values).compactMap({ idOf[$0] }) {
            let t = out[k]
            let mains = out.filter {
                $0.line == t.line && $0.target.planItem == t.target.planItem
                    && $0.componentOf == nil
            }
            if mains.count == 1, let last = t.target.id.last, last.isLetter,
                !out.contains(where: { $0.componentOf == t.target.id }),
                !out.contains(where: { $0.target.id == String(t.target.id.dropLast()) })
            {
                out[k].target.id.removeLast()
            }
        }
        for (j, t) in table.enumerated() where proseOf[j] == nil {
            let line = tableLines[t.id] ?? 0
            out.append(
                ImportedTarget(
                    target: t, origin: .table, reading: reading(of: t), line: line,
                    sentence: t.appendixNameVi, indicatorName: t.nameVi))
            notes.append(
                .init(
                    kind: .note, line: line, number: t.appendixRow, text: t.nameVi,
                    reason: "a table row no prose statement matches; imported from the table alone")
            )
        }
        return Output(targets: out, notes: notes)
    }

    static func reading(of t: Target) -> ImportedTarget.Reading {
        switch t.kind {
        case .growth: return .growth
        case .level: return .level
        case .maintained: return .maintained
        case .qualitative: return .qualitative
        }
    }
}
