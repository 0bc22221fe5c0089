import Foundation

/// Writes a `BacktestResult` as CSV, Markdown or a standalone HTML page with an SVG chart.
///
/// CSV columns: `model,h,n,smape,mase,coverage_80,width_80,coverage_95,width_95` (one
/// coverage/width pair per level; h = `all` for the overall row; coverage in percent;
/// width in MASE-scale units).
public struct BacktestWriter: Sendable {
    public init() {}

    public func csv(_ result: BacktestResult) -> String {
        var out = CSVBytes()
        out.row(
            ["model", "h", "n", "smape", "mase"]
                + result.levels.flatMap {
                    [
                        "coverage_\(ForecastWriter.percent($0))",
                        "width_\(ForecastWriter.percent($0))"
                    ]
                })
        for r in result.rows {
            out.field(r.label); out.field(r.step.map(String.init) ?? "all");
            out.field(String(r.count))
            out.field(fixed(r.symmetricMAPE, 4));
            out.field(r.meanAbsoluteScaledError.map { fixed($0, 4) } ?? "")
            for i in result.levels.indices {
                out.field(fixed(r.coverage[i] * 100, 2));
                out.field(r.meanScaledWidth[i].map { fixed($0, 4) } ?? "")
            }
            out.endRow()
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func fixed(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }

    /// Markdown: the overall table, then coverage and sMAPE by horizon.
    public func markdown(_ result: BacktestResult) -> String {
        let levels = result.levels.map { ForecastWriter.percent($0) }
        var s = "# Backtest\n\n\(result.origins) rolling origin(s), horizon \(result.horizon). "
        s += "sMAPE in percent (Makridakis & Hibon 2000), MASE with the in-sample naive scale "
        s +=
            "(Hyndman & Koehler 2006), coverage in percent of held-back values inside the interval.\n\n"
        s +=
            "| model | forecasts | sMAPE | MASE | "
            + levels.map { "coverage \($0) % | width \($0) %" }.joined(separator: " | ")
            + " | models used |\n"
        s += "|---|---:|---:|---:|" + levels.map { _ in "---:|---:|" }.joined() + "---|\n"
        for r in result.overall {
            s +=
                "| \(cell(r.label)) | \(r.count) | \(fixed(r.symmetricMAPE, 2)) | \(r.meanAbsoluteScaledError.map { fixed($0, 3) } ?? "–") | "
            s += result.levels.indices.map {
                "\(fixed(r.coverage[$0] * 100, 1)) | \(r.meanScaledWidth[$0].map { fixed($0, 2) } ?? "–")"
            }.joined(separator: " | ")
            s +=
                " | "
                + cell(
                    r.modelsUsed.prefix(6).map { "\($0.model) \($0.count)" }.joined(separator: ", ")
                ) + " |\n"
        }
        for (title, value) in [
            ("sMAPE", { (r: BacktestResult.Row) in self.fixed(r.symmetricMAPE, 2) })
        ]
            + result.levels.indices.map({ i in
                (
                    "coverage \(levels[i]) %",
                    { (r: BacktestResult.Row) in self.fixed(r.coverage[i] * 100, 1) }
                )
            })
        {
            s +=
                "\n## \(title) by horizon\n\n| model | "
                + (1...result.horizon).map { "h=\($0)" }.joined(separator: " | ") + " |\n"
            s += "|---|" + String(repeating: "---:|", count: result.horizon) + "\n"
            for label in result.overall.map(\.label) {
                let cells = result.rows.filter { $0.label == label && $0.step != nil }.map(value)
                s += "| \(cell(label)) | " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return s
    }

    func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    /// A standalone HTML page: the Markdown tables as HTML and an SVG chart of sMAPE and
    /// coverage by horizon.
    public func html(_ result: BacktestResult) -> String {
        var body =
            "<h1>Backtest</h1>\n<p>\(result.origins) rolling origin(s), horizon \(result.horizon).</p>\n"
        body += BacktestChartSVG(result: result).svg
        body += "<table>\n<tr><th>model</th><th>forecasts</th><th>sMAPE</th><th>MASE</th>"
        body +=
            result.levels.map { "<th>coverage \(ForecastWriter.percent($0)) %</th>" }.joined()
            + "</tr>\n"
        for r in result.overall {
            body +=
                "<tr><td>\(escape(r.label))</td><td>\(r.count)</td><td>\(fixed(r.symmetricMAPE, 2))</td>"
            body += "<td>\(r.meanAbsoluteScaledError.map { fixed($0, 3) } ?? "–")</td>"
            body +=
                result.levels.indices.map { "<td>\(fixed(r.coverage[$0] * 100, 1))</td>" }.joined()
                + "</tr>\n"
        }
        body += "</table>\n"
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>
            <title>Backtest</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child{text-align:left}</style>
            </head><body>
            \(body)</body></html>

            """
    }
}

/// XML escaping of text from input files (model labels): the five predefined entities.
func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}
