import Foundation
import Forecasting
import PlanModel

/// The formats `planforecast review` writes.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned plain-text table for a terminal (ANSI colour only with `ReportOptions.colour`).
    case table
    /// One row per target, columns documented in `docs/review.md`.
    case csv
    /// A Markdown report: heading, rule, traffic-light table, notes per target.
    case markdown = "md"
    /// A self-contained HTML page (inline CSS and SVG, no scripts, no external resources),
    /// well-formed XML.
    case html

    /// Parses `table`, `csv`, `md`/`markdown`, `html`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "table", "text": self = .table
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default: return nil
        }
    }
}

/// Language of labels and number formatting.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable {
    case vi
    case en

    /// The plan's own language (`plan.language`), Vietnamese unless it says `en`.
    public static func `default`(for plan: Plan) -> ReportLanguage {
        plan.language.lowercased().hasPrefix("en") ? .en : .vi
    }
}

/// How CSV is written.
public enum CSVStyle: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 without BOM, `,` separators, `.` decimal point: what pandas and R read with no
    /// options.
    case plain
    /// As `plain` with a UTF-8 byte-order mark first, so Excel shows Vietnamese letters.
    case excel
    /// BOM, `;` separators and decimal commas (`12,5`): what Excel in a Vietnamese (or most
    /// European) locale opens directly into columns.
    case excelSemicolon = "excel-semicolon"

    public var delimiter: Character { self == .excelSemicolon ? ";" : "," }
    public var decimalSeparator: Character { self == .excelSemicolon ? "," : "." }
    public var writesBOM: Bool { self != .plain }
}

/// Options shared by every format; each format ignores the ones that do not apply.
public struct ReportOptions: Sendable, Hashable {
    /// ANSI colours in the terminal table. Pass `isatty(STDOUT_FILENO) != 0` and no
    /// `--output`: colour only on a terminal.
    public var colour: Bool
    /// CSV flavour (`--excel`, `--excel-semicolon`).
    public var csvStyle: CSVStyle
    /// Longest target name in the terminal table before it is cut with `…` (counted in
    /// letters, i.e. grapheme clusters); 0 keeps whole names.
    public var maxNameWidth: Int
    /// Draw an SVG chart per indicator in HTML reports.
    public var charts: Bool
    /// Columns of the terminal the table goes to; nil (a pipe or a file) draws every column.
    public var width: Int?
    /// Every column even on a narrow terminal (`--wide`).
    public var wide: Bool

    public init(
        colour: Bool = false, csvStyle: CSVStyle = .plain, maxNameWidth: Int = 32,
        charts: Bool = true,
        width: Int? = nil, wide: Bool = false
    ) {
        self.colour = colour; self.csvStyle = csvStyle; self.maxNameWidth = maxNameWidth;
        self.charts = charts
        self.width = width; self.wide = wide
    }
}

/// Writers of a mid-term review: terminal table, CSV, Markdown and HTML with SVG charts.
///
/// ```swift
/// let text = ReviewReport.render(review, format: .html)              // plan's language
/// let csv  = ReviewReport.render(review, format: .csv, language: .en,
///                                options: ReportOptions(csvStyle: .excelSemicolon))
/// try AtomicFile.write(ReviewReport.data(review, format: .csv), to: path)
/// ```
/// Rendering is pure (no files, no clock, no environment): the same review gives the same
/// text. Every string that comes from input files is escaped for the format (HTML/SVG
/// entities, Markdown backslashes, CSV quotes).
public enum ReviewReport {
    /// The report as text. `language` nil means the plan's language. With CSV styles
    /// `.excel` and `.excelSemicolon` the text begins with U+FEFF, which UTF-8 encodes as
    /// the byte-order mark EF BB BF.
    public static func render(
        _ review: Review, format: ReportFormat, language: ReportLanguage? = nil,
        options: ReportOptions = ReportOptions()
    ) -> String {
        let lang = language ?? ReportLanguage.default(for: review.plan)
        switch format {
        case .table:
            return ReviewTableWriter(review: review, language: lang, options: options).render()
        case .csv:
            let body = ReviewCSVWriter(review: review, language: lang, style: options.csvStyle)
                .render()
            return options.csvStyle.writesBOM ? "\u{FEFF}" + body : body
        case .markdown: return ReviewMarkdownWriter(review: review, language: lang).render()
        case .html:
            return ReviewHTMLWriter(review: review, language: lang, options: options).render()
        }
    }

    /// The report as UTF-8 bytes, ready for `AtomicFile.write(_:to:)`.
    public static func data(
        _ review: Review, format: ReportFormat, language: ReportLanguage? = nil,
        options: ReportOptions = ReportOptions()
    ) -> Data {
        Data(render(review, format: format, language: language, options: options).utf8)
    }

    /// The CSV columns in order, for documentation and tests (`levels` adds one
    /// `projected_low_NN`/`projected_high_NN` pair per prediction level).
    public static func csvColumns(levels: [Double]) -> [String] {
        ReviewCSVWriter.columns(levels: levels)
    }

    /// The reports the main job leaves behind, as (file name, bytes): HTML, Markdown and
    /// CSV (plain, for pandas and R) named by `defaultFileName`. The caller writes them
    /// (`AtomicFile.write`) and says where.
    public static func bundle(_ review: Review, language: ReportLanguage? = nil) -> [(
        fileName: String, data: Data
    )] {
        [ReportFormat.html, .markdown, .csv].map { f in
            (
                defaultFileName(planId: review.plan.id, format: f),
                data(review, format: f, language: language)
            )
        }
    }

    /// The conventional file name for a format: `review-<plan>.<ext>`.
    public static func defaultFileName(planId: String, format: ReportFormat) -> String {
        let ext: String
        switch format {
        case .table: ext = "txt"
        case .csv: ext = "csv"
        case .markdown: ext = "md"
        case .html: ext = "html"
        }
        return "review-\(planId).\(ext)"
    }
}
