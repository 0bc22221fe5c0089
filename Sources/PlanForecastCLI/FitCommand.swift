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

    @Option(help: ArgumentHelp("CSV file with a header row. Absent: the actuals of --plan (indicator,year,value; one fit per indicator).", valueName: "CSV")) var input: String?
    @Option(help: ArgumentHelp("Column of the regressor (usually the year). Required with --input.", valueName: "COL")) var x: String?
    @Option(help: ArgumentHelp("Column of the values to fit. Required with --input.", valueName: "COL")) var y: String?
    @Option(help: ArgumentHelp("linear, exponential, poly:K or logistic[:BOUND].", valueName: "MODEL")) var model: String = "linear"
    @Option(help: ArgumentHelp("Column of non-negative weights (weighted least squares).", valueName: "COL")) var weights: String?
    @Option(help: ArgumentHelp("Interval levels in percent, comma-separated.", valueName: "L,L")) var level: String = "80,95"
    @Option(help: ArgumentHelp("Forecast up to this x (default: last x + 5).", valueName: "YEAR")) var until: Double?
    @Option(help: ArgumentHelp("Fit each group of this column separately.", valueName: "COL")) var group: String?
    @Option(help: "table, csv, json or xlsx.") var format: FitFormatArgument = .table
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
                guard let p = PlanLoader.exampleActualsPath(directory: planOptions.plan) else {
                    throw InputError.usage("no --input CSV given, and plan \(planOptions.plan ?? PlanLoader.embeddedPlanID) has no actuals-example.csv")
                }
                path = p
                xCol = xCol ?? "year"; yCol = yCol ?? "value"; groupCol = groupCol ?? "indicator"
                if untilX == nil { untilX = Double(try planOptions.load().lastYear) }   // the plan's end
            }
            let spec = try FitSpec(model: model, levels: level, until: untilX, x: xCol!, y: yCol!, weights: weights, group: groupCol)
            let data = try FileInput.read(path: path)
            let out = try FitRunner.runData(data: data, file: path, spec: spec, format: format.textFormat)
            if format == .xlsx {
                return try OfficeFormat.writeWorkbook({ try CommandWorkbooks.fit(csv: String(decoding: out, as: UTF8.self)) }, output: outputOptions.output)
            }
            if let path = outputOptions.output, path != "-" {
                try AtomicFile.write(out, to: path)
            } else {
                FileHandle.standardOutput.write(out)
            }
        }
    }
}

enum FitFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

/// `--format` of `fit`: the text formats, and xlsx (the CSV as a sheet).
enum FitFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, xlsx
    var textFormat: FitFormat { self == .xlsx ? .csv : FitFormat(rawValue: rawValue)! }
}

/// The validated options of `fit`.
struct FitSpec {
    var model: TrendModel
    /// Fractions (0.8, 0.95).
    var levels: [Double]
    var until: Double?
    var x: String, y: String, weights: String?, group: String?

    init(model: String, levels: String, until: Double?, x: String, y: String, weights: String?, group: String?) throws {
        guard let m = TrendModel(parsing: model) else {
            throw InputError.usage("--model \(model): expected linear, exponential, poly:K (K = 1…10) or logistic[:BOUND]")
        }
        switch m {
        case .polynomial(let k) where !(1...10).contains(k):
            throw InputError.usage("--model \(model): the polynomial degree must be 1…10")
        case .logistic(let b) where !(b > 0 && b.isFinite):
            throw InputError.usage("--model \(model): the logistic bound must be a positive number")
        default: break
        }
        self.model = m
        var ls: [Double] = []
        for part in levels.split(separator: ",") {
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)), v > 0, v < 100 else {
                throw InputError.usage("--level \(levels): expected percentages strictly between 0 and 100, e.g. 80,95")
            }
            ls.append(v / 100)
        }
        if ls.isEmpty { throw InputError.usage("--level: give at least one level, e.g. 80,95") }
        self.levels = ls
        if let u = until, !u.isFinite { throw InputError.usage("--until must be a finite number") }
        self.until = until
        self.x = x; self.y = y; self.weights = weights; self.group = group
    }
}

