import Foundation

/// The values `scripts/statsmodels-reference.py` recorded from statsmodels 0.15.0
/// (`Fixtures/statsmodels-reference.json`).
struct StatsmodelsReference: Decodable {
    struct ETSFit: Decodable {
        var params: [String: Double]; var forecast: [Double]; var variance: [Double];
        var sse: Double; var aicc: Double
    }
    struct ETSFixed: Decodable {
        var alpha: Double; var beta: Double; var phi: Double; var level0: Double; var trend0: Double
        var forecast: [Double]; var variance: [Double]
    }
    struct Theta: Decodable {
        var alpha: Double; var b0: Double; var level0: Double; var forecast: [Double]
    }
    struct Series: Decodable {
        var y: [Double]; var theta: Theta
        var ets: [String: ETSFit]
        var etsFixed: ETSFixed
        enum CodingKeys: String, CodingKey { case y, theta, ets }
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            y = try c.decode([Double].self, forKey: .y)
            theta = try c.decode(Theta.self, forKey: .theta)
            let raw = try c.decode([String: AnyETS].self, forKey: .ets)
            ets = raw.compactMapValues(\.fit)
            etsFixed = raw["AAdN_fixed"]!.fixed!
        }
    }
    /// Decodes either kind of ETS entry.
    struct AnyETS: Decodable {
        var fit: ETSFit?; var fixed: ETSFixed?
        init(from decoder: Decoder) throws {
            fit = try? ETSFit(from: decoder); fixed = try? ETSFixed(from: decoder)
        }
    }
    var statsmodels: String
    var horizon: Int
    var series: [String: Series]

    static let shared: StatsmodelsReference = {
        let url = Bundle.module.url(
            forResource: "statsmodels-reference", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(StatsmodelsReference.self, from: Data(contentsOf: url))
    }()

    static func years(_ n: Int) -> [Double] { (0..<n).map { 2000 + Double($0) } }
}
