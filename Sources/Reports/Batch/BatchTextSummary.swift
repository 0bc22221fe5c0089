import Forecasting
import PlanModel

/// `review --plans DIR` on a terminal: one line per plan (counts and the summary
/// sentence), the target groups with the plans at risk, the roll-up by province, and the
/// plans that failed to load.
struct BatchTextSummary {
    let batch: BatchReview
    let summary: BatchSummary
    let language: ReportLanguage

    func t(_ vi: String, _ en: String) -> String { language == .vi ? vi : en }

    func render() -> String {
        var out = t(
            "Rà soát giữa kỳ: \(batch.plans.count) kế hoạch",
            "Mid-term review: \(batch.plans.count) plans")
        if !batch.failures.isEmpty {
            out += t(
                ", \(batch.failures.count) không đọc được",
                ", \(batch.failures.count) could not be read")
        }
        out += "\n"
        if batch.plans.contains(where: \.illustrative) {
            out += t(
                "*** MINH HỌA / SYNTHETIC ***  có dùng số liệu minh họa, không phải số liệu chính thức\n",
                "*** ILLUSTRATIVE / SYNTHETIC ***  uses illustrative data, not official figures\n")
        }
        out += "\n"
        var plans = TextTable(
            header: [
                t("Kế hoạch", "Plan"), t("Tỉnh", "Province"), t("Đạt", "Met"),
                t("Tăng tốc", "Accel."), t("Khó đạt", "Unlikely"),
                t("Chưa ĐG", "Not judged"), t("Tóm tắt", "Summary")
            ],
            alignments: [.left, .left, .right, .right, .right, .right, .left])
        for plan in batch.plans {
            let s = plan.sentence
            plans.append([
                plan.planID, plan.province, String(s.expectedMet), String(s.accelerationNeeded),
                String(s.unlikely), String(s.notJudged), s.text(language)
            ])
        }
        out += plans.render(maxColumnWidth: 120) + "\n\n"
        var groups = TextTable(
            header: [
                t("Nhóm chỉ tiêu", "Target group"), t("Kế hoạch", "Plans"), t("Xanh", "Green"),
                t("Vàng", "Amber"),
                t("Đỏ (có nguy cơ)", "Red (at risk)"), t("Xám", "Grey")
            ],
            alignments: [.left, .right, .right, .right, .right, .right])
        for row in summary.byIndicator {
            groups.append([
                row.indicator, String(row.plans), String(row.green), String(row.amber),
                String(row.red), String(row.grey)
            ])
        }
        out += groups.render() + "\n\n"
        var provinces = TextTable(
            header: [t("Tỉnh", "Province"), t("Kế hoạch", "Plans"), t("Có nguy cơ", "At risk")],
            alignments: [.left, .right, .right])
        for row in summary.byProvince {
            provinces.append([
                row.province.isEmpty ? "—" : row.province, String(row.plans),
                String(row.plansAtRisk)
            ])
        }
        out += provinces.render() + "\n"
        for failure in batch.failures { out += "\n" + t("Lỗi: ", "Error: ") + failure.message }
        return out + (batch.failures.isEmpty ? "" : "\n")
    }
}