/// One series read from the table, with the line of each observation for messages.
struct FitSeries {
    var name: String
    var x: [Double] = []
    var y: [Double] = []
    var w: [Double] = []
    var lines: [Int] = []

    init(name: String) { self.name = name }

    /// With room for `capacity` observations (one allocation per array for short series).
    init(name: String, capacity: Int, weighted: Bool) {
        self.name = name
        x.reserveCapacity(capacity); y.reserveCapacity(capacity); lines.reserveCapacity(capacity)
        if weighted { w.reserveCapacity(capacity) }
    }
}

/// Result of fitting one series: the fit, or why there is none.
enum FitOutcome {
    case fitted(TrendFit)
    case notFitted(String)
}

enum FitRunner {
    /// Reads CSV bytes (fast path for plain files, `CSVTable` otherwise; both give the same
    /// series, and every error comes from the `CSVTable` path with its located message).
    static func run(data: Data, file: String, spec: FitSpec, format: FitFormat) throws -> String {
        if let series = PlainCSVSeries.extract(data, spec: spec) {
            return try run(series: series, file: file, spec: spec, format: format)
        }
        return try run(table: CSVTable.parse(data: data, file: file), spec: spec, format: format)
    }

    /// As `run(data:…)`, as bytes; the batch CSV is built as bytes without a String copy.
    static func runData(data: Data, file: String, spec: FitSpec, format: FitFormat) throws -> Data {
        let series: [FitSeries]
        if let s = PlainCSVSeries.extract(data, spec: spec) { series = s } else {
            series = try extract(table: CSVTable.parse(data: data, file: file), spec: spec)
        }
        if spec.group != nil && format == .csv {
            return Data(parallelGroupCSV(series, file: file, spec: spec))
        }
        return Data(try run(series: series, file: file, spec: spec, format: format).utf8)
    }

    static func run(table: CSVTable, spec: FitSpec, format: FitFormat) throws -> String {
        try run(series: extract(table: table, spec: spec), file: table.file, spec: spec, format: format)
    }

    static func run(series: [FitSeries], file: String, spec: FitSpec, format: FitFormat) throws -> String {
        if spec.group == nil {
            let s = series[0]
            let fit = try fitOne(s, spec: spec, file: file, strict: true)
            guard case .fitted(let f) = fit else {   // (strict fits throw instead; kept for safety)
                throw InputError.badData(location: SourceLocation(file: file, field: spec.y), found: "a series that cannot be fitted", expected: "data that determine a \(spec.model) trend")
            }
            let xs = forecastXs(lastX: s.x.max() ?? 0, until: spec.until)
            switch format {
            case .table: return singleTable(f, spec: spec, file: file, xs: xs)
            case .csv: return singleCSV(f, spec: spec, xs: xs)
            case .json: return try json(FitJSON(f, spec: spec, xs: xs))
            }
        }
        let until = spec.until ?? ((series.flatMap(\.x).max() ?? 0) + 5)
        let outcomes = try series.map { (s: $0, outcome: try fitOne($0, spec: spec, file: file, strict: false)) }
        switch format {
        case .csv: return groupCSV(outcomes, spec: spec, until: until)  // (bytes: see runBytes)
        case .table: return groupTable(outcomes, spec: spec, until: until)
        case .json:
            return try json(outcomes.map { o -> GroupJSON in
                switch o.outcome {
                case .fitted(let f): return GroupJSON(group: o.s.name, status: "fitted", message: nil, fit: FitJSON(f, spec: spec, xs: [until]))
                case .notFitted(let m): return GroupJSON(group: o.s.name, status: "not_fitted", message: m, fit: nil)
                }
            })
        }
    }

    /// Parses a number quickly when it is plain ASCII; otherwise with `VietnameseNumber`
    /// rules (decimal comma, grouping, spaces, `%`; a lone `.` is a decimal point, as in the
    /// plain path) and a located error.
    @inline(__always)
    static func number(_ row: [String], _ j: Int, _ name: String, table: CSVTable, line: Int) throws -> Double {
        let s = row[j]
        if let v = Double(s), v.isFinite, abs(v) < 1e15 { return v }
        do { return try VietnameseNumber.parse(s, dot: .decimalPoint) } catch let e as VietnameseNumber.ParseError {
            throw e.at(SourceLocation(file: table.file, line: line, field: name))
        }
    }

