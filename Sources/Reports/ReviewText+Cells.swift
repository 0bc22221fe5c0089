import Foundation
import Forecasting
import PlanModel

/// The cells of one target's row (and its notes), in the report's language.
extension ReviewText {

    func indicator(_ a: TargetAssessment) -> Indicator? {
        review.plan.indicator(a.target.indicator)
    }
    func unit(_ a: TargetAssessment) -> String { indicator(a)?.unit ?? a.target.unit }
    func name(_ a: TargetAssessment) -> String {
        vi || a.target.nameEn.isEmpty ? a.target.nameVi : a.target.nameEn
    }
    func statusLabel(_ s: TargetStatus) -> String { vi ? s.labelVi : s.labelEn }

    /// Shape per light so that the table reads without colour too.
    static func symbol(_ light: String) -> String {
        switch light {
        case "green": return "●"
        case "amber": return "▲"
        case "red": return "■"
        default: return "○"
        }
    }
    func statusCell(_ a: TargetAssessment) -> String {
        Self.symbol(a.status.light) + " " + statusLabel(a.status)
    }

    private func isPercentUnit(_ u: String) -> Bool {
        u.trimmingCharacters(in: .whitespaces).hasPrefix("%")
    }

    /// "điểm %" / "pp" for percent units, else the unit itself: the unit of a change.
    func changeUnit(_ a: TargetAssessment) -> String {
        isPercentUnit(unit(a)) ? t("điểm %", "pp") : unit(a)
    }

    /// The requirement as the plan states it: "≥ 12,5 %/năm (2025–2030)", "≥ 120 (2030)",
    /// "100 % (hằng năm 2026–2030)"; with `withUnit` the unit of a level target follows the
    /// number ("≥ 120 triệu đồng/người/năm (2030)").
    func requirement(_ a: TargetAssessment, withUnit: Bool = false) -> String {
        let tg = a.target
        guard tg.low != nil else {
            return tg.kind == .qualitative
                ? (tg.appendixValue.isEmpty ? t("Đạt", "Pass") : tg.appendixValue) : "—"
        }
        var s = requirementCore(tg, unit: unit(a), withUnit: withUnit)
        switch tg.kind {
        case .maintained:
            s += t(
                " (hằng năm \(tg.startYear)–\(tg.targetYear))",
                " (every year \(tg.startYear)–\(tg.targetYear))")
        case .level: s += " (\(tg.targetYear))"
        case .growth: s += " (\(review.plan.baselineYear)–\(tg.targetYear))"
        case .qualitative: break
        }
        return s
    }

    /// Comparator and value(s) in the report's number format: "≥ 12,5 %/năm", "12–14 %/năm",
    /// "< 1,5 %", "≥ 120" (with `withUnit`: "≥ 120 triệu đồng/người/năm"). Empty without a value.
    func requirementCore(_ tg: Target, unit u: String, withUnit: Bool) -> String {
        guard let low = tg.low else { return "" }
        let growth = tg.kind == .growth
        func f(_ v: Double) -> String { number.trimmed(growth ? v * 100 : v, maxDecimals: 4) }
        let high = tg.high ?? low
        let suffix =
            growth
            ? t(" %/năm", " %/yr")
            : (isPercentUnit(u) ? " %" : (withUnit && !u.isEmpty ? " " + u : ""))
        switch tg.comparator {
        case .range: return "\(f(low))–\(f(high))\(suffix)"
        case .less: return "< \(f(low))\(suffix)"
        case .lessOrEqual: return "≤ \(f(low))\(suffix)"
        case .greater: return "> \(f(low))\(suffix)"
        case .greaterOrEqual: return "≥ \(f(low))\(suffix)"
        case .equal: return "\(f(low))\(suffix)"
        }
    }

    /// The plan's target a chart label starts with ("T04 ≥ 100 every year" → T04).
    func markTarget(_ label: String) -> Target? {
        guard let id = label.split(separator: " ").first.map(String.init) else { return nil }
        return review.plan.targets.first { $0.id == id }
    }

    /// The label of a target mark on a chart. The engine writes "T06b ≥ 120" in English
    /// notation; when the label starts with a target id of the plan it is rewritten in the
    /// report's language and number format ("T04 ≥ 100 % hằng năm"), otherwise kept.
    func markLabel(_ label: String) -> String {
        guard let tg = markTarget(label), tg.low != nil else { return label }
        let id = tg.id
        let u = review.plan.indicator(tg.indicator)?.unit ?? tg.unit
        var s = id + " " + requirementCore(tg, unit: u, withUnit: false)
        if tg.kind == .maintained { s += t(" hằng năm", " every year") }
        return s
    }

