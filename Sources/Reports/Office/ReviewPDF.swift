import Foundation
import Forecasting
import PlanIO

/// `review --format pdf`: the HTML report printed to A4 by headless Chromium.
///
/// The page is A4 landscape when the review table has more than seven columns (it is
/// wider than a portrait page can show legibly), portrait otherwise; the orientation is
/// an `@page` rule added to the HTML, which Chromium's printing honours.
public enum ReviewPDF {
    public static func data(_ review: Review, language: ReportLanguage? = nil) throws -> Data {
        let chromium = try ExternalTool(
            "chromium", package: "chromium", purpose: "review --format pdf")
        var html = ReviewReport.render(review, format: .html, language: language)
        let landscape = needsLandscape(html)
        let page =
            "<style>@page{size:A4 \(landscape ? "landscape" : "portrait");margin:12mm}</style>"
        if let head = html.range(of: "</head>") {
            html.replaceSubrange(head, with: page + "</head>")
        }
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let input = try scratch.write(Data(html.utf8), "review.html")
        let output = scratch.file("review.pdf")
        try chromium.run([
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(scratch.file("profile"))", "--print-to-pdf=\(output)",
            URL(fileURLWithPath: input).absoluteString
        ])
        let pdf = try scratch.read("review.pdf")
        guard pdf.starts(with: Array("%PDF".utf8)) else {
            throw InputError.io(path: output, reason: "chromium did not write a PDF")
        }
        return pdf
    }

    /// True when the first table of the report has more than seven header cells.
    static func needsLandscape(_ html: String) -> Bool {
        guard let table = html.range(of: "<table"),
            let end = html.range(of: "</tr>", range: table.upperBound..<html.endIndex)
        else { return false }
        return html[table.upperBound..<end.lowerBound].components(separatedBy: "<th").count - 1 > 7
    }

    public static func write(_ review: Review, language: ReportLanguage? = nil, to path: String)
        throws
    {
        try AtomicFile.write(data(review, language: language), to: path)
    }
}
