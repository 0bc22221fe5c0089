import Forecasting

/// The one-sentence summary of a review that Vietnamese mid-term reports use: "có X/Y chỉ
/// tiêu dự kiến đạt và vượt kế hoạch, Z chỉ tiêu khó đạt", in the report's language.
///
/// Mapping from statuses to the words (stated in docs/batch-review.md):
/// - Y, judged: every target with a verdict (`TargetStatus.rank` not nil): achieved, on
///   track, acceleration needed, limited progress, deterioration, not achieved;
/// - X, "dự kiến đạt và vượt kế hoạch" / "expected to be met or exceeded": achieved and
///   on track;
/// - Z, "khó đạt" / "unlikely to be met": limited progress, deterioration, not achieved;
/// - W, "cần tăng tốc" / "need acceleration": acceleration needed (Y − X − Z), added after
///   the official wording when W > 0;
/// - targets without a verdict (insufficient data, not quantifiable) are counted
///   separately in a second sentence, never in Y.
///
/// ```swift
/// ReviewSummarySentence(statuses: [.onTrack, .achieved, .deterioration, .accelerationNeeded]).text(.vi)
/// // "Có 2/4 chỉ tiêu dự kiến đạt và vượt kế hoạch, 1 chỉ tiêu khó đạt, 1 chỉ tiêu cần tăng tốc."
/// ```
public struct ReviewSummarySentence: Sendable, Hashable {
    public var judged = 0
    public var expectedMet = 0
    public var unlikely = 0
    public var accelerationNeeded = 0
    public var notJudged = 0

    public init(statuses: [TargetStatus]) {
        for status in statuses {
            switch status {
            case .achieved, .onTrack: expectedMet += 1; judged += 1
            case .accelerationNeeded: accelerationNeeded += 1; judged += 1
            case .limitedProgress, .deterioration, .notAchieved: unlikely += 1; judged += 1
            case .insufficientData, .notQuantifiable: notJudged += 1
            }
        }
    }

    public init(review: Review) { self.init(statuses: review.assessments.map(\.status)) }

    public func text(_ language: ReportLanguage) -> String {
        let vi = language == .vi
        var s =
            vi
            ? "Có \(expectedMet)/\(judged) chỉ tiêu dự kiến đạt và vượt kế hoạch, \(unlikely) chỉ tiêu khó đạt"
            : "\(expectedMet) of \(judged) targets are expected to be met or exceeded, \(unlikely) are unlikely to be met"
        if accelerationNeeded > 0 {
            s +=
                vi
                ? ", \(accelerationNeeded) chỉ tiêu cần tăng tốc"
                : ", \(accelerationNeeded) need acceleration"
        }
        s += "."
        if notJudged > 0 {
            s +=
                vi
                ? " \(notJudged) chỉ tiêu chưa đánh giá được (thiếu số liệu hoặc không định lượng)."
                : " \(notJudged) could not be judged (insufficient data or not quantifiable)."
        }
        return s
    }
}