    func value(_ v: Double) -> String { number.natural(v) }

    /// "98,9 (2027, ước)"; with `withUnit` the unit follows the number.
    func latest(_ a: TargetAssessment, withUnit: Bool = false) -> String {
        guard let o = a.latest else { return "—" }
        let u = withUnit && !unit(a).isEmpty ? " " + unit(a) : ""
        return value(o.value) + u + " (\(o.year)" + (o.isEstimate ? t(", ước", ", est.") : "") + ")"
    }

    /// Trend model names in the report language ("exponential" → "hàm mũ").
    func model(_ m: String) -> String {
        guard vi else { return m }
        for (en, viName) in [
            ("exponential", "hàm mũ"), ("linear", "tuyến tính"), ("logistic", "logistic"),
            ("polynomial", "đa thức")
        ] where m.hasPrefix(en) {
            return viName + m.dropFirst(en.count)
        }
        switch m {  // the forecast rule's drift models (`TargetYearForecast.name`)
        case "drift(log)": return "độ trôi, thang log"
        case "drift(linear)": return "độ trôi, tuyến tính"
        default: if m.hasPrefix("drift(logit") { return "độ trôi, thang logit" }
        }
        return m
    }

    /// Decimals of a growth figure in percent or in units: 2 below 10, else 1.
    static func growthDecimals(_ shown: Double) -> Int { abs(shown) >= 10 ? 1 : 2 }

    /// A growth figure: a fraction shown as percent, or a change in the unit.
    func growth(_ g: Double, _ a: TargetAssessment) -> String {
        if a.growthIsChange {
            return number.signed(g, decimals: Self.growthDecimals(g)) + " " + changeUnit(a)
        }
        return number.string(g * 100, decimals: Self.growthDecimals(g * 100)) + " %"
    }

    func interval(_ lo: String, _ hi: String) -> String { vi ? "[\(lo); \(hi)]" : "[\(lo), \(hi)]" }

    /// Trend growth with its confidence interval, both ends with the decimals of the centre.
    func trend(_ a: TargetAssessment) -> String {
        guard let g = a.trendGrowth else { return "—" }
        var s = growth(g, a)
        if let i = a.trendGrowthInterval {
            let scale = a.growthIsChange ? 1.0 : 100.0
            let d = Self.growthDecimals(g * scale)
            s +=
                " "
                + interval(
                    number.string(i.lower * scale, decimals: d),
                    number.string(i.upper * scale, decimals: d))
        }
        return s
    }

    func required(_ g: Double?, _ a: TargetAssessment) -> String { g.map { growth($0, a) } ?? "—" }

    /// The interval at the main level, else the widest given.
    func mainInterval(_ xs: [LevelInterval]) -> LevelInterval? {
        if let m = mainLevel, let i = xs.first(where: { abs($0.level - m) < 1e-9 }) { return i }
        return xs.max { $0.level < $1.level }
    }

    /// Decimals for a projected value and its interval: growth targets as percent growth,
    /// levels by magnitude (`naturalDecimals`).
    func projectedDecimals(_ v: Double, _ a: TargetAssessment) -> Int {
        a.target.kind == .growth
            ? Self.growthDecimals(v * 100) : ReportNumberFormat.naturalDecimals(v)
    }

    func projectedValue(_ v: Double, _ a: TargetAssessment, decimals: Int) -> String {
        number.string(a.target.kind == .growth ? v * 100 : v, decimals: decimals)
    }

    func projectedInterval(_ i: LevelInterval, centre: Double, _ a: TargetAssessment) -> String {
        let d = projectedDecimals(centre, a)
        return interval(
            projectedValue(i.lower, a, decimals: d), projectedValue(i.upper, a, decimals: d))
    }

    func projected(_ a: TargetAssessment) -> String {
        guard let p = a.projected else { return "—" }
        var s =
            projectedValue(p, a, decimals: projectedDecimals(p, a))
            + (a.target.kind == .growth ? " %" : "")
        if let i = mainInterval(a.projectedIntervals) {
            s += " " + projectedInterval(i, centre: p, a)
        }
        return s
    }

    func gap(_ a: TargetAssessment) -> String {
        guard let g = a.gap else { return "—" }
        if a.target.kind == .growth {
            return number.signed(g * 100, decimals: 2) + " " + t("điểm %", "pp")
        }
        return number.signed(g, decimals: ReportNumberFormat.naturalDecimals(g))
            + (isPercentUnit(unit(a)) ? " " + t("điểm %", "pp") : "")
    }

    func ratio(_ a: TargetAssessment) -> String { a.progressRatio.map { percent($0) } ?? "—" }
    func probability(_ a: TargetAssessment) -> String { a.probability.map { percent($0) } ?? "—" }

