/// A column of numbers read with one decimal mark for the whole column, decided from all
/// its values — so `14.125` in a file whose other values read `17.5` and `15.25` is
/// 14.125, never silently 14125.
///
/// ```swift
/// let cells = [NumberColumn.Cell(text: "17.5", line: 2, unit: "DN"),
///              NumberColumn.Cell(text: "14.125", line: 3, unit: "DN")]
/// try NumberColumn.read(cells, file: "a.csv", field: "value")       // [17.5, 14.125]
/// ```
///
/// ## The rule, in order
/// 1. **The user's mark wins.** With `decimalMark` given (`review --decimal-point`),
///    every value is read with it; a value that proves the other mark (`12,5` when the
///    mark is `.`) is an error naming file, line and field.
/// 2. **Else the file's evidence decides.** Each value may prove a mark
///    (``VietnameseNumber/decimalEvidence(_:)``: `17.5` and `15.25` prove a point, `12,5`
///    a comma, `1.234.567` a comma because its dots group thousands). When values prove
///    one mark only, that mark reads every value, ambiguous ones included (`14.125` →
///    14.125 with a point, 14125 with a comma), whatever the unit.
/// 3. **Evidence for both marks is an error**, at the first line of the less frequent
///    mark (on a tie, the later one), naming a line of the other: the file mixes
///    conventions and no reading of it is safe.
/// 4. **No evidence at all** (only integers and ambiguous values such as `1.500`): the
///    unit rule of ``VietnameseNumber`` applies per value — a count reads `1.500` as 1500,
///    a percentage or index as 1.5, anything else is an error asking for `1500` or `1,5`
///    (or `dot: .decimalPoint` reads it as 1.5).
///
/// Invariants (tested over generated files): a file whose values are all written with
/// mark `m` and that contains at least one value proving `m` reads back exactly the values
/// written; so does any file written with mark `m` when `m` is given; reading never
/// guesses against the evidence — it returns the evidenced reading or throws.
public enum NumberColumn {
    /// One cell: its text, the line it is on and the unit of its value (when known).
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var line: Int
        public var unit: String?
        public init(text: String, line: Int, unit: String? = nil) {
            self.text = text; self.line = line; self.unit = unit
        }
    }

    /// The column's decimal mark and why: the cell that proves it, or nil when given.
    public struct Convention: Sendable, Hashable {
        public var mark: DecimalMark
        /// The first cell proving `mark`; nil when the user gave the mark.
        public var evidence: Cell?

        /// For messages: "the other values of this file (line 3: 17.5)".
        public var reason: String {
            guard let evidence else { return "given for this file (--decimal-point)" }
            return
                "the other values of this file (line \(evidence.line): \(VietnameseNumber.trimmed(evidence.text)))"
        }
    }

    /// The decimal mark the cells prove, nil when they prove none (rule 2 and 3 above).
    /// - Throws: `InputError.badData` when cells prove both marks.
    public static func convention(of cells: [Cell], file: String, field: String) throws
        -> Convention?
    {
        var first: [DecimalMark: Cell] = [:]
        var count: [DecimalMark: Int] = [:]
        for cell in cells {
            guard let mark = VietnameseNumber.decimalEvidence(cell.text) else { continue }
            if first[mark] == nil { first[mark] = cell }
            count[mark, default: 0] += 1
        }
        guard let point = first[.point], let comma = first[.comma] else {
            return first.first.map { Convention(mark: $0.key, evidence: $0.value) }
        }
        let points = count[.point]!, commas = count[.comma]!
        let winner: DecimalMark
        if points != commas {
            winner = points > commas ? .point : .comma
        } else {
            winner = point.line < comma.line ? .point : .comma
        }
        let odd = winner == .point ? comma : point
        let proof = winner == .point ? point : comma
        throw InputError.badData(
            location: SourceLocation(file: file, line: odd.line, field: field),
            found:
                "\(quoteText(odd.text)), written with \(winner.other.description), in a file whose "
                + "other values use \(winner.description) (\(count[winner]!) value\(count[winner]! == 1 ? "" : "s"), "
                + "first on line \(proof.line): \(quoteText(proof.text)))",
            expected: "every value of the file written with one decimal mark")
    }

    /// Reads every cell with the column's decimal mark (see the rule above).
    ///
    /// - Parameters:
    ///   - decimalMark: the user's mark; nil to decide from the cells.
    ///   - dot: for rule 4 only — what a lone `.` before three digits means when neither
    ///     the file nor the unit decides.
    /// - Throws: `InputError.badData` (exit 65) naming file, line and field.
    public static func read(
        _ cells: [Cell], file: String, field: String, decimalMark: DecimalMark? = nil,
        dot: VietnameseNumber.DotRule = .askWhenAmbiguous
    ) throws -> [Double] {
        let convention =
            try decimalMark.map { Convention(mark: $0, evidence: nil) }
            ?? convention(of: cells, file: file, field: field)
        return try read(cells, file: file, field: field, convention: convention, dot: dot)
    }

    /// Reads every cell with a convention already decided (nil: rule 4, per value).
    public static func read(
        _ cells: [Cell], file: String, field: String, convention: Convention?,
        dot: VietnameseNumber.DotRule = .askWhenAmbiguous
    ) throws -> [Double] {
        try cells.map { cell in
            do {
                if let convention {
                    return try VietnameseNumber.parse(
                        cell.text, unit: cell.unit, decimalMark: convention.mark,
                        because: convention.reason)
                }
                return try VietnameseNumber.parse(cell.text, unit: cell.unit, dot: dot)
            } catch let e as VietnameseNumber.ParseError {
                throw e.at(SourceLocation(file: file, line: cell.line, field: field))
            }
        }
    }

    static func quoteText(_ text: String) -> String {
        VietnameseNumber.quote(VietnameseNumber.trimmed(text))
    }
}
