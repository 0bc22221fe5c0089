import Foundation
import PlanModel

/// A figure in a target statement: its value or range, the comparator the words around it
/// give, and the unit written after it.
///
/// ```swift
/// ProseFigure.all(in: ProseText("tăng bình quân 12-14(%/năm)")).first
/// // low 12, high 14, comparator .range, unit "%/năm"
/// ProseFigure.all(in: ProseText("đạt trên 80% trở lên")).first
/// // low 80, comparator .greater (trên decides), note: "trên … trở lên"
/// ```
///
/// ## Rules
/// - **Numbers** are Vietnamese prose: `.` groups thousands when every group after it has
///   three digits (`5.000` = 5000), otherwise it is a decimal point (`12.5`); `,` is the
///   decimal mark (`12,5`). Values above 10^15 are refused.
/// - **Not figures**: a plain four-digit number 1950-2100 (a year); a number after `mức độ`,
///   `mức`, `lần thứ`, `khóa`, `số`, `nhóm`, `thứ`, `loại`, `hạng`, `nghị quyết`, `quyết định`,
///   `đề án` (a label); a number followed by `-NQ`, `/QĐ` and the like (a document number); a
///   number followed by `tuổi` and more words (an age in the name: `trẻ em dưới 5 tuổi suy dinh
///   dưỡng`); `1` after `trên`, `mỗi` or `/`, and any
///   number after `/` (a denominator: `trên 1 ha`, `/1.000 dân`); the figures inside a
///   parenthesis that directly follows a figure (a restatement: `50% (8 xã)`); `x/y` (a
///   fraction or a date), except whole numbers `a/b` (a ≤ b) before a word: `04/09 thôn` is
///   4 (of 9) thôn.
/// - **A change and its level**: `giảm 3% trở lên (còn 7%)`, `tăng từ 3% (để đạt 84% trở
///   lên)`: when the parenthesis after a figure opens with `còn`, `để đạt`, `đạt`, `xuống` or
///   `lên`, the figure inside it is read and the change before it is dropped, with a note.
/// - **Ranges**: `12-14`, `1,5 - 2`, `12÷14`, `từ 7,5 đến 8,0`, `10 đến 15`, `5.000-5.500`.
/// - **PlanModel.Comparator** from the words just before the figure: `trên`, `hơn`, `vượt` → `>`;
///   `dưới` → `<`; `không quá`, `tối đa`, `không vượt quá` → `<=`; `tối thiểu`, `ít nhất`,
///   `không dưới`, `không thấp hơn`, `từ` → `>=`; `còn`, `xuống` (down to) → `<=`; and after it `trở lên` → `>=`,
///   `trở xuống` → `<=`. With both `trên` and `trở lên`, `trên` decides (a note says so). A
///   figure with none of these has no comparator here (``isBare``); the reader applies
///   "at least" (or "at most" when lower is better). `khoảng` (about) leaves it bare, noted.
/// - **Unit**: `%` (and `%/năm`), a parenthesis right after the number (`12,5 (%/năm)`,
///   `3(%)`), or up to three words after it, stopping at punctuation and at words that start
///   the rest of the sentence (`trở`, `trên`, `so`, `vào`, `trong`, `theo`, `và`, `đạt`, …).
/// - **Number words** (`một` … `mười`, not `năm`, which is also "year") count only after
///   `ít nhất`, `tối thiểu` or `có`, and only in a clause with no figure in digits.
struct ProseFigure: Equatable {
    var low: Double
    var high: Double
    /// nil when no word around the figure gives one (a bare value).
    var comparator: PlanModel.Comparator?
    var unit: String
    /// Character range of the whole figure (comparator words, number, unit, `trở lên`).
    var range: Range<Int>
    /// Range of the number itself.
    var numberRange: Range<Int>
    var notes: [String]

    var isBare: Bool { comparator == nil }

    /// A number the reader could not read (`1.2.3,4`), with its place.
    struct Problem: Equatable { var text: String; var reason: String }