    func yearsMissed(_ a: TargetAssessment) -> String? {
        a.yearsMissed.isEmpty
            ? nil
            : t("Năm không đạt: ", "Years missed: ")
                + a.yearsMissed.map(String.init).joined(separator: ", ")
    }

    /// Facts about one target as (label, value) lines for the notes of Markdown and HTML.
    func facts(_ a: TargetAssessment) -> [(String, String)] {
        var f: [(String, String)] = []
        f.append((colRequirement, requirement(a, withUnit: true)))
        f.append((colStatus, statusLabel(a.status)))
        if let b = a.baseline {
            f.append(
                (
                    t(
                        "Năm gốc \(review.plan.baselineYear)",
                        "Baseline \(review.plan.baselineYear)"), value(b) + " " + unit(a)
                ))
        }
        if a.latest != nil { f.append((colLatest, latest(a, withUnit: true))) }
        if let m = a.model { f.append((t("Mô hình xu hướng", "Trend model"), model(m))) }
        if a.trendGrowth != nil { f.append((colTrend, trend(a))) }
        if let r = a.requiredGrowth {
            f.append((t("Cần đạt từ năm gốc/năm", "Required from baseline/yr"), growth(r, a)))
        }
        if a.requiredFromNow != nil { f.append((colRequired, required(a.requiredFromNow, a))) }
        if a.progressRatio != nil { f.append((colRatio, ratio(a))) }
        if let p = a.projected {
            var s =
                projectedValue(p, a, decimals: projectedDecimals(p, a))
                + (a.target.kind == .growth ? " %/" + t("năm", "yr") : " " + unit(a))
            let ivs = a.projectedIntervals.sorted { $0.level < $1.level }
            if !ivs.isEmpty {
                s +=
                    "; "
                    + ivs.map {
                        t("khoảng dự báo ", "") + percent($0.level) + t("", " prediction interval")
                            + " " + projectedInterval($0, centre: p, a)
                    }.joined(separator: "; ")
            }
            f.append(
                (t("Dự báo năm \(a.target.targetYear)", "Projected \(a.target.targetYear)"), s))
        }
        if a.gap != nil {
            let needsUnit = a.target.kind != .growth && !isPercentUnit(unit(a)) && !unit(a).isEmpty
            f.append((colGap, gap(a) + (needsUnit ? " " + unit(a) : "")))
        }
        if a.probability != nil { f.append((colProbability, probability(a))) }
        if let y = yearsMissed(a) { f.append((t("Duy trì hằng năm", "Maintained every year"), y)) }
        if !a.target.responsibleUnit.isEmpty {
            f.append((colResponsible, a.target.responsibleUnit))
        }
        if vi {
            f.append(("Cách xác định", explanationVi(a)))
            if !a.explanation.isEmpty { f.append(("Chi tiết (tiếng Anh)", a.explanation)) }
        } else if !a.explanation.isEmpty {
            f.append(("How the status was reached", a.explanation))
        }
        if !a.target.source.isEmpty {
            f.append((t("Nguồn trong kế hoạch", "Source in the plan"), a.target.source))
        }
        if !a.target.note.isEmpty { f.append((t("Ghi chú", "Note"), a.target.note)) }
        if a.illustrative {
            f.append((illustrativeBadge, t("dùng số liệu minh họa", "uses illustrative data")))
        }
        return f
    }

