import Synchronization
import ArgumentParser
import Forecasting
import Foundation
import PlanIO
import PlanModel
import Reports
import Spreadsheet

/// Options of the mid-term review, shared by `review` and the main job.
struct ReviewOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Actuals CSV: indicator,year,value[,estimate,source,note]; `,` or `;`, decimal point or comma, BOM or not. Default: the plan's illustrative actuals-example.csv.",
            valueName: "CSV"))
    var actuals: String?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Use actuals up to this year (default: the latest year in the file).", valueName: "YEAR"
        ))
    var asOf: Int?
    @Option(
        help:
            "Status rule: forecast (random walk with drift on the model's scale: its pace / pace needed from the latest actual, P(meet) and intervals from its Student-t forecast; default), trend (least-squares trend), cagr (end points), probability (from the trend's prediction interval)."
    )
    var rule: RuleArgument = .forecast
    @Option(
        name: .customLong("at-risk"),
        help: ArgumentHelp(
            "With --rule probability: 'at risk' below this probability in percent (default 20).",
            valueName: "PERCENT"))
    var atRisk: Double = 20
    @Option(
        help: ArgumentHelp(
            "Prediction interval levels in percent, comma-separated (default 80,95).",
            valueName: "LEVELS"))
    var level: String = "80,95"
    @Option(help: "Language of labels and numbers: vi or en (default: the plan's).")
    var lang: LanguageArgument?
    @Flag(
        name: .customLong("decimal-point"),
        help:
            "The actuals' decimal mark is `.` (85.558 is 85.558), as pandas and R write; a value with a decimal comma is then an error. By default the file's own values decide (17.5 proves `.`, 12,5 proves `,`)."
    )
    var decimalPoint = false
    @Flag(
        help:
            "On a terminal, every column even when the table is wider than the window (by default the essential columns, the rest on a line under each row). Piped output always has every column."
    )
    var wide = false
    @Option(
        help: ArgumentHelp(
            "With an .xlsx --actuals: the sheet, by name or 1-based number (default: the sheet named actuals, else the first).",
            valueName: "NAME|INDEX"))
    var sheet: String?

    enum RuleArgument: String, ExpressibleByArgument, CaseIterable {
        case forecast, trend, cagr, probability
    }
    enum LanguageArgument: String, ExpressibleByArgument, CaseIterable { case vi, en }

    func levels() throws -> [Double] { try IntervalLevels.parse(level) }

    /// The engine options these arguments describe (without loading anything).
    func engineOptions() throws -> ReviewEngine.Options {
        if !(atRisk > 0 && atRisk < 100) {
            throw InputError.usage(
                "--at-risk \(atRisk): expected a percentage strictly between 0 and 100")
        }
        var o = ReviewEngine.Options()
        o.rule = AssessmentRule(rawValue: rule.rawValue)!
        o.levels = try levels()
        o.asOf = asOf
        o.cutoffs.probabilityAtRisk = atRisk / 100
        return o
    }

    /// Loads actuals and runs the review engine.
    func review(plan: Plan, planDirectory: String?) throws -> Review {
        // A plan workbook carries its own actuals sheet.
        let workbookActuals = planDirectory.flatMap { PlanWorkbookReader.isWorkbook($0) ? $0 : nil }
        guard
            let path = try actuals ?? workbookActuals
                ?? PlanLoader.actualsPath(directory: planDirectory)
        else {
            throw InputError.usage(
                "no actuals: pass --actuals FILE (the plan folder has no actuals-example.csv)")
        }
        // The embedded plan's files live in the build folder; name them by plan instead.
        let shown =
            planDirectory == nil && actuals == nil
            ? "\(plan.id)/actuals-example.csv (example shipped with the tool)" : path
        if actuals == nil && workbookActuals == nil && path.hasSuffix("actuals-example.csv") {
            CLIOutput.note(
                "using the plan's ILLUSTRATIVE example actuals (\(shown)); pass --actuals FILE for real figures"
            )
        }
        let obs = try ActualsInput.read(
            path: path, plan: plan, decimalMark: decimalPoint ? .point : nil, sheet: sheet)
        if let asOf, asOf <= plan.baselineYear || asOf > plan.lastYear {
            throw InputError.usage(
                "--as-of \(asOf): expected a year from \(plan.baselineYear + 1) to \(plan.lastYear)"
            )
        }
        return ReviewEngine.review(
            plan: plan, actuals: obs, options: try engineOptions(), actualsSource: shown)
    }

    var language: ReportLanguage? { lang.map { ReportLanguage(rawValue: $0.rawValue)! } }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Mid-term review: the status of every target from the actuals so far.",
        discussion: """
            For every target: latest actual, trend growth with its interval, projected
            target-year value with prediction intervals, growth required from now, gap,
            probability of meeting it, and a status (achieved, on track, acceleration
            needed, limited progress, deterioration, insufficient data, not
            quantifiable). Default rule (forecast): a random walk with drift on the
            model's scale (log for amounts, logit for rates), carried on from the latest
            actual, as a share of the remaining gap to the target, with cut-offs 95 %,
            60 % and 0 % (Eurostat SDG progress assessment); P(meet) and the intervals
            from its Student-t forecast; a target missed while the forecast moves away is
            deterioration. --rule trend: the least-squares trend instead. Invariants:
            docs/review.md.

            Examples:
              planforecast review
              planforecast review --actuals actuals-2028.csv --format html \\
                --output review.html
              planforecast review --rule probability --at-risk 25 --format csv --excel
              planforecast review --lang en --format md --output review.md
              planforecast review --plans communes --recursive --format csv \\
                --output reviews.csv
              planforecast review --plans communes --format html --output dashboard

            With --plans DIR every plan folder under DIR (with its own actuals.csv) is
            reviewed in one process; a plan that fails to load is reported with its
            file and line, the others go on, and the exit code is 65.
            """)

    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var reviewOptions: ReviewOptions
    @Option(help: "table, csv, md, html, xlsx, docx or pdf (the last three need --output).")
    var format: FormatArgument = .table
    @Flag(help: "CSV for Excel: UTF-8 byte-order mark so Vietnamese letters show.") var excel =
        false
    @Flag(
        name: .customLong("excel-semicolon"),
        help: "CSV for Excel in a Vietnamese locale: BOM, `;` separators, decimal commas.")
    var excelSemicolon = false
    @OptionGroup var outputOptions: OutputOptions
    @Option(
        help: ArgumentHelp(
            "Review every plan folder (with plan.yaml and actuals.csv) under this folder in one process: summaries, long CSV or a dashboard.",
            valueName: "DIR"))
    var plans: String?
    @Flag(help: "With --plans: look for plan folders at any depth.") var recursive = false
    @Option(
        help: ArgumentHelp(
            "With --plans --format csv: write the summaries to PREFIX-plans.csv, -groups.csv, -provinces.csv (default: beside --output).",
            valueName: "PREFIX"))
    var summary: String?

    enum FormatArgument: String, ExpressibleByArgument, CaseIterable {
        case table, csv, md, html, xlsx, docx, pdf
    }

    func run() throws {
        if let plans { return try runBatch(plans) }
        try reportingErrors {
            let plan = try planOptions.load()
            let review = try reviewOptions.review(plan: plan, planDirectory: planOptions.plan)
            if let office = OfficeFormat(rawValue: format.rawValue) {
                return try office.write(
                    review, language: reviewOptions.language, output: outputOptions.output)
            }
            let toTerminal =
                (outputOptions.output == nil || outputOptions.output == "-")
                && CLIOutput.stdoutIsTerminal
            let style: CSVStyle = excelSemicolon ? .excelSemicolon : (excel ? .excel : .plain)
            let text = ReviewReport.render(
                review, format: ReportFormat(argument: format.rawValue)!,
                language: reviewOptions.language,
                options: ReportOptions(
                    colour: toTerminal && format == .table, csvStyle: style,
                    width: toTerminal ? Terminal.outputColumns : nil, wide: reviewOptions.wide))
            try outputOptions.write(text)
        }
    }
}

