import Foundation
import PlanModel

/// Document segmentation for ``PlanTableImport``: a document's lines as tab-separated
/// cells, or a spreadsheet export's RFC 4180 records.
extension PlanTableImport {
    // MARK: - Records

    /// One row of cells and the line it starts on.
    struct Record { var line: Int; var cells: [String] }

    /// Splits a document: lines, tab-separated cells, no quoting.
    static func documentRecords(_ text: String) -> [Record] {
        var out: [Record] = []
        var line = 0
        // "\r\n" is one Character in Swift: split on every kind of line end.
        for l in text.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            line += 1
            out.append(
                Record(
                    line: line,
                    cells: l.split(separator: "\t", omittingEmptySubsequences: false).map(
                        String.init)))
        }
        return out
    }

    /// RFC 4180 records with `delimiter`; a quote left open is an error at its line.
    static func delimitedRecords(_ text: String, delimiter: Character, fileName: String) throws
        -> [Record]
    {
        var out: [Record] = []
        var cells: [String] = []
        var cell = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteLine = 0
        var atCellStart = true
        var afterClosingQuote = false
        var it = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return it.next()
        }
        let d = delimiter.unicodeScalars.first!
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = it.next() {
                        if n == "\"" { cell.unicodeScalars.append("\""); continue }
                        inQuotes = false; afterClosingQuote = true; pending = n; continue
                    }
                    inQuotes = false; afterClosingQuote = true; continue
                }
                if c == "\n" { line += 1 }
                cell.unicodeScalars.append(c)
                continue
            }
            if c == d {
                cells.append(cell); cell = ""; atCellStart = true; afterClosingQuote = false;
                continue
            }
            if c == "\n" || c == "\r" {
                if c == "\r" {
                    if let n = it.next(), n != "\n" { pending = n }
                }
                cells.append(cell); cell = ""
                out.append(Record(line: recordLine, cells: cells)); cells = []
                line += 1; recordLine = line; atCellStart = true; afterClosingQuote = false
                continue
            }
            if c == "\"" && atCellStart && cell.allSatisfy({ VietnameseNumber.isSpace($0) }) {
                cell = ""; inQuotes = true; quoteLine = line; atCellStart = false; continue
            }
            if afterClosingQuote && !VietnameseNumber.isSpace(Character(c)) {
                throw InputError.badData(
                    location: SourceLocation(file: fileName, line: line),
                    found: "text after a closing quote (\"…\"\(Character(c)))",
                    expected:
                        "a delimiter after a quoted field; write a quote inside a field as \"\"")
            }
            atCellStart = atCellStart && VietnameseNumber.isSpace(Character(c))
            cell.unicodeScalars.append(c)
        }
        if inQuotes {
            throw InputError.badData(
                location: SourceLocation(file: fileName, line: quoteLine),
                found: "a quote opened here and never closed",
                expected: "a closing quote (\") before the end of the file")
        }
        if !cells.isEmpty || !cell.isEmpty {
            cells.append(cell)
            out.append(Record(line: recordLine, cells: cells))
        }
        return out
    }

}
