import Foundation
import PlanModel

/// Classification of table rows: group headers, numbered and continuation rows, headings,
/// and the targets they become (the rules are in ``PlanTableImport``'s documentation).
extension PlanTableImport {
    /// A row after cleaning, before it becomes a target.
    struct Row {
        var line: Int; var number: String; var name: String; var unit: String; var value: String
        var responsible: String; var bold: Bool
    }

    static let qualifierPrefixes = [
        "đến năm", "tới năm", "tăng bình quân", "bình quân", "hằng năm", "hàng năm",
        "giai đoạn", "năm 20", "mỗi năm", "trong đó"
    ]
    static let growthWords = ["tăng bình quân", "tăng trưởng", "bình quân tăng"]
    static let maintainedWords = ["hằng năm", "hàng năm", "mỗi năm", "duy trì", "giữ vững"]
    static let lowerIsBetterWords = [
        "hộ nghèo", "tăng dân số tự nhiên", "thất nghiệp", "suy dinh dưỡng",
        "tai nạn", "tội phạm", "ô nhiễm"
    ]

    static func stripBullet(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, "-–—+•*·".contains(c) {
            t = VietnameseNumber.trimmedSub(t.dropFirst())
        }
        return String(t)
    }

    static func isRoman(_ s: String) -> Bool {
        var t = s
        if t.hasSuffix(".") { t.removeLast() }
        return !t.isEmpty && t.allSatisfy { "IVXLC".contains($0) }
    }

    /// `2.1`: one to four digits, a dot, one to three digits.
    static func isSubNumber(_ n: String) -> Bool {
        let parts = n.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && (1...4).contains(parts[0].count)
            && (1...3).contains(parts[1].count)
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    static func year(in name: String) -> Int? {
        guard containsYear(name) else { return nil }
        let n = name.lowercased()
        if let r = n.range(of: "(đến|tới|trong) năm (19|20)[0-9]{2}", options: .regularExpression) {
            return Int(n[r].suffix(4))
        }
        if let p = period(in: n) { return p.upperBound }
        if let r = n.range(of: "năm (19|20)[0-9]{2}", options: .regularExpression) {
            return Int(n[r].suffix(4))
        }
        return nil
    }

    static func firstWord(_ s: String) -> String {
        String(s.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).first ?? "")
    }

