/// How `--model auto` chooses: for each series and candidate, the mean scaled absolute
/// error (|y − ŷ| / the MASE scale of the training part, Hyndman & Koehler 2006) of the
/// candidate's rolling-origin forecasts on the series' own past; the file's evidence
/// enters as a prior: score = (m·own + κ·pooled)/(m + κ), m the series' own held-out
/// forecasts, pooled the mean of the per-series scores over every series of the file,
/// κ = `poolingWeight`. A lone series is judged on its own past; a file of many short
/// series mostly on the pooled evidence. The least score wins; ties go to the earlier
/// candidate (the simpler model, as listed).
///
/// Invariant: the chosen candidate has the least score among those that fit the whole
/// series; a candidate without held-out errors for a series scores its pooled mean.
public struct ModelSelection: Sendable {
    public let candidates: [any SeriesModel]
    public let poolingWeight: Double

    /// The default menu for yearly series.
    public static let standardCandidates = ["naive", "drift", "ses", "damped", "theta", "comb", "median(theta+drift+damped)"]

    public init(candidates: [any SeriesModel], poolingWeight: Double = 20) {
        self.candidates = candidates; self.poolingWeight = poolingWeight
    }

    /// Per-series mean scaled error of each candidate (nil: no scaled held-out error).
    static func ownScores(_ errors: [[HeldOutError]]) -> [(mean: Double, count: Int)?] {
        errors.map { list in
            let scaled = list.compactMap(\.scaledAbsoluteError)
            return scaled.isEmpty ? nil : (scaled.reduce(0, +) / Double(scaled.count), scaled.count)
        }
    }

    /// Mean of the per-series scores of each candidate over the series where it has one.
    static func pooledScores(_ own: [[(mean: Double, count: Int)?]], candidates: Int) -> [Double?] {
        (0..<candidates).map { c in
            let values = own.compactMap { $0[c]?.mean }.filter(\.isFinite)
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
    }

    /// Candidate indices from best to worst with their scores, for one series.
    func ranking(own: [(mean: Double, count: Int)?], pooled: [Double?]) -> [(index: Int, score: Double)] {
        var scored: [(index: Int, score: Double)] = []
        for c in candidates.indices {
            let p = pooled[c]
            let score: Double
            switch (own[c], p) {
            case let (o?, p?): score = (Double(o.count) * o.mean + poolingWeight * p) / (Double(o.count) + poolingWeight)
            case let (o?, nil): score = o.mean
            case let (nil, p?): score = p
            case (nil, nil): score = .infinity
            }
            scored.append((c, score.isNaN ? .infinity : score))
        }
        return scored.sorted { $0.score < $1.score || ($0.score == $1.score && $0.index < $1.index) }
    }
}
