import Foundation

/// Indicator names from clauses.
///
/// ## Rules
/// - The name is the text before the figure, without leading time and verb words
///   (`Hằng năm`, `Bình quân mỗi năm`, `Đến năm 2030`, `phấn đấu`, `duy trì (và giữ vững)`, `có`, `đạt`,
///   `hoàn thành`), cut at the first verb or time phrase (`tăng`, `đạt`, `chiếm`, `giảm`,
///   `phấn đấu`, `là`, `dưới`, `:`, `đến năm`, `giai đoạn`, `thời kỳ`, `hằng năm`, `bình quân
///   hằng năm`), and without trailing comparator words (`trên`, `tối thiểu`, `ít nhất`…).
///   `tăng` right after `tỷ lệ` is part of the name (`tỷ lệ tăng dân số tự nhiên`).
/// - For growth, a leading `tốc độ tăng (trưởng)` is dropped: the indicator is what grows.
/// - When nothing is left, the text after the figure (`100% cơ sở giáo dục được trang bị…`),
///   prefixed with `Tỷ lệ` for a percentage; when that is empty too, the previous clause's.
/// - A share's name is the text after the last `:` before the figure.
extension ProseTargetReader {
    static let leadingWords = [
        "bình quân mỗi năm", "bình quân hằng năm", "bình quân hàng năm", "trung bình mỗi năm",
        "hằng năm", "hàng năm", "mỗi năm", "phấn đấu", "duy trì và giữ vững", "duy trì",
        "giữ vững", "có", "đạt", "hoàn thành", "và", "các", "những"
    ]
    static let cutWords = [
        "tăng", "đạt", "chiếm", "giảm", "phấn đấu", "là", "dưới", "đến năm", "giai đoạn", "thời kỳ",
        "hằng năm", "hàng năm", "mỗi năm", "bình quân hằng năm", "bình quân hàng năm", "trong đó",
        "còn", "ở mức", "xuống"
    ]
    static let trailingWords = [
        "trên", "tối thiểu", "ít nhất", "khoảng", "từ", "hơn", "không quá", "tối đa",
        "không dưới", "bình quân", "đạt", "có", "là"
    ]

    static func indicatorName(
        _ text: ProseText, before end: Int, figure: ProseFigure?, growth: Bool = false
    ) -> String {
        var start = 0
        var stop = min(end, text.count)
        // Shares: after the last ":".
        if let colon = text.lower[0..<stop].lastIndex(of: ":"), figure != nil,
            PlanTableImport.has(text.lowerText(0..<text.count), "chiếm")
                || PlanTableImport.has(text.lowerText(0..<colon), "cơ cấu")
        {
            start = colon + 1
        }
        start = skipLeading(text, from: start, growth: growth)
        var i = start
        while i < stop {
            let c = text.lower[i]
            if c == ":" || c == "(" { stop = i; break }
            if c == ",", i + 1 < stop, text.lower[i + 1] == " ",
                cutWords.contains(where: { text.hasWord($0, at: i + 2) })
            {
                stop = i; break
            }
            if c == " " {
                let w = i + 1
                if cutWords.contains(where: { text.hasWord($0, at: w) }) {
                    let tyLeTang =
                        text.hasWord("tăng", at: w) && text.lowerText(max(0, w - 6)..<w) == "tỷ lệ "
                    let tyLeGiam =
                        text.hasWord("giảm", at: w) && text.lowerText(max(0, w - 6)..<w) == "tỷ lệ "
                    if !tyLeTang && !tyLeGiam && w > start { stop = i; break }
                }
            }
            i += 1
        }
        start = min(start, stop)  // leading words may reach past the figure ("đến năm 20305%")
        var name = trimTrailing(text.text(start..<stop))
        if name.isEmpty, let f = figure {
            // A count's noun is part of the name ("một nhà đa năng" → "Số nhà đa năng …").
            let count = text.lower[f.numberRange.lowerBound].isLetter
            var s = ProseFigure.skipSpaces(
                text, count ? f.numberRange.upperBound : f.range.upperBound)
            s = skipLeading(text, from: s, growth: false)
            var e = s
            while e < text.count, !",;.(".contains(text.lower[e]) { e += 1 }
            name = trimTrailing(text.text(s..<e))
            if !name.isEmpty, f.unit.hasPrefix("%"), !name.lowercased().hasPrefix("tỷ lệ"),
                !name.lowercased().hasPrefix("tỷ trọng")
            {
                name = "Tỷ lệ " + name
            } else if !name.isEmpty, count, !name.lowercased().hasPrefix("số") {
                name = "Số " + name
            }
        }
        return name
    }

    static func skipLeading(_ text: ProseText, from: Int, growth: Bool) -> Int {
        var s = from
        var moved = true
        while moved {
            moved = false
            while s < text.count, " ,.".contains(text.lower[s]) { s += 1 }
            for w in leadingWords where text.hasWord(w, at: s) { s += w.count; moved = true; break }
            if moved { continue }
            for lead in ["đến năm ", "tới năm "] where text.matches(lead, at: s) {
                let d = text.lowerText((s + lead.count)..<(s + lead.count + 4))
                if ProseFigure.isYear(d) { s += lead.count + 4; moved = true }
            }
            if growth {
                for w in ["tốc độ tăng trưởng", "tốc độ tăng", "mức tăng"]
                where text.hasWord(w, at: s) { s += w.count; moved = true; break }
            }
        }
        return s
    }

    static func trimTrailing(_ s: String) -> String {
        var t = VietnameseNumber.trimmed(s)
        var changed = true
        while changed {
            changed = false
            while let last = t.last, ",;:.-–".contains(last) {
                t.removeLast(); t = VietnameseNumber.trimmed(t); changed = true
            }
            let lower = t.lowercased()
            for w in trailingWords where lower == w || lower.hasSuffix(" " + w) {
                t = VietnameseNumber.trimmed(String(t.dropLast(w.count))); changed = true; break
            }
        }
        if let first = t.first, first.isLowercase { t = first.uppercased() + t.dropFirst() }
        return t
    }

    /// An ASCII id from a Vietnamese name: `Thu nhập bình quân đầu người` →
    /// `thu_nhap_binh_quan_dau_nguoi` (diacritics removed, `đ` → `d`, other characters `_`,
    /// at most 60 characters cut at a word). Empty names give `chi_tieu`.
    static func slug(_ name: String) -> String {
        let folded = name.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(
            of: "Đ", with: "D"
        )
        .decomposedStringWithCanonicalMapping.unicodeScalars
        .filter { !(0x300...0x36F).contains($0.value) }
        var out = ""
        var lastUnderscore = true
        for s in folded {
            if s.isASCII, CharacterSet.alphanumerics.contains(s) {
                out.unicodeScalars.append(
                    Unicode.Scalar(UInt8(s.value)).properties.lowercaseMapping.unicodeScalars.first!
                )
                lastUnderscore = false
            } else if !lastUnderscore {
                out += "_"; lastUnderscore = true
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        if out.count > 60 {
            let cut = out.prefix(60)
            out = String(cut.lastIndex(of: "_").map { cut[..<$0] } ?? cut)
        }
        return out.isEmpty ? "chi_tieu" : out
    }
}
