import Foundation

/// Writes a `ForecastRun` as CSV (long and tidy), an aligned text table, or JSON.
///
/// CSV: one row per series and forecast year,
/// `group,x,model,point,lo_80,hi_80,lo_95,hi_95,note` (one lo/hi pair per level, in the
/// order given); a series without a forecast has one row with empty numbers and the
/// reason in `note`. Numbers are written in Swift's shortest round-trip form.
public struct ForecastWriter: Sendable {
    /// Interval levels as fractions (0.8, 0.95).
    public let levels: [Double]
    public init(levels: [Double]) { self.levels = levels }

    static func percent(_ level: Double) -> String {
        let p = (level * 100 * 1e9).rounded() / 1e9
        return p == p.rounded() ? String(Int(p)) : String(p)
    }

    public var csvHeader: [String] {
        ["group", "x", "model", "point"]
            + levels.flatMap { ["lo_\(Self.percent($0))", "hi_\(Self.percent($0))"] } + ["note"]
    }

    /// The CSV as bytes, rows in series order.
    public func csv(_ run: ForecastRun) -> [UInt8] {
        var out = CSVBytes()
        out.row(csvHeader)
        let parts = ParallelMap.map(run.results.count, minimumChunk: 2048) { i -> [UInt8] in
            var chunk = CSVBytes()
            rows(run.results[i], into: &chunk)
            return chunk.bytes
        }
        for p in parts { out.bytes.append(contentsOf: p) }
        return out.bytes
    }

    func rows(_ r: SeriesResult, into out: inout CSVBytes) {
        guard let f = r.forecast else {
            out.field(r.name); out.field(""); out.field(""); out.field("")
            for _ in levels { out.field(""); out.field("") }
            out.field(r.failure ?? ""); out.endRow()
            return
        }
        for (h, d) in r.distributions.enumerated() {
            out.field(r.name); out.number(r.years[h]); out.field(f.method); out.number(d.point)
            for level in levels {
                let (lo, hi) = d.interval(level: level)
                out.number(lo); out.number(hi)
            }
            out.field(""); out.endRow()
        }
    }

    /// A table for people: per series the model, why, and per year the point and intervals.
    public func table(_ run: ForecastRun) -> String {
        var lines: [String] = []
        let header =
            ["x", "point"]
            + levels.flatMap { ["lo \(Self.percent($0))%", "hi \(Self.percent($0))%"] }
        for r in run.results {
            guard let f = r.forecast else {
                lines.append("\(r.name): no forecast: \(r.failure ?? "")"); lines.append("")
                continue
            }
            lines.append("\(r.name): \(f.method) (\(f.detail))")
            lines.append("  why: \(r.reason)")
            lines.append(
                "  intervals: "
                    + (r.calibrated
                        ? "calibrated on held-out errors of the same horizon" : "the model's own"))
            var rows = [header]
            for (h, d) in r.distributions.enumerated() {
                rows.append(
                    [format(r.years[h]), format(d.point)]
                        + levels.flatMap { l -> [String] in
                            let (lo, hi) = d.interval(level: l)
                            return [format(lo), format(hi)]
                        })
            }
            let widths = header.indices.map { c in rows.map { $0[c].count }.max()! }
            for row in rows {
                lines.append(
                    "  "
                        + row.enumerated().map { c, v in
                            String(repeating: " ", count: widths[c] - v.count) + v
                        }
                        .joined(separator: "  "))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e9 { return String(Int(v)) }
        return String(format: "%.6g", v)
    }

    /// JSON: `{"horizon", "candidates": [...], "series": [{"group", "model", "detail",
    /// "reason", "forecasts": [{"x", "point", "intervals": [{"level_pct", "lower", "upper"}]}]}]}`.
    public func json(_ run: ForecastRun) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(ForecastJSON(run, levels: levels))
    }
}

/// RFC 4180 CSV as bytes: fields quoted when they hold a delimiter, quote or line break.
struct CSVBytes {
    var bytes: [UInt8] = []
    private var atRowStart = true

    mutating func field(_ text: String) {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
        let utf8 = text.utf8
        if utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            bytes.append(0x22)
            for b in utf8 { if b == 0x22 { bytes.append(0x22) }; bytes.append(b) }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func number(_ v: Double) {
        if v.isFinite && v == v.rounded() && abs(v) < 1e15 {
            field(String(Int64(v)))
        } else {
            field(v.isFinite ? "\(v)" : "")
        }
    }

    mutating func row(_ fields: [String]) { for f in fields { field(f) }; endRow() }
    mutating func endRow() { bytes.append(0x0A); atRowStart = true }
}
