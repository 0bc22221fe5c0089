import Foundation

/// The one CSV writer of PlanForecast: RFC 4180 fields built straight into UTF-8 bytes
/// (the `fit --group` batch writes millions of numeric fields; the sweep's path file more).
///
/// ```swift
/// var csv = CSVWriter(header: ["group", "value", "note"])
/// csv.add("An Hưng, xã"); csv.add(12.5); csv.add(nil as Double?); csv.endRow()
/// csv.row(["b", "3", "say \"hi\""])
/// csv.text   // group,value,note\n"An Hưng, xã",12.5,\nb,3,"say ""hi"""\n
/// ```
///
/// Rules: a field is quoted when it holds the delimiter, a quote, CR or LF, and a quote
/// inside it is doubled; rows end with LF. Numbers are written with a `.` decimal point:
/// ``add(_:)-(Double?)`` in Swift's shortest form that reads back to the same `Double`,
/// ``add(_:decimals:)`` with at most a fixed number of decimals, trailing zeros trimmed.
/// Non-finite numbers are written as Swift spells them (`nan`, `inf`), never silently
/// dropped. ``CSVSource`` reads everything this type writes back to the same fields
/// (tested over generated tables).
public struct CSVWriter: Sendable {
    /// The text written so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    public let delimiter: Character
    private let delimiterByte: UInt8
    private var atRowStart = true

    /// An empty writer (no header), for a chunk of rows written in parallel. The
    /// delimiter must be one ASCII character other than a quote (`,` `;` tab); any other
    /// is replaced by `,`.
    public init(delimiter: Character = ",") {
        let valid = delimiter.asciiValue.map { $0 != 0x22 && $0 != 0x0A && $0 != 0x0D } ?? false
        self.delimiter = valid ? delimiter : ","
        delimiterByte = valid ? delimiter.asciiValue! : 0x2C
        bytes.reserveCapacity(1 << 12)
    }

    /// A writer whose first row is `header`.
    public init(header: [String], delimiter: Character = ",") {
        self.init(delimiter: delimiter)
        row(header)
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// The bytes as `Data`.
    public var data: Data { Data(bytes) }

    /// A whole row of text fields.
    public mutating func row(_ fields: [String]) {
        for field in fields { add(field) }
        endRow()
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(0x0A)
        atRowStart = true
    }

    /// Appends rows written by another writer with the same delimiter (a parallel chunk).
    public mutating func append(rowsOf other: CSVWriter) {
        bytes += other.bytes
    }

    private mutating func separate() {
        if !atRowStart { bytes.append(delimiterByte) }
        atRowStart = false
    }

    /// A text field, quoted when it needs it.
    public mutating func add(_ field: String) {
        separate()
        let d = delimiterByte
        if field.utf8.contains(where: { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            bytes.append(0x22)
            for b in field.utf8 {
                if b == 0x22 { bytes.append(0x22) }
                bytes.append(b)
            }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: field.utf8)
        }
    }

    /// A number in Swift's shortest round-trip form; an empty field for nil.
    public mutating func add(_ value: Double?) {
        separate()
        if let value { bytes.append(contentsOf: value.description.utf8) }
    }

    /// A whole number.
    public mutating func add(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// `value` rounded to `decimals` (0…9) decimals, trailing zeros and a trailing point
    /// trimmed (`2.5`, `-0.000001`, `12`); magnitudes of 9·10^12 and more, and non-finite
    /// values, in the shortest round-trip form instead.
    public mutating func add(_ value: Double, decimals: Int) {
        separate()
        let decimals = min(max(decimals, 0), 9)
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        guard value.isFinite, abs(value) * scale < 9e15, abs(value) < 9e12 else {
            bytes.append(contentsOf: value.description.utf8)
            return
        }
        let scaled = (abs(value) * scale).rounded()
        if value < 0 && scaled != 0 { bytes.append(0x2D) }
        let integerPart = UInt64(scaled / scale)
        var fraction = UInt64(scaled - Double(integerPart) * scale)
        bytes.append(contentsOf: String(integerPart).utf8)
        guard fraction > 0 else { return }
        var digits = decimals
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let fractionText = String(fraction)
        bytes.append(0x2E)
        for _ in 0..<(digits - fractionText.utf8.count) { bytes.append(0x30) }
        bytes.append(contentsOf: fractionText.utf8)
    }

    /// `count` empty fields.
    public mutating func addEmpty(_ count: Int) {
        for _ in 0..<count { add(nil as Double?) }
    }

    /// `field` quoted as this writer would write it (for text built elsewhere).
    public static func quote(_ field: String, delimiter: Character = ",") -> String {
        var writer = CSVWriter(delimiter: delimiter)
        writer.add(field)
        return writer.text
    }
}

/// The earlier name of ``CSVWriter``, kept so code written against it still builds.
public typealias CSVText = CSVWriter
