import Testing
@testable import PlanIO

/// `CSVWriter`: quoting and number forms, expected texts written by hand.
@Suite struct CSVWriterFields {
    @Test func quotesOnlyWhatNeedsQuoting() {
        var csv = CSVWriter(header: ["a", "b"], delimiter: ";")
        csv.row(["x,y", "say \"hi\""])
        csv.row(["two\nlines", "a;b"])
        #expect(csv.text == "a;b\nx,y;\"say \"\"hi\"\"\"\n\"two\nlines\";\"a;b\"\n")
        #expect(CSVWriter.quote("An Hưng, xã") == "\"An Hưng, xã\"")
    }

    @Test func numbersShortestAndFixed() {
        var csv = CSVWriter()
        csv.add(0.1 + 0.2); csv.add(nil as Double?); csv.add(2028)
        csv.add(2.5, decimals: 6); csv.add(-0.0000004, decimals: 6);
        csv.add(-1.0000005, decimals: 6)
        csv.add(12, decimals: 6); csv.add(0.000001, decimals: 6); csv.add(Double.nan, decimals: 6)
        csv.endRow()
        #expect(csv.text == "0.30000000000000004,,2028,2.5,0,-1.000001,12,0.000001,nan\n")
    }

    @Test func aDelimiterThatCannotBeOneIsAComma() {
        var csv = CSVWriter(header: ["a", "b"], delimiter: "\"")
        #expect(csv.delimiter == ",")
        csv.row(["1", "2"])
        #expect(csv.text == "a,b\n1,2\n")
    }
}