    /// `s` without surrounding whitespace; returns `s` itself (no Foundation call) in the
    /// common case of no whitespace at either end.
    @inline(__always)
    static func trimmed(_ s: String) -> String {
        guard let f = s.utf8.first, let l = s.utf8.last else { return s }
        if f > 0x20 && f < 0x80 && l > 0x20 && l < 0x80 { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }

    static func extract(table: CSVTable, spec: FitSpec) throws -> [FitSeries] {
        var needed = [spec.x, spec.y]
        if let w = spec.weights { needed.append(w) }
        if let g = spec.group { needed.append(g) }
        try table.require(columns: needed)
        let jx = table.column(spec.x)!, jy = table.column(spec.y)!
        let jw = spec.weights.flatMap { table.column($0) }
        let jg = spec.group.flatMap { table.column($0) }
        var order: [String] = []
        var index: [String: Int] = [:]
        var out: [FitSeries] = []
        if jg == nil { out.append(FitSeries(name: spec.y)); order.append(spec.y) }
        for (r, row) in table.rows.enumerated() {
            let line = table.lines[r]
            var k = 0
            if let jg {
                let g = trimmed(row[jg])
                if g.isEmpty {
                    throw InputError.badData(location: SourceLocation(file: table.file, line: line, field: spec.group), found: "an empty value", expected: "a group name")
                }
                if let i = index[g] { k = i } else {
                    k = out.count; index[g] = k; order.append(g); out.append(FitSeries(name: g))
                }
            }
            if trimmed(row[jy]).isEmpty { continue }  // a gap
            let xv = try number(row, jx, spec.x, table: table, line: line)
            let yv = try number(row, jy, spec.y, table: table, line: line)
            out[k].x.append(xv); out[k].y.append(yv); out[k].lines.append(line)
            if let jw {
                let wv = try number(row, jw, spec.weights!, table: table, line: line)
                if wv < 0 {
                    throw InputError.badData(location: SourceLocation(file: table.file, line: line, field: spec.weights), found: "\(wv)", expected: "a weight ≥ 0")
                }
                out[k].w.append(wv)
            }
        }
        if out.isEmpty {
            throw InputError.badData(location: SourceLocation(file: table.file, line: 1), found: "no data rows", expected: "rows to fit")
        }
        return out
    }

    /// Fits one series. `strict`: a regression error becomes a located `InputError`
    /// (exit 65); otherwise it becomes `.notFitted` with the message.
    static func fitOne(_ s: FitSeries, spec: FitSpec, file: String, strict: Bool) throws -> FitOutcome {
        do {
            return .fitted(try TrendFit.fit(spec.model, x: s.x, y: s.y, weights: s.w.isEmpty ? nil : s.w, series: s.name))
        } catch let e as RegressionError {
            guard strict else {
                if case let .outsideDomain(name, i, v, rule) = e {
                    return .notFitted("series '\(name)': \(file):\(s.lines[i]) [\(spec.y)]: value \(Formatting.number(v)) breaks the rule \(rule)")
                }
                return .notFitted(e.description)
            }
            switch e {
            case let .outsideDomain(_, i, v, rule):
                throw InputError.badData(location: SourceLocation(file: file, line: s.lines[i], field: spec.y),
                                         found: Formatting.number(v), expected: "a value with \(rule)")
            default:
                throw InputError.badData(location: SourceLocation(file: file, field: spec.y), found: e.description,
                                         expected: "data that determine a \(spec.model) trend")
            }
        }
    }

    static func forecastXs(lastX: Double, until: Double?) -> [Double] {
        let end = until ?? (lastX.rounded(.down) + 5)
        var xs: [Double] = []
        var v = lastX.rounded(.down) + 1
        while v <= end && xs.count < 1000 { xs.append(v); v += 1 }
        if xs.isEmpty { xs = [end] }
        return xs
    }

    static func pct(_ l: Double) -> String { Formatting.number((l * 100 * 1e9).rounded() / 1e9) }
    static func num(_ v: Double?) -> String { v.map { "\($0)" } ?? "" }
    static func short(_ v: Double) -> String { String(format: "%.6g", v) }

    // MARK: single series

    static func singleTable(_ f: TrendFit, spec: FitSpec, file: String, xs: [Double]) -> String {
        let r = f.regression
        var s = "\(f.model) trend of \(spec.y) on \(spec.x) (\(file)): n = \(r.observationCount), df = \(r.residualDegreesOfFreedom)"
        if spec.weights != nil { s += ", weighted by \(spec.weights!)" }
        s += "\n\n"
        var ct = TextTable(header: ["coefficient", "estimate", "std. error", "t"], alignments: [.left, .right, .right, .right])
        for (k, b) in f.coefficients.enumerated() {
            let se = r.standardErrors?[k]
            ct.append(["b\(k)" + (k == 0 ? " (intercept)" : k == 1 ? " (\(spec.x))" : " (\(spec.x)^\(k))"),
                       String(format: "%.15g", b), se.map { String(format: "%.10g", $0) } ?? "NA",
                       se.map { String(format: "%.3f", b / $0) } ?? "NA"])
        }
        s += ct.render() + "\n"
        s += "residual SD " + (r.residualStandardDeviation.map(short) ?? "NA")
        s += ", R² " + (r.rSquared.map { String(format: "%.6f", $0) } ?? "NA")
        s += ", adjusted R² " + (r.adjustedRSquared.map { String(format: "%.6f", $0) } ?? "NA")
        s += ", condition estimate " + String(format: "%.3g", r.conditionEstimate)
        if f.model.isTransformed { s += "\n(model scale: \(f.model == .exponential ? "log y" : "logit of y/bound"))" }
        s += "\n"
        if let g = f.growthRate(levels: spec.levels) {
            s += "\nannual growth " + String(format: "%.4f %%/yr", g.rate * 100)
            for iv in g.intervals { s += "; \(pct(iv.level)) %: " + String(format: "%.4f … %.4f", iv.lower * 100, iv.upper * 100) }
            s += "\n"
        }
        if let reason = f.noIntervalReason { s += "\n\(reason).\n" }
        var header = [spec.x, f.model.isTransformed ? "median" : "point"]
        for l in spec.levels { header += ["mean lo \(pct(l))", "mean hi \(pct(l))", "pred lo \(pct(l))", "pred hi \(pct(l))"] }
        var ft = TextTable(header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 1))
        for fc in f.forecast(at: xs, levels: spec.levels) {
            var row = [Formatting.number(fc.x), short(fc.point)]
            if fc.intervals.isEmpty { row += Array(repeating: "NA", count: 4 * spec.levels.count) }
            for iv in fc.intervals { row += [short(iv.meanLower), short(iv.meanUpper), short(iv.predictionLower), short(iv.predictionUpper)] }
            ft.append(row)
        }
        return s + "\nforecast\n" + ft.render() + "\n"
    }

