import Foundation

extension CSVTable {
    /// Row accessors that produce located errors.
    public struct Row {
        public let table: CSVTable
        public let index: Int
        public var line: Int { table.lines[index] }
        public var values: [String] { table.rows[index] }

        /// The trimmed text in column `name` ("" when the column is absent).
        public subscript(_ name: String) -> String {
            guard let j = table.column(name) else { return "" }
            return table.rows[index][j].trimmingWhitespace()
        }

        public func location(_ field: String? = nil) -> SourceLocation {
            SourceLocation(file: table.file, line: line, field: field)
        }

        /// A located error about `field`.
        public func error(_ field: String, found: String, expected: String) -> InputError {
            .badData(location: location(field), found: found, expected: expected)
        }

        /// A required non-empty text field.
        public func text(_ name: String) throws -> String {
            let v = self[name]
            if v.isEmpty { throw error(name, found: "an empty value", expected: "a value") }
            return v
        }

        /// A number, read by `VietnameseNumber` (decimal comma, `.` grouping, `%`, NBSP).
        /// `unit` decides an ambiguous `1.500`; `dot` says what a lone `.` means otherwise:
        /// `.decimalPoint` for the project's own files (the default), `.askWhenAmbiguous` for
        /// figures typed by people.
        public func number(
            _ name: String, unit: String? = nil, dot: VietnameseNumber.DotRule = .decimalPoint
        ) throws -> Double {
            do { return try VietnameseNumber.parse(self[name], unit: unit, dot: dot) } catch let e
                as VietnameseNumber.ParseError
            {
                throw e.at(location(name))
            }
        }

        /// An optional number: nil when the field is empty.
        public func optionalNumber(_ name: String, unit: String? = nil) throws -> Double? {
            self[name].isEmpty ? nil : try number(name, unit: unit)
        }

        /// A whole number such as a year.
        public func integer(_ name: String, in range: ClosedRange<Int>? = nil) throws -> Int {
            let v = self[name]
            guard let i = Int(v) else {
                throw error(
                    name, found: v.isEmpty ? "an empty value" : "\"\(v)\"",
                    expected: range.map {
                        "a whole number from \($0.lowerBound) to \($0.upperBound)"
                    } ?? "a whole number")
            }
            if let range, !range.contains(i) {
                throw error(
                    name, found: "\(i)",
                    expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return i
        }

        /// One of a fixed set of words.
        public func choice<T: RawRepresentable>(_ name: String, as: T.Type, allowed: [T]) throws
            -> T where T.RawValue == String
        {
            let v = self[name]
            if let t = T(rawValue: v.lowercased()) ?? T(rawValue: v) { return t }
            throw error(
                name, found: v.isEmpty ? "an empty value" : "\"\(v)\"",
                expected: "one of \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
    }

}
