import Foundation

/// The scores of a `Backtest`: one row per set-up and step h, and one with `step` nil for
/// all steps together.
public struct BacktestResult: Sendable {
    public struct Row: Sendable {
        public let label: String
        /// 1…H, or nil for the overall row.
        public let step: Int?
        public let count: Int
        public let symmetricMAPE: Double
        /// Mean scaled error over forecasts with a scale (nil: none had one).
        public let meanAbsoluteScaledError: Double?
        /// Per level, the share of held-back values inside the interval.
        public let coverage: [Double]
        /// Per level, the mean width in MASE-scale units.
        public let meanScaledWidth: [Double?]
        /// Overall rows only: series skipped (too short) and series the set-up could not
        /// forecast, summed over origins; and the models used, most used first.
        public let skipped: Int, unforecast: Int
        public let modelsUsed: [(model: String, count: Int)]
    }

    public let horizon: Int
    public let origins: Int
    public let levels: [Double]
    public let rows: [Row]

    static func summarize(
        label: String, records: [ScoredForecast], horizon: Int, levels: [Double],
        skipped: Int, unforecast: Int, chosen: [String: Int]
    ) -> [Row] {
        let used = chosen.sorted {
            $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key)
        }.map { ($0.key, $0.value) }
        func row(_ step: Int?, _ list: [ScoredForecast]) -> Row {
            let n = Double(max(list.count, 1))
            let scaled = list.compactMap(\.scaledError)
            return Row(
                label: label, step: step, count: list.count,
                symmetricMAPE: list.reduce(0) { $0 + $1.symmetricAPE } / n,
                meanAbsoluteScaledError: scaled.isEmpty
                    ? nil : scaled.reduce(0, +) / Double(scaled.count),
                coverage: levels.indices.map { i in Double(list.filter { $0.inside[i] }.count) / n
                },
                meanScaledWidth: levels.indices.map { i in
                    let w = list.compactMap { $0.scaledWidth[i] }
                    return w.isEmpty ? nil : w.reduce(0, +) / Double(w.count)
                },
                skipped: step == nil ? skipped : 0, unforecast: step == nil ? unforecast : 0,
                modelsUsed: step == nil ? used : [])
        }
        return (1...horizon).map { h in row(h, records.filter { $0.step == h }) } + [
            row(nil, records)
        ]
    }

    /// The overall row of each set-up.
    public var overall: [Row] { rows.filter { $0.step == nil } }
}
