import ArgumentParser
import Forecasting
import Foundation
import PlanIO
import PlanModel
import Reports
import Spreadsheet

/// Options of the mid-term review, shared by `review` and the main job.
struct ReviewOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Actuals CSV: indicator,year,value[,estimate,source,note]; `,` or `;`, decimal point or comma, BOM or not. Default: the plan's illustrative actuals-example.csv.", valueName: "CSV"))
    var actuals: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Use actuals up to this year (default: the latest year in the file).", valueName: "YEAR"))
    var asOf: Int?
    @Option(help: "Status rule: trend (least-squares trend growth / required growth; default), cagr (end points), probability (from the trend's prediction interval).")
    var rule: RuleArgument = .trend
    @Option(name: .customLong("at-risk"), help: ArgumentHelp("With --rule probability: 'at risk' below this probability in percent (default 20).", valueName: "PERCENT"))
    var atRisk: Double = 20
    @Option(help: ArgumentHelp("Prediction interval levels in percent, comma-separated (default 80,95).", valueName: "LEVELS"))
    var level: String = "80,95"
    @Option(help: "Language of labels and numbers: vi or en (default: the plan's).")
    var lang: LanguageArgument?
    @Flag(name: .customLong("decimal-point"), help: "In the actuals, a lone `.` before three digits is a decimal point (85.558), as pandas and R write; by default such a value (1.500) is ambiguous and an error unless the unit decides.")
    var decimalPoint = false
    @Option(help: ArgumentHelp("With an .xlsx --actuals: the sheet, by name or 1-based number (default: the sheet named actuals, else the first).", valueName: "NAME|INDEX"))
    var sheet: String?

    enum RuleArgument: String, ExpressibleByArgument, CaseIterable { case trend, cagr, probability }
    enum LanguageArgument: String, ExpressibleByArgument, CaseIterable { case vi, en }

    func levels() throws -> [Double] {
        let parts = level.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [Double] = []
        for p in parts {
            guard let v = Double(p), v > 0, v < 100 else { throw InputError.usage("--level: \"\(p)\" is not a percentage strictly between 0 and 100 (e.g. --level 80,95)") }
            out.append(v / 100)
        }
        if out.isEmpty { throw InputError.usage("--level needs at least one percentage, e.g. 80,95") }
        return out.sorted()
    }

    /// Loads actuals and runs the review engine.
    func review(plan: Plan, planDirectory: String?) throws -> Review {
        // A plan workbook carries its own actuals sheet.
        let workbookActuals = planDirectory.flatMap { PlanWorkbookReader.isWorkbook($0) ? $0 : nil }
        guard let path = actuals ?? workbookActuals ?? PlanLoader.exampleActualsPath(directory: planDirectory) else {
            throw InputError.usage("no actuals: pass --actuals FILE (the plan folder has no actuals-example.csv)")
        }
        // The embedded plan's files live in the build folder; name them by plan instead.
        let shown = planDirectory == nil && actuals == nil ? "\(plan.id)/actuals-example.csv (example shipped with the tool)" : path
        if actuals == nil && workbookActuals == nil { CLIOutput.note("using the plan's ILLUSTRATIVE example actuals (\(shown)); pass --actuals FILE for real figures") }
        let obs = try ActualsInput.read(path: path, plan: plan, dot: decimalPoint ? .decimalPoint : .askWhenAmbiguous, sheet: sheet)
        if let asOf, asOf <= plan.baselineYear || asOf > plan.lastYear {
            throw InputError.usage("--as-of \(asOf): expected a year from \(plan.baselineYear + 1) to \(plan.lastYear)")
        }
        if !(atRisk > 0 && atRisk < 100) { throw InputError.usage("--at-risk \(atRisk): expected a percentage strictly between 0 and 100") }
        var o = ReviewEngine.Options()
        o.rule = AssessmentRule(rawValue: rule.rawValue)!
        o.levels = try levels()
        o.asOf = asOf
        o.cutoffs.probabilityAtRisk = atRisk / 100
        return ReviewEngine.review(plan: plan, actuals: obs, options: o, actualsSource: shown)
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
        quantifiable). Default rule: the ratio of the least-squares trend growth to
        the growth required from the baseline, with cut-offs 95 %, 60 % and 0 %
        (Eurostat SDG progress assessment).

        Examples:
          planforecast review
          planforecast review --actuals actuals-2028.csv --format html \\
            --output review.html
          planforecast review --rule probability --at-risk 25 --format csv --excel
          planforecast review --lang en --format md --output review.md
        """)

    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var reviewOptions: ReviewOptions
    @Option(help: "table, csv, md, html, xlsx, docx or pdf (the last three need --output).") var format: FormatArgument = .table
    @Flag(help: "CSV for Excel: UTF-8 byte-order mark so Vietnamese letters show.") var excel = false
    @Flag(name: .customLong("excel-semicolon"), help: "CSV for Excel in a Vietnamese locale: BOM, `;` separators, decimal commas.") var excelSemicolon = false
    @OptionGroup var outputOptions: OutputOptions

    enum FormatArgument: String, ExpressibleByArgument, CaseIterable { case table, csv, md, html, xlsx, docx, pdf }

    func run() throws {
        try reportingErrors {
            let plan = try planOptions.load()
            let review = try reviewOptions.review(plan: plan, planDirectory: planOptions.plan)
            if let office = OfficeFormat(rawValue: format.rawValue) {
                return try office.write(review, language: reviewOptions.language, output: outputOptions.output)
            }
            let toTerminal = (outputOptions.output == nil || outputOptions.output == "-") && CLIOutput.stdoutIsTerminal
            let style: CSVStyle = excelSemicolon ? .excelSemicolon : (excel ? .excel : .plain)
            let text = ReviewReport.render(review, format: ReportFormat(argument: format.rawValue)!, language: reviewOptions.language,
                                           options: ReportOptions(colour: toTerminal && format == .table, csvStyle: style))
            try outputOptions.write(text)
        }
    }
}

/// The main job: `planforecast` with no subcommand reviews the plan (the embedded An Hưng
/// plan and its illustrative actuals unless told otherwise), prints the table, and writes
/// the HTML, Markdown and CSV reports to a folder.
struct MainJobCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "main",
        abstract: "The main job: review the plan, print the table, write HTML/Markdown/CSV reports.",
        shouldDisplay: false)

    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var reviewOptions: ReviewOptions
    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Folder for the reports (created if missing).", valueName: "DIR"))
    var reportDir: String = "planforecast-review"

    func run() throws {
        try reportingErrors {
            let plan = try planOptions.load()
            let review = try reviewOptions.review(plan: plan, planDirectory: planOptions.plan)
            let lang = reviewOptions.language
            let table = ReviewReport.render(review, format: .table, language: lang, options: ReportOptions(colour: CLIOutput.stdoutIsTerminal))
            FileHandle.standardOutput.write(Data(table.utf8))
            do { try FileManager.default.createDirectory(atPath: reportDir, withIntermediateDirectories: true) } catch {
                throw InputError.io(path: reportDir, reason: "cannot create the report folder (\(error.localizedDescription))")
            }
            var written: [String] = []
            for format in [ReportFormat.html, .markdown, .csv] {
                let path = (reportDir as NSString).appendingPathComponent(ReviewReport.defaultFileName(planId: plan.id, format: format))
                try AtomicFile.write(ReviewReport.data(review, format: format, language: lang), to: path)
                written.append(path)
            }
            CLIOutput.note("reports written: \(written.joined(separator: ", "))")
        }
    }
}