    static let labelWords = [
        "mức độ", "mức", "lần thứ", "khóa", "khoá", "số", "nhóm", "thứ", "loại", "hạng",
        "nghị quyết", "quyết định", "đề án", "top", "chương trình", "kế hoạch", "điều", "khoản"
    ]
    static let unitStopWords: Set<String> = [
        "trở", "trên", "dưới", "so", "vào", "trong", "theo", "của", "và", "để",
        "với", "năm", "đến", "tới", "tại", "cho", "được", "có", "là", "khoảng",
        "đạt", "chiếm", "tăng", "giảm", "trở lên", "hoặc", "từ", "mỗi", "gồm",
        "các", "những", "thì", "nhưng", "bình", "lên", "xuống"
    ]
    static let numberWords: [(String, Double)] = [
        ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("sáu", 6),
        ("bảy", 7), ("tám", 8), ("chín", 9), ("mười", 10)
    ]

    /// Every figure in `text`, left to right, and the numbers that could not be read.
    static func all(in text: ProseText) -> (figures: [ProseFigure], problems: [Problem]) {
        var figures: [ProseFigure] = []
        var problems: [Problem] = []
        var skipUntil = 0
        var i = 0
        var pendingNote: String?
        let c = text.lower
        while i < c.count {
            if i < skipUntil || !ProseText.isDigit(c[i])
                || (i > 0
                    && (ProseText.isWordCharacter(c[i - 1]) || c[i - 1] == "." || c[i - 1] == ","))
            {
                i += 1; continue
            }
            let (numberText, firstEnd) = numberToken(text, from: i)
            var end = firstEnd
            defer { i = max(i + 1, end) }
            let ofWhole = partOfWhole(text, start: i, end: firstEnd, numberText: numberText)
            if let (_, wholeEnd) = ofWhole {
                end = wholeEnd
            } else if isNotAFigure(text, start: i, end: end, numberText: numberText) {
                continue
            }
            guard let value = parseNumber(numberText) else {
                problems.append(
                    Problem(
                        text: numberText,
                        reason:
                            "\"\(numberText)\" is not a number as Vietnamese prose writes it (1.234,5)"
                    ))
                continue
            }
            var figure = ProseFigure(
                low: value, high: value, comparator: nil, unit: "", range: i..<end,
                numberRange: i..<end, notes: [])
            if let (whole, _) = ofWhole {
                figure.notes.append(
                    "\(numberText)/\(whole): \(numberText) of \(whole), read as \(numberText)")
            }
            if let note = pendingNote {
                figure.notes.append(note)
                pendingNote = nil
            }
            var cursor = end
            // A range: "12-14", "12 đến 14", "12÷14", with an optional % between.
            var k = skipSpaces(text, cursor)
            if k < c.count, c[k] == "%" { k = skipSpaces(text, k + 1) }
            var separatorEnd: Int? = nil
            if k < c.count, "-–—÷".contains(c[k]) {
                separatorEnd = k + 1
            } else if text.hasWord("đến", at: k) {
                separatorEnd = k + 3
            } else if text.hasWord("tới", at: k) {
                separatorEnd = k + 3
            }
            if let s = separatorEnd {
                let n = skipSpaces(text, s)
                if n < c.count, ProseText.isDigit(c[n]) {
                    let (secondText, secondEnd) = numberToken(text, from: n)
                    if let second = parseNumber(secondText), !isYear(secondText) {
                        if second < value {
                            problems.append(
                                Problem(
                                    text: text.text(i..<secondEnd),
                                    reason: "a range written high to low"))
                            skipUntil = secondEnd; continue
                        }
                        figure.high = second
                        figure.comparator = .range
                        figure.numberRange = i..<secondEnd
                        cursor = secondEnd
                    }
                }
            }
            // The unit.
            let (unit, unitEnd) = readUnit(text, from: cursor)
            figure.unit = unit
            cursor = unitEnd
            figure.range = i..<cursor
            // PlanModel.Comparator words before the figure.
            let before = text.lowerBefore(i)
            if figure.comparator == nil {
                figure.comparator = comparatorBefore(before)
                if before.hasSuffix("khoảng") {
                    figure.notes.append("\"khoảng\" (about) read as a bare value")
                }
                if before.hasSuffix("từ"), figure.comparator == .greaterOrEqual {
                    figure.range = max(0, i - 3)..<cursor
                }
            }
            // … and after it.
            let after = skipSpaces(text, cursor)
            if text.hasWord("trở lên", at: after) {
                if figure.comparator == .greater {
                    figure.notes.append("\"trên … trở lên\": read as > (trên decides)")
                } else if figure.comparator == nil || figure.comparator == .greaterOrEqual {
                    figure.comparator = .greaterOrEqual
                }
                figure.range = i..<(after + 7)
            } else if text.hasWord("trở xuống", at: after) {
                if figure.comparator == nil { figure.comparator = .lessOrEqual }
                figure.range = i..<(after + 9)
            }
            // A parenthesis right after the figure restates it ("50% (8 xã)"): skip its numbers;
            // unless it gives the level a change leads to ("giảm 3% (còn 7%)", "tăng 3% (để
            // đạt 84%)"): then the level is the figure, and the change is dropped with a note.
            let p = skipSpaces(text, figure.range.upperBound)
            if p < c.count, c[p] == "(", let close = c[p...].firstIndex(of: ")"),
                let lead = levelLeads.first(where: { text.hasWord($0, at: skipSpaces(text, p + 1)) }
                ),
                text.lower[p..<close].contains(where: ProseText.isDigit)
            {
                pendingNote =
                    "the change \(text.text(figure.range)) before \"(\(lead) …)\" is not read: the level in the parenthesis is the target"
                i = p + 1
                end = p + 1
                continue
            }
            if p < c.count, c[p] == "(", let close = c[p...].firstIndex(of: ")") {
                skipUntil = close + 1
                figure.notes.append(
                    "the parenthesis after the figure (\(text.text((p + 1)..<close))) restates it; not read"
                )
            }
            figures.append(figure)
            i = figure.range.upperBound
        }
        if figures.isEmpty, let word = numberWordFigure(text) { figures.append(word) }
        return (figures, problems)
    }

