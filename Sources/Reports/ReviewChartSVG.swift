import Foundation
import Forecasting
import PlanModel

/// One indicator's chart as standalone SVG (well-formed XML, own `xmlns`, no scripts, no
/// external references): baseline (square), actuals (dots; estimates hollow), the trend
/// line with the fan of its prediction intervals (widest lightest), target marks and the
/// required path (red), a dashed line at the last year of actuals, axes with year and value
/// ticks, a legend, and `MINH HỌA`/`ILLUSTRATIVE` in the corner when the data are.
struct ReviewChartSVG {
    let chart: IndicatorChart
    let asOf: Int
    let text: ReviewText
    /// Distinguishes clip-path ids when several charts share a page.
    let index: Int
    /// What the blue line and its fan are: a trend with prediction intervals (reports), or
    /// a simulation's median with percentile bands (the workbench's what-if charts).
    var fan: FanWording = .trend

    enum FanWording { case trend, simulation }

    static let width = 760.0
    static let left = 78.0, right = 736.0, top = 40.0, bottom = 290.0
    static let trendColour = "#1f5fa8", targetColour = "#c0392b"
    /// Fan fills from the widest interval inward.
    static let fanFills = ["#d3e3f5", "#a9c8ea", "#7eaadc", "#5a90cf"]

    static func f(_ v: Double) -> String { Formatting.printfFixed(v, 1) }

    /// "Nice" ticks covering [lo, hi]: steps of 1, 2, 2.5 or 5 × 10^k, about `count`
    /// intervals; the first tick ≤ lo and the last ≥ hi. A degenerate range (lo == hi) is
    /// widened by 1 (or 10 % of |lo|) on each side.
    static func ticks(lo: Double, hi: Double, count: Int = 5) -> [Double] {
        var lo = lo, hi = hi
        if !(lo.isFinite && hi.isFinite) { return [0, 1] }
        if hi < lo { swap(&lo, &hi) }
        if hi - lo < 1e-12 { let d = lo == 0 ? 1 : abs(lo) * 0.1; lo -= d; hi += d }
        let raw = (hi - lo) / Double(max(1, count - 1))
        let e = floor(log10(raw))
        let m = raw / pow(10, e)
        let nice: Double = m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10
        let step = nice * pow(10, e)
        let start = floor(lo / step + 1e-9) * step
        var out: [Double] = []
        var k = 0
        while true {
            let v = start + Double(k) * step
            out.append(abs(v) < step * 1e-9 ? 0 : v)
            if v >= hi - step * 1e-9 || k > 50 { break }
            k += 1
        }
        return out
    }

    /// Fewest decimals (0…4) that show every multiple of `step` exactly.
    static func decimals(forStep step: Double) -> Int {
        for d in 0...4 {
            let s = step * pow(10, Double(d))
            if abs(s - s.rounded()) < 1e-6 { return d }
        }
        return 4
    }