extension ReviewCommand {
    /// `--plans DIR`: the batch review (`Reports.BatchReviewJob`); exit 65 after the
    /// outputs are written when any plan failed to load.
    func runBatch(_ directory: String) throws {
        try reportingErrors { try runBatchBody(directory) }
    }

    private func runBatchBody(_ directory: String) throws {
        do {
            var options = BatchReview.Options()
            options.recursive = recursive
            options.review = try reviewOptions.engineOptions()
            let mark: DecimalMark? = reviewOptions.decimalPoint ? .point : nil
            options.decimalMark = mark
            options.language = reviewOptions.language
            if reviewOptions.actuals != nil {
                throw InputError.usage(
                    "--actuals is for one plan; with --plans each plan folder has its own actuals.csv"
                )
            }
            let job = BatchReviewJob(
                directory: directory, options: options,
                format: ReportFormat(argument: format.rawValue)!,
                output: outputOptions.output, summaryPrefix: summary)
            let bar = CLIOutput.stderrIsTerminal ? ProgressBar() : nil
            var progress: (@Sendable (Int, Int) -> Void)?
            if let bar { progress = { done, total in bar.show(done, total) } }
            let result = try job.run(progress: progress)
            bar?.finish()
            if let text = result.standardOutput { FileHandle.standardOutput.write(Data(text.utf8)) }
            if !result.written.isEmpty {
                CLIOutput.note("written: \(result.written.joined(separator: ", "))")
            }
            CLIOutput.note(
                "\(result.batch.plans.count) plans reviewed, \(result.batch.failures.count) failed")
            for failure in result.batch.failures { CLIOutput.error(failure.message) }
            if !result.batch.failures.isEmpty { throw ExitCode(65) }
        }
    }
}