    /// Digits with `.` and `,` between digit groups.
    static func numberToken(_ text: ProseText, from start: Int) -> (String, Int) {
        let c = text.lower
        var end = start
        while end < c.count {
            if ProseText.isDigit(c[end]) { end += 1; continue }
            if (c[end] == "." || c[end] == ","), end + 1 < c.count, ProseText.isDigit(c[end + 1]) {
                end += 1; continue
            }
            break
        }
        return (String(c[start..<end]), end)
    }

    /// `5.000` → 5000, `12,5` → 12.5, `12.5` → 12.5, `1.234,5` → 1234.5; nil when neither.
    static func parseNumber(_ token: String) -> Double? {
        let parts = token.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let whole = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        var digits: String
        if whole.count == 1 {
            digits = String(whole[0])
        } else if whole.dropFirst().allSatisfy({ $0.count == 3 })
            && (1...3).contains(whole[0].count)
        {
            digits = whole.joined()
        } else if whole.count == 2 && parts.count == 1 {
            digits = whole[0] + "." + whole[1]  // 12.5: a decimal point
            guard let v = Double(digits), v.isFinite, v < VietnameseNumber.largestMagnitude else {
                return nil
            }
            return v
        } else {
            return nil
        }
        if parts.count == 2 { digits += "." + parts[1] }
        guard !digits.isEmpty, let v = Double(digits), v.isFinite,
            v < VietnameseNumber.largestMagnitude
        else { return nil }
        return v
    }

    static func isYear(_ token: String) -> Bool {
        token.count == 4 && token.allSatisfy(ProseText.isDigit)
            && (1950...2100).contains(Int(token) ?? 0)
    }

    static func skipSpaces(_ text: ProseText, _ from: Int) -> Int {
        var k = from
        while k < text.count, text.lower[k] == " " || text.lower[k] == "\t" { k += 1 }
        return k
    }

    /// Words that open a parenthesis giving the level a change leads to: `(còn 7%)`, `(để
    /// đạt 84% trở lên)`, `(xuống 2%)`, `(lên 90%)`.
    static let levelLeads = ["để đạt", "đạt", "còn", "xuống", "lên"]

