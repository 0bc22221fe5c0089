import Forecasting

/// The growth column of the review tables, named for what it holds under the review's
/// rule. Under the forecast rule (the default) and the CAGR rule the column is the
/// average growth per year from the baseline to the latest actual — the forecast's drift
/// is exactly that end-point average on the model's scale (`ReviewProjection`) — and
/// under the trend and probability rules it is the least-squares trend's growth. The CSV
/// keeps its column names (`trend_growth`, …) whatever the rule (docs/review.md).
///
/// ```swift
/// ReviewText(review: forecastReview, language: .en).colGrowthShort   // "Avg/yr"
/// ReviewText(review: trendReview, language: .vi).colGrowthShort      // "Xu hướng/năm"
/// ```
extension ReviewText {
    /// Whether the column holds the end-point average (forecast and CAGR rules).
    var growthIsEndPointAverage: Bool { review.rule == .forecast || review.rule == .cagr }

    /// Header of the growth column in the terminal table (short).
    var colGrowthShort: String {
        growthIsEndPointAverage ? t("Bình quân/năm", "Avg/yr") : t("Xu hướng/năm", "Trend/yr")
    }

    /// Header of the growth column in the Markdown and HTML reports.
    var colTrend: String {
        growthIsEndPointAverage
            ? t("Tăng bình quân/năm từ năm gốc", "Average growth/yr since baseline")
            : t("Tăng theo xu hướng/năm", "Trend growth/yr")
    }

    /// What the growth column holds, led by its `header`, for the column notes.
    func growthColumnMeaning(header: String) -> String {
        switch review.rule {
        case .forecast:
            return t(
                "\(header) = tốc độ tăng bình quân mỗi năm từ năm gốc đến số thực hiện gần nhất (độ trôi của mô hình dự báo)",
                "\(header) = average growth per year from the baseline to the latest actual (the forecast model's drift)"
            )
        case .cagr:
            return t(
                "\(header) = tốc độ tăng bình quân mỗi năm từ năm gốc đến số thực hiện gần nhất (hai đầu)",
                "\(header) = average growth per year from the baseline to the latest actual (end points)"
            )
        case .trend, .probability:
            return t(
                "\(header) = tốc độ tăng mỗi năm của xu hướng bình phương tối thiểu",
                "\(header) = growth per year of the least-squares trend")
        }
    }
}
