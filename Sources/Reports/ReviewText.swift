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

    var planName: String {
        vi
            ? review.plan.nameVi
            : (review.plan.nameEn.isEmpty ? review.plan.nameVi : review.plan.nameEn)
    }
    var title: String { t("Rà soát giữa kỳ", "Mid-term review") }
    var asOfLine: String {
        t(
            "Số liệu thực hiện đến năm \(review.asOf); năm gốc \(review.plan.baselineYear); kỳ kế hoạch \(review.plan.firstYear)–\(review.plan.lastYear).",
            "Actuals up to \(review.asOf); baseline year \(review.plan.baselineYear); plan period \(review.plan.firstYear)–\(review.plan.lastYear)."
        )
    }
    var sourceLine: String? {
        review.actualsSource.isEmpty
            ? nil : t("Nguồn số liệu thực hiện: ", "Actuals: ") + review.actualsSource
    }

    /// The highest prediction level, the one tables show.
    var mainLevel: Double? {
        (review.levels.isEmpty
            ? review.assessments.flatMap { $0.projectedIntervals.map(\.level) } : review.levels)
            .max()
    }

    func percent(_ fraction: Double, decimals: Int = 0) -> String {
        number.string(fraction * 100, decimals: decimals) + " %"
    }

    /// "Rule: …" with the cut-offs in percent.
    var ruleLine: String {
        let c = review.cutoffs
        let on = percent(c.onTrack), acc = percent(c.acceleration), lim = percent(c.limited)
        let ratioCuts = t(
            "≥ \(on): \(TargetStatus.onTrack.labelVi); \(acc)–\(on): \(TargetStatus.accelerationNeeded.labelVi); \(lim)–\(acc): \(TargetStatus.limitedProgress.labelVi); < \(lim): \(TargetStatus.deterioration.labelVi)",
            "≥ \(on): \(TargetStatus.onTrack.labelEn); \(acc)–\(on): \(TargetStatus.accelerationNeeded.labelEn); \(lim)–\(acc): \(TargetStatus.limitedProgress.labelEn); below \(lim): \(TargetStatus.deterioration.labelEn)"
        )
        switch review.rule {
        case .forecast:
            return t(
                "Quy tắc đánh giá (dự báo): dự báo bước ngẫu nhiên có độ trôi trên thang của mô hình (log với số lượng, logit với tỷ lệ), tính tiếp từ số thực hiện gần nhất, so với tốc độ cần đạt từ số thực hiện gần nhất đến mục tiêu, tức phần khoảng cách còn lại được thu hẹp vào năm mục tiêu; khoảng dự báo và xác suất đạt theo phân phối Student-t của dự báo; số thực hiện gần nhất chưa đạt mà dự báo đi ngược mục tiêu là \(TargetStatus.deterioration.labelVi); ngưỡng theo đánh giá tiến độ SDG của Eurostat: ",
                "Rule (forecast): a random walk with drift on the model's scale (log for amounts, logit for rates), carried on from the latest actual, against the pace needed from the latest actual to the target, i.e. the share of the remaining gap it closes by the target year; prediction intervals and P(meet) from the forecast's Student-t distribution; a latest actual that misses while the forecast moves away is \(TargetStatus.deterioration.labelEn); cut-offs of the Eurostat SDG progress assessment: "
            ) + ratioCuts + "."
        case .trend:
            return t(
                "Quy tắc đánh giá (xu hướng): tỷ lệ giữa tốc độ của xu hướng bình phương tối thiểu (năm gốc và mọi số thực hiện) và tốc độ cần đạt từ số thực hiện gần nhất đến mục tiêu, tức phần khoảng cách còn lại được thu hẹp vào năm mục tiêu; đúng hướng chỉ khi chính đường xu hướng cũng đạt ngưỡng đó; số thực hiện gần nhất chưa đạt mà xu hướng đi ngược mục tiêu là \(TargetStatus.deterioration.labelVi); ngưỡng theo đánh giá tiến độ SDG của Eurostat: ",
                "Rule (trend): the least-squares trend's pace (baseline and all actuals) against the pace needed from the latest actual to the target, i.e. the share of the remaining gap it closes by the target year; on track only when the trend line itself closes that share too; a latest actual that misses while the trend moves away is \(TargetStatus.deterioration.labelEn); cut-offs of the Eurostat SDG progress assessment: "
            ) + ratioCuts + "."
        case .cagr:
            return t(
                "Quy tắc đánh giá (CAGR): tỷ lệ giữa tốc độ bình quân từ năm gốc đến số thực hiện gần nhất và tốc độ cần đạt từ số thực hiện gần nhất đến mục tiêu; ngưỡng: ",
                "Rule (CAGR): the compound pace from the baseline to the latest actual against the pace needed from the latest actual to the target (Eurostat/UNSD); cut-offs: "
            ) + ratioCuts + "."
        case .probability:
            let p = percent(c.probabilityOnTrack), r = percent(c.probabilityAtRisk)
            return t(
                "Quy tắc đánh giá (xác suất): xác suất đạt mục tiêu theo phân phối dự báo Student-t của xu hướng; ≥ \(p): \(TargetStatus.onTrack.labelVi); \(r)–\(p): \(TargetStatus.accelerationNeeded.labelVi) (có nguy cơ); < \(r): \(TargetStatus.limitedProgress.labelVi); \(TargetStatus.deterioration.labelVi) khi số thực hiện gần nhất chưa đạt và xu hướng đi ngược mục tiêu.",
                "Rule (probability): probability of meeting the target from the trend's Student-t prediction distribution; ≥ \(p): \(TargetStatus.onTrack.labelEn); \(r)–\(p): \(TargetStatus.accelerationNeeded.labelEn) (at risk); below \(r): \(TargetStatus.limitedProgress.labelEn); \(TargetStatus.deterioration.labelEn) when the latest actual misses and the trend moves away from the target."
            )
        }
    }

    /// How maintained and level targets are judged besides the ratio (as the engine does).
    var ruleExtraLine: String {
        t(
            "Chỉ tiêu mức: \(TargetStatus.achieved.labelVi) khi số thực hiện gần nhất đã đạt. Chỉ tiêu duy trì hằng năm: xét từng năm; năm gần nhất không đạt là \(TargetStatus.deterioration.labelVi) nếu xu hướng đi ngược, \(TargetStatus.accelerationNeeded.labelVi) nếu đó là năm duy nhất không đạt; đã có năm trước không đạt là \(TargetStatus.limitedProgress.labelVi). Chỉ tiêu định tính: ghi nhận như trong kế hoạch.",
            "Level targets: \(TargetStatus.achieved.labelEn) when the latest actual already meets them. Maintained (every-year) targets are judged year by year: the latest year missed is \(TargetStatus.deterioration.labelEn) when the trend moves away, \(TargetStatus.accelerationNeeded.labelEn) when it is the only year missed; an earlier year missed is \(TargetStatus.limitedProgress.labelEn). Qualitative targets are reported as entered."
        )
    }

    var intervalLine: String {
        let lv = mainLevel.map { percent($0) } ?? "95 %"
        return t(
            "Khoảng trong ngoặc vuông: khoảng tin cậy \(lv) của tốc độ tăng theo mô hình (độ trôi của dự báo hoặc xu hướng) và khoảng dự báo \(lv) của giá trị năm mục tiêu. Tốc độ tăng của các tỷ lệ theo xu hướng tuyến tính hoặc logistic là mức thay đổi (điểm %/năm).",
            "Square brackets: \(lv) confidence interval of the model's growth (the forecast's drift or the trend's) and \(lv) prediction interval of the target-year value. For rates on a linear or logistic trend, growth is a change in percentage points per year."
        )
    }

    /// What the short column headers of the terminal table mean.
    var columnsLine: String {
        t(
            "Cột: \(growthColumnMeaning(header: colGrowthShort)); Tiến độ = tốc độ quan sát (dự báo hoặc xu hướng, theo quy tắc) ÷ tốc độ cần đạt từ số thực hiện gần nhất (thang của mô hình: log, logit); Thực hiện = số thực hiện gần nhất (năm); Dự báo = giá trị năm mục tiêu (chỉ tiêu tăng trưởng: tốc độ tăng bình quân dự báo); Cần/năm = tốc độ (hoặc mức thay đổi) cần đạt mỗi năm từ số thực hiện gần nhất; Chênh lệch = dự báo − mục tiêu, dương là tốt hơn (chỉ tiêu cần giảm: đã đổi dấu); Xác suất = xác suất đạt mục tiêu.",
            "Columns: \(growthColumnMeaning(header: colGrowthShort)); Ratio = the rule's pace (forecast or trend) ÷ pace needed from the latest actual (on the model's scale: log, logit); Latest = latest actual (year); Projected = value in the target year (growth targets: projected average growth); Needed/yr = growth (or change) needed each year from the latest actual; Gap = projected − target, positive is better (sign turned for falling targets); P(meet) = probability of meeting the target."
        )
    }

    /// The meaning of ratio, gap and probability, for the Markdown and HTML footnotes.
    var gapLine: String {
        t(
            "\(growthColumnMeaning(header: colTrend)). Tỷ lệ tiến độ = tốc độ quan sát (dự báo hoặc xu hướng, theo quy tắc) ÷ tốc độ cần đạt từ số thực hiện gần nhất, trên thang của mô hình (log, logit): phần khoảng cách còn lại được thu hẹp vào năm mục tiêu. Chênh lệch = dự báo năm mục tiêu − mục tiêu, dương là tốt hơn (chỉ tiêu cần giảm: đã đổi dấu; chỉ tiêu tăng trưởng: điểm %). Xác suất đạt theo phân phối dự báo của mô hình (dự báo hoặc xu hướng, theo quy tắc).",
            "\(growthColumnMeaning(header: colTrend)). Progress ratio = the rule's pace (forecast or trend) ÷ pace needed from the latest actual, on the model's scale (log, logit): the share of the remaining gap closed by the target year. Gap = projected target-year value − target, positive is better (sign turned for falling targets; growth targets in percentage points). P(meet) from the rule's prediction distribution (forecast or trend)."
        )
    }

    var illustrativeNote: String {
        t(
            "* Có dùng số liệu MINH HỌA (không phải số liệu chính thức): số liệu gốc hoặc số thực hiện được đánh dấu là minh họa. Kết quả chỉ để minh họa cách dùng công cụ.",
            "* Uses ILLUSTRATIVE data (not official figures): baseline values or actuals marked illustrative. Results only show how the tool works."
        )
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
    var colProjected: String { t("Dự báo năm mục tiêu", "Projected, target year") }
    var colRequired: String { t("Cần đạt từ nay/năm", "Required from now/yr") }
    var colGap: String { t("Chênh lệch", "Gap") }
    var colProbability: String { t("Xác suất đạt", "P(meet)") }
    var colResponsible: String { t("Đơn vị chủ trì", "Responsible") }
}