    /// `04/09 thôn`, `3/4 trường học`: whole numbers `a/b` with a ≤ b, followed by a word (not
    /// by another `/`, as a date is), are a count of `a` out of `b`; returns `b` and where the
    /// token ends. Anything else is nil (and `isNotAFigure` drops it as a fraction or a date).
    static func partOfWhole(_ text: ProseText, start: Int, end: Int, numberText: String)
        -> (String, Int)?
    {
        let c = text.lower
        guard end + 1 < c.count, c[end] == "/", ProseText.isDigit(c[end + 1]),
            start == 0 || c[start - 1] != "/", numberText.allSatisfy(\.isNumber),
            let part = Int(numberText)
        else { return nil }
        let (wholeText, wholeEnd) = numberToken(text, from: end + 1)
        guard wholeText.allSatisfy(\.isNumber), let whole = Int(wholeText), part <= whole,
            wholeEnd >= c.count || c[wholeEnd] != "/"
        else { return nil }
        let next = skipSpaces(text, wholeEnd)
        guard next > wholeEnd, next < c.count, c[next].isLetter else { return nil }
        return (wholeText, wholeEnd)
    }

    /// Years, labels, document numbers, ages, denominators, fractions.
    static func isNotAFigure(_ text: ProseText, start: Int, end: Int, numberText: String) -> Bool {
        if isYear(numberText) { return true }
        let c = text.lower
        let before = text.lowerBefore(start)
        if labelWords.contains(where: { before.hasSuffix(" " + $0) || before == $0 }) {
            return true
        }
        if start > 0, c[start - 1] == "/" { return true }
        if end < c.count, c[end] == "/" || c[end] == "-", end + 1 < c.count,
            c[end + 1].isLetter || ProseText.isDigit(c[end + 1])
        {
            if c[end] == "/" || c[end + 1].isLetter { return true }  // 66/112, 09-NQ
        }
        let next = skipSpaces(text, end)
        if text.hasWord("tuổi", at: next) {
            // An age inside the name ("trẻ em dưới 5 tuổi suy dinh dưỡng"), unless the clause ends there ("75,5 tuổi").
            let rest = VietnameseNumber.trimmed(text.lowerText((next + 4)..<text.count))
            if let f = rest.first, f.isLetter { return true }
        }
        if numberText == "1", before.hasSuffix("trên") || before.hasSuffix("mỗi") { return true }
        return false
    }

    static func comparatorBefore(_ before: String) -> PlanModel.Comparator? {
        let table: [(String, PlanModel.Comparator)] = [
            ("không vượt quá", .lessOrEqual), ("không quá", .lessOrEqual), ("tối đa", .lessOrEqual),
            ("không dưới", .greaterOrEqual), ("không thấp hơn", .greaterOrEqual),
            ("tối thiểu", .greaterOrEqual),
            ("ít nhất", .greaterOrEqual), ("≥", .greaterOrEqual), (">=", .greaterOrEqual),
            ("≤", .lessOrEqual),
            ("<=", .lessOrEqual), ("trên", .greater), ("hơn", .greater), ("vượt", .greater),
            (">", .greater),
            ("dưới", .less), ("<", .less), ("từ", .greaterOrEqual), ("còn", .lessOrEqual),
            ("xuống", .lessOrEqual)
        ]
        for (word, comparator) in table where before.hasSuffix(word) {
            let k = before.index(before.endIndex, offsetBy: -word.count)
            if k == before.startIndex || !ProseText.isWordCharacter(before[before.index(before: k)])
            {
                return comparator
            }
        }
        return nil
    }

    /// `%`, `%/năm`, `(…)` right after the number, or up to three words.
    static func readUnit(_ text: ProseText, from start: Int) -> (String, Int) {
        let c = text.lower
        var k = skipSpaces(text, start)
        if k < c.count, c[k] == "(", let close = c[k...].firstIndex(of: ")"), close - k <= 30 {
            let inside = text.text((k + 1)..<close)
            if !inside.isEmpty, !inside.contains(where: ProseText.isDigit) || inside.hasPrefix("%")
            {
                return (normalizeUnit(inside), close + 1)
            }
        }
        if k < c.count, c[k] == "%" {
            var end = k + 1
            let s = skipSpaces(text, end)
            if s < c.count, c[s] == "/" {
                let n = skipSpaces(text, s + 1)
                if text.hasWord("năm", at: n) { end = n + 3; return ("%/năm", end) }
            }
            return ("%", end)
        }
        // Words (a unit glued to the number, "60trđ", is a word too).
        var words: [String] = []
        var end = start
        k = start
        while words.count < 3 {
            let s = skipSpaces(text, k)
            var e = s
            while e < c.count, c[e] != " ", c[e] != "\t" { e += 1 }
            if e == s { break }
            // A word ends at punctuation, except `.`/`,` between digits ("/1.000 dân"); a `%`
            // inside a word ends it too (a unit is a percentage only when it starts with `%`).
            var cut = s
            var stop = false
            while cut < e {
                let ch = text.lower[cut]
                let betweenDigits =
                    (ch == "." || ch == ",") && cut > s && ProseText.isDigit(text.lower[cut - 1])
                    && cut + 1 < e && ProseText.isDigit(text.lower[cut + 1])
                if (",;:.)(!?\"“”%".contains(ch) && !betweenDigits) { stop = true; break }
                cut += 1
            }
            e = cut
            let word = text.text(s..<e)
            let lw = word.lowercased()
            if word.isEmpty || unitStopWords.contains(lw)
                || lw.first.map({ ProseText.isDigit($0) || $0 == "(" || $0 == "-" }) == true
            {
                break
            }
            words.append(word)
            end = e
            if stop { break }
            k = e
        }
        if words.isEmpty { return ("", start) }
        return (normalizeUnit(words.joined(separator: " ")), end)
    }

