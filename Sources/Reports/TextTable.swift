/// An aligned plain-text table for terminals. Widths count Unicode grapheme clusters, so
/// Vietnamese names with combining marks (precomposed or not) line up.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }
    public var header: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(header: [String], alignments: [Alignment]? = nil) {
        self.header = header
        self.alignments = alignments ?? header.map { _ in .left }
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines joined by newlines, with a rule under the header.
    public func render(maxColumnWidth: Int = 60) -> String {
        let all = [header] + rows
        let n = header.count
        var widths = [Int](repeating: 0, count: n)
        for r in all { for (j, c) in r.prefix(n).enumerated() { widths[j] = min(maxColumnWidth, max(widths[j], c.count)) } }
        func line(_ r: [String]) -> String {
            var parts: [String] = []
            for j in 0..<n {
                var cell = j < r.count ? r[j] : ""
                if cell.count > widths[j] { cell = String(cell.prefix(widths[j] - 1)) + "…" }
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                parts.append(alignments[j] == .left ? cell + pad : pad + cell)
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}
