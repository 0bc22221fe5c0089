import Foundation

/// The parts of a plan document the import needs: its title, its period, the place it is
/// about, and the lines of its targets section.
///
/// ## Rules
/// - **Lines** lose Markdown emphasis (`**`, `#`) and HTML-like tags; tab-separated lines (a
///   table) are not prose.
/// - **Title**: the first line among the first 60 that starts with `KẾ HOẠCH` or `NGHỊ
///   QUYẾT` (any case), with the lines after it up to a blank line (`KẾ HOẠCH Phát triển … giai
///   đoạn 2026 - 2030`).
/// - **Period**: the first `YYYY - YYYY` in the title, else in the first 60 lines. A party
///   term (`nhiệm kỳ 2025-2030`) gives the plan 2026-2030: a term's plan starts the year after
///   the congress.
/// - **Place**: the first `xã`, `phường`, `thị trấn`, `huyện`, `quận`, `thị xã`, `thành phố`
///   or `tỉnh` followed by capitalised words, in the title, else in the first 60 lines.
/// - **Targets section**: starts after the first heading-like line (short, or Markdown or
///   bold, or numbered; a count such as `22 chỉ tiêu` is no figure) that names `chỉ tiêu` (`1. Chỉ tiêu chủ yếu …`, `Các chỉ tiêu chủ yếu
///   đến năm 2025:`); ends at the next heading naming `nhiệm vụ`, `giải pháp`, `tổ chức thực
///   hiện`, `mục tiêu tổng quát`, `định hướng`, `phương hướng`, `phụ lục`, `nơi nhận`, or at a
///   tab-separated line. Group headings inside it (`I. Về kinh tế`) do not end it.
struct DocumentOutline {
    var lines: [TargetStatement.Line]
    var title: String
    var period: ClosedRange<Int>?
    var periodIsPartyTerm: Bool
    var place: String
    /// Index range into `lines` of the targets section; nil when no heading names the targets.
    var section: Range<Int>?
    var sectionTitle: String

    static let endWords = [
        "nhiệm vụ", "giải pháp", "tổ chức thực hiện", "mục tiêu tổng quát", "định hướng",
        "phương hướng", "phụ lục", "nơi nhận", "kiến nghị", "đề xuất"
    ]

    init(text: String) {
        var out: [TargetStatement.Line] = []
        var n = 0
        for raw in text.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            n += 1
            out.append(TargetStatement.Line(number: n, text: Self.plain(String(raw))))
        }
        lines = out
        let head = out.prefix(60)
        // Title.
        var title = ""
        if let t = head.firstIndex(where: { l in
            ["kế hoạch", "nghị quyết"].contains { l.text.lowercased().hasPrefix($0) }
        }) {
            var parts: [String] = []
            var k = t
            while k < out.count, !out[k].text.isEmpty, parts.count < 4 {
                parts.append(out[k].text); k += 1
            }
            title = parts.joined(separator: " ")
        }
        self.title = VietnameseNumber.trimmed(title.split(separator: " ").joined(separator: " "))
        let headText = head.map(\.text)
        let periodSource = [self.title] + headText
        var found: ClosedRange<Int>? = nil
        var party = false
        for l in periodSource {
            if let p = PlanTableImport.period(in: l) {
                // A term of one year ("nhiệm kỳ 2025 - 2025") has no year after the congress: kept as written.
                party = l.lowercased().contains("nhiệm kỳ") && p.lowerBound < p.upperBound
                found = party ? (p.lowerBound + 1)...p.upperBound : p
                break
            }
        }
        period = found
        periodIsPartyTerm = party
        place = ([self.title] + headText).lazy.compactMap(Self.place(in:)).first ?? ""
        // Section.
        section = nil
        sectionTitle = ""
        var start: Int? = nil
        for (i, l) in out.enumerated() {
            let lower = l.text.lowercased()
            if start == nil {
                if PlanTableImport.has(lower, "chỉ tiêu") && !lower.contains("\t")
                    && Self.isHeading(l.text)
                {
                    start = i + 1
                    sectionTitle = l.text
                }
                continue
            }
            // Headings naming the targets right under the first one ("II. Chỉ tiêu và nhiệm vụ",
            // then "1. Chỉ tiêu chủ yếu"): the section starts after the last of them.
            if i == start!,
                l.text.isEmpty || (PlanTableImport.has(lower, "chỉ tiêu") && Self.isHeading(l.text))
            {
                if !l.text.isEmpty { sectionTitle = l.text }
                start = i + 1
                continue
            }
            if l.text.contains("\t")
                || (Self.endWords.contains { PlanTableImport.has(lower, $0) }
                    && Self.isHeading(l.text))
            {
                section = start!..<i
                break
            }
        }
        if section == nil, let s = start { section = s..<out.count }
    }

    /// A heading: Markdown `#` or bold in the source (marked by `plain`), or a short line
    /// without a figure-bearing sentence: under 120 characters and not ending with `;`.
    static func isHeading(_ text: String) -> Bool {
        let t = VietnameseNumber.trimmed(text)
        guard !t.isEmpty, t.count < 120 else { return false }
        if t.hasSuffix(";") { return false }
        if let first = t.first, "(".contains(first) { return false }
        var words = TargetStatement.numberedMarker(t)?.2 ?? t
        // "II. 22 CHỈ TIÊU CHỦ YẾU": a count of targets is no figure.
        if let r = words.range(
            of: "[0-9]+ (chỉ tiêu|CHỈ TIÊU|Chỉ tiêu)", options: .regularExpression)
        {
            words.removeSubrange(r)
        }
        return !StatementClause.hasFigure(words)
    }

    /// Without `**`, leading `#`s and tags.
    static func plain(_ line: String) -> String {
        var t = PlanTableImport.stripTags(line).replacingOccurrences(of: "****", with: " ")
            .replacingOccurrences(of: "**", with: "")
        t = String(t.drop(while: { $0 == "#" || $0 == " " }))
        return VietnameseNumber.trimmed(t.precomposedStringWithCanonicalMapping)
    }

    static func place(in text: String) -> String? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let kinds = ["xã", "phường", "huyện", "quận", "tỉnh", "thị trấn", "thị xã", "thành phố"]
        var i = 0
        while i < words.count {
            for kind in kinds {
                let kw = kind.split(separator: " ").map(String.init)
                guard i + kw.count < words.count,
                    zip(words[i..<(i + kw.count)], kw).allSatisfy({ $0.0.lowercased() == $0.1 })
                else { continue }
                var j = i + kw.count
                var name: [String] = []
                while j < words.count, let f = words[j].first, f.isUppercase, name.count < 4 {
                    name.append(words[j]); j += 1
                }
                if !name.isEmpty { return ([kind] + name).joined(separator: " ") }
            }
            i += 1
        }
        return nil
    }
}