    static func classify(
        records: [Record], header: Header, plan: ClosedRange<Int>, appendix: String,
        layout: Layout, delimiter: Character, fileName: String
    ) -> Result {
        var findings: [Finding] = []
        var rows: [Row] = []
        // 1. Clean rows; stop at the end of the table.
        for r in records {
            func cell(_ c: Column) -> String {
                guard let i = header.columns[c], i < r.cells.count else { return "" }
                return r.cells[i]
            }
            if r.cells.allSatisfy({ clean($0).isEmpty }) { continue }
            if layout == .document && r.cells.count == 1 {
                findings.append(
                    Finding(
                        kind: .endOfTable, line: r.line, number: "",
                        text: String(clean(r.cells[0]).prefix(80)),
                        reason:
                            "end of the table (a line with no tab); the rest of the file is not read"
                    ))
                break
            }
            let bold = r.cells.contains { has($0, "<b>") || has($0, "**") }
            rows.append(
                Row(
                    line: r.line, number: clean(cell(.number)), name: clean(cell(.name)),
                    unit: clean(cell(.unit)),
                    value: clean(cell(.value)), responsible: clean(cell(.responsible)), bold: bold))
        }
        // 2. Walk the rows.
        struct Pending {
            var row: Row; var req: VietnameseNumber.Requirement; var number: String; var sub: Int
            var heading: Row?; var numbered: Row?; var responsible: String
        }
        var pending: [Pending] = []
        var firstLineOfNumber: [String: Int] = [:]
        var occurrence: [String: Int] = [:]
        var currentNumber = ""
        var subCount = 0
        var numberedRow: Row? = nil
        var heading: Row? = nil
        var headingUsed = 0
        var responsible = ""
        func closeHeading() {
            if let h = heading {
                if headingUsed == 0 {
                    findings.append(
                        Finding(
                            kind: .unclassified, line: h.line, number: h.number, text: h.name,
                            reason: "no value and no unit, and no continuation rows below it"))
                } else {
                    findings.append(
                        Finding(
                            kind: .heading, line: h.line, number: h.number, text: h.name,
                            reason:
                                "no value: the heading of the \(headingUsed) row\(headingUsed == 1 ? "" : "s") below it"
                        ))
                }
            }
            heading = nil; headingUsed = 0
        }
        for row in rows {
            let num = row.number
            let romanStart =
                isRoman(firstWord(num)) || (num.isEmpty && isRoman(firstWord(row.name)))
            let isGroup =
                row.unit.isEmpty && row.value.isEmpty && (romanStart || (num.isEmpty && row.bold))
            if isGroup {
                closeHeading(); responsible = ""; currentNumber = ""; numberedRow = nil
                continue
            }
            if !row.responsible.isEmpty { responsible = row.responsible }
            var n = num
            if n.hasSuffix(".") || n.hasSuffix(")") { n.removeLast() }
            let sub: Int
            if !n.isEmpty && n.allSatisfy({ $0.isASCII && $0.isNumber }) && n.count <= 4 {
                closeHeading()
                let base = String(Int(n) ?? 0)
                let k = occurrence[base, default: 0] + 1
                occurrence[base] = k
                if let first = firstLineOfNumber[base] {
                    // A number used twice: keep both rows, the later one as "4-2".
                    findings.append(
                        Finding(
                            kind: .note, line: row.line, number: base, text: row.name,
                            reason:
                                "row number \(base) again (first on line \(first)); imported as \(base)-\(k)"
                        ))
                    currentNumber = "\(base)-\(k)"
                } else {
                    firstLineOfNumber[base] = row.line
                    currentNumber = base
                }
                numberedRow = row
                subCount = 0
                sub = 0
            } else if n.isEmpty || (n.count == 1 && n.first!.isLetter) || isSubNumber(n) {
                if currentNumber.isEmpty {
                    findings.append(
                        Finding(
                            kind: .unclassified, line: row.line, number: num, text: row.name,
                            reason: "a continuation row (no row number) before any numbered row"))
                    continue
                }
                if let dot = n.firstIndex(of: "."),
                    String(Int(n[..<dot]) ?? -1) != currentNumber.prefix(while: { $0 != "-" })
                {
                    findings.append(
                        Finding(
                            kind: .unclassified, line: row.line, number: num, text: row.name,
                            reason: "sub-row \(num) under row \(currentNumber)"))
                    continue
                }
                subCount += 1
                sub = subCount
            } else {
                findings.append(
                    Finding(
                        kind: .unclassified, line: row.line, number: num, text: row.name,
                        reason: "row number \"\(num)\" is neither a number, a letter nor empty"))
                continue
            }
            let rowRef = sub == 0 ? currentNumber : "\(currentNumber).\(sub)"
            func unclassified(_ why: String) {
                findings.append(
                    Finding(
                        kind: .unclassified, line: row.line, number: rowRef, text: row.name,
                        reason: why))
            }
            if row.value.isEmpty {
                if row.unit.isEmpty && sub == 0 {
                    heading = row; headingUsed = 0
                } else if row.unit.isEmpty {
                    unclassified("no value and no unit")
                } else {
                    unclassified("no value (unit \(row.unit))")
                }
                continue
            }
            if stripBullet(row.name).isEmpty {
                unclassified("a value (\(row.value)) with no name"); continue
            }
            let req: VietnameseNumber.Requirement
            do { req = try VietnameseNumber.parseRequirement(row.value, unit: row.unit) } catch let
                e as VietnameseNumber.ParseError
            {
                unclassified("value: \(e.description)")
                continue
            } catch { continue }
            if case .qualitative = req, !row.unit.isEmpty, normal(row.unit) != "đạt" {
                unclassified("value \"\(row.value)\" is pass/fail but the unit is \"\(row.unit)\"");
                continue
            }
            if normal(row.unit) == "đạt", req.low != nil {
                unclassified(
                    "unit \"Đạt\" (pass/fail) but the value is the number \"\(row.value)\"");
                continue
            }
            if row.unit.isEmpty, req.low != nil {
                unclassified("a number (\(row.value)) with no unit"); continue
            }
            let h = sub > 0 ? heading : nil
            if h != nil { headingUsed += 1 }
            pending.append(
                Pending(
                    row: row, req: req, number: currentNumber, sub: sub, heading: h,
                    numbered: sub > 0 ? numberedRow : nil, responsible: responsible))
        }
        closeHeading()
        // 3. Targets.
        var targets: [Target] = []
        var sharedUnits: [String: String] = [:]  // shared indicator id → its level unit
        for p in pending {
            let baseNumber = String(p.number.prefix(while: { $0 != "-" }))  // "4" of "4-2"
            let two =
                (baseNumber.count == 1 ? "0" + baseNumber : baseNumber)
                + p.number.dropFirst(baseNumber.count)
            let id = "A" + two + (p.sub > 0 ? ".\(p.sub)" : "")
            let written = stripBullet(p.row.name)
            var name = written
            var indicator = id.lowercased()
            let lowName = written.lowercased()
            var note = ""
            var sharesHeading = false
            let context = [p.heading?.name, p.heading == nil ? p.numbered?.name : nil].compactMap {
                $0
            }
            if let h = p.heading {
                note = "under row \(h.number): \(stripBullet(h.name))"
                if qualifierPrefixes.contains(where: { lowName.hasPrefix($0) }) {
                    name = stripBullet(h.name) + " - " + written
                    sharesHeading = true
                }
            }
            let ownAndContext = [lowName] + context.map { $0.lowercased() }
            let isPercent = VietnameseNumber.isPercentUnit(p.row.unit)
            let kind: TargetKind
            if case .qualitative = p.req {
                kind = .qualitative
            } else if isPercent && !has(lowName, "đến năm")
                && ownAndContext.contains(where: { s in growthWords.contains { has(s, $0) } })
            {
                kind = .growth
            } else if maintainedWords.contains(where: { has(lowName, $0) }) {
                kind = .maintained
            } else {
                kind = .level
            }
            // Rows under one heading share its indicator when they can: growth rates always,
            // levels only in one unit (an indicator has one unit), pass/fail rows never.
            if sharesHeading && kind != .qualitative {
                let shared = "a" + two
                if kind == .growth {
                    indicator = shared
                } else {
                    let u = Identifier.normalizeUnit(p.row.unit)
                    if sharedUnits[shared] == nil || sharedUnits[shared] == u {
                        sharedUnits[shared] = u
                        indicator = shared
                    }
                }
            }
            let lowerBetter =
                p.req.comparator == .less || p.req.comparator == .lessOrEqual
                || lowerIsBetterWords.contains(where: { has(lowName, $0) })
            var comparator = p.req.comparator ?? .equal
            if case .value = p.req { comparator = lowerBetter ? .lessOrEqual : .greaterOrEqual }
            var low = p.req.low, high = p.req.high
            if kind == .growth { low = low.map { $0 / 100 }; high = high.map { $0 / 100 } }
            let targetYear =
                year(in: lowName) ?? context.lazy.compactMap { year(in: $0) }.first
                ?? plan.upperBound
            func unclassified(_ reason: String) {
                findings.append(
                    Finding(
                        kind: .unclassified, line: p.row.line,
                        number: p.number + (p.sub > 0 ? ".\(p.sub)" : ""), text: p.row.name,
                        reason: reason))
            }
            if targetYear < plan.lowerBound {
                unclassified(
                    "names the year \(targetYear), before the plan period \(plan.lowerBound)-\(plan.upperBound)"
                )
                continue
            }
            if kind == .growth, let l = p.req.low, let h = p.req.high, l <= -100 || h > 1000 {
                unclassified(
                    "a growth rate of \(p.row.value) %/năm; expected one above -100 and at most 1000"
                )
                continue
            }
            var unit = kind == .growth && !has(p.row.unit, "/") ? p.row.unit + "/năm" : p.row.unit
            if kind == .qualitative && unit.isEmpty { unit = "Đạt" }
            let where_ =
                appendix == "PL" ? "table row" : "Phụ lục " + appendix.dropFirst(3) + " dòng"
            var t = Target(
                id: id, indicator: indicator, planItem: "",
                appendixRow: "\(appendix).\(baseNumber)" + (p.sub > 0 ? ".\(p.sub)" : ""),
                nameVi: name, nameEn: "", unit: unit, kind: kind, comparator: comparator,
                low: low, high: high, targetYear: targetYear, startYear: plan.lowerBound,
                direction: lowerBetter ? .lower : .higher, responsibleUnit: p.responsible,
                source:
                    "\(where_) \(baseNumber)\(p.sub > 0 ? " (dòng con \(p.sub))" : "") — \((fileName as NSString).lastPathComponent) line \(p.row.line)",
                note: note)
            t.appendixNameVi = written
            t.appendixUnit = p.row.unit
            t.appendixValue = p.row.value
            targets.append(t)
        }
        findings.sort { $0.line < $1.line }  // stable: keeps the order within a line
        return Result(
            targets: targets, findings: findings, period: plan, appendix: appendix,
            headerLine: header.line, delimiter: delimiter)
    }

}
