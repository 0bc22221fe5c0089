import Foundation
import PlanModel

/// Reads the target statements of a plan's targets section (numbered or bulleted prose) into
/// targets, one per clause with a figure (or a pass/fail promise), and lists every clause it
/// cannot classify with its line and reason: nothing is dropped silently.
///
/// ```swift
/// let s = TargetStatement(item: "(7)", number: 7, line: 40, text:
///     "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều đến năm 2030 dưới 3(%).", subItems: [])
/// ProseTargetReader.read([s], period: 2026...2030, fileName: "plan.txt").targets[0].target
/// // level, <, 3, "%", target year 2030, direction lower
/// ```
///
/// ## Classification rules (in this order, for a clause with a figure)
/// 1. **Relative** (`so với`, `gấp`, a unit `lần`) → unclassified: the targets file holds
///    levels and rates, not multiples of another year. A percentage `so với tổng số …`
///    (`3% trở lên so với tổng số đảng viên`) is a share of a whole, and a percentage `so với
///    năm trước` / `so với cùng kỳ` a year-on-year change: neither is relative, they go on.
/// 2. **Reduction by** (`giảm` before the figure without `còn`/`xuống`/`dưới`: `giảm bình quân
///    1,41%/năm`) → unclassified: by how much a rate falls is not a level or a growth rate.
/// 3. **Growth** when the unit is a percentage and the clause says `tăng bình quân`,
///    `bình quân tăng`, `tăng trưởng`, `tốc độ tăng`, `tỷ lệ tăng` (but not `tỷ lệ tăng dân
///    số`, a rate recorded as such), or `tăng` and `bình quân` anywhere in it (`Tỷ lệ tăng thu ngân sách bình quân
///    hàng năm: 12%`), or `tăng` with `/năm` or `hằng năm`, or it is a component (`trong đó`, `+`) of a
///    growth clause. Values become fractions per year; the unit `%/năm`.
/// 4. **Total over the period** (a non-percent unit with `tổng vốn đầu tư`, `5 năm`,
///    `thời kỳ`, `cả giai đoạn`, `lũy kế`, `nhiệm kỳ`; or a count of new things — `giải quyết
///    việc làm`, `kết nạp`, `thành lập mới`, `phát triển mới`, `xây dựng mới`, `xuất khẩu lao
///    động`, `đào tạo nghề cho` — with no yearly word, `/năm` unit or `bình quân`) →
///    unclassified: a sum over years is no target kind.
/// 5. **Share of a structure** (`chiếm`, `tỷ trọng`, or a statement about `cơ cấu`, with a
///    percentage) → `level`, named `Tỷ trọng …`.
/// 6. **Maintained** when the clause says `duy trì`, `giữ vững`, `hằng năm`, `hàng năm`,
///    `mỗi năm`, or the statement starts with one of the last three.
/// 7. **Level** otherwise, by the year the clause names (`đến năm 2030`, `năm 2028`), else the
///    statement's leading year, else the plan's last year. A year before the plan is
///    unclassified.
///
/// A clause with no figure: `không còn hộ nghèo` / `xóa hộ nghèo` → a level of 0 households
/// (`<=`, lower is better); `đạt` followed directly by a unit (`đạt triệu đồng/ha/năm`) → a
/// level whose figure the document left blank (no value, listed as a note); a pass/fail verb
/// (`đạt`, `giữ vững`, `hoàn thành`, `duy trì`, `bảo đảm`, `đảm bảo`, `không để`) →
/// `qualitative` (unit `Đạt`) by the year the clause names (`vào năm 2022`), else the
/// statement's leading year, else the plan's last year; otherwise unclassified.
///
/// The comparator is the figure's (``ProseFigure``), else `>=` (`<=` when lower is better:
/// `hộ nghèo`, `thất nghiệp`, `suy dinh dưỡng`, `tai nạn`, `tội phạm`, `ô nhiễm`, …). A level
/// percentage above 100 is unclassified. A component's unit that the parent's unit begins
/// with (`triệu đồng/ha` under `triệu đồng/ha/năm`) becomes the parent's.
enum ProseTargetReader {

    struct Output { var targets: [ImportedTarget]; var findings: [PlanTableImport.Finding] }

