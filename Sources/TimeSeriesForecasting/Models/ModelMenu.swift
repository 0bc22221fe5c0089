import Regression

/// The models by their command-line names.
///
/// ```swift
/// try ModelMenu.model(named: "damped").name     // "damped"
/// try ModelMenu.model(named: "logistic:1").name // "logistic:1"
/// ```
public enum ModelMenu {
    /// Every single model's spelling (`logistic` also takes `:BOUND`).
    public static let names = [
        "naive", "drift", "cagr", "linear", "exponential", "logistic",
        "ses", "holt", "damped", "theta", "ets", "comb"
    ]

    /// The model named `name`; `comb` is COMB S-H-D (mean of ses, holt, damped), and
    /// `mean(a+b+…)` / `median(a+b+…)` combine any models of the menu.
    public static func model(named name: String) throws -> any SeriesModel {
        let t = name.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "naive", "naive2", "last": return NaiveModel()
        case "drift", "rwdrift": return DriftModel()
        case "cagr", "growth": return ConstantGrowthModel()
        case "ses": return ExponentialSmoothingModel.ses
        case "holt": return ExponentialSmoothingModel.holt
        case "damped": return ExponentialSmoothingModel.damped
        case "theta": return ThetaModel()
        case "ets": return ETSAutoModel()
        case "comb":
            return CombinationModel(
                [
                    ExponentialSmoothingModel.ses, ExponentialSmoothingModel.holt,
                    ExponentialSmoothingModel.damped
                ], name: "comb")
        default: break
        }
        for rule in [CombinationModel.Rule.mean, .median]
        where t.hasPrefix(rule.rawValue + "(") && t.hasSuffix(")") {
            let inner = t.dropFirst(rule.rawValue.count + 1).dropLast()
            let members = try inner.split(separator: "+").map { try model(named: String($0)) }
            guard !members.isEmpty else { break }
            return CombinationModel(members, rule: rule)
        }
        if let trend = TrendModel(parsing: t) {
            switch trend {
            case .linear, .exponential: return LeastSquaresTrendModel(trend)
            case .logistic(let b) where b > 0 && b.isFinite: return LeastSquaresTrendModel(trend)
            default: break
            }
        }
        throw ForecastError.notFitted(
            "unknown model '\(name)': expected auto or one of \(names.joined(separator: ", ")) (logistic[:BOUND], mean(a+b), median(a+b))"
        )
    }
}
