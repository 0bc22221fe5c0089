import PlanModel

/// `GET /api/plans`: the plans served.
struct PlanListJSON: Codable, Sendable {
    struct Entry: Codable, Sendable {
        var id: String
        var nameVi: String
        var nameEn: String
        var firstYear: Int
        var lastYear: Int
        var baselineYear: Int
        var language: String
        /// Indicators a scenario may drive (quantitative, not aggregates).
        var drivers: [String]
        var targets: [String]
        /// The dashboard's address.
        var url: String
    }
    var plans: [Entry]

    init(workspaces: [PlanWorkspace]) {
        plans = workspaces.map { w in
            let p = w.plan
            return Entry(
                id: p.id, nameVi: p.nameVi, nameEn: p.nameEn, firstYear: p.firstYear,
                lastYear: p.lastYear,
                baselineYear: p.baselineYear, language: p.language,
                drivers: p.indicators.filter { !$0.isAggregate && $0.measure != .qualitative }.map(
                    \.id),
                targets: p.targets.map(\.id), url: "/plans/\(p.id)")
        }
    }
}
