import Foundation

/// Two side-by-side panels as standalone SVG: sMAPE by horizon (left) and coverage of
/// each level by horizon (right, with dashed lines at the nominal levels), one colour per
/// set-up. Well-formed XML, no scripts.
struct BacktestChartSVG {
    let result: BacktestResult
    static let colours = [
        "#1f5fa8", "#c0392b", "#27ae60", "#8e44ad", "#e67e22", "#16a085", "#7f8c8d", "#d35400"
    ]
    static let panelWidth = 360.0, height = 300.0, top = 30.0, bottom = 250.0

    var svg: String {
        let labels = result.overall.map(\.label)
        let stepRows = { (label: String) in
            self.result.rows.filter { $0.label == label && $0.step != nil }
        }
        let smapes = result.rows.filter { $0.step != nil }.map(\.symmetricMAPE)
        let maxS = max(1, (smapes.max() ?? 1) * 1.1)
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(2 * Self.panelWidth + 220))\" height=\"\(Int(Self.height))\" font-size=\"11\">\n"
        s += panelFrame(x0: 50, title: "sMAPE (%) by horizon", top: maxS, bottomValue: 0)
        let levels = result.levels.map { ForecastWriter.percent($0) + " %" }
        let key =
            levels.count > 1
            ? " (solid \(levels[0]), dashed \(levels.dropFirst().joined(separator: ", ")))" : ""
        s += panelFrame(
            x0: 50 + Self.panelWidth + 40, title: "coverage (%) by horizon" + key, top: 100,
            bottomValue: 50)
        for level in result.levels {
            let y = yPos(level * 100, lo: 50, hi: 100)
            s +=
                "<line x1=\"\(f(50 + Self.panelWidth + 40))\" x2=\"\(f(50 + 2 * Self.panelWidth + 40))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n"
        }
        for (k, label) in labels.enumerated() {
            let colour = Self.colours[k % Self.colours.count]
            let rows = stepRows(label)
            s += polyline(
                rows.map { (Double($0.step!), $0.symmetricMAPE) }, x0: 50, lo: 0, hi: maxS,
                colour: colour, dash: nil)
            for (i, _) in result.levels.enumerated() {
                s += polyline(
                    rows.map { (Double($0.step!), $0.coverage[i] * 100) },
                    x0: 50 + Self.panelWidth + 40,
                    lo: 50, hi: 100, colour: colour, dash: i == 0 ? nil : "6 2")
            }
            s +=
                "<text x=\"\(f(2 * Self.panelWidth + 100))\" y=\"\(f(Self.top + 14 * Double(k)))\" fill=\"\(colour)\">\(escape(label))</text>\n"
        }
        return s + "</svg>\n"
    }

    func f(_ v: Double) -> String { String(format: "%.1f", v) }
    func xPos(_ step: Double, x0: Double) -> Double {
        x0 + (step - 1) / Double(max(result.horizon - 1, 1)) * (Self.panelWidth - 20) + 10
    }
    func yPos(_ v: Double, lo: Double, hi: Double) -> Double {
        Self.bottom - (min(max(v, lo), hi) - lo) / (hi - lo) * (Self.bottom - Self.top)
    }

    func panelFrame(x0: Double, title: String, top: Double, bottomValue: Double) -> String {
        var s =
            "<rect x=\"\(f(x0))\" y=\"\(f(Self.top))\" width=\"\(f(Self.panelWidth))\" height=\"\(f(Self.bottom - Self.top))\" fill=\"none\" stroke=\"#333\"/>\n"
        s +=
            "<text x=\"\(f(x0))\" y=\"\(f(Self.top - 10))\" font-weight=\"bold\">\(escape(title))</text>\n"
        for k in 0...4 {
            let v = bottomValue + (top - bottomValue) * Double(k) / 4
            s +=
                "<text x=\"\(f(x0 - 4))\" y=\"\(f(yPos(v, lo: bottomValue, hi: top) + 4))\" text-anchor=\"end\">\(String(format: "%.0f", v))</text>\n"
        }
        for h in 1...result.horizon {
            s +=
                "<text x=\"\(f(xPos(Double(h), x0: x0)))\" y=\"\(f(Self.bottom + 14))\" text-anchor=\"middle\">\(h)</text>\n"
        }
        return s
    }

    func polyline(
        _ points: [(Double, Double)], x0: Double, lo: Double, hi: Double, colour: String,
        dash: String?
    ) -> String {
        let p = points.map { "\(f(xPos($0.0, x0: x0))),\(f(yPos($0.1, lo: lo, hi: hi)))" }.joined(
            separator: " ")
        return
            "<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>\n"
    }
}