    func render() -> String {
        // Points that are not numbers are left out (they would become "nan" in SVG).
        var chart = self.chart
        chart.actuals = chart.actuals.filter { $0.value.isFinite }
        chart.trend = chart.trend.filter { $0.value.isFinite }.map { p in
            var p = p
            p.bands = p.bands.filter { $0.lower.isFinite && $0.upper.isFinite }
            return p
        }
        chart.targetMarks = chart.targetMarks.filter { $0.value.isFinite }
        chart.targetPath = chart.targetPath.filter { $0.value.isFinite }
        if let b = chart.baseline, !b.isFinite { chart.baseline = nil }
        let ind = chart.indicator
        let nonNegative = ind.measure != .qualitative
        let bound = ind.upperBound
        func clampForDomain(_ v: Double) -> Double { nonNegative ? max(0, v) : v }
        var xs: [Int] = [chart.baselineYear]
        var ys: [Double] = []
        if let b = chart.baseline { ys.append(b) }
        for o in chart.actuals { xs.append(o.year); ys.append(o.value) }
        for p in chart.trend {
            xs.append(p.year); ys.append(p.value)
            for band in p.bands {
                ys.append(clampForDomain(band.lower)); ys.append(clampForDomain(band.upper))
            }
        }
        for m in chart.targetMarks { xs.append(m.year); ys.append(m.value) }
        for p in chart.targetPath { xs.append(p.year); ys.append(p.value) }
        ys = ys.filter(\.isFinite)
        let x0 = Double(xs.min()!) - 0.4, x1 = Double(max(xs.max()!, xs.min()! + 1)) + 0.4
        // A bounded rate never shows beyond its bound (a linear trend may run past 100 %):
        // the axis stops there and what lies beyond is clipped, with a note.
        let beyondBound = bound.map { b in ys.contains { $0 > b + 1e-9 } } ?? false
        if let b = bound { ys = ys.map { min($0, b) } }
        var lo = ys.min() ?? 0, hi = ys.max() ?? 1
        if lo > 0 && lo <= 0.5 * hi { lo = 0 }
        // A nearly flat series spans at least 4 % of its magnitude, so noise in the third
        // decimal does not fill the plot (forest cover 42.01 → 42.03 %).
        let minSpan = 0.04 * max(abs(lo), abs(hi))
        if hi - lo < minSpan {
            let mid = (hi + lo) / 2
            lo = mid - minSpan / 2; hi = mid + minSpan / 2
            if let b = bound, hi > b { lo -= hi - b; hi = b }
            if nonNegative && lo < 0 { hi -= lo; lo = 0 }
        }
        // Headroom so marks at the maximum do not sit on the frame, but never past the bound.
        hi += 0.04 * max(hi - lo, abs(hi) * 0.01)
        if let b = bound { hi = min(hi, b) }
        var yt = Self.ticks(lo: lo, hi: hi)
        if let b = bound { yt = yt.filter { $0 <= b + 1e-9 } }
        if yt.isEmpty { yt = [lo, hi] }
        var y0 = yt.first!, y1 = max(yt.last!, hi)
        if y1 <= y0 { y1 = y0 + 1 }
        if nonNegative && y0 < 0 && lo >= 0 { y0 = 0 }
        let yDecimals = Self.decimals(forStep: yt.count > 1 ? yt[1] - yt[0] : 1)

        func X(_ year: Double) -> Double {
            Self.left + (year - x0) / (x1 - x0) * (Self.right - Self.left)
        }
        func Y(_ v: Double) -> Double {
            Self.bottom - (v - y0) / (y1 - y0) * (Self.bottom - Self.top)
        }
        func pt(_ year: Int, _ v: Double) -> String { Self.f(X(Double(year))) + "," + Self.f(Y(v)) }
        let e = XMLText.escape

        var body = ""
        // Grid and value ticks.
        for v in yt where v >= y0 - 1e-9 && v <= y1 + 1e-9 {
            body +=
                "<line x1=\"\(Self.f(Self.left))\" y1=\"\(Self.f(Y(v)))\" x2=\"\(Self.f(Self.right))\" y2=\"\(Self.f(Y(v)))\" stroke=\"#e3e3e3\" stroke-width=\"1\"/>\n"
            body +=
                "<text x=\"\(Self.f(Self.left - 8))\" y=\"\(Self.f(Y(v) + 4))\" text-anchor=\"end\" fill=\"#333\">\(e(text.number.string(v, decimals: yDecimals)))</text>\n"
        }
        // Year ticks (every year up to 12 years, else every 2nd or 5th).
        let firstYear = Int(ceil(x0)), lastYear = Int(floor(x1))
        let span = lastYear - firstYear
        let yearStep = span <= 12 ? 1 : (span <= 24 ? 2 : 5)
        for yr in stride(from: firstYear, through: lastYear, by: 1)
        where (yr - firstYear) % yearStep == 0 {
            let x = Self.f(X(Double(yr)))
            body +=
                "<line x1=\"\(x)\" y1=\"\(Self.f(Self.bottom))\" x2=\"\(x)\" y2=\"\(Self.f(Self.bottom + 5))\" stroke=\"#333\"/>\n"
            body +=
                "<text x=\"\(x)\" y=\"\(Self.f(Self.bottom + 21))\" text-anchor=\"middle\" fill=\"#333\">\(yr)</text>\n"
        }
        // Last year of actuals.
        if Double(asOf) > x0 && Double(asOf) < x1 {
            let x = Self.f(X(Double(asOf)))
            body +=
                "<line x1=\"\(x)\" y1=\"\(Self.f(Self.top))\" x2=\"\(x)\" y2=\"\(Self.f(Self.bottom))\" stroke=\"#888\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>\n"
            body +=
                "<text x=\"\(x)\" y=\"\(Self.f(Self.top - 4))\" text-anchor=\"middle\" fill=\"#666\" font-size=\"11\">\(e(text.t("số liệu đến \(asOf)", "actuals to \(asOf)")))</text>\n"
        }

        // Data, clipped to the plot area.
        let clip = "pf-clip-\(index)"
        var data = ""
        let levels = Array(Set(chart.trend.flatMap { $0.bands.map(\.level) })).sorted(by: >)
        for (k, level) in levels.enumerated() {
            let pts = chart.trend.compactMap { p -> (Int, LevelInterval)? in
                p.bands.first { abs($0.level - level) < 1e-9 }.map { (p.year, $0) }
            }
            guard pts.count >= 2 else { continue }
            let upper = pts.map { pt($0.0, $0.1.upper) }
            let lower = pts.reversed().map { pt($0.0, $0.1.lower) }
            data +=
                "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(Self.fanFills[min(k, Self.fanFills.count - 1)])\" stroke=\"none\"/>\n"
        }
        if chart.trend.count >= 2 {
            data +=
                "<polyline points=\"\(chart.trend.map { pt($0.year, $0.value) }.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.trendColour)\" stroke-width=\"2.2\"/>\n"
        }
        if chart.targetPath.count >= 2 {
            data +=
                "<polyline points=\"\(chart.targetPath.map { pt($0.year, $0.value) }.joined(separator: " "))\" fill=\"none\" stroke=\"\(Self.targetColour)\" stroke-width=\"1.8\" stroke-dasharray=\"6 4\"/>\n"
        }
        body +=
            "<clipPath id=\"\(clip)\"><rect x=\"\(Self.f(Self.left))\" y=\"\(Self.f(Self.top))\" width=\"\(Self.f(Self.right - Self.left))\" height=\"\(Self.f(Self.bottom - Self.top))\"/></clipPath>\n"
        body += "<g clip-path=\"url(#\(clip))\">\n" + data + "</g>\n"

        // Target marks: a bar with a ring, labelled once per label (the last mark).
        var lastIndexOfLabel: [String: Int] = [:]
        for (i, m) in chart.targetMarks.enumerated() { lastIndexOfLabel[m.label] = i }
        for (i, m) in chart.targetMarks.enumerated() where m.value.isFinite {
            let x = X(Double(m.year)), y = Y(m.value)
            // A maintained (every-year) target: a dotted line over its years.
            if let tg = text.markTarget(m.label), tg.kind == .maintained, tg.startYear < m.year {
                body +=
                    "<line x1=\"\(Self.f(X(Double(tg.startYear))))\" y1=\"\(Self.f(y))\" x2=\"\(Self.f(x))\" y2=\"\(Self.f(y))\" stroke=\"\(Self.targetColour)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>\n"
            }
            body +=
                "<line x1=\"\(Self.f(x - 12))\" y1=\"\(Self.f(y))\" x2=\"\(Self.f(x + 12))\" y2=\"\(Self.f(y))\" stroke=\"\(Self.targetColour)\" stroke-width=\"3\"/>\n"
            body +=
                "<circle cx=\"\(Self.f(x))\" cy=\"\(Self.f(y))\" r=\"5\" fill=\"#fff\" stroke=\"\(Self.targetColour)\" stroke-width=\"2\"/>\n"
            if lastIndexOfLabel[m.label] == i && !m.label.isEmpty {
                let anchorEnd = x > (Self.left + Self.right) / 2
                let ly = y - 9 < Self.top + 12 ? y + 18 : y - 9
                body +=
                    "<text x=\"\(Self.f(anchorEnd ? x - 14 : x + 14))\" y=\"\(Self.f(ly))\" text-anchor=\"\(anchorEnd ? "end" : "start")\" fill=\"\(Self.targetColour)\" font-size=\"13\" font-weight=\"bold\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(e(text.markLabel(m.label)))</text>\n"
            }
        }
        // Baseline and actuals on top.
        if let b = chart.baseline, b.isFinite {
            let x = X(Double(chart.baselineYear)), y = Y(b)
            body +=
                "<rect x=\"\(Self.f(x - 4.5))\" y=\"\(Self.f(y - 4.5))\" width=\"9\" height=\"9\" fill=\"#555\"/>\n"
        }
        for o in chart.actuals where o.value.isFinite {
            let c = "cx=\"\(Self.f(X(Double(o.year))))\" cy=\"\(Self.f(Y(o.value)))\""
            body +=
                o.isEstimate
                ? "<circle \(c) r=\"4.5\" fill=\"#fff\" stroke=\"#1b1b1b\" stroke-width=\"1.8\"/>\n"
                : "<circle \(c) r=\"4.5\" fill=\"#1b1b1b\"/>\n"
        }
        // Axes.
        body +=
            "<line x1=\"\(Self.f(Self.left))\" y1=\"\(Self.f(Self.top))\" x2=\"\(Self.f(Self.left))\" y2=\"\(Self.f(Self.bottom))\" stroke=\"#333\"/>\n"
        body +=
            "<line x1=\"\(Self.f(Self.left))\" y1=\"\(Self.f(Self.bottom))\" x2=\"\(Self.f(Self.right))\" y2=\"\(Self.f(Self.bottom))\" stroke=\"#333\"/>\n"
        body +=
            "<text x=\"\(Self.f(Self.left))\" y=\"\(Self.f(Self.top - 18))\" fill=\"#333\" font-weight=\"bold\">\(e(ind.unit))</text>\n"
        if beyondBound, let b = bound {
            body +=
                "<text x=\"\(Self.f(Self.right))\" y=\"\(Self.f(Self.bottom - 6))\" text-anchor=\"end\" fill=\"#666\" font-size=\"11\">\(e(text.t("phần vượt giới hạn \(text.number.trimmed(b)) của xu hướng không vẽ", "trend beyond the bound \(text.number.trimmed(b)) not drawn")))</text>\n"
        }
        if chart.illustrative {
            body +=
                "<text x=\"\(Self.f(Self.right))\" y=\"\(Self.f(Self.top - 18))\" text-anchor=\"end\" fill=\"#b35c00\" font-weight=\"bold\">\(e(text.illustrativeBadge))</text>\n"
        }

        // Legend, wrapped into rows.
        var items: [(symbol: String, label: String)] = []
        if chart.baseline != nil {
            items.append(
                (
                    "<rect x=\"5.5\" y=\"-4.5\" width=\"9\" height=\"9\" fill=\"#555\"/>",
                    text.t("Năm gốc \(chart.baselineYear)", "Baseline \(chart.baselineYear)")
                ))
        }
        if chart.actuals.contains(where: { !$0.isEstimate }) {
            items.append(
                (
                    "<circle cx=\"10\" cy=\"0\" r=\"4.5\" fill=\"#1b1b1b\"/>",
                    text.t("Thực hiện", "Actual")
                ))
        }
        if chart.actuals.contains(where: \.isEstimate) {
            items.append(
                (
                    "<circle cx=\"10\" cy=\"0\" r=\"4.5\" fill=\"#fff\" stroke=\"#1b1b1b\" stroke-width=\"1.8\"/>",
                    text.t("Ước thực hiện", "Estimate")
                ))
        }
        if chart.trend.count >= 2 {
            items.append(
                (
                    "<line x1=\"0\" y1=\"0\" x2=\"20\" y2=\"0\" stroke=\"\(Self.trendColour)\" stroke-width=\"2.2\"/>",
                    fan == .trend
                        ? text.t("Xu hướng", "Trend")
                        : text.t("Trung vị mô phỏng", "Simulated median")
                ))
        }
        for (k, level) in levels.enumerated() {
            let pctText = text.percent(level)
            items.append(
                (
                    "<rect x=\"0\" y=\"-6\" width=\"20\" height=\"12\" fill=\"\(Self.fanFills[min(k, Self.fanFills.count - 1)])\"/>",
                    fan == .trend
                        ? text.t("Khoảng dự báo \(pctText)", "\(pctText) prediction interval")
                        : text.t("Khoảng mô phỏng \(pctText)", "Simulated \(pctText) band")
                ))
        }
        if !chart.targetMarks.isEmpty {
            items.append(
                (
                    "<line x1=\"0\" y1=\"0\" x2=\"20\" y2=\"0\" stroke=\"\(Self.targetColour)\" stroke-width=\"3\"/><circle cx=\"10\" cy=\"0\" r=\"5\" fill=\"#fff\" stroke=\"\(Self.targetColour)\" stroke-width=\"2\"/>",
                    text.t("Mục tiêu", "Target")
                ))
        }
        if chart.targetPath.count >= 2 {
            items.append(
                (
                    "<line x1=\"0\" y1=\"0\" x2=\"20\" y2=\"0\" stroke=\"\(Self.targetColour)\" stroke-width=\"1.8\" stroke-dasharray=\"6 4\"/>",
                    text.t("Lộ trình cần đạt", "Required path")
                ))
        }
        var lx = Self.left, ly = Self.bottom + 48
        var legend = ""
        for item in items {
            let w = 28 + Double(item.label.count) * 7.6 + 18
            if lx + w > Self.width - 8 && lx > Self.left { lx = Self.left; ly += 22 }
            legend +=
                "<g transform=\"translate(\(Self.f(lx)),\(Self.f(ly)))\">\(item.symbol)<text x=\"26\" y=\"4\" fill=\"#333\">\(e(item.label))</text></g>\n"
            lx += w
        }
        let height = ly + 14
        let name = text.vi ? ind.nameVi : (ind.nameEn.isEmpty ? ind.nameVi : ind.nameEn)
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" width=\"\(Int(Self.width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(e(name))\" font-family=\"'Noto Sans', 'DejaVu Sans', Arial, sans-serif\" font-size=\"14\">\n"
            + "<title>\(e(name))\(chart.illustrative ? " (" + e(text.illustrativeBadge) + ")" : "")</title>\n"
            + "<rect x=\"0\" y=\"0\" width=\"\(Int(Self.width))\" height=\"\(Int(height))\" fill=\"#fff\"/>\n"
            + body + legend + "</svg>"
    }
}