    static func singleCSV(_ f: TrendFit, spec: FitSpec, xs: [Double]) -> String {
        var csv = CSVText(header: [spec.x, "point", "point_is_median", "level_pct", "mean_lower", "mean_upper", "prediction_lower", "prediction_upper", "note"])
        for fc in f.forecast(at: xs, levels: spec.levels) {
            if fc.intervals.isEmpty {
                csv.row([Formatting.number(fc.x), "\(fc.point)", "\(fc.pointIsMedian)", "", "", "", "", "", fc.noIntervalReason ?? ""])
            }
            for iv in fc.intervals {
                csv.row([Formatting.number(fc.x), "\(fc.point)", "\(fc.pointIsMedian)", pct(iv.level),
                         "\(iv.meanLower)", "\(iv.meanUpper)", "\(iv.predictionLower)", "\(iv.predictionUpper)", ""])
            }
        }
        return csv.text
    }

    // MARK: groups

    static func groupHeader(spec: FitSpec) -> [String] {
        let p = spec.model.parameterCount
        var h = ["group", "model", "n", "df", "status"]
        h += (0..<p).map { "b\($0)" } + (0..<p).map { "se_b\($0)" }
        h += ["residual_sd", "r_squared", "adj_r_squared", "growth_pct"]
        for l in spec.levels { h += ["growth_lo_\(pct(l))", "growth_hi_\(pct(l))"] }
        h += ["x", "point"]
        for l in spec.levels { h += ["mean_lo_\(pct(l))", "mean_hi_\(pct(l))", "pred_lo_\(pct(l))", "pred_hi_\(pct(l))"] }
        h.append("message")
        return h
    }

