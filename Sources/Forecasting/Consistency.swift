import Foundation
import PlanModel

/// A consistency finding about a plan's targets given its baseline.
public struct Finding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A growth target and a level target on the same indicator, compared.
        case rateVersusLevel = "rate_vs_level"
        /// Component growth ranges, weighted by the baseline mix, against the total's range.
        case sectorMix = "sector_mix"
        /// A level or maintained target already met in the baseline year.
        case metAtBaseline = "met_at_baseline"
        /// An indicator that cannot be projected (no baseline value): its targets are
        /// "insufficient data", as in the review (``ProjectionGaps``).
        case insufficientData = "insufficient_data"
    }
    public enum Severity: String, Sendable, Hashable {
        /// The targets agree.
        case consistent
        /// Worth a look: they agree only in part, or a target asks for nothing new.
        case note
        /// The targets cannot all be met as written.
        case conflict
    }
    public var kind: Kind
    public var severity: Severity
    public var targets: [String]
    public var message: String
    /// True when the finding depends on an illustrative baseline value.
    public var illustrative: Bool
}

/// Checks that a plan's targets agree with each other given the baseline.
public enum ConsistencyChecker {
    public static func check(_ plan: Plan) -> [Finding] {
        var out: [Finding] = []
        let base = plan.baselineYear
        func pct(_ x: Double) -> String { Formatting.fixed(x * 100, 2) + " %/yr" }

        // 1. Growth vs level on the same indicator.
        for ind in plan.indicators {
            let ts = plan.targets(for: ind.id)
            let growth = ts.filter { $0.kind == .growth && $0.low != nil }
            let levels = ts.filter { $0.kind == .level && $0.threshold != nil }
            guard let b0 = plan.baselineValue(of: ind.id) else { continue }
            for g in growth {
                for l in levels {
                    let n = Double(l.targetYear - base)
                    let lo = g.low!, hi = g.high ?? lo
                    let atLow = Growth.compound(b0, rate: lo, years: n)
                    let atHigh = Growth.compound(b0, rate: hi, years: n)
                    let need = Growth.requiredRate(from: b0, to: l.threshold!, years: n)
                    let needText = need.map(pct) ?? "undefined"
                    let range = lo == hi ? pct(lo) : "\(pct(lo))–\(pct(hi))"
                    let endText =
                        lo == hi
                        ? Formatting.fixed(atLow, 2)
                        : "\(Formatting.fixed(atLow, 2))–\(Formatting.fixed(atHigh, 2))"
                    let severity: Finding.Severity
                    let verdict: String
                    // rounding in the plan's own figures
                    let tol = 1e-3 * max(1, abs(l.threshold!))
                    if l.isMet(atLow, tolerance: tol)
                        || (l.direction == .higher && atLow >= l.threshold! - tol)
                    {
                        severity = .consistent
                        verdict =
                            "consistent: growth at \(range) gives \(endText) \(ind.unit) in \(l.targetYear), meeting \(l.requirementText())"
                    } else if l.isMet(atHigh, tolerance: tol)
                        || (l.direction == .higher && atHigh >= l.threshold! - tol)
                    {
                        severity = .note
                        verdict =
                            "only the upper part of the growth range meets the level: \(l.requirementText()) needs \(needText)"
                    } else {
                        severity = .conflict
                        verdict =
                            "conflict: growth at \(range) gives \(endText) \(ind.unit) in \(l.targetYear); \(l.requirementText()) needs \(needText) from the baseline \(Formatting.number(b0))"
                    }
                    out.append(
                        Finding(
                            kind: .rateVersusLevel, severity: severity, targets: [g.id, l.id],
                            message: "\(ind.nameEn.isEmpty ? ind.id : ind.nameEn): \(verdict)",
                            illustrative: plan.usesIllustrative(ind.id)))
                }
            }
        }

        // 2. Sector growth ranges against the total's range.
        for ind in plan.indicators where ind.isAggregate {
            guard
                let total = plan.targets(for: ind.id).first(where: {
                    $0.kind == .growth && $0.low != nil
                })
            else { continue }
            var weights: [(Double, Target)] = []
            var complete = true
            for c in ind.components {
                guard let b = plan.baselineValue(of: c),
                    let t = plan.targets(for: c).first(where: {
                        $0.kind == .growth && $0.low != nil
                    })
                else { complete = false; break }
                weights.append((b, t))
            }
            guard complete, !weights.isEmpty else { continue }
            let n = Double(total.targetYear - base)
            let b0 = weights.reduce(0) { $0 + $1.0 }
            func implied(_ pick: (Target) -> Double) -> Double {
                let end = weights.reduce(0) {
                    $0 + Growth.compound($1.0, rate: pick($1.1), years: n)
                }
                return Growth.requiredRate(from: b0, to: end, years: n) ?? .nan
            }
            let lo = implied { $0.low! }, hi = implied { $0.high ?? $0.low! }
            let tLo = total.low!, tHi = total.high ?? tLo
            let shares = weights.map {
                "\($0.1.indicator) \(Formatting.fixed($0.0 / b0 * 100, 1)) %"
            }.joined(separator: ", ")
            var severity = Finding.Severity.consistent
            var verdict =
                "the sector ranges imply \(pct(lo))–\(pct(hi)) for the total against the stated \(pct(tLo))–\(pct(tHi))"
            if hi < tLo - 1e-12 || lo > tHi + 1e-12 {
                severity = .conflict
                verdict += ": the ranges do not overlap"
            } else if lo < tLo - 1e-12 || hi > tHi + 1e-12 {
                severity = .note
                verdict += ": they overlap only in part"
            } else {
                verdict += ": inside the stated range"
            }
            out.append(
                Finding(
                    kind: .sectorMix, severity: severity, targets: [total.id] + weights.map(\.1.id),
                    message:
                        "\(ind.nameEn.isEmpty ? ind.id : ind.nameEn): \(verdict) (baseline mix \(shares))",
                    illustrative: plan.usesIllustrative(ind.id)))
        }

        // 3. Targets already met at baseline.
        for t in plan.targets where (t.kind == .level || t.kind == .maintained) && t.low != nil {
            guard let b = plan.baselineValue(of: t.indicator), t.isMet(b) else { continue }
            out.append(
                Finding(
                    kind: .metAtBaseline, severity: .note, targets: [t.id],
                    message:
                        "\(t.id) (\(t.nameEn)): already met in \(base) (baseline \(Formatting.number(b)) against \(t.requirementText()))\(t.kind == .maintained ? "; it must be kept every year" : "")",
                    illustrative: plan.usesIllustrative(t.indicator)))
        }
        return out
    }
}
