import PlanModel

/// The verdict on a level or growth target before its target year, from where the
/// indicator stands and how fast it moves, on the rule's model's own scale.
///
/// Everything is measured on an **oriented scale** u = s · g(y): g is the model's
/// transform (log for amounts and counts, logit for rates inside their bound, y itself
/// when a value or the goal is 0 or on the bound; `ReviewSeries.model(goal:)`) and s = +1
/// when higher is better, −1 when lower is better. On that scale "better" is always
/// "larger", so no ratio of two signed quantities loses its meaning:
///
/// - goal u_g: the threshold (growth targets: the baseline compounded at the required
///   rate to the target year), latest actual u_L, years left h = T − t_L > 0;
/// - remaining gap G = u_g − u_L (> 0: the latest actual misses the goal);
/// - pace v, per year, oriented: `.forecast` (default) the drift of the random walk
///   (`TargetYearForecast`), which is the end-point slope (u_L − u_0)/(t_L − t_0); `.trend`
///   and `.probability` the least-squares trend's slope; `.cagr` the end-point slope;
/// - progress ratio ρ = v · h / G, the share of the remaining gap that the pace, carried
///   on from the latest actual, closes by the target year (≥ 1: it is closed);
/// - position ratio τ = (ẑ_T − u_L) / G, the share closed by the model's own median ẑ_T in
///   the target year (the centre of P(meet)): `.trend` the trend line's; `.forecast` the
///   forecast's, u_L + v · h, so τ = ρ exactly.
///
/// Rule, in this order:
/// 1. A level target whose latest actual meets it (by its comparator): **achieved**.
/// 2. The latest actual misses (G > 0, or G = 0 under a strict comparator) and the pace
///    moves away (v < 0): **deterioration**, whatever the rule.
/// 3. `.probability`: P(meet) ≥ 50 % on track, ≥ 20 % (`--at-risk`) acceleration needed,
///    else limited progress; no P (an exact fit): insufficient data.
/// 4. No gap left (a growth target whose latest actual is already at the level the
///    required rate gives for the target year): on track when the pace from the latest
///    actual (and, for `.trend`, the trend line) still meets the goal in the target year,
///    acceleration needed otherwise.
/// 5. Otherwise by ρ with the cut-offs (defaults of the Eurostat SDG assessment):
///    ρ ≥ 95 % on track — for `.trend` only when τ ≥ 95 % as well, else acceleration
///    needed (under `.forecast` τ = ρ) —; 60-95 % acceleration needed; 0-60 % limited
///    progress (ρ ≥ 0 here).
///
/// Invariants (checked over generated series in `StatusRuleInvariantTests`):
/// - **Moving away is never on track.** A level target whose latest actual misses it and
///   whose pace (the forecast's drift; trend slope; end points for `.cagr`) moves away from
///   it is deterioration: never on track, never achieved.
/// - **Met is achieved.** A level target met by the latest actual is achieved.
/// - **Monotone.** With `TargetStatus.rank` as the order, moving the latest actual toward
///   the target (other values fixed, the same model scale) never worsens the status under
///   `.forecast`, `.trend` and `.cagr`: G falls, v rises (the latest value enters the
///   drift and the end-point slope with weight 1/(t_L − t_0), and the least-squares slope
///   with a positive weight), so ρ rises when v ≥ 0 and the status stays deterioration
///   when v < 0; under `.forecast` τ = ρ; under `.trend` ẑ_T − 0.95 · u_g − 0.05 · u_L
///   rises because the latest point's weight in ẑ_T, 1/n + (T − x̄)(t_L − x̄)/Sxx, exceeds
///   1/n ≥ 0.05 for n ≤ 20 points. Under `.probability` the on-track boundary is monotone
///   too (P ≥ 50 % ⇔ ẑ_T ≥ u_g) and so is deterioration (v < 0); the at-risk boundary is
///   not, because P also depends on the residual spread, which the latest actual changes.
/// - **Mirror.** A "lower is better" target gets exactly the verdict of the "higher is
///   better" target on the mirrored series (y ↦ B − y for rates on a bound B, y ↦ K / y
///   for amounts and counts, y ↦ −y on a linear scale), since u is the same (the drift,
///   the trend and their spreads are equivariant under u ↦ a − u).
/// - **P(meet).** Under `.forecast` and `.trend`, on track implies ẑ_T ≥ u_g − 0.05 · G,
///   so P(meet) from the same model is at least F(−0.05 · G / sd_T) (F its standardized
///   Student t, sd_T its prediction standard deviation on the model scale), and P(meet)
///   ≥ 50 % exactly when τ ≥ 1 (the t distribution is symmetric about ẑ_T); a target whose
///   median ends short of the goal by more than 5 % of the remaining gap is never on
///   track. Under `.probability`, on track ⇔ P(meet) ≥ 50 %.
public struct StatusRule: Sendable {
    public var rule: AssessmentRule
    public var cutoffs: StatusCutoffs

    public init(rule: AssessmentRule, cutoffs: StatusCutoffs = StatusCutoffs()) {
        self.rule = rule; self.cutoffs = cutoffs
    }

