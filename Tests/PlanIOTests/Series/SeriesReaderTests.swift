import Foundation
import Testing
@testable import PlanIO

/// `SeriesReader`: series, gaps, lines and located errors. Expected values by hand.
@Suite struct SeriesReading {
    func read(_ text: String, _ columns: SeriesColumns) throws -> [ObservedSeries] {
        try SeriesReader.read(CSVSource(text: text, file: "s.csv"), columns: columns)
    }

    @Test func groupsInFileOrderWithGapsAndLines() throws {
        let s = try read(
            "g,x,y\nb,1,2\na,1,5\nb,2,\nb,3,4.5\na,2,\"6\"\n",
            SeriesColumns(x: "x", y: "y", group: "g"))
        #expect(s.map(\.name) == ["b", "a"])
        #expect(s[0].x == [1, 3] && s[0].y == [2, 4.5] && s[0].lines == [2, 5])
        #expect(s[1].y == [5, 6] && s[1].lines == [3, 6])
    }

    @Test func vietnameseNumbersAndWeights() throws {
        let s = try read(
            "nam;gia_tri;w\n2021;1 234,5;1\n2022;12,5 %;0,5\n",
            SeriesColumns(x: "nam", y: "gia_tri", weights: "w"))
        #expect(s.count == 1 && s[0].name == "gia_tri")
        #expect(s[0].y == [1234.5, 12.5] && s[0].weights == [1, 0.5])
    }

    @Test func errorsNameFileLineAndColumn() {
        let columns = SeriesColumns(x: "x", y: "y", weights: "w", group: "g")
        #expect(
            throws: InputError.badData(
                location: SourceLocation(file: "s.csv", line: 3, field: "y"),
                found: "\"abc\"", expected: "a number such as 12.5 or 12,5")
        ) {
            try self.read("g,x,y,w\na,1,2,1\na,2,abc,1\n", columns)
        }
        #expect(
            throws: InputError.badData(
                location: SourceLocation(file: "s.csv", line: 2, field: "w"),
                found: "-1", expected: "a weight ≥ 0")
        ) {
            try self.read("g,x,y,w\na,1,2,-1\n", columns)
        }
        #expect(
            throws: InputError.badData(
                location: SourceLocation(file: "s.csv", line: 2, field: "g"),
                found: "an empty value", expected: "a group name")
        ) {
            try self.read("g,x,y,w\n ,1,2,1\n", columns)
        }
        // no w column
        #expect(throws: InputError.self) { try self.read("g,x,y\na,1,2\n", columns) }
        // short row
        #expect(throws: InputError.self) { try self.read("g,x,y,w\na,1,2\n", columns) }
        #expect(throws: InputError.self) { try self.read("g,x,y,w\n", columns) }  // no rows
    }
}