    /// How the status was reached, in Vietnamese, from the assessment's figures (the
    /// engine's own sentence is English).
    func explanationVi(_ a: TargetAssessment) -> String {
        let tg = a.target
        switch a.status {
        case .notQuantifiable:
            return tg.kind == .qualitative
                ? "Chỉ tiêu định tính: ghi nhận như trong kế hoạch, không đánh giá bằng số liệu."
                : "Kế hoạch không nêu giá trị định lượng cho chỉ tiêu này."
        case .insufficientData:
            return a.baseline == nil
                ? "Chưa có số liệu năm gốc nên chưa đánh giá được."
                : "Chưa đủ số liệu thực hiện để đánh giá (cần số năm gốc và ít nhất một số thực hiện)."
        case .achieved:
            return
                "Số thực hiện gần nhất \(latest(a, withUnit: true)) đã đạt mục tiêu \(requirement(a, withUnit: true))."
        default: break
        }
        if tg.kind == .maintained {
            if a.yearsMissed.isEmpty {
                return "Đạt trong mọi năm đã có số liệu"
                    + (a.status == .onTrack
                        ? "."
                        : ", nhưng xu hướng cho thấy có thể không đạt vào năm \(tg.targetYear).")
            }
            let years = a.yearsMissed.map(String.init).joined(separator: ", ")
            let tail: String
            switch a.status {
            case .deterioration: tail = ", và xu hướng đang đi ngược mục tiêu."
            case .accelerationNeeded:
                tail = " (năm gần nhất, năm duy nhất không đạt); xu hướng không đi ngược mục tiêu."
            default: tail = " (đã mất cho những năm đó)."
            }
            return "Chỉ tiêu phải đạt hằng năm; không đạt trong năm \(years)" + tail
        }
        if a.rule != .probability, a.status == .deterioration, (a.progressRatio ?? -1) < 0 {
            return
                "Số thực hiện gần nhất \(latest(a, withUnit: true)) chưa đạt mục tiêu \(requirement(a, withUnit: true)) và xu hướng đang đi ngược mục tiêu: \(TargetStatus.deterioration.labelVi)."
        }
        let band: String
        switch a.status {
        case .onTrack:
            band = "từ \(percent(review.cutoffs.onTrack)) trở lên: \(TargetStatus.onTrack.labelVi)"
        case .accelerationNeeded:
            band =
                "từ \(percent(review.cutoffs.acceleration)) đến dưới \(percent(review.cutoffs.onTrack)): \(TargetStatus.accelerationNeeded.labelVi)"
        case .limitedProgress:
            band =
                "từ \(percent(review.cutoffs.limited)) đến dưới \(percent(review.cutoffs.acceleration)): \(TargetStatus.limitedProgress.labelVi)"
        default:
            band = "dưới \(percent(review.cutoffs.limited)): \(TargetStatus.deterioration.labelVi)"
        }
        switch a.rule {
        case .probability:
            guard let p = a.probability else { break }
            return
                "Xác suất đạt mục tiêu theo phân phối dự báo của xu hướng là \(percent(p)): \(statusLabel(a.status))."
        case .trend, .cagr, .forecast:
            guard let r = a.progressRatio else {
                return a.status == .onTrack
                    ? "Đã ở mức mà tốc độ yêu cầu cho năm \(tg.targetYear) và xu hướng giữ được mức đó: \(statusLabel(a.status))."
                    : "Đã ở mức mà tốc độ yêu cầu cho năm \(tg.targetYear), nhưng xu hướng giảm xuống dưới mức đó trước năm mục tiêu: \(statusLabel(a.status))."
            }
            let basis: String
            switch a.rule {
            case .forecast:
                basis =
                    "dự báo bước ngẫu nhiên có độ trôi" + (a.model.map { " (\(model($0)))" } ?? "")
            case .trend, .probability:
                basis = "xu hướng bình phương tối thiểu" + (a.model.map { " (\(model($0)))" } ?? "")
            case .cagr:
                basis =
                    "tốc độ bình quân từ năm gốc đến \(a.latest.map { String($0.year) } ?? "năm gần nhất")"
            }
            var s =
                "Tốc độ quan sát (\(basis)), tính tiếp từ số thực hiện gần nhất, thu hẹp \(percent(r)) khoảng cách còn lại đến mục tiêu vào năm \(tg.targetYear)"
            let logit =
                a.model.map { $0.hasPrefix("logistic") || $0.hasPrefix("drift(logit") } ?? false
            if logit { s += ", tính trên thang logit của tỷ lệ" }
            if let g = a.trendGrowth, let q = a.requiredFromNow {
                s += " (\(growth(g, a)) so với \(growth(q, a)) cần đạt mỗi năm từ nay)"
            }
            if a.status == .accelerationNeeded, r >= review.cutoffs.onTrack,
                let tr = a.trendPositionRatio
            {
                return s
                    + "; nhưng chính đường xu hướng chỉ thu hẹp \(percent(tr)): \(TargetStatus.accelerationNeeded.labelVi)."
            }
            return s + "; \(band)."
        }
        return statusLabel(a.status).prefix(1).uppercased() + statusLabel(a.status).dropFirst()
            + "."
    }

    /// Count of targets per status, in the order of `TargetStatus.allCases`.
    var statusCounts: [(TargetStatus, Int)] {
        TargetStatus.allCases.compactMap { s in
            let n = review.assessments.filter { $0.status == s }.count
            return n == 0 ? nil : (s, n)
        }
    }
    /// "Có X/Y chỉ tiêu dự kiến đạt và vượt kế hoạch, Z chỉ tiêu khó đạt." (`ReviewSummarySentence`).
    var summarySentence: String { ReviewSummarySentence(review: review).text(language) }

    var summaryLine: String {
        statusCounts.map { "\(Self.symbol($0.0.light)) \(statusLabel($0.0)): \($0.1)" }.joined(
            separator: "   ")
    }
}