    /// What the rule looks at, already on the oriented scale (larger is better).
    public struct Evidence: Sendable, Hashable {
        /// `.level` or `.growth` (maintained targets have `MaintainedStatusRule`).
        public var kind: TargetKind
        /// Whether the latest actual meets the target by its own comparator (level
        /// targets; for growth targets: it is at or beyond the goal level).
        public var latestMeets: Bool
        public var goal: Double
        public var latest: Double
        /// Oriented change per year on the model scale.
        public var pace: Double
        /// Years from the latest actual to the target year (> 0).
        public var yearsLeft: Double
        /// The model's median in the target year, oriented: the trend line's (`.trend`),
        /// the forecast's (`.forecast`); nil: not used.
        public var trendAtTargetYear: Double?
        /// P(meet) from the model's prediction distribution (nil without a spread).
        public var probability: Double?

        public init(
            kind: TargetKind, latestMeets: Bool, goal: Double, latest: Double, pace: Double,
            yearsLeft: Double,
            trendAtTargetYear: Double? = nil, probability: Double? = nil
        ) {
            self.kind = kind; self.latestMeets = latestMeets; self.goal = goal;
            self.latest = latest; self.pace = pace
            self.yearsLeft = yearsLeft; self.trendAtTargetYear = trendAtTargetYear;
            self.probability = probability
        }

        /// G = u_g − u_L.
        public var remainingGap: Double { goal - latest }
    }

    /// Why the status was given (reports turn it into a sentence).
    public enum Reason: Sendable, Hashable {
        case latestMeetsLevel
        case movingAway
        case probability(Double)
        case noProbability
        case aheadAndStaying
        case aheadButFalling
        case pace(ratio: Double)
        /// The pace from the latest actual passes the on-track cut-off but the trend line
        /// closes only `trendRatio` of the gap.
        case paceButTrendShort(ratio: Double, trendRatio: Double)
    }

    public struct Verdict: Sendable, Hashable {
        public var status: TargetStatus
        public var reason: Reason
        /// ρ (nil when no gap remains).
        public var progressRatio: Double?
        /// τ (nil unless `.trend` with a gap).
        public var trendPositionRatio: Double?
    }

    /// The verdict for `evidence` (see the type's documentation for the rule).
    public func decide(_ evidence: Evidence) -> Verdict {
        let gap = evidence.remainingGap
        let misses = !evidence.latestMeets && (evidence.kind == .level || gap >= 0)
        let ratio: Double? =
            misses ? Self.ratio(evidence.pace * evidence.yearsLeft, over: gap) : nil
        var trendRatio: Double?
        if rule == .trend, misses, let zT = evidence.trendAtTargetYear {
            trendRatio = Self.ratio(zT - evidence.latest, over: gap)
        } else if rule == .forecast, misses {
            // The forecast's median is the latest actual carried on at its pace: τ = ρ
            // exactly (not recomputed, so that rounding cannot split them).
            trendRatio = ratio
        }
        func verdict(_ s: TargetStatus, _ r: Reason) -> Verdict {
            Verdict(status: s, reason: r, progressRatio: ratio, trendPositionRatio: trendRatio)
        }
        if evidence.kind == .level && evidence.latestMeets {
            return verdict(.achieved, .latestMeetsLevel)
        }
        if misses && evidence.pace < 0 { return verdict(.deterioration, .movingAway) }
        if rule == .probability {
            guard let p = evidence.probability else {
                return verdict(.insufficientData, .noProbability)
            }
            let s: TargetStatus =
                p >= cutoffs.probabilityOnTrack
                ? .onTrack : p >= cutoffs.probabilityAtRisk ? .accelerationNeeded : .limitedProgress
            return verdict(s, .probability(p))
        }
        guard let ratio else {
            // Ahead of the goal level (growth targets): does it stay there?
            let fromLatest = evidence.latest + evidence.pace * evidence.yearsLeft
            let trendOK =
                (rule != .trend && rule != .forecast)
                || (evidence.trendAtTargetYear.map { $0 >= evidence.goal } ?? true)
            return fromLatest >= evidence.goal && trendOK
                ? verdict(.onTrack, .aheadAndStaying)
                : verdict(.accelerationNeeded, .aheadButFalling)
        }
        if ratio >= cutoffs.onTrack {
            if let tr = trendRatio, tr < cutoffs.onTrack {
                return verdict(
                    .accelerationNeeded, .paceButTrendShort(ratio: ratio, trendRatio: tr))
            }
            return verdict(.onTrack, .pace(ratio: ratio))
        }
        if ratio >= cutoffs.acceleration {
            return verdict(.accelerationNeeded, .pace(ratio: ratio))
        }
        if ratio >= cutoffs.limited { return verdict(.limitedProgress, .pace(ratio: ratio)) }
        return verdict(.deterioration, .pace(ratio: ratio))
    }

    /// part / gap for a gap ≥ 0; a gap of exactly 0 (a strict comparator met with
    /// equality) gives ±∞ or 0 by the sign of `part`.
    static func ratio(_ part: Double, over gap: Double) -> Double {
        if gap > 0 { return part / gap }
        return part > 0 ? .infinity : part < 0 ? -.infinity : 0
    }
}
