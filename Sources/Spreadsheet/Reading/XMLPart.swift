import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import PlanIO

/// One XML element of a small workbook part (workbook, relationships, styles): its local
/// name (namespace prefix dropped), attributes by local name, and its parent's local name.
struct XMLElementEvent {
    var name: String
    var attributes: [String: String]
    var parent: String
}

/// Runs Foundation's `XMLParser` (libxml2 underneath) over a part and turns a parse failure
/// into an `InputError` naming the file, the part and the XML line.
enum XMLPart {
    /// `x:row` → `row`; `r:id` stays `r:id` only through `attribute(_:)` callers that ask
    /// for the local name `id`.
    static func localName(_ qualified: String) -> String {
        guard let colon = qualified.lastIndex(of: ":") else { return qualified }
        return String(qualified[qualified.index(after: colon)...])
    }

    /// Parses `data` with `delegate`; throws the delegate's own error first, then the parser's.
    static func run(
        _ data: Data, delegate: some XMLParserDelegate & ParseFailing, file: String, part: String
    ) throws {
        // From a stream, libxml2 gets the document in chunks: given more than 10 MB in one
        // chunk (a sheet of about 150,000 rows) it stops with an internal error.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        // libxml2 may end a document cut short without an error: require the root's end tag.
        if !ok || !delegate.rootClosed {
            let line = parser.lineNumber
            let reason =
                parser.parserError.map { "\($0.localizedDescription)" }
                ?? (ok ? "the document ends before its root element is closed" : "unknown reason")
            throw InputError.badData(
                location: SourceLocation(file: file),
                found: "malformed XML in part \(part), line \(line) (\(reason))",
                expected: "an .xlsx workbook that is not damaged")
        }
    }

    /// Every start element of a small part, in order.
    static func elements(_ data: Data, file: String, part: String) throws -> [XMLElementEvent] {
        let collector = ElementCollector()
        try run(data, delegate: collector, file: file, part: part)
        return collector.events
    }
}

/// A delegate that may stop the parse with an error of its own.
protocol ParseFailing: AnyObject {
    var failure: InputError? { get }
    /// True once the root element's end tag has been seen.
    var rootClosed: Bool { get }
}

private final class ElementCollector: NSObject, XMLParserDelegate, ParseFailing {
    var events: [XMLElementEvent] = []
    var stack: [String] = []
    var failure: InputError? { nil }
    private(set) var rootClosed = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict { attributes[XMLPart.localName(key)] = value }
        let name = XMLPart.localName(elementName)
        events.append(XMLElementEvent(name: name, attributes: attributes, parent: stack.last ?? ""))
        stack.append(name)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        _ = stack.popLast()
        if stack.isEmpty { rootClosed = true }
    }
}
