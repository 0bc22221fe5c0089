import Foundation
import PlanModel

/// `plan.yaml`: id, names, years and language of a plan.
struct PlanMetadata {
    var id: String, nameVi: String, nameEn: String
    var firstYear: Int, lastYear: Int, baselineYear: Int, language: String
    /// Optional, for a batch review's roll-up.
    var province = "", group = ""

    static let keys = [
        "id", "name_vi", "name_en", "first_year", "last_year", "baseline_year", "language",
        "province", "group"
    ]

    static func read(path: String) throws -> PlanMetadata {
        let text = try FileInput.readText(path: path)
        let doc = try YAMLDocument.parse(text, file: path)
        let map = try doc.mapping(doc.root, what: "the plan description")
        try doc.rejectUnknownKeys(map, allowed: keys, context: "plan.yaml")
        let id = try doc.string(map, "id")
        let first = try doc.int(map, "first_year", in: 1990...2100)
        let last = try doc.int(map, "last_year", in: 1990...2100)
        let base = try doc.int(map, "baseline_year", in: 1990...2100)
        if last < first {
            throw doc.error(
                map["last_year"]!, found: "\(last) before first_year \(first)",
                expected: "last_year ≥ first_year")
        }
        if base >= first {
            throw doc.error(
                map["baseline_year"]!, found: "\(base)",
                expected: "a baseline year before first_year \(first)")
        }
        let lang = try doc.optionalString(map, "language") ?? "vi"
        guard ["vi", "en"].contains(lang) else {
            throw doc.error(map["language"]!, found: "\"\(lang)\"", expected: "vi or en")
        }
        var meta = PlanMetadata(
            id: id, nameVi: try doc.string(map, "name_vi"),
            nameEn: try doc.optionalString(map, "name_en") ?? "",
            firstYear: first, lastYear: last, baselineYear: base, language: lang)
        meta.province = try doc.optionalString(map, "province") ?? ""
        meta.group = try doc.optionalString(map, "group") ?? ""
        return meta
    }
}
