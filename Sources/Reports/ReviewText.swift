import Foundation
import Forecasting
import PlanModel

/// Labels and cell texts shared by the table, Markdown and HTML writers, in one language.
/// Cells are plain text (not escaped); each writer escapes them for its format.
struct ReviewText {
    let review: Review
    let language: ReportLanguage
    let number: ReportNumberFormat

    init(review: Review, language: ReportLanguage) {
        self.review = review; self.language = language
        number = ReportNumberFormat.forLanguage(language)
    }

    var vi: Bool { language == .vi }
    func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }

    // MARK: headings

    var planName: String { vi ? review.plan.nameVi : (review.plan.nameEn.isEmpty ? review.plan.nameVi : review.plan.nameEn) }
    var title: String { t("Rà soát giữa kỳ", "Mid-term review") }
    var asOfLine: String {
        t("Số liệu thực hiện đến năm \(review.asOf); năm gốc \(review.plan.baselineYear); kỳ kế hoạch \(review.plan.firstYear)–\(review.plan.lastYear).",
          "Actuals up to \(review.asOf); baseline year \(review.plan.baselineYear); plan period \(review.plan.firstYear)–\(review.plan.lastYear).")
    }
    var sourceLine: String? {
        review.actualsSource.isEmpty ? nil : t("Nguồn số liệu thực hiện: ", "Actuals: ") + review.actualsSource
    }

    /// The highest prediction level, the one tables show.
    var mainLevel: Double? { (review.levels.isEmpty ? review.assessments.flatMap { $0.projectedIntervals.map(\.level) } : review.levels).max() }

    func percent(_ fraction: Double, decimals: Int = 0) -> String { number.string(fraction * 100, decimals: decimals) + " %" }

    /// "Rule: …" with the cut-offs in percent.
    var ruleLine: String {
        let c = review.cutoffs
        let on = percent(c.onTrack), acc = percent(c.acceleration), lim = percent(c.limited)
        let ratioCuts = t("≥ \(on): \(TargetStatus.onTrack.labelVi); \(acc)–\(on): \(TargetStatus.accelerationNeeded.labelVi); \(lim)–\(acc): \(TargetStatus.limitedProgress.labelVi); < \(lim): \(TargetStatus.deterioration.labelVi)",
                          "≥ \(on): \(TargetStatus.onTrack.labelEn); \(acc)–\(on): \(TargetStatus.accelerationNeeded.labelEn); \(lim)–\(acc): \(TargetStatus.limitedProgress.labelEn); below \(lim): \(TargetStatus.deterioration.labelEn)")
        switch review.rule {
        case .forecast:
            return t("Quy tắc đánh giá (dự báo): dự báo bước ngẫu nhiên có độ trôi trên thang của mô hình (log với số lượng, logit với tỷ lệ), tính tiếp từ số thực hiện gần nhất, so với tốc độ cần đạt từ số thực hiện gần nhất đến mục tiêu, tức phần khoảng cách còn lại được thu hẹp vào năm mục tiêu; khoảng dự báo và xác suất đạt theo phân phối Student-t của dự báo; số thực hiện gần nhất chưa đạt mà dự báo đi ngược mục tiêu là \(TargetStatus.deterioration.labelVi); ngưỡng theo đánh giá tiến độ SDG của Eurostat: ",
                     "Rule (forecast): a random walk with drift on the model's scale (log for amounts, logit for rates), carried on from the latest actual, against the pace needed from the latest actual to the target, i.e. the share of the remaining gap it closes by the target year; prediction intervals and P(meet) from the forecast's Student-t distribution; a latest actual that misses while the forecast moves away is \(TargetStatus.deterioration.labelEn); cut-offs of the Eurostat SDG progress assessment: ") + ratioCuts + "."
        case .trend:
            return t("Quy tắc đánh giá (xu hướng): tỷ lệ giữa tốc độ của xu hướng bình phương tối thiểu (năm gốc và mọi số thực hiện) và tốc độ cần đạt từ số thực hiện gần nhất đến mục tiêu, tức phần khoảng cách còn lại được thu hẹp vào năm mục tiêu; đúng hướng chỉ khi chính đường xu hướng cũng đạt ngưỡng đó; số thực hiện gần nhất chưa đạt mà xu hướng đi ngược mục tiêu là \(TargetStatus.deterioration.labelVi); ngưỡng theo đánh giá tiến độ SDG của Eurostat: ",
                     "Rule (trend): the least-squares trend's pace (baseline and all actuals) against the pace needed from the latest actual to the target, i.e. the share of the remaining gap it closes by the target year; on track only when the trend line itself closes that share too; a latest actual that misses while the trend moves away is \(TargetStatus.deterioration.labelEn); cut-offs of the Eurostat SDG progress assessment: ") + ratioCuts + "."
        case .cagr:
            return t("Quy tắc đánh giá (CAGR): tỷ lệ giữa tốc độ bình quân từ năm gốc đến số thực hiện gần nhất và tốc độ cần đạt từ số thực hiện gần nhất đến mục tiêu; ngưỡng: ",
                     "Rule (CAGR): the compound pace from the baseline to the latest actual against the pace needed from the latest actual to the target (Eurostat/UNSD); cut-offs: ") + ratioCuts + "."
        case .probability:
            let p = percent(c.probabilityOnTrack), r = percent(c.probabilityAtRisk)
            return t("Quy tắc đánh giá (xác suất): xác suất đạt mục tiêu theo phân phối dự báo Student-t của xu hướng; ≥ \(p): \(TargetStatus.onTrack.labelVi); \(r)–\(p): \(TargetStatus.accelerationNeeded.labelVi) (có nguy cơ); < \(r): \(TargetStatus.limitedProgress.labelVi); \(TargetStatus.deterioration.labelVi) khi số thực hiện gần nhất chưa đạt và xu hướng đi ngược mục tiêu.",
                     "Rule (probability): probability of meeting the target from the trend's Student-t prediction distribution; ≥ \(p): \(TargetStatus.onTrack.labelEn); \(r)–\(p): \(TargetStatus.accelerationNeeded.labelEn) (at risk); below \(r): \(TargetStatus.limitedProgress.labelEn); \(TargetStatus.deterioration.labelEn) when the latest actual misses and the trend moves away from the target.")
        }
    }

    /// How maintained and level targets are judged besides the ratio (as the engine does).
    var ruleExtraLine: String {
        t("Chỉ tiêu mức: \(TargetStatus.achieved.labelVi) khi số thực hiện gần nhất đã đạt. Chỉ tiêu duy trì hằng năm: xét từng năm; năm gần nhất không đạt là \(TargetStatus.deterioration.labelVi) nếu xu hướng đi ngược, \(TargetStatus.accelerationNeeded.labelVi) nếu đó là năm duy nhất không đạt; đã có năm trước không đạt là \(TargetStatus.limitedProgress.labelVi). Chỉ tiêu định tính: ghi nhận như trong kế hoạch.",
          "Level targets: \(TargetStatus.achieved.labelEn) when the latest actual already meets them. Maintained (every-year) targets are judged year by year: the latest year missed is \(TargetStatus.deterioration.labelEn) when the trend moves away, \(TargetStatus.accelerationNeeded.labelEn) when it is the only year missed; an earlier year missed is \(TargetStatus.limitedProgress.labelEn). Qualitative targets are reported as entered.")
    }

    var intervalLine: String {
        let lv = mainLevel.map { percent($0) } ?? "95 %"
        return t("Khoảng trong ngoặc vuông: khoảng tin cậy \(lv) của tốc độ tăng theo mô hình (độ trôi của dự báo hoặc xu hướng) và khoảng dự báo \(lv) của giá trị năm mục tiêu. Tốc độ tăng của các tỷ lệ theo xu hướng tuyến tính hoặc logistic là mức thay đổi (điểm %/năm).",
                 "Square brackets: \(lv) confidence interval of the model's growth (the forecast's drift or the trend's) and \(lv) prediction interval of the target-year value. For rates on a linear or logistic trend, growth is a change in percentage points per year.")
    }

    /// What the short column headers of the terminal table mean.
    var columnsLine: String {
        t("Cột: Tiến độ = tốc độ quan sát (dự báo hoặc xu hướng, theo quy tắc) ÷ tốc độ cần đạt từ số thực hiện gần nhất (thang của mô hình: log, logit); Thực hiện = số thực hiện gần nhất (năm); Dự báo = giá trị năm mục tiêu (chỉ tiêu tăng trưởng: tốc độ tăng bình quân dự báo); Cần/năm = tốc độ (hoặc mức thay đổi) cần đạt mỗi năm từ số thực hiện gần nhất; Chênh lệch = dự báo − mục tiêu, dương là tốt hơn (chỉ tiêu cần giảm: đã đổi dấu); Xác suất = xác suất đạt mục tiêu.",
          "Columns: Ratio = the rule's pace (forecast or trend) ÷ pace needed from the latest actual (on the model's scale: log, logit); Latest = latest actual (year); Projected = value in the target year (growth targets: projected average growth); Needed/yr = growth (or change) needed each year from the latest actual; Gap = projected − target, positive is better (sign turned for falling targets); P(meet) = probability of meeting the target.")
    }

    /// The meaning of ratio, gap and probability, for the Markdown and HTML footnotes.
    var gapLine: String {
        t("Tỷ lệ tiến độ = tốc độ quan sát (dự báo hoặc xu hướng, theo quy tắc) ÷ tốc độ cần đạt từ số thực hiện gần nhất, trên thang của mô hình (log, logit): phần khoảng cách còn lại được thu hẹp vào năm mục tiêu. Chênh lệch = dự báo năm mục tiêu − mục tiêu, dương là tốt hơn (chỉ tiêu cần giảm: đã đổi dấu; chỉ tiêu tăng trưởng: điểm %). Xác suất đạt theo phân phối dự báo của mô hình (dự báo hoặc xu hướng, theo quy tắc).",
          "Progress ratio = the rule's pace (forecast or trend) ÷ pace needed from the latest actual, on the model's scale (log, logit): the share of the remaining gap closed by the target year. Gap = projected target-year value − target, positive is better (sign turned for falling targets; growth targets in percentage points). P(meet) from the rule's prediction distribution (forecast or trend).")
    }

    var illustrativeNote: String {
        t("* Có dùng số liệu MINH HỌA (không phải số liệu chính thức): số liệu gốc hoặc số thực hiện được đánh dấu là minh họa. Kết quả chỉ để minh họa cách dùng công cụ.",
          "* Uses ILLUSTRATIVE data (not official figures): baseline values or actuals marked illustrative. Results only show how the tool works.")
    }
    var illustrativeBadge: String { t("MINH HỌA", "ILLUSTRATIVE") }

    // MARK: column headers

    var colId: String { t("Mã", "ID") }
    var colTarget: String { t("Chỉ tiêu", "Target") }
    var colRequirement: String { t("Mục tiêu", "Requirement") }
    var colUnit: String { t("Đơn vị", "Unit") }
    var colStatus: String { t("Đánh giá", "Status") }
    var colRatio: String { t("Tỷ lệ tiến độ", "Progress ratio") }
    var colLatest: String { t("Thực hiện gần nhất", "Latest actual") }
    var colTrend: String { t("Tăng theo xu hướng/năm", "Trend growth/yr") }
    var colProjected: String { t("Dự báo năm mục tiêu", "Projected, target year") }
    var colRequired: String { t("Cần đạt từ nay/năm", "Required from now/yr") }
    var colGap: String { t("Chênh lệch", "Gap") }
    var colProbability: String { t("Xác suất đạt", "P(meet)") }
    var colResponsible: String { t("Đơn vị chủ trì", "Responsible") }

    // MARK: cells

    func indicator(_ a: TargetAssessment) -> Indicator? { review.plan.indicator(a.target.indicator) }
    func unit(_ a: TargetAssessment) -> String { indicator(a)?.unit ?? a.target.unit }
    func name(_ a: TargetAssessment) -> String { vi || a.target.nameEn.isEmpty ? a.target.nameVi : a.target.nameEn }
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
    func statusCell(_ a: TargetAssessment) -> String { Self.symbol(a.status.light) + " " + statusLabel(a.status) }

    private func isPercentUnit(_ u: String) -> Bool { u.trimmingCharacters(in: .whitespaces).hasPrefix("%") }

    /// "điểm %" / "pp" for percent units, else the unit itself: the unit of a change.
    func changeUnit(_ a: TargetAssessment) -> String { isPercentUnit(unit(a)) ? t("điểm %", "pp") : unit(a) }

    /// The requirement as the plan states it: "≥ 12,5 %/năm (2025–2030)", "≥ 120 (2030)",
    /// "100 % (hằng năm 2026–2030)"; with `withUnit` the unit of a level target follows the
    /// number ("≥ 120 triệu đồng/người/năm (2030)").
    func requirement(_ a: TargetAssessment, withUnit: Bool = false) -> String {
        let tg = a.target
        guard tg.low != nil else { return tg.kind == .qualitative ? (tg.appendixValue.isEmpty ? t("Đạt", "Pass") : tg.appendixValue) : "—" }
        var s = requirementCore(tg, unit: unit(a), withUnit: withUnit)
        switch tg.kind {
        case .maintained: s += t(" (hằng năm \(tg.startYear)–\(tg.targetYear))", " (every year \(tg.startYear)–\(tg.targetYear))")
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
        let suffix = growth ? t(" %/năm", " %/yr") : (isPercentUnit(u) ? " %" : (withUnit && !u.isEmpty ? " " + u : ""))
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
        for (en, viName) in [("exponential", "hàm mũ"), ("linear", "tuyến tính"), ("logistic", "logistic"), ("polynomial", "đa thức")] where m.hasPrefix(en) {
            return viName + m.dropFirst(en.count)
        }
        switch m {   // the forecast rule's drift models (`TargetYearForecast.name`)
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
        if a.growthIsChange { return number.signed(g, decimals: Self.growthDecimals(g)) + " " + changeUnit(a) }
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
            s += " " + interval(number.string(i.lower * scale, decimals: d), number.string(i.upper * scale, decimals: d))
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
        a.target.kind == .growth ? Self.growthDecimals(v * 100) : ReportNumberFormat.naturalDecimals(v)
    }

    func projectedValue(_ v: Double, _ a: TargetAssessment, decimals: Int) -> String {
        number.string(a.target.kind == .growth ? v * 100 : v, decimals: decimals)
    }

    func projectedInterval(_ i: LevelInterval, centre: Double, _ a: TargetAssessment) -> String {
        let d = projectedDecimals(centre, a)
        return interval(projectedValue(i.lower, a, decimals: d), projectedValue(i.upper, a, decimals: d))
    }

    func projected(_ a: TargetAssessment) -> String {
        guard let p = a.projected else { return "—" }
        var s = projectedValue(p, a, decimals: projectedDecimals(p, a)) + (a.target.kind == .growth ? " %" : "")
        if let i = mainInterval(a.projectedIntervals) { s += " " + projectedInterval(i, centre: p, a) }
        return s
    }

    func gap(_ a: TargetAssessment) -> String {
        guard let g = a.gap else { return "—" }
        if a.target.kind == .growth { return number.signed(g * 100, decimals: 2) + " " + t("điểm %", "pp") }
        return number.signed(g, decimals: ReportNumberFormat.naturalDecimals(g)) + (isPercentUnit(unit(a)) ? " " + t("điểm %", "pp") : "")
    }

    func ratio(_ a: TargetAssessment) -> String { a.progressRatio.map { percent($0) } ?? "—" }
    func probability(_ a: TargetAssessment) -> String { a.probability.map { percent($0) } ?? "—" }

    func yearsMissed(_ a: TargetAssessment) -> String? {
        a.yearsMissed.isEmpty ? nil : t("Năm không đạt: ", "Years missed: ") + a.yearsMissed.map(String.init).joined(separator: ", ")
    }

    /// Facts about one target as (label, value) lines for the notes of Markdown and HTML.
    func facts(_ a: TargetAssessment) -> [(String, String)] {
        var f: [(String, String)] = []
        f.append((colRequirement, requirement(a, withUnit: true)))
        f.append((colStatus, statusLabel(a.status)))
        if let b = a.baseline { f.append((t("Năm gốc \(review.plan.baselineYear)", "Baseline \(review.plan.baselineYear)"), value(b) + " " + unit(a))) }
        if a.latest != nil { f.append((colLatest, latest(a, withUnit: true))) }
        if let m = a.model { f.append((t("Mô hình xu hướng", "Trend model"), model(m))) }
        if a.trendGrowth != nil { f.append((colTrend, trend(a))) }
        if let r = a.requiredGrowth { f.append((t("Cần đạt từ năm gốc/năm", "Required from baseline/yr"), growth(r, a))) }
        if a.requiredFromNow != nil { f.append((colRequired, required(a.requiredFromNow, a))) }
        if a.progressRatio != nil { f.append((colRatio, ratio(a))) }
        if let p = a.projected {
            var s = projectedValue(p, a, decimals: projectedDecimals(p, a)) + (a.target.kind == .growth ? " %/" + t("năm", "yr") : " " + unit(a))
            let ivs = a.projectedIntervals.sorted { $0.level < $1.level }
            if !ivs.isEmpty {
                s += "; " + ivs.map { t("khoảng dự báo ", "") + percent($0.level) + t("", " prediction interval") + " " + projectedInterval($0, centre: p, a) }.joined(separator: "; ")
            }
            f.append((t("Dự báo năm \(a.target.targetYear)", "Projected \(a.target.targetYear)"), s))
        }
        if a.gap != nil {
            let needsUnit = a.target.kind != .growth && !isPercentUnit(unit(a)) && !unit(a).isEmpty
            f.append((colGap, gap(a) + (needsUnit ? " " + unit(a) : "")))
        }
        if a.probability != nil { f.append((colProbability, probability(a))) }
        if let y = yearsMissed(a) { f.append((t("Duy trì hằng năm", "Maintained every year"), y)) }
        if !a.target.responsibleUnit.isEmpty { f.append((colResponsible, a.target.responsibleUnit)) }
        if vi {
            f.append(("Cách xác định", explanationVi(a)))
            if !a.explanation.isEmpty { f.append(("Chi tiết (tiếng Anh)", a.explanation)) }
        } else if !a.explanation.isEmpty {
            f.append(("How the status was reached", a.explanation))
        }
        if !a.target.source.isEmpty { f.append((t("Nguồn trong kế hoạch", "Source in the plan"), a.target.source)) }
        if !a.target.note.isEmpty { f.append((t("Ghi chú", "Note"), a.target.note)) }
        if a.illustrative { f.append((illustrativeBadge, t("dùng số liệu minh họa", "uses illustrative data"))) }
        return f
    }

    /// How the status was reached, in Vietnamese, from the assessment's figures (the
    /// engine's own sentence is English).
    func explanationVi(_ a: TargetAssessment) -> String {
        let tg = a.target
        switch a.status {
        case .notQuantifiable:
            return tg.kind == .qualitative ? "Chỉ tiêu định tính: ghi nhận như trong kế hoạch, không đánh giá bằng số liệu."
                                           : "Kế hoạch không nêu giá trị định lượng cho chỉ tiêu này."
        case .insufficientData:
            return a.baseline == nil ? "Chưa có số liệu năm gốc nên chưa đánh giá được."
                                     : "Chưa đủ số liệu thực hiện để đánh giá (cần số năm gốc và ít nhất một số thực hiện)."
        case .achieved:
            return "Số thực hiện gần nhất \(latest(a, withUnit: true)) đã đạt mục tiêu \(requirement(a, withUnit: true))."
        default: break
        }
        if tg.kind == .maintained {
            if a.yearsMissed.isEmpty {
                return "Đạt trong mọi năm đã có số liệu" + (a.status == .onTrack ? "." : ", nhưng xu hướng cho thấy có thể không đạt vào năm \(tg.targetYear).")
            }
            let years = a.yearsMissed.map(String.init).joined(separator: ", ")
            let tail: String
            switch a.status {
            case .deterioration: tail = ", và xu hướng đang đi ngược mục tiêu."
            case .accelerationNeeded: tail = " (năm gần nhất, năm duy nhất không đạt); xu hướng không đi ngược mục tiêu."
            default: tail = " (đã mất cho những năm đó)."
            }
            return "Chỉ tiêu phải đạt hằng năm; không đạt trong năm \(years)" + tail
        }
        if a.rule != .probability, a.status == .deterioration, (a.progressRatio ?? -1) < 0 {
            return "Số thực hiện gần nhất \(latest(a, withUnit: true)) chưa đạt mục tiêu \(requirement(a, withUnit: true)) và xu hướng đang đi ngược mục tiêu: \(TargetStatus.deterioration.labelVi)."
        }
        let band: String
        switch a.status {
        case .onTrack: band = "từ \(percent(review.cutoffs.onTrack)) trở lên: \(TargetStatus.onTrack.labelVi)"
        case .accelerationNeeded: band = "từ \(percent(review.cutoffs.acceleration)) đến dưới \(percent(review.cutoffs.onTrack)): \(TargetStatus.accelerationNeeded.labelVi)"
        case .limitedProgress: band = "từ \(percent(review.cutoffs.limited)) đến dưới \(percent(review.cutoffs.acceleration)): \(TargetStatus.limitedProgress.labelVi)"
        default: band = "dưới \(percent(review.cutoffs.limited)): \(TargetStatus.deterioration.labelVi)"
        }
        switch a.rule {
        case .probability:
            guard let p = a.probability else { break }
            return "Xác suất đạt mục tiêu theo phân phối dự báo của xu hướng là \(percent(p)): \(statusLabel(a.status))."
        case .trend, .cagr, .forecast:
            guard let r = a.progressRatio else {
                return a.status == .onTrack ? "Đã ở mức mà tốc độ yêu cầu cho năm \(tg.targetYear) và xu hướng giữ được mức đó: \(statusLabel(a.status))."
                                            : "Đã ở mức mà tốc độ yêu cầu cho năm \(tg.targetYear), nhưng xu hướng giảm xuống dưới mức đó trước năm mục tiêu: \(statusLabel(a.status))."
            }
            let basis: String
            switch a.rule {
            case .forecast: basis = "dự báo bước ngẫu nhiên có độ trôi" + (a.model.map { " (\(model($0)))" } ?? "")
            case .trend, .probability: basis = "xu hướng bình phương tối thiểu" + (a.model.map { " (\(model($0)))" } ?? "")
            case .cagr: basis = "tốc độ bình quân từ năm gốc đến \(a.latest.map { String($0.year) } ?? "năm gần nhất")"
            }
            var s = "Tốc độ quan sát (\(basis)), tính tiếp từ số thực hiện gần nhất, thu hẹp \(percent(r)) khoảng cách còn lại đến mục tiêu vào năm \(tg.targetYear)"
            let logit = a.model.map { $0.hasPrefix("logistic") || $0.hasPrefix("drift(logit") } ?? false
            if logit { s += ", tính trên thang logit của tỷ lệ" }
            if let g = a.trendGrowth, let q = a.requiredFromNow {
                s += " (\(growth(g, a)) so với \(growth(q, a)) cần đạt mỗi năm từ nay)"
            }
            if a.status == .accelerationNeeded, r >= review.cutoffs.onTrack, let tr = a.trendPositionRatio {
                return s + "; nhưng chính đường xu hướng chỉ thu hẹp \(percent(tr)): \(TargetStatus.accelerationNeeded.labelVi)."
            }
            return s + "; \(band)."
        }
        return statusLabel(a.status).prefix(1).uppercased() + statusLabel(a.status).dropFirst() + "."
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
        statusCounts.map { "\(Self.symbol($0.0.light)) \(statusLabel($0.0)): \($0.1)" }.joined(separator: "   ")
    }
}
