import Foundation
import PlanIO
import PlanModel
import Regression

/// Fits trends to series read from a CSV and renders the result (`planforecast fit`):
/// one series → coefficients and a forecast table; `--group` → one row per series, the
/// CSV batch fitted on all cores (``parallelGroupCSV(_:file:spec:)``).
///
/// ```swift
/// let spec = try FitSpec(model: "exponential", levels: [0.8, 0.95], until: 2030,
///                        columns: SeriesColumns(x: "year", y: "value", group: "indicator"))
/// let csv = try FitRunner.runData(data: data, file: "actuals.csv", spec: spec, format: .csv)
/// ```
public enum FitRunner {
    /// Reads the series of CSV bytes with the one CSV reader (`PlanIO.SeriesReader`).
    public static func series(data: Data, file: String, spec: FitSpec) throws -> [FitSeries] {
        try SeriesReader.read(CSVSource(data: data, file: file), columns: spec.columns)
    }

    public static func run(data: Data, file: String, spec: FitSpec, format: FitFormat) throws
        -> String
    {
        try run(
            series: series(data: data, file: file, spec: spec), file: file, spec: spec,
            format: format)
    }

    /// As `run(data:…)`, as bytes; the batch CSV is built as bytes without a String copy.
    public static func runData(data: Data, file: String, spec: FitSpec, format: FitFormat) throws
        -> Data
    {
        let series = try series(data: data, file: file, spec: spec)
        if spec.group != nil && format == .csv {
            return Data(parallelGroupCSV(series, file: file, spec: spec))
        }
        return Data(try run(series: series, file: file, spec: spec, format: format).utf8)
    }

    public static func run(series: [FitSeries], file: String, spec: FitSpec, format: FitFormat)
        throws -> String
    {
        if spec.group == nil {
            let s = series[0]
            let fit = try fitOne(s, spec: spec, file: file, strict: true)
            guard case .fitted(let f) = fit else {  // (strict fits throw instead; kept for safety)
                throw InputError.badData(
                    location: SourceLocation(file: file, field: spec.y),
                    found: "a series that cannot be fitted",
                    expected: "data that determine a \(spec.model) trend")
            }
            let xs = forecastXs(lastX: s.x.max() ?? 0, until: spec.until)
            switch format {
            case .table: return singleTable(f, spec: spec, file: file, xs: xs)
            case .csv: return singleCSV(f, spec: spec, xs: xs)
            case .json: return try json(FitJSON(f, spec: spec, xs: xs))
            }
        }
        let until = spec.until ?? ((series.flatMap(\.x).max() ?? 0) + 5)
        let outcomes = try series.map {
            (s: $0, outcome: try fitOne($0, spec: spec, file: file, strict: false))
        }
        switch format {
        case .csv: return groupCSV(outcomes, spec: spec, until: until)  // (bytes: see runBytes)
        case .table: return groupTable(outcomes, spec: spec, until: until)
        case .json:
            return try json(
                outcomes.map { o -> GroupJSON in
                    switch o.outcome {
                    case .fitted(let f):
                        return GroupJSON(
                            group: o.s.name, status: "fitted", message: nil,
                            fit: FitJSON(f, spec: spec, xs: [until]))
                    case .notFitted(let m):
                        return GroupJSON(
                            group: o.s.name, status: "not_fitted", message: m, fit: nil)
                    }
                })
        }
    }

    /// Fits one series. `strict`: a regression error becomes a located `InputError`
    /// (exit 65); otherwise it becomes `.notFitted` with the message.
    static func fitOne(_ s: FitSeries, spec: FitSpec, file: String, strict: Bool) throws
        -> FitOutcome
    {
        do {
            return .fitted(
                try TrendFit.fit(
                    spec.model, x: s.x, y: s.y, weights: s.weights.isEmpty ? nil : s.weights,
                    series: s.name))
        } catch let e as RegressionError {
            guard strict else {
                if case let .outsideDomain(name, i, v, rule) = e {
                    return .notFitted(
                        "series '\(name)': \(file):\(s.lines[i]) [\(spec.y)]: value \(Formatting.number(v)) breaks the rule \(rule)"
                    )
                }
                return .notFitted(e.description)
            }
            switch e {
            case let .outsideDomain(_, i, v, rule):
                throw InputError.badData(
                    location: SourceLocation(file: file, line: s.lines[i], field: spec.y),
                    found: Formatting.number(v), expected: "a value with \(rule)")
            default:
                throw InputError.badData(
                    location: SourceLocation(file: file, field: spec.y), found: e.description,
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
    /// `fitOne` for a group: never throws (a failure becomes `.notFitted`).
    static func fitGroup(_ s: FitSeries, spec: FitSpec, file: String) -> FitOutcome {
        (try? fitOne(s, spec: spec, file: file, strict: false))
            ?? .notFitted("series '\(s.name)': could not be fitted")
    }

}
