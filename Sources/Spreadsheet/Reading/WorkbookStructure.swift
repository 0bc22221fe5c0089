import Foundation
import PlanIO

/// What `xl/workbook.xml`, its relationships and `xl/styles.xml` say: the sheets in order
/// with the part that holds each, and which cell styles show numbers as dates.
struct WorkbookStructure {
    struct SheetEntry { var name: String; var part: String }

    var sheets: [SheetEntry]
    /// `dateStyles[i]` is true when cell style `i` (an index into `cellXfs`) formats a
    /// number as a date or time.
    var dateStyles: [Bool]
    /// `percentStyles[i]` is true when cell style `i` shows a number as a percentage
    /// (`0.125` shown as `12,5%`).
    var percentStyles: [Bool]
    /// True when the workbook counts dates from 1904 (old Mac Excel).
    var date1904: Bool

    static func read(_ archive: inout WorkbookArchive) throws -> WorkbookStructure {
        let file = archive.path
        guard let workbookEntry = archive.entry("xl/workbook.xml") else {
            throw InputError.badData(
                location: SourceLocation(file: file), found: "no xl/workbook.xml",
                expected: "an .xlsx workbook")
        }
        let workbook = try XMLPart.elements(
            archive.read(workbookEntry), file: file, part: "xl/workbook.xml")
        var targets: [String: String] = [:]
        if let relsEntry = archive.entry("xl/_rels/workbook.xml.rels") {
            for element in try XMLPart.elements(
                archive.read(relsEntry), file: file, part: "xl/_rels/workbook.xml.rels")
            where element.name == "Relationship" {
                if let id = element.attributes["Id"], let target = element.attributes["Target"] {
                    targets[id] = target
                }
            }
        }
        var sheets: [SheetEntry] = []
        var date1904 = false
        for element in workbook {
            if element.name == "workbookPr", let value = element.attributes["date1904"] {
                date1904 = value == "1" || value == "true"
            }
            guard element.name == "sheet", let name = element.attributes["name"] else { continue }
            let rid = element.attributes["id"] ?? ""
            let target = targets[rid] ?? "worksheets/sheet\(sheets.count + 1).xml"
            sheets.append(SheetEntry(name: name, part: resolve(target)))
        }
        if sheets.isEmpty {
            throw InputError.badData(
                location: SourceLocation(file: file), found: "a workbook with no sheets",
                expected: "at least one worksheet")
        }
        var styles = (date: [Bool](), percent: [Bool]())
        if let stylesEntry = archive.entry("xl/styles.xml") {
            styles = try readNumberStyles(archive.read(stylesEntry), file: file)
        }
        return WorkbookStructure(
            sheets: sheets, dateStyles: styles.date, percentStyles: styles.percent,
            date1904: date1904)
    }

    /// `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/worksheets/…` kept.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." {
                _ = parts.popLast()
            } else if piece != "." {
                parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Marks each `cellXfs` entry whose number format is a date (the built-in formats 14–22
    /// and 45–47, and custom formats with day, month or year codes outside quotes and
    /// brackets) or a percentage (the built-in 9 and 10, and custom formats with `%`
    /// outside quotes and brackets).
    static func readNumberStyles(_ data: Data, file: String) throws -> (
        date: [Bool], percent: [Bool]
    ) {
        var custom: [Int: String] = [:]
        var date: [Bool] = [], percent: [Bool] = []
        for element in try XMLPart.elements(data, file: file, part: "xl/styles.xml") {
            if element.name == "numFmt", let id = element.attributes["numFmtId"].flatMap(Int.init) {
                custom[id] = element.attributes["formatCode"] ?? ""
            } else if element.name == "xf", element.parent == "cellXfs" {
                let id = element.attributes["numFmtId"].flatMap(Int.init) ?? 0
                if let code = custom[id] {
                    date.append(isDateFormat(code)); percent.append(isPercentFormat(code))
                } else {
                    date.append((14...22).contains(id) || (45...47).contains(id))
                    percent.append(id == 9 || id == 10)
                }
            }
        }
        return (date, percent)
    }

    /// Whether a number format code shows a percentage: `%` outside quoted text, `[…]`
    /// sections and `\`-escaped characters (`0.0%`, `#,##0.00 %`; not `0.0"%"`).
    static func isPercentFormat(_ code: String) -> Bool {
        unquotedCharacters(of: code).contains("%")
    }

    /// Whether a number format code shows a date: `d`, `m` or `y`
    /// outside quoted text, `[…]` sections and `\`-escaped characters.
    static func isDateFormat(_ code: String) -> Bool {
        unquotedCharacters(of: code.lowercased()).contains { $0 == "d" || $0 == "m" || $0 == "y" }
    }

    /// The characters of a format code that are format codes: outside quoted text, `[…]`
    /// sections, and not `\`-escaped.
    static func unquotedCharacters(of code: String) -> [Character] {
        var inQuote = false, inBracket = false, escaped = false
        var out: [Character] = []
        for ch in code {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            default: if !inQuote && !inBracket { out.append(ch) }
            }
        }
        return out
    }
}
