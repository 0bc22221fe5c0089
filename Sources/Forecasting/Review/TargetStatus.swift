import PlanModel

/// Status of a target at a mid-term review, decided by `StatusRule` (level and growth
/// targets) or `MaintainedStatusRule` (every-year targets); see those types for the rules
/// and their invariants.
public enum TargetStatus: String, Sendable, Hashable, CaseIterable {
    case achieved
    case onTrack = "on_track"
    case accelerationNeeded = "acceleration_needed"
    case limitedProgress = "limited_progress"
    case deterioration
    /// Final: the target year has passed (actuals reach it) and the target was missed.
    case notAchieved = "not_achieved"
    case insufficientData = "insufficient_data"
    case notQuantifiable = "not_quantifiable"

    /// The order the invariants of the rules speak of ("never worsens"): achieved 5 >
    /// on track 4 > acceleration needed 3 > limited progress 2 > deterioration 1 >
    /// not achieved 0. Nil for the statuses that are no verdict on progress
    /// (insufficient data, not quantifiable).
    ///
    /// ```swift
    /// TargetStatus.onTrack.rank! > TargetStatus.accelerationNeeded.rank!   // true
    /// ```
    public var rank: Int? {
        switch self {
        case .achieved: return 5
        case .onTrack: return 4
        case .accelerationNeeded: return 3
        case .limitedProgress: return 2
        case .deterioration: return 1
        case .notAchieved: return 0
        case .insufficientData, .notQuantifiable: return nil
        }
    }

    /// Traffic-light colour used by reports.
    public var light: String {
        switch self {
        case .achieved, .onTrack: return "green"
        case .accelerationNeeded: return "amber"
        case .limitedProgress, .deterioration, .notAchieved: return "red"
        case .insufficientData, .notQuantifiable: return "grey"
        }
    }

    public var labelEn: String {
        switch self {
        case .achieved: return "achieved"
        case .onTrack: return "on track"
        case .accelerationNeeded: return "acceleration needed"
        case .limitedProgress: return "limited progress"
        case .deterioration: return "deterioration"
        case .notAchieved: return "not achieved"
        case .insufficientData: return "insufficient data"
        case .notQuantifiable: return "not quantifiable"
        }
    }

    public var labelVi: String {
        switch self {
        case .achieved: return "đã đạt"
        case .onTrack: return "đúng hướng"
        case .accelerationNeeded: return "cần tăng tốc"
        case .limitedProgress: return "tiến triển hạn chế"
        case .deterioration: return "đi xuống"
        case .notAchieved: return "không đạt"
        case .insufficientData: return "thiếu số liệu"
        case .notQuantifiable: return "không định lượng"
        }
    }
}
