import ArgumentParser
import Foundation
import PlanIO
import PlanModel
import Regression
import Reports
import Spreadsheet

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a trend to columns of a CSV file and forecast it with intervals.",
        discussion: """
            Fits y on x by least squares (QR on LAPACK, refined in extended
            precision) and prints the coefficients with standard errors, residual
            SD and R², then a forecast table from the year after the last
            observation to --until: the confidence interval of the trend (mean)
            and the prediction interval of a new observation at each --level.

            Models:
              linear            y = b0 + b1·x
              exponential       log y = b0 + b1·x; growth exp(b1) − 1, with CI
              poly:K            y = b0 + b1·x + … + bK·x^K, K = 1…10
              logistic[:BOUND]  log(y/(BOUND − y)) = b0 + b1·x, 0 < y < BOUND
                                (BOUND default 100)
            Exponential and logistic point forecasts are medians (the trend
            transformed back); their intervals are transformed back from the
            log/logit scale.

            Rows with an empty y are gaps; years may be irregular. Numbers may use
            a decimal point or a Vietnamese decimal comma. Growth is in %/year.

            --group COL fits every group of a long file (e.g. a plan's actuals:
            indicator,year,value); --format csv then writes one row per group:
              group,model,n,df,status,b0..bK,se_b0..se_bK,residual_sd,
              r_squared,adj_r_squared,growth_pct,growth_lo_L,growth_hi_L,
              x,point,mean_lo_L,mean_hi_L,pred_lo_L,pred_hi_L,message
            (L = each level; the forecast is at --until, default last x + 5). A
            group that cannot be fitted has status not_fitted and the reason.
            Without --group, --format csv writes the forecast table, one row per
            x and level:
              X,point,point_is_median,level_pct,mean_lower,mean_upper,
              prediction_lower,prediction_upper,note

            Without --input, fits the actuals of --plan (default: the embedded
            plan's actuals-example.csv), one row per indicator, forecast to the
            plan's last year unless --until is given.

            Examples:
              planforecast fit --model exponential --until 2030
              planforecast fit --input gdp.csv --x year --y value \\
                --model exponential --until 2030
              planforecast fit --input rates.csv --x nam --y ty_le \\
                --model logistic:100 --level 90
              planforecast fit --input actuals.csv --x year --y value \\
                --group indicator --model exponential --format csv
            """)

    @Option(
        help: ArgumentHelp(
            "CSV file with a header row. Absent: the actuals of --plan (indicator,year,value; one fit per indicator).",
            valueName: "CSV")) var input: String?
    @Option(
        help: ArgumentHelp(
            "Column of the regressor (usually the year). Required with --input.", valueName: "COL"))
    var x: String?
    @Option(
        help: ArgumentHelp("Column of the values to fit. Required with --input.", valueName: "COL"))
    var y: String?
    @Option(
        help: ArgumentHelp("linear, exponential, poly:K or logistic[:BOUND].", valueName: "MODEL"))
    var model: String = "linear"
    @Option(
        help: ArgumentHelp(
            "Column of non-negative weights (weighted least squares).", valueName: "COL"))
    var weights: String?
    @Option(help: ArgumentHelp("Interval levels in percent, comma-separated.", valueName: "L,L"))
    var level: String = "80,95"
    @Option(help: ArgumentHelp("Forecast up to this x (default: last x + 5).", valueName: "YEAR"))
    var until: Double?
    @Option(help: ArgumentHelp("Fit each group of this column separately.", valueName: "COL"))
    var group: String?
    @Option(help: "table, csv, json or xlsx.") var format: FitFormatArgument = .table
    @Option(
        help: ArgumentHelp(
            "With an .xlsx --input: the sheet, by name or 1-based number (default: the first).",
            valueName: "NAME|INDEX"))
    var sheet: String?
    @OptionGroup var planOptions: PlanOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try reportingErrors {
            let path: String
            var xCol = x, yCol = y, groupCol = group, untilX = until
            if let input {
                guard xCol != nil, yCol != nil else {
                    throw InputError.usage("--input needs --x COL and --y COL (the columns to fit)")
                }
                path = input
            } else {
                // A plan's actuals: indicator,year,value, one fit per indicator.
                guard let p = try planOptions.actualsPath() else {
                    throw InputError.usage(
                        "no --input CSV given, and plan \(planOptions.plan ?? PlanLoader.embeddedPlanID) has no actuals-example.csv"
                    )
                }
                path = p
                xCol = xCol ?? "year"; yCol = yCol ?? "value"; groupCol = groupCol ?? "indicator"
                // the plan's end
                if untilX == nil { untilX = Double(try planOptions.load().lastYear) }
            }
            let spec = try FitSpec(
                model: model, levels: IntervalLevels.parse(level), until: untilX,
                columns: SeriesColumns(x: xCol!, y: yCol!, weights: weights, group: groupCol))
            let out: Data
            if SeriesInput.isWorkbook(path) {
                let series = try SeriesInput.read(path: path, columns: spec.columns, sheet: sheet)
                out = Data(
                    try FitRunner.run(
                        series: series, file: path, spec: spec, format: format.textFormat
                    ).utf8)
            } else {
                let data = try FileInput.read(path: path)
                out = try FitRunner.runData(
                    data: data, file: path, spec: spec, format: format.textFormat)
            }
            if format == .xlsx {
                return try OfficeFormat.writeWorkbook(
                    { try CommandWorkbooks.fit(csv: String(decoding: out, as: UTF8.self)) },
                    output: outputOptions.output)
            }
            if let path = outputOptions.output, path != "-" {
                try AtomicFile.write(out, to: path)
            } else {
                FileHandle.standardOutput.write(out)
            }
        }
    }
}

extension FitFormat: ExpressibleByArgument {}

/// `--format` of `fit`: the text formats, and xlsx (the CSV as a sheet).
enum FitFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, xlsx
    var textFormat: FitFormat { self == .xlsx ? .csv : FitFormat(rawValue: rawValue)! }
}
