import Forecasting
import Foundation
import PlanIO
import PlanModel

/// `review --plans DIR`: runs a `BatchReview` and writes its outputs; the command only
/// parses options and calls `run`.
///
/// - `.table`: the summaries as text (per plan, per target group, per province), to
///   `output` or standard output;
/// - `.csv`: the long review CSV to `output` (or standard output) and, beside it
///   (`summaryPrefix`, default: `output` without `.csv`), `-plans.csv`, `-groups.csv`,
///   `-provinces.csv`;
/// - `.html`: `output` is the dashboard file (`….html`, plan pages in `…-plans/` beside
///   it) or a folder (`index.html` and `plans/`).
///
/// Plans that fail to load are listed in every output and returned in
/// `BatchReview.failures`; the caller exits 65 when there are any.
public struct BatchReviewJob {
    public var directory: String
    public var options: BatchReview.Options
    public var format: ReportFormat
    public var output: String?
    public var summaryPrefix: String?

    public init(
        directory: String, options: BatchReview.Options, format: ReportFormat, output: String?,
        summaryPrefix: String?
    ) {
        self.directory = directory; self.options = options; self.format = format;
        self.output = output; self.summaryPrefix = summaryPrefix
    }

    /// Where the files of an HTML batch go: (dashboard path, pages folder, pages folder
    /// relative to the dashboard).
    static func htmlPaths(_ output: String) -> (dashboard: String, pages: String, relative: String)
    {
        if output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm") {
            let stem = (output as NSString).deletingPathExtension
            let relative = (stem as NSString).lastPathComponent + "-plans"
            return (output, stem + "-plans", relative)
        }
        return (
            (output as NSString).appendingPathComponent("index.html"),
            (output as NSString).appendingPathComponent("plans"), "plans"
        )
    }

    /// Runs the batch and writes the outputs; returns the batch and the text meant for
    /// standard output (nil when everything went to files).
    public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (
        batch: BatchReview, standardOutput: String?, written: [String]
    ) {
        var options = self.options
        let toFile = output.map { $0 != "-" } ?? false
        var html: (dashboard: String, pages: String, relative: String)?
        switch format {
        case .csv: options.csv = true
        case .html:
            guard let output, toFile else {
                throw InputError.usage(
                    "--plans with --format html needs --output FILE.html or --output FOLDER (the dashboard and a page per plan)"
                )
            }
            html = Self.htmlPaths(output)
            options.pagesDirectory = html!.pages
        case .table: break
        case .markdown:
            throw InputError.usage("--plans writes table, csv or html; Markdown is for one plan")
        }
        let batch = try BatchReview.run(directory: directory, options: options, progress: progress)
        let summary = BatchSummary(batch)
        let language = options.language ?? batch.plans.first?.language ?? .vi
        var written: [String] = []
        func write(_ text: String, _ path: String) throws {
            try AtomicFile.write(text, to: path); written.append(path)
        }
        switch format {
        case .csv:
            let prefix =
                summaryPrefix
                ?? (toFile
                    ? ((output! as NSString).pathExtension.lowercased() == "csv"
                        ? (output! as NSString).deletingPathExtension : output!) : nil)
            if let prefix {
                try write(BatchCSVWriter.plans(batch, language: language), prefix + "-plans.csv")
                try write(BatchCSVWriter.groups(summary), prefix + "-groups.csv")
                try write(BatchCSVWriter.provinces(summary), prefix + "-provinces.csv")
            }
            if toFile {
                let writer = try AtomicFile.Writer(path: output!)
                do {
                    try BatchCSVWriter.writeLong(batch, levels: options.review.levels, to: writer)
                    try writer.commit()
                } catch {
                    writer.abandon()
                    throw error
                }
                written.append(output!)
                return (batch, nil, written)
            }
            return (batch, BatchCSVWriter.long(batch, levels: options.review.levels), written)
        case .html:
            let page = BatchDashboardHTML(
                batch: batch, summary: summary, language: language, pagesFolder: html!.relative
            ).render()
            try write(page, html!.dashboard)
            return (batch, nil, written)
        default:
            let text = BatchTextSummary(batch: batch, summary: summary, language: language).render()
            if toFile { try write(text, output!); return (batch, nil, written) }
            return (batch, text, written)
        }
    }
}