    /// Writes one group's CSV row (columns of `groupHeader`) straight into `csv`.
    static func groupRow(_ csv: inout FastCSVText, _ name: String, _ outcome: FitOutcome, n: Int, spec: FitSpec,
                         until: Double, untilText: String, tCache: inout [Int: [Double]]) {
        let p = spec.model.parameterCount
        let L = spec.levels.count
        csv.add(name); csv.add(spec.model.description)
        switch outcome {
        case .notFitted(let m):
            csv.add("\(n)"); csv.add(""); csv.add("not_fitted")
            csv.addEmpty(2 * p + 4 + 2 * L + 2 + 4 * L)
            csv.add(m)
        case .fitted(let f):
            let r = f.regression
            csv.add("\(r.observationCount)"); csv.add("\(r.residualDegreesOfFreedom)"); csv.add("fitted")
            for b in f.coefficients { csv.add(b) }
            if let se = r.standardErrors { for v in se { csv.add(v) } } else { csv.addEmpty(p) }
            csv.add(r.residualStandardDeviation); csv.add(r.rSquared); csv.add(r.adjustedRSquared)
            // Student-t critical values, computed once per residual df.
            let df = r.residualDegreesOfFreedom
            var ts = tCache[df]
            if ts == nil, let t = f.criticalValues(levels: spec.levels) { ts = t; tCache[df] = t }
            if let g = f.growthRate(levels: spec.levels, criticalValues: ts) {
                csv.add(g.rate * 100)
                if g.intervals.isEmpty { csv.addEmpty(2 * L) }
                for iv in g.intervals { csv.add(iv.lower * 100); csv.add(iv.upper * 100) }
            } else {
                csv.addEmpty(1 + 2 * L)
            }
            let fc = f.forecast(at: until, levels: spec.levels, criticalValues: ts)
            csv.add(untilText); csv.add(fc.point)
            if fc.intervals.isEmpty { csv.addEmpty(4 * L) }
            for iv in fc.intervals { csv.add(iv.meanLower); csv.add(iv.meanUpper); csv.add(iv.predictionLower); csv.add(iv.predictionUpper) }
            csv.add(f.noIntervalReason ?? "")
        }
        csv.endRow()
    }