    static let growthPhrases = [
        "tăng bình quân", "bình quân tăng", "tăng trưởng", "tốc độ tăng", "tỷ lệ tăng"
    ]
    static let maintainedWords = ["duy trì", "giữ vững", "hằng năm", "hàng năm", "mỗi năm"]
    static let passFailVerbs = [
        "đạt", "giữ vững", "hoàn thành", "duy trì", "bảo đảm", "đảm bảo", "không để", "xây dựng"
    ]
    /// Whether the clause compares its figure with something else (`so với năm 2025`). A
    /// percentage `so với tổng số …` / `so với tổng …` is a share of that whole, and a
    /// percentage `so với năm trước` / `so với cùng kỳ` is a change from one year to the next
    /// (a yearly growth rate when the clause says `tăng`), so neither is relative.
    static func isRelative(_ text: ProseText, percent: Bool) -> Bool {
        var from = 0
        while let at = text.find("so với", from: from) {
            let after = VietnameseNumber.trimmed(text.lowerText(at + 6..<min(text.count, at + 24)))
            let wholeOrYearOnYear =
                after.hasPrefix("tổng") || after.hasPrefix("năm trước")
                || after.hasPrefix("cùng kỳ")
            if !(percent && wholeOrYearOnYear) { return true }
            from = at + 6
        }
        return false
    }

    /// Words of a count of new things (jobs found, members admitted, firms founded): without
    /// a yearly word such a count is a sum over the period.
    static let flowWords = [
        "phát triển mới", "thành lập mới", "xây dựng mới", "giải quyết việc làm", "tạo việc làm",
        "kết nạp", "xuất khẩu lao động", "đào tạo nghề cho"
    ]

    static let zeroPhrases = [
        "không còn hộ nghèo", "xóa hộ nghèo", "xoá hộ nghèo", "xóa hết hộ nghèo",
        "giảm hết hộ nghèo", "xoá hết hộ nghèo"
    ]
    static let totalWords = [
        "tổng vốn đầu tư", "5 năm", "thời kỳ", "cả giai đoạn", "lũy kế", "luỹ kế", "nhiệm kỳ",
        "cộng dồn"
    ]
    static let lowerIsBetterWords =
        PlanTableImport.lowerIsBetterWords + ["hộ cận nghèo", "tỷ suất sinh", "sinh con thứ 3"]

    static func read(_ statements: [TargetStatement], period: ClosedRange<Int>, fileName: String)
        -> Output
    {
        var targets: [ImportedTarget] = []
        var findings: [PlanTableImport.Finding] = []
        var usedBases: Set<String> = []
        for statement in statements {
            let clauses = StatementClause.split(statement)
            var made: [(clause: Int, target: ImportedTarget)] = []
            var lastName = ""
            for (index, clause) in clauses.enumerated() {
                let parent = clause.parent.flatMap { p in made.first { $0.clause == p }?.target }
                switch classify(
                    clause, parent: parent, statement: statement, period: period,
                    previousName: lastName, fileName: fileName)
                {
                case .target(let t, let notes):
                    made.append((index, t))
                    lastName = t.indicatorName
                    for n in notes {
                        findings.append(
                            .init(
                                kind: .note, line: clause.line, number: statement.item,
                                text: clause.text, reason: n))
                    }
                case .unclassified(let reason):
                    findings.append(
                        .init(
                            kind: .unclassified, line: clause.line, number: statement.item,
                            text: clause.text, reason: reason))
                }
            }
            // Ids: Tnn for one main target, Tnna, Tnnb… for several (Tnn-2a when the number was
            // used before); components add letters to their parent's.
            let mains = made.filter { clauses[$0.clause].parent == nil }
            // A number used twice (lists restarting under each group) gets "-2", "-3": ids stay unique.
            let plain = "T" + (statement.number < 10 ? "0" : "") + String(statement.number)
            var base = plain
            var repeatCount = 1
            while usedBases.contains(base) { repeatCount += 1; base = plain + "-\(repeatCount)" }
            if !made.isEmpty { usedBases.insert(base) }
            if repeatCount > 1, !made.isEmpty {
                findings.append(
                    .init(
                        kind: .note, line: statement.line, number: statement.item,
                        text: statement.text,
                        reason: "item number \(statement.number) again; its targets are \(base)…"))
            }
            var idOf: [Int: String] = [:]
            for (k, m) in mains.enumerated() {
                idOf[m.clause] = mains.count == 1 ? base : base + letter(k)
            }
            var componentCount: [Int: Int] = [:]
            for m in made {
                var t = m.target
                if let p = clauses[m.clause].parent, let parentID = idOf[p] {
                    let k = componentCount[p, default: 0]
                    componentCount[p] = k + 1
                    let last = parentID.last!
                    t.target.id = parentID + (last.isLetter ? String(k + 1) : letter(k))
                    t.componentOf = parentID
                } else {
                    t.target.id = idOf[m.clause] ?? base + "x\(m.clause)"
                }
                targets.append(t)
            }
        }
        return Output(targets: targets, findings: findings)
    }

    static func letter(_ k: Int) -> String {
        k < 26 ? String(UnicodeScalar(UInt8(97 + k))) : "z\(k)"
    }

    enum Outcome { case target(ImportedTarget, [String]), unclassified(String) }

