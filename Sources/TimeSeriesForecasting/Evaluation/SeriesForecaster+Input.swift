extension SeriesForecaster {
    /// Raw observations of one series as read from a file, in any order.
    public struct RawSeries: Sendable {
        public var name: String, x: [Double], y: [Double]
        public init(name: String, x: [Double], y: [Double]) {
            self.name = name; self.x = x; self.y = y
        }
    }

    /// Sorts each series by year and runs; a series that is not a valid `YearlySeries`
    /// (a year twice, a non-finite value, no observations) gets a result with the reason
    /// instead of a forecast, in its place.
    public func run(raw: [RawSeries]) -> ForecastRun {
        var valid: [YearlySeries] = [], slots: [Int?] = [], failures: [String?] = []
        for s in raw {
            let order = s.x.indices.sorted { s.x[$0] < s.x[$1] }
            do {
                let series = try YearlySeries(
                    name: s.name, x: order.map { s.x[$0] }, y: order.map { s.y[$0] })
                slots.append(valid.count); failures.append(nil); valid.append(series)
            } catch {
                slots.append(nil); failures.append("\(error)")
            }
        }
        let run = run(valid)
        let results = raw.indices.map { i -> SeriesResult in
            if let k = slots[i] { return run.results[k] }
            return SeriesResult(
                name: raw[i].name, years: [], forecast: nil, distributions: [],
                reason: "", failure: failures[i], calibrated: false)
        }
        return ForecastRun(horizon: run.horizon, results: results, candidates: run.candidates)
    }
}