    /// Fits every group and writes its row, in contiguous chunks on all cores (the rows
    /// come out in input order; the result is byte-identical to the serial `groupCSV`).
    static func parallelGroupCSV(_ series: [FitSeries], file: String, spec: FitSpec) -> [UInt8] {
        let until = spec.until ?? ((series.flatMap(\.x).max() ?? 0) + 5)
        let untilText = Formatting.number(until)
        let header = FastCSVText(header: groupHeader(spec: spec)).bytes
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount * 2, series.count / 2000))
        let parts = ChunkResults(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = series.count * c / chunks, hi = series.count * (c + 1) / chunks
            var csv = FastCSVText()
            var tCache: [Int: [Double]] = [:]
            for s in series[lo..<hi] {
                groupRow(&csv, s.name, fitGroup(s, spec: spec, file: file), n: s.x.count, spec: spec, until: until,
                         untilText: untilText, tCache: &tCache)
            }
            parts.set(c, csv.bytes)
        }
        var out = header
        for c in 0..<chunks { out += parts.get(c) }
        return out
    }

    /// `fitOne` for a group: never throws (a failure becomes `.notFitted`).
    static func fitGroup(_ s: FitSeries, spec: FitSpec, file: String) -> FitOutcome {
        (try? fitOne(s, spec: spec, file: file, strict: false)) ?? .notFitted("series '\(s.name)': could not be fitted")
    }

    static func groupCSV(_ outcomes: [(s: FitSeries, outcome: FitOutcome)], spec: FitSpec, until: Double) -> String {
        String(decoding: groupCSVBytes(outcomes, spec: spec, until: until), as: UTF8.self)
    }

    static func groupCSVBytes(_ outcomes: [(s: FitSeries, outcome: FitOutcome)], spec: FitSpec, until: Double) -> [UInt8] {
        var csv = FastCSVText(header: groupHeader(spec: spec))
        let untilText = Formatting.number(until)
        var tCache: [Int: [Double]] = [:]
        for o in outcomes { groupRow(&csv, o.s.name, o.outcome, n: o.s.x.count, spec: spec, until: until, untilText: untilText, tCache: &tCache) }
        return csv.bytes
    }

    static func groupTable(_ outcomes: [(s: FitSeries, outcome: FitOutcome)], spec: FitSpec, until: Double) -> String {
        let last = spec.levels.last!
        var header = ["group", "n", "growth %/yr", "R²", "\(Formatting.number(until))", "pred lo \(pct(last))", "pred hi \(pct(last))", "note"]
        if spec.model != .exponential { header.remove(at: 2) }
        var t = TextTable(header: header, alignments: [.left] + Array(repeating: .right, count: header.count - 2) + [.left])
        for o in outcomes {
            switch o.outcome {
            case .notFitted(let m):
                var row = [o.s.name, "\(o.s.x.count)", "", "", "", "", m]
                if spec.model == .exponential { row.insert("", at: 2) }
                t.append(row)
            case .fitted(let f):
                let fc = f.forecast(at: until, levels: [last])
                var row = [o.s.name, "\(f.regression.observationCount)"]
                if let g = f.growthRate(levels: [last]) { row.append(String(format: "%.3f", g.rate * 100)) }
                row += [f.regression.rSquared.map { String(format: "%.4f", $0) } ?? "NA", short(fc.point),
                        fc.intervals.first.map { short($0.predictionLower) } ?? "NA",
                        fc.intervals.first.map { short($0.predictionUpper) } ?? "NA",
                        fc.noIntervalReason == nil ? "" : "exact fit: no interval"]
                t.append(row)
            }
        }
        return "\(spec.model) trend of \(spec.y) on \(spec.x), by \(spec.group ?? ""); forecast at \(Formatting.number(until))\n" + t.render() + "\n"
    }

    // MARK: JSON

    static func json<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try enc.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The fast path of `fit` for plain CSV: no quotes, no carriage returns, no bytes beyond
