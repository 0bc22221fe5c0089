import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import PlanIO

/// Reads `xl/sharedStrings.xml`: one string per `<si>`, the concatenation of its `<t>`
/// runs (rich text), leaving out phonetic runs (`<rPh>`).
final class SharedStringsParser: NSObject, XMLParserDelegate, ParseFailing {
    private(set) var strings: [String] = []
    var failure: InputError? { nil }
    private(set) var rootClosed = false
    private var current = ""
    private var inItem = false, inText = false, inPhonetic = false

    static func parse(_ data: Data, file: String) throws -> [String] {
        let parser = SharedStringsParser()
        try XMLPart.run(data, delegate: parser, file: file, part: "xl/sharedStrings.xml")
        return parser.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        switch XMLPart.localName(elementName) {
        case "si": inItem = true; current = ""
        case "t": inText = inItem && !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        switch XMLPart.localName(elementName) {
        case "si": strings.append(current); inItem = false
        case "sst": rootClosed = true
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}
