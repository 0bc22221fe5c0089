import Foundation
import PlanModel
import Reports
import Simulation

/// `POST /api/plans/<id>/sweep`: the chance of meeting each target under the scenario,
/// its projected metric (median and 5–95 % band), every series' percentiles by year, and
/// (with `charts=1`) the fan charts as SVG.
struct SweepJSON: Codable, Sendable {
    struct TargetJSON: Codable, Sendable {
        var id: String
        var indicator: String
        var requirement: String
        /// `cagr` (growth from the baseline year, %/yr here), `level` or `worst_level`.
        var metric: String
        var targetYear: Int
        var probability: Double
        var standardError: Double?
        /// Median, 5th and 95th percentile of the metric (percent per year for `cagr`).
        var projected: Double
        var projectedLow: Double
        var projectedHigh: Double
        var unit: String
        /// "73,4 %" and "12,3 [10,1 – 14,2] %/năm" in the page's language.
        var probabilityText: String
        var projectedText: String
    }
    struct SeriesJSON: Codable, Sendable {
        var id: String
        var unit: String
        var years: [Int]
        /// Percentiles 5, 25, 50, 75, 95 by year.
        var percentiles: [[Double]]
    }
    struct ChartJSON: Codable, Sendable {
        var indicator: String
        var svg: String
    }
    var scenario: String
    var samples: Int
    var seed: UInt64
    /// True when an identical earlier request's result was reused (sweeps are deterministic).
    var cached: Bool
    /// Milliseconds the engine took for this result.
    var engineMilliseconds: Double
    var targets: [TargetJSON]
    var series: [SeriesJSON]
    var notes: [String]
    /// The scenario as a scenario file (what "save" writes).
    var yaml: String
    var charts: [ChartJSON]?
}