/// ASCII except in group names, and every number in plain decimal notation. It parses the
/// bytes directly (no intermediate table of strings), which makes `fit --group` on
/// 100,000 series several times faster. It returns nil at the first thing it does not
/// handle — a quote, an odd field count, a number it cannot read, bad UTF-8 — and the
/// caller then reads the file with `CSVTable`, which gives the located error message.
enum PlainCSVSeries {
    static func extract(_ data: Data, spec: FitSpec) -> [FitSeries]? {
        data.withUnsafeBytes { raw -> [FitSeries]? in
            var bytes = raw.bindMemory(to: UInt8.self)[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            if bytes.contains(0x22) || bytes.contains(0x0D) || bytes.contains(0) { return nil }
            guard String(validating: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self) != nil else { return nil }
            // Lines (1-based numbers), skipping blank ones.
            var lineStarts: [(Int, Int, Int)] = []   // (start, end, line)
            var start = bytes.startIndex, line = 1
            for i in bytes.indices where bytes[i] == 0x0A {
                lineStarts.append((start, i, line)); start = i + 1; line += 1
            }
            if start < bytes.endIndex { lineStarts.append((start, bytes.endIndex, line)) }
            lineStarts.removeAll { l in bytes[l.0..<l.1].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            guard let head = lineStarts.first else { return nil }
            // Delimiter as CSVTable guesses it from the first record.
            var commas = 0, semis = 0, tabs = 0
            for b in bytes[head.0..<head.1] { if b == 0x2C { commas += 1 } else if b == 0x3B { semis += 1 } else if b == 0x09 { tabs += 1 } }
            let delim: UInt8 = semis > commas ? 0x3B : (tabs > commas && tabs > semis ? 0x09 : 0x2C)
            func fields(_ l: (Int, Int, Int), into out: inout [Range<Int>]) {
                out.removeAll(keepingCapacity: true)
                var s = l.0
                for i in l.0..<l.1 where bytes[i] == delim { out.append(s..<i); s = i + 1 }
                out.append(s..<l.1)
            }
            func fields(_ l: (Int, Int, Int)) -> [Range<Int>] {
                var out: [Range<Int>] = []
                fields(l, into: &out)
                return out
            }
            func text(_ r: Range<Int>) -> String {
                var lo = r.lowerBound, hi = r.upperBound
                while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
                while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
                // Non-ASCII space (NBSP …) at either end: let Foundation trim as CSVTable does.
                if let f = s.unicodeScalars.first, let l = s.unicodeScalars.last, f.isASCII && l.isASCII { return s }
                return s.trimmingCharacters(in: .whitespaces)
            }
            let header = fields(head).map(text)
            guard Set(header).count == header.count, !header.contains("") else { return nil }
            guard let jx = header.firstIndex(of: spec.x), let jy = header.firstIndex(of: spec.y) else { return nil }
            var jw: Int? = nil, jg: Int? = nil
            if let w = spec.weights { guard let j = header.firstIndex(of: w) else { return nil }; jw = j }
            if let g = spec.group { guard let j = header.firstIndex(of: g) else { return nil }; jg = j }
            var out: [FitSeries] = []
            var index: [String: Int] = [:]
            if jg != nil { index.reserveCapacity(lineStarts.count / 2) }
            if jg == nil { out.append(FitSeries(name: spec.y)) }
            var scratch = [CChar](repeating: 0, count: 64)
            func number(_ r: Range<Int>) -> Double? {
                if let v = plainNumber(r) { return v }
                // Decimal comma, spaces, `%`: VietnameseNumber's rules, as the CSVTable path.
                return try? VietnameseNumber.parse(String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self), dot: .decimalPoint)
            }
            func plainNumber(_ r: Range<Int>) -> Double? {
                let n = r.count
                guard n > 0, n < 63 else { return nil }
                for (k, i) in r.enumerated() {
                    let b = bytes[i]
                    // digits . - + e E only: no spaces, commas, letters (nan, inf, hex)
                    guard (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2D || b == 0x2B || b == 0x65 || b == 0x45 else { return nil }
                    scratch[k] = CChar(bitPattern: b)
                }
                scratch[n] = 0
                return scratch.withUnsafeMutableBufferPointer { p -> Double? in
                    var end: UnsafeMutablePointer<CChar>? = nil
                    let v = strtod(p.baseAddress!, &end)
                    guard end == p.baseAddress! + n, v.isFinite, abs(v) < 1e15 else { return nil }
                    return v
                }
            }
            var f: [Range<Int>] = []
            var lastGroup: Range<Int>? = nil, lastK = 0
            for l in lineStarts.dropFirst() {
                fields(l, into: &f)
                guard f.count == header.count else { return nil }
                var k = 0
                if let jg {
                    // Long files are usually sorted by group: same bytes as the previous
                    // line's group field → same series, without building a String.
                    if let lg = lastGroup, bytes[lg].elementsEqual(bytes[f[jg]]) {
                        k = lastK
                    } else {
                        let g = text(f[jg])
                        guard !g.isEmpty else { return nil }
                        if let i = index[g] { k = i } else {
                            k = out.count; index[g] = k
                            out.append(FitSeries(name: g, capacity: 8, weighted: jw != nil))
                        }
                        lastGroup = f[jg]; lastK = k
                    }
                }
                if bytes[f[jy]].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }   // a gap
                guard let xv = number(f[jx]), let yv = number(f[jy]) else { return nil }
                out[k].x.append(xv); out[k].y.append(yv); out[k].lines.append(l.2)
                if let jw {
                    guard let wv = number(f[jw]), wv >= 0 else { return nil }
                    out[k].w.append(wv)
                }
            }
            return out.isEmpty ? nil : out
        }
    }
}

/// RFC 4180 CSV output like `PlanIO.CSVText`, with the quoting test done on UTF-8 bytes
/// (the batch path writes millions of numeric fields).
/// Per-chunk results written from `concurrentPerform` workers (each slot by one worker).
final class ChunkResults: @unchecked Sendable {
    private var slots: [[UInt8]]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [UInt8]) { lock.lock(); slots[i] = v; lock.unlock() }
    func get(_ i: Int) -> [UInt8] { lock.lock(); defer { lock.unlock() }; return slots[i] }
}