    static func classify(
        _ clause: StatementClause, parent: ImportedTarget?, statement: TargetStatement,
        period: ClosedRange<Int>, previousName: String, fileName: String
    ) -> Outcome {
        let text = ProseText(clause.text)
        let (figures, problems) = ProseFigure.all(in: text)
        let lowerName = clause.text.lowercased()
        var notes: [String] = []
        let lowerBetter = lowerIsBetterWords.contains { PlanTableImport.has(lowerName, $0) }
        func make(
            _ kind: TargetKind, _ reading: ImportedTarget.Reading, comparator: PlanModel.Comparator,
            low: Double?, high: Double?,
            unit: String, year: Int, name: String, direction: Direction
        ) -> Outcome {
            let target = Target(
                id: "", indicator: "", planItem: statement.item, appendixRow: "",
                nameVi: clause.text, nameEn: "",
                unit: unit, kind: kind, comparator: comparator, low: low, high: high,
                targetYear: year,
                startYear: period.lowerBound, direction: direction, responsibleUnit: "",
                source:
                    "\((fileName as NSString).lastPathComponent) line \(clause.line), item \(statement.item)",
                note: notes.joined(separator: "; "))
            return .target(
                ImportedTarget(
                    target: target, origin: .prose, reading: reading, line: clause.line,
                    sentence: statement.text, indicatorName: name), notes)
        }
        guard let figure = figures.first else {
            if let p = problems.first { return .unclassified(p.reason) }
            if zeroPhrases.contains(where: { PlanTableImport.has(lowerName, $0) }) {
                guard let year = clauseYear(text, clause: clause, period: period) else {
                    return .unclassified(
                        "names a year before the plan period \(period.lowerBound)-\(period.upperBound)"
                    )
                }
                notes.append(
                    "\"không còn hộ nghèo\": no poor household left, read as at most 0 households")
                return make(
                    .level, .zero, comparator: .lessOrEqual, low: 0, high: 0, unit: "hộ",
                    year: year,
                    name: "Số hộ nghèo", direction: .lower)
            }
            if let at = text.find("đạt") {
                let (unit, _) = ProseFigure.readUnit(text, from: at + 3)
                let u = unit.lowercased()
                if !unit.isEmpty,
                    ["triệu", "tỷ", "%", "usd", "đồng", "nghìn"].contains(where: { u.hasPrefix($0) }
                    )
                {
                    guard let year = clauseYear(text, clause: clause, period: period) else {
                        return .unclassified("names a year before the plan period")
                    }
                    notes.append(
                        "the document leaves the figure blank (\"đạt \(unit)\"): not quantifiable as written"
                    )
                    return make(
                        .level, .blankFigure, comparator: .equal, low: nil, high: nil, unit: unit,
                        year: year,
                        name: indicatorName(text, before: at, figure: nil),
                        direction: lowerBetter ? .lower : .higher)
                }
            }
            if passFailVerbs.contains(where: { text.find($0) != nil }) {
                // A pass/fail promise is named by its whole clause (its verb is part of it).
                let whole = trimTrailing(
                    text.text(skipLeading(text, from: 0, growth: false)..<text.count))
                guard let year = clauseYear(text, clause: clause, period: period) else {
                    return .unclassified(
                        "names a year before the plan period \(period.lowerBound)-\(period.upperBound)"
                    )
                }
                return make(
                    .qualitative, .qualitative, comparator: .equal, low: nil, high: nil,
                    unit: "Đạt", year: year,
                    name: whole.isEmpty ? clause.text : whole, direction: .higher)
            }
            return .unclassified(
                "no figure and no pass/fail verb (đạt, giữ vững, hoàn thành, duy trì, bảo đảm)")
        }
        for extra in figures.dropFirst() {
            notes.append("a second figure in the clause (\(text.text(extra.range))) was not read")
        }
        notes += figure.notes
        let before = text.lowerText(0..<figure.numberRange.lowerBound)
        let isPercent = figure.unit.hasPrefix("%")
        if isRelative(text, percent: isPercent) || text.find("gấp") != nil
            || figure.unit.lowercased() == "lần"
        {
            return .unclassified(
                "a figure relative to something else (so với, gấp, lần): the targets file holds levels and rates"
            )
        }
        if let g = before.range(of: "giảm", options: .backwards) {
            let between = before[g.upperBound...]
            if !between.contains("còn") && !between.contains("xuống") && !between.contains("dưới") {
                return .unclassified(
                    "a reduction by \(text.text(figure.range)) (giảm …): by how much a rate falls is neither a level nor a growth rate"
                )
            }
        }
        let growthText = lowerName.replacingOccurrences(of: "tỷ lệ tăng dân số", with: "")
        let saysGrowth =
            growthPhrases.contains { PlanTableImport.has(growthText, $0) }
            || (PlanTableImport.has(lowerName, "tăng")
                && PlanTableImport.has(lowerName, "bình quân"))
            || (PlanTableImport.has(before.replacingOccurrences(of: "tỷ lệ tăng", with: ""), "tăng")
                && (figure.unit == "%/năm"
                    || maintainedWords.dropFirst(2).contains { PlanTableImport.has(lowerName, $0) }
                    || clause.everyYear))
        let parentGrowth = parent?.target.kind == .growth
        var unit = figure.unit
        if let p = parent, !unit.isEmpty, p.target.unit.lowercased().hasPrefix(unit.lowercased()),
            p.target.kind != .growth
        {
            unit = p.target.unit
        }
        let shareWords =
            PlanTableImport.has(lowerName, "chiếm") || PlanTableImport.has(lowerName, "tỷ trọng")
            || PlanTableImport.has(statement.text.lowercased(), "cơ cấu")
        // Growth.
        if isPercent && (saysGrowth || parentGrowth) && !shareWords {
            guard figure.low > -100, figure.high <= 1000 else {
                return .unclassified(
                    "a growth rate of \(text.text(figure.range)); expected above -100 and at most 1000 %/năm"
                )
            }
            var year = period.upperBound
            if let p = PlanTableImport.period(in: clause.text), p.upperBound >= period.lowerBound {
                year = p.upperBound
            }
            let comparator = figure.comparator ?? (lowerBetter ? .lessOrEqual : .greaterOrEqual)
            var name = indicatorName(
                text, before: figure.numberRange.lowerBound, figure: figure, growth: true)
            if name.isEmpty { name = previousName }
            if name.isEmpty, let p = parent { name = p.indicatorName }
            return make(
                .growth, .growth, comparator: comparator, low: figure.low / 100,
                high: figure.high / 100, unit: "%/năm",
                year: year, name: name,
                direction: comparator == .less || comparator == .lessOrEqual || lowerBetter
                    ? .lower : .higher)
        }
        if !isPercent, totalWords.contains(where: { PlanTableImport.has(lowerName, $0) }) {
            return .unclassified(
                "a total over several years (\(text.text(figure.range))): the targets file has no kind for a sum over the period"
            )
        }
        let yearly =
            clause.everyYear || maintainedWords.contains { text.find($0) != nil }
            || figure.unit.contains("/năm") || text.find("bình quân") != nil
        if !isPercent, !yearly, flowWords.contains(where: { PlanTableImport.has(lowerName, $0) }) {
            return .unclassified(
                "a count of new things (\(text.text(figure.range))) with no yearly word (hằng năm, mỗi năm): a sum over the period, for which the targets file has no kind"
            )
        }
        if unit.isEmpty {
            return .unclassified("a figure (\(text.text(figure.numberRange))) with no unit")
        }
        if isPercent, figure.high > 100 {
            return .unclassified("a level of \(text.text(figure.range)), above 100 %")
        }
        guard let year = clauseYear(text, clause: clause, period: period) else {
            return .unclassified(
                "names a year before the plan period \(period.lowerBound)-\(period.upperBound)")
        }
        let comparator = figure.comparator ?? (lowerBetter ? .lessOrEqual : .greaterOrEqual)
        let direction: Direction =
            comparator == .less || comparator == .lessOrEqual || lowerBetter ? .lower : .higher
        var name = indicatorName(text, before: figure.numberRange.lowerBound, figure: figure)
        if isPercent && shareWords {
            if !name.lowercased().hasPrefix("tỷ trọng") { name = "Tỷ trọng " + name }
            notes.append("share of a structure")
            return make(
                .level, .share, comparator: comparator, low: figure.low, high: figure.high,
                unit: unit, year: year,
                name: name, direction: direction)
        }
        if name.isEmpty { name = previousName }
        if name.isEmpty { return .unclassified("no indicator named before or after the figure") }
        let maintained = clause.everyYear || maintainedWords.contains { text.find($0) != nil }
        return make(
            maintained ? .maintained : .level, maintained ? .maintained : .level,
            comparator: comparator,
            low: figure.low, high: figure.high, unit: unit, year: year, name: name,
            direction: direction)
    }

    /// The clause's `năm YYYY`, else the statement's leading year, else the plan's last
    /// year; nil when that is before the plan.
    static func clauseYear(_ text: ProseText, clause: StatementClause, period: ClosedRange<Int>)
        -> Int?
    {
        var year = clause.contextYear ?? period.upperBound
        var from = 0
        while let at = text.find("năm", from: from) {
            from = at + 3
            let s = ProseFigure.skipSpaces(text, at + 3)
            let digits = text.lowerText(s..<(s + 4))
            if digits.count == 4, ProseFigure.isYear(digits),
                s + 4 >= text.count || !ProseText.isDigit(text.lower[s + 4])
            {
                year = Int(digits)!
                break
            }
        }
        return year < period.lowerBound ? nil : year
    }
}
