import Foundation

/// A JSON document as a tree, decoded without a schema so a scenario sent by the browser
/// can be handed, key for key, to the scenario file's validator (`ScenarioCodec`).
///
/// ```swift
/// let v = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"growth": 14}"#.utf8))
/// v["growth"]  // .number(14)
/// ```
/// Invariant: decoding then encoding gives the same tree (object key order aside).
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        if let b = try? container.decode(Bool.self) { self = .bool(b); return }
        if let x = try? container.decode(Double.self) { self = .number(x); return }
        if let s = try? container.decode(String.self) { self = .string(s); return }
        if let a = try? container.decode([JSONValue].self) { self = .array(a); return }
        self = .object(try container.decode([String: JSONValue].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .number(let x): try container.encode(x)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    /// The member `key` of an object (nil for other values or a missing key).
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The text of a string value.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A number rounded to 12 significant digits, hiding binary noise from unit changes
    /// (0.14 × 100 = 14.000000000000002 becomes 14).
    public static func rounded(_ x: Double) -> JSONValue {
        .number(Double(String(format: "%.12g", x)) ?? x)
    }
}
