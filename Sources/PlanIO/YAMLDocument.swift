import Foundation
import PlanModel
import Yams

/// A YAML document parsed by Yams (libyaml) with helpers that turn every problem into an
/// `InputError` naming the file, the line (from Yams' marks) and the key. Duplicate keys,
/// which libyaml accepts silently, are rejected.
struct YAMLDocument {
    let file: String
    let root: Node

    static func parse(_ text: String, file: String) throws -> YAMLDocument {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw InputError.badData(
                location: SourceLocation(file: file, line: 1), found: "an empty file",
                expected: "a YAML mapping")
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch YamlError.duplicatedKeysInMapping(
            let dups, _)
        {
            // Yams rejects the mapping; find where the key stands the second time.
            let key = dups.sorted().first ?? "?"
            var lines: [Int] = []
            for (i, l) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            {
                let t = l.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("\(key):") || t.hasPrefix("\"\(key)\":") || t.hasPrefix("- \(key):")
                {
                    lines.append(i + 1)
                }
            }
            throw InputError.badData(
                location: SourceLocation(
                    file: file, line: lines.count > 1 ? lines[1] : lines.first, field: key),
                found: "key \"\(key)\" again"
                    + (lines.count > 1 ? " (first on line \(lines[0]))" : ""),
                expected: "each key once")
        } catch let e as YamlError {
            throw InputError.badData(
                location: SourceLocation(file: file, line: YAMLDocument.line(of: e)),
                found: "text that is not valid YAML (\(YAMLDocument.problem(of: e)))",
                expected: "YAML: `key: value` lines, lists in [ ]")
        } catch {
            throw InputError.badData(
                location: SourceLocation(file: file),
                found: "text that is not valid YAML (\(error))", expected: "YAML")
        }
        guard let node else {
            throw InputError.badData(
                location: SourceLocation(file: file, line: 1), found: "an empty document",
                expected: "a YAML mapping")
        }
        let doc = YAMLDocument(file: file, root: node)
        try doc.checkDuplicateKeys(node)
        return doc
    }

    static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _):
            return m.line
        default: return nil
        }
    }

    static func problem(of e: YamlError) -> String {
        switch e {
        case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
        default: return "\(e)"
        }
    }

    func location(_ node: Node, field: String? = nil) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, field: field)
    }

    func error(_ node: Node, field: String? = nil, found: String, expected: String) -> InputError {
        .badData(location: location(node, field: field), found: found, expected: expected)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return s.string.isEmpty ? "an empty value" : "\"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func checkDuplicateKeys(_ node: Node) throws {
        switch node {
        case .mapping(let m):
            var seen: [String: Int] = [:]
            for (k, v) in m {
                let key = k.string ?? "?"
                if let first = seen[key] {
                    throw error(
                        k, field: key, found: "key \"\(key)\" again (first on line \(first))",
                        expected: "each key once")
                }
                seen[key] = k.mark?.line ?? 0
                try checkDuplicateKeys(v)
            }
        case .sequence(let s):
            for v in s { try checkDuplicateKeys(v) }
        default: break
        }
    }

    func mapping(_ node: Node, what: String) throws -> Node.Mapping {
        guard case .mapping(let m) = node else {
            throw error(
                node, found: describe(node), expected: "\(what) as a mapping of `key: value`")
        }
        return m
    }

    func rejectUnknownKeys(_ m: Node.Mapping, allowed: [String], context: String) throws {
        for k in m.keys {
            let key = k.string ?? ""
            if !allowed.contains(key) {
                throw error(
                    k, field: key, found: "unknown key \"\(key)\" in \(context)",
                    expected: "one of \(allowed.joined(separator: ", "))")
            }
        }
    }

    func key(_ m: Node.Mapping, _ key: String) -> Node? { m.keys.first { $0.string == key } }

    func string(_ m: Node.Mapping, _ key: String) throws -> String {
        guard let v = m[key] else {
            throw InputError.badData(
                location: SourceLocation(file: file, line: firstLine(m), field: key),
                found: "no \"\(key)\"", expected: "a \"\(key)\" entry")
        }
        guard case .scalar(let s) = v, !s.string.isEmpty else {
            throw error(v, field: key, found: describe(v), expected: "text")
        }
        return s.string
    }

    func optionalString(_ m: Node.Mapping, _ key: String) throws -> String? {
        guard m[key] != nil else { return nil }
        return try string(m, key)
    }

    func int(_ m: Node.Mapping, _ key: String, in range: ClosedRange<Int>) throws -> Int {
        guard let v = m[key] else {
            throw InputError.badData(
                location: SourceLocation(file: file, line: firstLine(m), field: key),
                found: "no \"\(key)\"", expected: "a \"\(key)\" entry")
        }
        guard case .scalar(let s) = v, let i = Int(s.string), range.contains(i) else {
            throw error(
                v, field: key, found: describe(v),
                expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return i
    }

    /// A number written as YAML scalar (decimal point or Vietnamese decimal comma).
    func number(_ node: Node, field: String) throws -> Double {
        guard case .scalar(let s) = node else {
            throw error(node, field: field, found: describe(node), expected: "a number")
        }
        do { return try VietnameseNumber.parse(s.string, dot: .decimalPoint) } catch let e
            as VietnameseNumber.ParseError
        {
            throw e.at(location(node, field: field))
        }
    }

    func firstLine(_ m: Node.Mapping) -> Int? { m.keys.first?.mark?.line }
}
