import Foundation
import PlanIO

extension OutputSheet {
    /// A sheet from the project's own CSV output (plain style: `,`, `.` decimal point), so
    /// every command's tidy CSV view becomes a typed sheet without a second writer.
    ///
    /// ```swift
    /// let sheet = try OutputSheet(csv: TargetsFile.csv(plan.targets), name: "targets")
    /// ```
    ///
    /// Invariants: a column whose every non-empty field is a plain decimal number (as the
    /// tool writes them: `-12.5`, `1500`, `1e-07`) is written as numbers, each cell the
    /// `Double` of its text; other columns, and `textColumns`, stay text. Number formats:
    /// `0` for columns named like years, `#,##0` for whole numbers, `#,##0.0###` otherwise.
    /// When the column `illustrative` has a `true`, the sheet gets the ILLUSTRATIVE banner.
    public init(csv: String, name: String, textColumns: Set<String> = [], banner: String? = nil)
        throws
    {
        let table = try CSVTable.parse(text: csv, file: name, delimiter: ",")
        self.init(name: name, header: table.header)
        var numeric: [Bool] = table.header.map { !textColumns.contains($0) }
        var whole = [Bool](repeating: true, count: table.header.count)
        var any = [Bool](repeating: false, count: table.header.count)
        for row in table.rows {
            for (j, field) in row.enumerated() where numeric[j] && !field.isEmpty {
                guard let value = OutputSheet.plainNumber(field) else {
                    numeric[j] = false; continue
                }
                any[j] = true
                if value != value.rounded() { whole[j] = false }
            }
        }
        let formats: [String?] = table.header.indices.map { j in
            guard numeric[j] && any[j] else { return nil }
            let name = table.header[j].lowercased()
            if name == "year" || name.hasSuffix("_year") || name == "as_of" {
                return CellStyle.Format.year
            }
            return whole[j] ? CellStyle.Format.whole : "#,##0.0###"
        }
        for row in table.rows {
            append(
                row.enumerated().map { j, field in
                    if let format = formats[j], let value = OutputSheet.plainNumber(field) {
                        return .number(value, format: format)
                    }
                    return field.isEmpty ? .empty : .text(field)
                })
        }
        if let column = table.column("illustrative"),
            table.rows.contains(where: { $0[column] == "true" })
        {
            self.banner = banner ?? OutputSheet.illustrativeNote
            printHeader = "ILLUSTRATIVE"
        } else if let banner {
            self.banner = banner
            printHeader = "ILLUSTRATIVE"
        }
    }

    /// The marking on sheets that use illustrative (made-up or placeholder) data.
    public static let illustrativeNote =
        "ILLUSTRATIVE — uses illustrative (made-up or placeholder) figures; not official data / MINH HỌA — có số liệu minh họa, không phải số liệu chính thức"

    /// A plain decimal number as the tool writes it; nil for anything else (`12,5`,
    /// `T01`, `nan`, `inf`).
    static func plainNumber(_ text: String) -> Double? {
        guard let first = text.utf8.first,
            first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
            text.utf8.allSatisfy({
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".")
                    || $0 == UInt8(ascii: "-")
                    || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") || $0 == UInt8(ascii: "+")
            }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// Splits a tidy CSV on a column (`section` of the sweep's CSV) into one sheet per
    /// value, in order of first appearance, the column itself left out.
    public static func split(
        csv: String, on column: String, textColumns: Set<String> = [], banner: String? = nil
    ) throws -> [OutputSheet] {
        let table = try CSVTable.parse(text: csv, file: "csv", delimiter: ",")
        guard let key = table.column(column) else {
            return [
                try OutputSheet(csv: csv, name: "data", textColumns: textColumns, banner: banner)
            ]
        }
        var order: [String] = [], groups: [String: CSVText] = [:]
        let header = table.header.enumerated().filter { $0.offset != key }.map(\.element)
        for row in table.rows {
            let value = row[key]
            if groups[value] == nil { order.append(value); groups[value] = CSVText(header: header) }
            groups[value]!.row(row.enumerated().filter { $0.offset != key }.map(\.element))
        }
        return try order.map {
            try OutputSheet(
                csv: groups[$0]!.text, name: $0, textColumns: textColumns, banner: banner)
        }
    }
}
