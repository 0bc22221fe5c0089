import Forecasting
import PlanModel
import Reports

/// `GET /api/plans/<id>/review` (example actuals) and `POST` (uploaded actuals): the
/// review's statuses and numbers, as in the review CSV (`status` is its status code).
struct ReviewJSON: Codable, Sendable {
    struct TargetJSON: Codable, Sendable {
        var id: String
        var indicator: String
        var status: String
        var statusLabel: String
        var light: String
        var probability: Double?
        var projected: Double?
        var latest: Double?
        var latestYear: Int?
    }
    struct FindingJSON: Codable, Sendable {
        var kind: String
        var severity: String
        var targets: [String]
        var message: String
    }
    var plan: String
    var asOf: Int
    var rule: String
    var actuals: String
    var illustrative: Bool
    var targets: [TargetJSON]
    var findings: [FindingJSON]
    /// The dashboard's table rows for this review (POST from the page only).
    var tableHTML: String?

    init(review: Review, findings: [Finding], language: ReportLanguage, tableHTML: String? = nil) {
        plan = review.plan.id
        asOf = review.asOf
        rule = review.rule.rawValue
        actuals = review.actualsSource
        illustrative = review.usesIllustrative
        targets = review.assessments.map { a in
            TargetJSON(
                id: a.target.id, indicator: a.target.indicator, status: a.status.rawValue,
                statusLabel: language == .vi ? a.status.labelVi : a.status.labelEn,
                light: a.status.light,
                probability: a.probability.flatMap { $0.isFinite ? $0 : nil },
                projected: a.projected.flatMap { $0.isFinite ? $0 : nil },
                latest: a.latest?.value, latestYear: a.latest?.year)
        }
        self.findings = findings.map {
            FindingJSON(
                kind: $0.kind.rawValue, severity: $0.severity.rawValue, targets: $0.targets,
                message: $0.message)
        }
        self.tableHTML = tableHTML
    }
}
