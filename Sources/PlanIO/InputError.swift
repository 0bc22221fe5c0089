import Foundation

/// Where in an input something went wrong: file, line (1-based) and field (column name).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?

    public init(file: String, line: Int? = nil, field: String? = nil) {
        self.file = file; self.line = line; self.field = field
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        if let field { s += " [\(field)]" }
        return s
    }
}

/// An error in what the user handed the tool. Every reader throws these, so the command
/// line can print one message and exit with the right code (65 bad data, 74 I/O, 64 usage).
public enum InputError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The content is wrong: `found` at `location`, `expected` is what would be right.
    case badData(location: SourceLocation, found: String, expected: String)
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// The command line itself is wrong.
    case usage(String)

    public var description: String {
        switch self {
        case let .badData(loc, found, expected):
            return "\(loc): found \(found); expected \(expected)"
        case let .io(path, reason):
            return "\(path): \(reason)"
        case let .usage(message):
            return message
        }
    }

    /// sysexits(3) code: 65 EX_DATAERR, 74 EX_IOERR, 64 EX_USAGE.
    public var exitCode: Int32 {
        switch self {
        case .badData: return 65
        case .io: return 74
        case .usage: return 64
        }
    }
}
