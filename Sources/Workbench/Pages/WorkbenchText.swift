import Reports

/// The workbench's own labels in Vietnamese and English (the review table's come from
/// `Reports`, so they read exactly as in the HTML report).
struct WorkbenchText: Sendable {
    let language: ReportLanguage
    var vi: Bool { language == .vi }
    func t(_ vi: String, _ en: String) -> String { self.vi ? vi : en }

    var appName: String { t("Bàn làm việc của người lập kế hoạch", "Planner's workbench") }
    var plans: String { t("Các kế hoạch", "Plans") }
    var review: String { t("Rà soát", "Review") }
    var whatIf: String { t("Giả định (what-if)", "What-if") }
    var compare: String { t("So sánh kịch bản", "Compare scenarios") }
    var charts: String { t("Biểu đồ", "Charts") }
    var findings: String { t("Tính nhất quán của chỉ tiêu", "Consistency of the targets") }
    var actualsAndReports: String { t("Số liệu thực hiện và báo cáo", "Actuals and reports") }
    var whatIfProbability: String { t("Xác suất đạt (giả định)", "P(meet), what-if") }
    var whatIfProjected: String { t("Dự báo (giả định)", "Projected, what-if") }
    var driver: String { t("Động lực", "Driver") }
    var addDriver: String { t("Thêm động lực", "Add a driver") }
    var use: String { t("Dùng", "Use") }
    var growthPerYear: String { t("Tăng trưởng %/năm", "Growth %/yr") }
    var changePerYear: String { t("Thay đổi/năm", "Change/yr") }
    var distribution: String { t("Phân phối", "Distribution") }
    var below: String { t("Dưới trung tâm", "Below central") }
    var above: String { t("Trên trung tâm", "Above central") }
    var sd: String { t("Độ lệch chuẩn", "Std. dev.") }
    var volatility: String { t("Biến động năm (điểm %)", "Yearly volatility (pp)") }
    var shockYear: String { t("Năm cú sốc", "Shock year") }
    var shockSize: String { t("Cú sốc (điểm %)", "Shock (pp)") }
    var addShock: String { t("Thêm cú sốc", "Add a shock") }
    var baseline: String { t("Giá trị gốc (thay thế)", "Baseline override") }
    var none: String { t("không", "none") }
    var correlations: String { t("Tương quan giữa các động lực", "Correlations between drivers") }
    var addCorrelation: String { t("Thêm tương quan", "Add correlation") }
    var remove: String { t("Xoá", "Remove") }
    var samples: String { t("Số đường mô phỏng", "Simulated paths") }
    var scenarioName: String { t("Tên kịch bản", "Scenario name") }
    var startFrom: String { t("Bắt đầu từ", "Start from") }
    var load: String { t("Mở", "Load") }
    var save: String { t("Lưu thành tệp YAML", "Save as a YAML file") }
    var pin: String { t("Thêm vào so sánh", "Add to comparison") }
    var clearPins: String { t("Bỏ các kịch bản của tôi", "Clear my scenarios") }
    var upload: String {
        t("Tải lên số liệu thực hiện (CSV hoặc .xlsx)", "Upload actuals (CSV or .xlsx)")
    }
    var uploadButton: String { t("Rà soát với tệp này", "Review against this file") }
    var useExample: String { t("Dùng lại số liệu ví dụ", "Back to the example actuals") }
    var download: String { t("Tải về", "Download") }
    var reviewHTML: String { t("Báo cáo rà soát HTML", "Review report, HTML") }
    var reviewCSV: String { t("Bảng rà soát CSV", "Review table, CSV") }
    var reviewMD: String { t("Báo cáo rà soát Markdown", "Review report, Markdown") }
    var reviewXLSX: String { t("Báo cáo rà soát Excel (.xlsx)", "Review report, Excel (.xlsx)") }
    var sweepCSV: String { t("Kết quả mô phỏng CSV", "Sweep results, CSV") }
    var showYAML: String { t("Xem kịch bản dạng YAML", "Show the scenario as YAML") }
    var whatIfHelp: String {
        t(
            "Mỗi thay đổi chạy lại mô phỏng Monte Carlo; xác suất đạt và dự báo của từng chỉ tiêu trong bảng cập nhật ngay.",
            "Every change reruns the Monte Carlo sweep; each target's chance of being met and its projection update in the table."
        )
    }
    var noFindings: String { t("Không có phát hiện.", "No findings.") }
    var chartsHelp: String {
        t(
            "Trước khi mô phỏng: xu hướng từ số liệu thực hiện. Sau mỗi lần mô phỏng: trung vị và các khoảng 50 % và 90 % của kịch bản giả định.",
            "Before a sweep: the trend from the actuals. After each sweep: the what-if scenario's median with its 50 % and 90 % bands."
        )
    }
    var compareHelp: String {
        t(
            "Ba kịch bản của kế hoạch (mức thấp, giữa, cao) và tối đa 3 kịch bản của bạn. Ô: xác suất đạt · dự báo.",
            "The plan's three scenarios (low, middle, high) and up to 3 of yours. Cells: P(meet) · projected."
        )
    }
    var differsFromBase: String {
        t("Khác với kịch bản gốc (plan-mid)", "Differs from the base scenario (plan-mid)")
    }
    var saved: String { t("Đã lưu", "Saved") }
    var statusRunning: String { t("đang tính…", "computing…") }
}
