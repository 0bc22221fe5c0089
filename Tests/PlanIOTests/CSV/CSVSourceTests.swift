import Foundation
import Testing
import TestSupport
@testable import PlanIO

/// `CSVSource`: records, fields, lines and errors of the one CSV reader. Expected values
/// by hand from RFC 4180 and the rules in the type's documentation.
@Suite struct CSVSourceRecords {
    func records(_ text: String, delimiter: Character? = nil) throws -> [(
        line: Int, fields: [String]
    )] {
        var out: [(Int, [String])] = []
        try CSVSource(text: text, file: "t.csv", delimiter: delimiter).forEachRecord {
            out.append(($0.line, $0.texts))
        }
        return out
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let r = try records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        #expect(r.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
        #expect(r.map(\.line) == [1, 2, 3])
        let after = try records("a\n\"1\n2\n3\"\nnext\n")
        #expect(after.map(\.line) == [1, 2, 5])  // the record after a 3-line field starts on line 5
    }

    @Test func everyLineEndAndBlankLines() throws {
        let r = try records("a,b\r\n1,2\r3,4\n\n  \n5,6")
        #expect(r.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
        #expect(r.map(\.line) == [1, 2, 3, 6])
    }

    @Test func trailingDelimiterGivesAnEmptyLastField() throws {
        #expect(try records("a,b,\n1,2,").map(\.fields) == [["a", "b", ""], ["1", "2", ""]])
    }

    @Test func delimiterIsDetectedFromTheFirstRecord() throws {
        #expect(try CSVSource(text: "a;b;c\n1,5;2;3\n", file: "t").delimiter == UInt8(ascii: ";"))
        #expect(try CSVSource(text: "a\tb\n1\t2\n", file: "t").delimiter == 0x09)
        // ; inside quotes
        #expect(try CSVSource(text: "\"a;b\",c\n", file: "t").delimiter == UInt8(ascii: ","))
        // a stray quote
        #expect(try CSVSource(text: "size 5\"x;b;c\n", file: "t").delimiter == UInt8(ascii: ";"))
        #expect(try records("a;b\n1;2\n", delimiter: ",").map(\.fields) == [["a;b"], ["1;2"]])
    }

    @Test func byteOrderMarkIsDroppedAndRemembered() throws {
        let s = try CSVSource(data: Data([0xEF, 0xBB, 0xBF] + Array("a\n1\n".utf8)), file: "t")
        #expect(s.hadBOM && s.bytes == Array("a\n1\n".utf8))
    }

    @Test func quoteLeftOpenNamesTheLineItOpenedOn() {
        #expect(
            throws: InputError.badData(
                location: SourceLocation(file: "t.csv", line: 3),
                found: "a quote (\") opened here and never closed",
                expected: "a closing quote before the end of the field")
        ) {
            try self.records("a,b\n1,2\n3,\"oops\n4,5\n")
        }
    }

    @Test func textAfterAClosingQuoteIsAnError() throws {
        #expect(throws: InputError.self) { try self.records("a,b\n\"x\"y,2\n") }
        #expect(try records("a,b\n\"x\"  ,2\n").map(\.fields) == [["a", "b"], ["x", "2"]])
    }

    @Test func encodingErrorsNameTheLine() {
        #expect(
            throws: InputError.badData(
                location: SourceLocation(file: "t", line: 2),
                found:
                    "bytes that are not valid UTF-8 (a legacy encoding such as TCVN3 or Windows-1258?)",
                expected: "UTF-8 text (in Excel: Save As › CSV UTF-8)")
        ) {
            try CSVSource(data: Data(Array("a\n".utf8) + [0xC3, 0x28]), file: "t")
        }
        #expect(throws: InputError.self) {
            try CSVSource(data: Data([0xFF, 0xFE, 0x61, 0x00]), file: "t")
        }
        #expect(throws: InputError.self) { try CSVSource(text: " \n\r\n", file: "t") }
        #expect(throws: InputError.self) { try CSVSource(text: "a\n\u{0}\n", file: "t") }
    }

    @Test func plainNumbersAreReadFromTheBytes() throws {
        var numbers: [Double?] = []
        try CSVSource(text: "v\n12.5\n -3 \n1e3\n12,5\n\"7\"\nabc\n", file: "t", delimiter: ";")
            .forEachRecord { numbers.append($0.number(0)) }
        #expect(numbers == [nil, 12.5, -3, 1000, nil, 7, nil])
    }
}

/// Property: any table written by `CSVWriter` reads back field for field, with
/// fields full of delimiters, quotes, CR, LF and non-ASCII text.
@Suite struct CSVWriterReaderRoundTrip {
    @Test func writtenTablesReadBack() throws {
        let alphabet = Array("ab ,;\"\n\r\tđ€1.")
        for seed in UInt64(1)...500 {
            var rng = SeededGenerator(seed: seed)
            let delimiter: Character = [",", ";", "\t"].randomElement(using: &rng)!
            let width = Int.random(in: 1...5, using: &rng)
            // Header names: non-empty, distinct, no spaces at the ends (the reader trims them).
            let header = (0..<width).map { "c\($0)" }
            var rows: [[String]] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                rows.append(
                    (0..<width).map { _ in
                        String(
                            (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                                alphabet.randomElement(using: &rng)!
                            })
                    })
            }
            // A row of one blank field reads as a blank line (skipped): keep rows that are not.
            rows.removeAll { $0.count == 1 && $0[0].allSatisfy { $0 == " " || $0 == "\t" } }
            var writer = CSVWriter(header: header, delimiter: delimiter)
            for row in rows { writer.row(row) }
            let table = try CSVTable.parse(text: writer.text, file: "p.csv", delimiter: delimiter)
            #expect(
                table.header == header && table.rows == rows,
                "seed \(seed): \(writer.text.debugDescription)")
        }
    }
}
