import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PlanIO

/// Reads one worksheet part (`xl/worksheets/sheetN.xml`) into rows of typed cells and its
/// merged ranges, resolving shared strings and cell types as it goes.
///
/// Cell types (ECMA-376 §18.18.11): `s` shared string (index checked against the table),
/// `inlineStr`, `str` (a formula's text result), `b` boolean, `e` error (`#DIV/0!`), `n` or
/// none a number; a `<f>` without `<v>` is a formula never calculated. A cell or row
/// address missing from the file follows the previous one, as the format allows.
/// Any row past Excel's 1,048,576 is an error.
final class SheetParser: NSObject, XMLParserDelegate, ParseFailing {
    private(set) var rows: [SheetRow] = []
    private(set) var merges: [CellRange] = []
    private(set) var failure: InputError?
    private(set) var rootClosed = false

    private let sharedStrings: [String]
    private let location: (CellReference) -> SourceLocation
    private var rowNumber = 0
    private var rowCells: [SheetRow.Entry] = []
    private var column = 0
    private var type = ""
    private var style = 0
    private var valueText = "", formulaText = "", inlineText = ""
    private var hasValue = false, hasFormula = false
    private enum Capture { case none, value, formula, inline }
    private var capture = Capture.none
    private weak var parser: XMLParser?

    init(sharedStrings: [String], location: @escaping (CellReference) -> SourceLocation) {
        self.sharedStrings = sharedStrings
        self.location = location
    }

    private func fail(_ cell: CellReference, found: String, expected: String) {
        guard failure == nil else { return }
        failure = .badData(location: location(cell), found: found, expected: expected)
        parser?.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        self.parser = parser
        switch XMLPart.localName(elementName) {
        case "row":
            let next = attributeDict["r"].flatMap(Int.init) ?? rowNumber + 1
            if next > CellReference.maxRow || next < 1 || next <= rowNumber {
                fail(CellReference(column: 1, row: min(max(next, 1), CellReference.maxRow)),
                     found: next > CellReference.maxRow ? "row \(next)" : "row \(next) after row \(rowNumber)",
                     expected: "rows in order within Excel's 1,048,576")
                return
            }
            rowNumber = next; rowCells = []; column = 0
        case "c":
            if let r = attributeDict["r"] {
                guard let ref = CellReference(r) else {
                    fail(CellReference(column: max(column, 1), row: max(rowNumber, 1)), found: "cell address \"\(r)\"", expected: "an address such as C7 within Excel's grid")
                    return
                }
                column = ref.column
                if ref.row != rowNumber { rowNumber = max(rowNumber, ref.row) }
            } else {
                column += 1
            }
            type = attributeDict["t"] ?? "n"
            style = attributeDict["s"].flatMap(Int.init) ?? 0
            valueText = ""; formulaText = ""; inlineText = ""
            hasValue = false; hasFormula = false
        case "v": capture = .value; hasValue = true
        case "f": capture = .formula; hasFormula = true
        case "t": if type == "inlineStr" { capture = .inline; hasValue = true }
        case "mergeCell":
            if let ref = attributeDict["ref"], let range = CellRange(ref) { merges.append(range) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .none: break
        case .value: valueText += string
        case .formula: formulaText += string
        case .inline: inlineText += string
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch XMLPart.localName(elementName) {
        case "v", "f", "t": capture = .none
        case "c": finishCell()
        case "worksheet": rootClosed = true
        case "row":
            if !rowCells.isEmpty { rows.append(SheetRow(number: rowNumber, entries: rowCells)) }
        default: break
        }
    }

    private func finishCell() {
        guard failure == nil else { return }
        let ref = CellReference(column: column, row: rowNumber)
        let value: CellValue
        // openpyxl and other writers that calculate nothing leave `<v></v>` or no `<v>`.
        let emptyValue = valueText.allSatisfy(\.isWhitespace) && type != "str" && type != "inlineStr"
        if hasFormula && (!hasValue || emptyValue) {
            value = .uncalculatedFormula(formulaText)
        } else if !hasValue {
            return   // a styled empty cell
        } else {
            switch type {
            case "s":
                guard let index = Int(valueText.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                    fail(ref, found: "shared string \"\(valueText)\" (the workbook has \(sharedStrings.count))",
                         expected: "an index from 0 to \(sharedStrings.count - 1) into the shared strings")
                    return
                }
                value = .text(sharedStrings[index])
            case "inlineStr": value = .text(inlineText)
            case "str", "d": value = .text(valueText)
            case "b": value = .bool(valueText == "1" || valueText == "true")
            case "e": value = .error(valueText)
            default:
                let trimmed = valueText.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return }
                guard let number = Double(trimmed), number.isFinite else {
                    fail(ref, found: "\"\(valueText)\" in a number cell", expected: "a number (the file is damaged)")
                    return
                }
                value = .number(number)
            }
        }
        rowCells.append(SheetRow.Entry(column: column, cell: Cell(value: value, style: style)))
    }
}

/// One non-empty row of a sheet: its 1-based number and its cells in column order.
public struct SheetRow: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var column: Int
        public var cell: Cell
    }
    public var number: Int
    public var entries: [Entry]

    /// The cell in `column`, if the row has one.
    public func cell(_ column: Int) -> Cell? { entries.first { $0.column == column }?.cell }
}
