import Foundation
import PlanModel

/// Finding the header row of a target table, and the text helpers it uses.
extension PlanTableImport {
    // MARK: - Header

    enum Column: String, CaseIterable { case number, name, unit, value, responsible }

    struct Header {
        var line: Int; var columns: [Column: Int]; var index: Int; var valueTitle: String
    }

    static func clean(_ s: String) -> String {
        var t = stripTags(s)
        if has(t, "**") { t = t.replacingOccurrences(of: "**", with: "") }
        return VietnameseNumber.trimmed(t.precomposedStringWithCanonicalMapping)
    }

    /// Whether `haystack` contains `needle`, byte for byte in UTF-8 (both NFC here). Much
    /// faster than Foundation's `contains`, which folds Unicode for every comparison.
    static func has(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                if nb.isEmpty { return true }
                if hb.count < nb.count { return false }
                let first = nb[0], last = hb.count - nb.count
                var i = 0
                while i <= last {
                    if hb[i] == first {
                        var k = 1
                        while k < nb.count && hb[i + k] == nb[k] { k += 1 }
                        if k == nb.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// `s` without HTML-like tags (`<b>`, `</b>`, `<br/>`: `<` then at most 40 characters
    /// other than `>`, then `>`). A `<` that opens no such tag stays (`< 3`).
    static func stripTags(_ s: String) -> String {
        guard has(s, "<") else { return s }
        let chars = Array(s)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "<" {
                var j = i + 1
                while j < chars.count, j - i <= 41, chars[j] != ">" { j += 1 }
                if j < chars.count, chars[j] == ">" { i = j + 1; continue }
            }
            out.append(chars[i]); i += 1
        }
        return out
    }

    /// Whether `s` holds a year 1900-2099 (four digits starting 19 or 20).
    static func containsYear(_ s: String) -> Bool {
        let d = Array(s.utf8)
        guard d.count >= 4 else { return false }
        for i in 0...(d.count - 4)
        where (d[i] == 0x31 && d[i + 1] == 0x39) || (d[i] == 0x32 && d[i + 1] == 0x30) {
            if (0x30...0x39).contains(d[i + 2]) && (0x30...0x39).contains(d[i + 3]) { return true }
        }
        return false
    }

    static func normal(_ s: String) -> String { VietnameseNumber.normalizedUnit(clean(s)) }

    static func findHeader(_ records: [Record]) -> Header? {
        for (k, r) in records.enumerated() where r.cells.count >= 3 {
            var cols: [Column: Int] = [:]
            let cells = r.cells.map(normal)
            func take(_ col: Column, _ pred: (String) -> Bool) {
                if cols[col] != nil { return }
                for (i, c) in cells.enumerated() where !cols.values.contains(i) && pred(c) {
                    cols[col] = i; return
                }
            }
            take(.unit) { has($0, "đơn vị tính") || $0 == "đvt" || $0 == "đơn vị đo" }
            take(.number) { ["stt", "số tt", "tt", "số thứ tự", "thứ tự"].contains($0) }
            take(.responsible) {
                has($0, "tham mưu") || has($0, "chủ trì") || has($0, "phụ trách")
                    || (has($0, "đơn vị") && has($0, "thực hiện")) || has($0, "cơ quan")
            }
            take(.name) { has($0, "nội dung") || has($0, "chỉ tiêu") || $0.hasPrefix("tên") }
            // The plan's column, not the past period's ("Thực hiện 2021-2025", "Ước 2025").
            let past = { (c: String) in has(c, "thực hiện") || has(c, "ước") || has(c, "đã đạt") }
            take(.value) { !past($0) && (has($0, "kế hoạch") || has($0, "mục tiêu")) }
            take(.value) { !past($0) && (has($0, "giá trị") || containsYear($0)) }
            if cols[.unit] != nil, cols[.name] != nil, let v = cols[.value] {
                return Header(line: r.line, columns: cols, index: k, valueTitle: clean(r.cells[v]))
            }
        }
        return nil
    }

    static func period(in text: String) -> ClosedRange<Int>? {
        guard containsYear(text),
            let r = text.range(
                of: "(19|20)[0-9]{2}\\s*[-–—]\\s*(19|20)[0-9]{2}", options: .regularExpression)
        else { return nil }
        let digits = text[r].split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap {
            Int($0)
        }
        guard digits.count == 2, digits[0] >= 1990, digits[0] <= digits[1],
            digits[1] - digits[0] <= 20
        else { return nil }
        return digits[0]...digits[1]
    }

}
