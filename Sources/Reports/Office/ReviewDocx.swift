import Foundation
import Forecasting
import PlanIO

/// `review --format docx`: the Markdown report converted by pandoc into a Word document,
/// with the status cells in the traffic-light colours and each indicator's chart as a
/// PNG image (the HTML report's SVG chart converted by rsvg-convert).
///
/// pandoc's own reference document gives the styles; ``ReferenceDocx`` adds four
/// character styles (`Status green`, `Status amber`, `Status red`, `Status grey`) with the
/// report's fills and sets the page to A4 landscape for the wide table. The status cells
/// are marked `[● …]{custom-style="Status green"}`, pandoc's way to apply a style.
public enum ReviewDocx {
    public static func data(_ review: Review, language: ReportLanguage? = nil) throws -> Data {
        let pandoc = try ExternalTool("pandoc", package: "pandoc", purpose: "review --format docx")
        let rsvg =
            review.charts.isEmpty
            ? nil
            : try ExternalTool(
                "rsvg-convert", package: "librsvg2-bin", purpose: "charts in review --format docx")
        let lang = language ?? ReportLanguage.default(for: review.plan)
        let text = ReviewText(review: review, language: lang)
        let scratch = try ScratchFolder()
        defer { scratch.remove() }

        var markdown = ReviewReport.render(review, format: .markdown, language: lang)
        for a in review.assessments {
            let cell = "| \(text.statusCell(a)) |"
            markdown = markdown.replacingOccurrences(
                of: cell,
                with: "| [\(text.statusCell(a))]{custom-style=\"Status \(a.status.light)\"} |")
        }
        if let rsvg {
            var charts =
                "\n## "
                + text.t("Biểu đồ theo chỉ tiêu định lượng", "Charts by quantitative indicator")
                + "\n"
            for (i, chart) in review.charts.enumerated() {
                let svg = try scratch.write(
                    Data(
                        ReviewChartSVG(chart: chart, asOf: review.asOf, text: text, index: i)
                            .render().utf8), "chart\(i).svg")
                let png = scratch.file("chart\(i).png")
                try rsvg.run([
                    "--width=1400", "--keep-aspect-ratio", "--background-color=white",
                    "--output=\(png)", svg
                ])
                let name =
                    text.vi
                    ? chart.indicator.nameVi
                    : (chart.indicator.nameEn.isEmpty
                        ? chart.indicator.nameVi : chart.indicator.nameEn)
                charts +=
                    "\n### \(Markdown.escape(name))\(chart.illustrative ? " (\(text.illustrativeBadge))" : "")\n\n![](chart\(i).png){width=100%}\n"
            }
            let notesHeading = "\n## " + text.t("Ghi chú theo chỉ tiêu", "Notes by target") + "\n"
            if let at = markdown.range(of: notesHeading) {
                markdown.replaceSubrange(at.lowerBound..<at.lowerBound, with: charts)
            } else {
                markdown += charts
            }
        }
        let input = try scratch.write(Data(weightColumns(markdown).utf8), "review.md")
        let reference = try scratch.write(
            ReferenceDocx.make(from: pandoc.run(["--print-default-data-file", "reference.docx"])),
            "reference.docx")
        let output = scratch.file("review.docx")
        try pandoc.run([
            "--from=markdown", "--to=docx", "--reference-doc=\(reference)",
            "--resource-path=\(scratch.path)",
            "--metadata=lang:\(lang.rawValue)", "--output=\(output)", input
        ])
        return try scratch.read("review.docx")
    }

    /// pandoc sizes a wide pipe table's columns by the dashes of its separator line: give
    /// the target name and requirement the room they need (the table's twelve columns as
    /// the Markdown report writes them; another shape is left as it is).
    static func weightColumns(_ markdown: String) -> String {
        let weights = [4, 20, 9, 9, 6, 7, 8, 8, 7, 7, 5, 9]
        var lines = markdown.components(separatedBy: "\n")
        guard let at = lines.firstIndex(where: { $0.hasPrefix("|---") }) else { return markdown }
        let cells = lines[at].split(separator: "|", omittingEmptySubsequences: true)
        guard cells.count == weights.count else { return markdown }
        lines[at] =
            "|"
            + zip(cells, weights).map { cell, weight in
                String(repeating: "-", count: weight * 3) + (cell.hasSuffix(":") ? ":" : "-") + "|"
            }.joined()
        return lines.joined(separator: "\n")
    }

    public static func write(_ review: Review, language: ReportLanguage? = nil, to path: String)
        throws
    {
        try AtomicFile.write(data(review, language: language), to: path)
    }
}