    /// Units as the targets file writes them: `(%/năm)` → `%/năm`, `% / năm` → `%/năm`,
    /// `triệu/` → `triệu đồng/`, `trđ`/`tr.đ`/`Tr. đồng` → `triệu đồng`, `tỷđ` → `tỷ đồng`,
    /// `doanh nghiệp` → `DN` (the tables' abbreviation).
    static func normalizeUnit(_ raw: String) -> String {
        var u = VietnameseNumber.trimmed(raw)
        while u.hasPrefix("("), u.hasSuffix(")") {
            u = VietnameseNumber.trimmed(String(u.dropFirst().dropLast()))
        }
        u = u.replacingOccurrences(of: " / ", with: "/").replacingOccurrences(of: "/ ", with: "/")
            .replacingOccurrences(of: " /", with: "/")
        let lower = u.lowercased()
        for (short, long) in [
            ("tr.đ", "triệu đồng"), ("tr. đồng", "triệu đồng"), ("trđ", "triệu đồng"),
            ("tỷđ", "tỷ đồng"), ("tỷ đ", "tỷ đồng")
        ]
        where lower == short || lower.hasPrefix(short + "/") {
            u = long + u.dropFirst(short.count)
            break
        }
        if u.lowercased().hasPrefix("triệu/") { u = "triệu đồng/" + u.dropFirst("triệu/".count) }
        u = u.replacingOccurrences(of: "doanh nghiệp", with: "DN")
        return u
    }

    /// `ít nhất một nhà đa năng cho mỗi cấp học` → 1, unit `nhà/cấp học`.
    static func numberWordFigure(_ text: ProseText) -> ProseFigure? {
        for lead in ["ít nhất", "tối thiểu", "có"] {
            var from = 0
            while let at = text.find(lead, from: from) {
                from = at + 1
                let w = skipSpaces(text, at + lead.count)
                for (word, value) in numberWords where text.hasWord(word, at: w) {
                    let nounStart = skipSpaces(text, w + word.count)
                    var nounEnd = nounStart
                    while nounEnd < text.count, ProseText.isWordCharacter(text.lower[nounEnd]) {
                        nounEnd += 1
                    }
                    guard nounEnd > nounStart else { continue }
                    var unit = text.text(nounStart..<nounEnd)
                    var end = nounEnd
                    if let per = text.find("cho mỗi", from: nounEnd, before: nounEnd + 30) {
                        let s = skipSpaces(text, per + 7)
                        var e = s, words = 0
                        while e < text.count, words < 2 {
                            while e < text.count, ProseText.isWordCharacter(text.lower[e]) {
                                e += 1
                            }
                            words += 1
                            if words < 2, e < text.count, text.lower[e] == " " {
                                e += 1
                            } else {
                                break
                            }
                        }
                        unit += "/" + text.text(s..<e)
                        end = e
                    }
                    let comparator: PlanModel.Comparator? = lead == "có" ? nil : .greaterOrEqual
                    return ProseFigure(
                        low: value, high: value, comparator: comparator, unit: unit,
                        range: at..<end, numberRange: w..<(w + word.count), notes: [])
                }
            }
        }
        return nil
    }
}