/// A one-line progress bar on standard error (only when it is a terminal), redrawn at
/// most every 1 % of the work.
final class ProgressBar: Sendable {
    private let shownPercent = Mutex(-1)

    func show(_ done: Int, _ total: Int) {
        let percent = total == 0 ? 100 : done * 100 / total
        shownPercent.withLock { shown in
            guard percent != shown else { return }
            shown = percent
            let filled = percent * 30 / 100
            let bar =
                String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
        }
    }

    func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}

/// The main job: `planforecast` with no subcommand reviews the plan (the embedded An Hưng
/// plan and its illustrative actuals unless told otherwise), prints the table, and writes
/// the HTML, Markdown and CSV reports to a folder.
struct MainJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "main",
        abstract:
            "The main job: review the plan, print the table, write HTML/Markdown/CSV reports.",
        shouldDisplay: false)

    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var reviewOptions: ReviewOptions
    @Option(
        name: .customLong("report-dir"),
        help: ArgumentHelp("Folder for the reports (created if missing).", valueName: "DIR"))
    var reportDir: String = "planforecast-review"

    func run() throws {
        try reportingErrors {
            let plan = try planOptions.load()
            let review = try reviewOptions.review(plan: plan, planDirectory: planOptions.plan)
            let lang = reviewOptions.language
            let table = ReviewReport.render(
                review, format: .table, language: lang,
                options: ReportOptions(
                    colour: CLIOutput.stdoutIsTerminal,
                    width: Terminal.outputColumns, wide: reviewOptions.wide))
            FileHandle.standardOutput.write(Data(table.utf8))
            do {
                try FileManager.default.createDirectory(
                    atPath: reportDir, withIntermediateDirectories: true)
            } catch {
                throw InputError.io(
                    path: reportDir,
                    reason: "cannot create the report folder (\(error.localizedDescription))")
            }
            var written: [String] = []
            for format in [ReportFormat.html, .markdown, .csv] {
                let path = (reportDir as NSString).appendingPathComponent(
                    ReviewReport.defaultFileName(planId: plan.id, format: format))
                try AtomicFile.write(
                    ReviewReport.data(review, format: format, language: lang), to: path)
                written.append(path)
            }
            CLIOutput.note("reports written: \(written.joined(separator: ", "))")
        }
    }
}
