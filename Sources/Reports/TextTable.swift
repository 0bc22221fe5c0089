/// An aligned plain-text table for terminals: columns separated by two spaces, a rule
/// under the header. Widths count Unicode grapheme clusters, so Vietnamese names with
/// combining marks (precomposed or not) line up. The one table layout of the tool: every
/// terminal table (review, targets, projections, sweeps, fits) is drawn by it.
///
/// ```swift
/// var t = TextTable(header: ["id", "P(meet)"], alignments: [.left, .right])
/// t.append(["T01", "84 %"])
/// print(t.render())
/// // id   P(meet)
/// // ───  ───────
/// // T01     84 %
/// ```
///
/// Invariants: every line of `render` has the same cell boundaries; a cell longer than
/// `maxColumnWidth` is cut to that width ending in `…`; trailing spaces are removed; the
/// `decorate` closure sees cells after padding, so escapes it adds never count toward a
/// width.
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

    /// The column widths `render` uses (grapheme clusters).
    public func columnWidths(maxColumnWidth: Int = 60) -> [Int] {
        var widths = [Int](repeating: 0, count: header.count)
        for row in [header] + rows {
            for (column, cell) in row.prefix(header.count).enumerated() {
                widths[column] = min(maxColumnWidth, max(widths[column], cell.count))
            }
        }
        return widths
    }

    /// The width of the widest line `render` draws.
    public func renderedWidth(maxColumnWidth: Int = 60) -> Int {
        let widths = columnWidths(maxColumnWidth: maxColumnWidth)
        return widths.reduce(0, +) + 2 * max(0, widths.count - 1)
    }

    /// The table as lines joined by newlines, with a rule under the header.
    /// `decorate(row, column, paddedCell)` may wrap a cell in escapes (row −1 is the header).
    public func render(
        maxColumnWidth: Int = 60,
        decorate: (_ row: Int, _ column: Int, _ cell: String) -> String = { _, _, cell in cell }
    ) -> String {
        let widths = columnWidths(maxColumnWidth: maxColumnWidth)
        func line(_ row: [String], _ index: Int) -> String {
            var parts: [String] = []
            for column in 0..<header.count {
                var cell = column < row.count ? row[column] : ""
                if cell.count > widths[column] {
                    cell = String(cell.prefix(max(0, widths[column] - 1))) + "…"
                }
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                parts.append(
                    decorate(index, column, alignments[column] == .left ? cell + pad : pad + cell))
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = [
            line(header, -1),
            widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        ]
        for (index, row) in rows.enumerated() { out.append(line(row, index)) }
        return out.joined(separator: "\n")
    }
}
