import Foundation
import PlanModel

/// Identifiers and units as the plan files write them.
enum Identifier {
    /// Ids: letters, digits, `_`, `-`, `.`; no spaces.
    static func check(_ row: CSVTable.Row, _ field: String) throws -> String {
        let id = row[field]
        if id.isEmpty { throw row.error(field, found: "an empty value", expected: "an id") }
        let ok = id.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0)
        }
        if !ok {
            throw row.error(
                field, found: "\"\(id)\"", expected: "an id of letters, digits, _ - . (no spaces)")
        }
        return id
    }

    /// `check`, and not seen before in this file: `seen` maps each id to its first line.
    static func checkUnique(
        _ row: CSVTable.Row, _ field: String, seen: inout [String: Int], what: String
    ) throws -> String {
        let id = try check(row, field)
        if let first = seen[id] {
            throw row.error(
                field, found: "\"\(id)\" again (first on line \(first))",
                expected: "each \(what) id once")
        }
        seen[id] = row.line
        return id
    }

    /// Units compare ignoring spaces and case: "Triệu đồng/ người/ năm" = "triệu đồng/người/năm".
    static func normalizeUnit(_ u: String) -> String {
        u.precomposedStringWithCanonicalMapping.lowercased().filter { !$0.isWhitespace }
    }
}
