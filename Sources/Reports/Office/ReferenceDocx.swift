import Foundation
import PlanIO
import ZIPFoundation

/// The reference document pandoc takes its styles from: pandoc's default, with the
/// traffic-light character styles added and the page set to A4 landscape.
enum ReferenceDocx {
    static let lights: [(name: String, fill: String, text: String)] = [
        ("green", "D9F2DD", "145A23"), ("amber", "FFF0C2", "7A5200"), ("red", "FBD9D5", "8A1C10"),
        ("grey", "ECECEC", "555555")
    ]

    static func make(from original: Data) throws -> Data {
        let source: Archive, target: Archive
        do {
            source = try Archive(data: original, accessMode: .read)
            target = try Archive(accessMode: .create)
        } catch {
            throw InputError.io(
                path: "reference.docx",
                reason: "pandoc's reference document is not a zip archive (\(error))")
        }
        for entry in source {
            var content = Data()
            do { _ = try source.extract(entry) { content.append($0) } } catch {
                throw InputError.io(
                    path: "reference.docx", reason: "cannot read \(entry.path) (\(error))")
            }
            if entry.path == "word/styles.xml" {
                content = Data(addStyles(String(decoding: content, as: UTF8.self)).utf8)
            }
            if entry.path == "word/document.xml" {
                content = Data(landscape(String(decoding: content, as: UTF8.self)).utf8)
            }
            let bytes = content
            do {
                try target.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw InputError.io(
                    path: "reference.docx", reason: "cannot write \(entry.path) (\(error))")
            }
        }
        guard let data = target.data else {
            throw InputError.io(path: "reference.docx", reason: "empty archive")
        }
        return data
    }

    static func addStyles(_ xml: String) -> String {
        var styles = ""
        for light in lights {
            styles +=
                "<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Status\(light.name)\">"
            styles +=
                "<w:name w:val=\"Status \(light.name)\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>"
            styles +=
                "<w:rPr><w:b/><w:color w:val=\"\(light.text)\"/><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(light.fill)\"/></w:rPr></w:style>"
        }
        guard let end = xml.range(of: "</w:styles>", options: .backwards) else { return xml }
        return xml.replacingCharacters(in: end, with: styles + "</w:styles>")
    }

    /// A4 landscape (297 × 210 mm in twentieths of a point) with 1.5 cm margins.
    static func landscape(_ xml: String) -> String {
        let section =
            "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
            + "<w:pgMar w:top=\"850\" w:right=\"850\" w:bottom=\"850\" w:left=\"850\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        if let empty = xml.range(of: "<w:sectPr />") ?? xml.range(of: "<w:sectPr/>") {
            return xml.replacingCharacters(in: empty, with: section)
        }
        if let start = xml.range(of: "<w:sectPr"),
            let end = xml.range(of: "</w:sectPr>", range: start.upperBound..<xml.endIndex)
        {
            return xml.replacingCharacters(in: start.lowerBound..<end.upperBound, with: section)
        }
        return xml
    }
}