struct FastCSVText {
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true
    var text: String { String(decoding: bytes, as: UTF8.self) }

    init() { bytes.reserveCapacity(1 << 16) }
    init(header: [String]) { bytes.reserveCapacity(1 << 16); row(header) }

    mutating func row(_ fields: [String]) {
        for f in fields { add(f) }
        endRow()
    }

    /// A text field, quoted when it holds a comma, quote or line break.
    mutating func add(_ f: String) {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        if f.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            bytes.append(0x22)
            for b in f.utf8 { if b == 0x22 { bytes.append(0x22) }; bytes.append(b) }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: f.utf8)
        }
    }

    /// A number in Swift's shortest round-trip form ("" for nil).
    mutating func add(_ v: Double?) {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        if let v { bytes.append(contentsOf: v.description.utf8) }
    }

    mutating func addEmpty(_ count: Int) { for _ in 0..<count { add(nil as Double?) } }

    mutating func endRow() { bytes.append(0x0A); atRowStart = true }
}

struct GroupJSON: Encodable {
    var group: String
    var status: String
    var message: String?
    var fit: FitJSON?
}

/// JSON form of one fit (growth and levels in percent, as everywhere in output).
struct FitJSON: Encodable {
    struct Coefficient: Encodable { var name: String; var estimate: Double; var std_error: Double? }
    struct Interval: Encodable { var level_pct: Double; var lower: Double; var upper: Double }
    struct Growth: Encodable { var rate_pct: Double; var intervals: [Interval] }
    struct Forecast: Encodable {
        var x: Double; var point: Double; var point_is_median: Bool
        var mean: [Interval]; var prediction: [Interval]
    }
    var series: String
    var model: String
    var n: Int
    var df: Int
    var coefficients: [Coefficient]
    var residual_sd: Double?
    var r_squared: Double?
    var adj_r_squared: Double?
    var condition_estimate: Double
    var growth: Growth?
    var forecasts: [Forecast]
    var no_interval_reason: String?

    init(_ f: TrendFit, spec: FitSpec, xs: [Double]) {
        let r = f.regression
        series = f.series; model = f.model.description
        n = r.observationCount; df = r.residualDegreesOfFreedom
        coefficients = f.coefficients.enumerated().map { Coefficient(name: "b\($0.offset)", estimate: $0.element, std_error: r.standardErrors?[$0.offset]) }
        residual_sd = r.residualStandardDeviation; r_squared = r.rSquared; adj_r_squared = r.adjustedRSquared
        condition_estimate = r.conditionEstimate
        growth = f.growthRate(levels: spec.levels).map { g in
            Growth(rate_pct: g.rate * 100, intervals: g.intervals.map { Interval(level_pct: $0.level * 100, lower: $0.lower * 100, upper: $0.upper * 100) })
        }
        forecasts = f.forecast(at: xs, levels: spec.levels).map { fc in
            Forecast(x: fc.x, point: fc.point, point_is_median: fc.pointIsMedian,
                     mean: fc.intervals.map { Interval(level_pct: $0.level * 100, lower: $0.meanLower, upper: $0.meanUpper) },
                     prediction: fc.intervals.map { Interval(level_pct: $0.level * 100, lower: $0.predictionLower, upper: $0.predictionUpper) })
        }
        no_interval_reason = f.noIntervalReason
    }
}
