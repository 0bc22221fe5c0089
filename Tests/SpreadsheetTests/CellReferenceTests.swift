import Testing
import TestSupport
@testable import Spreadsheet

@Suite struct CellReferenceTests {
    @Test func lettersByHand() {
        #expect(CellReference.letters(column: 1) == "A")
        #expect(CellReference.letters(column: 26) == "Z")
        #expect(CellReference.letters(column: 27) == "AA")
        #expect(CellReference.letters(column: 702) == "ZZ")
        #expect(CellReference.letters(column: 703) == "AAA")
        #expect(CellReference.letters(column: 16_384) == "XFD")
    }

    @Test func parsesAndRejects() {
        #expect(CellReference("C7") == CellReference(column: 3, row: 7))
        #expect(CellReference("$C$7") == CellReference(column: 3, row: 7))
        #expect(CellReference("XFD1048576") == CellReference(column: 16_384, row: 1_048_576))
        for bad in ["", "7", "C", "C0", "XFE1", "A1048577", "A-1", "7C", "ABCD1"] {
            #expect(CellReference(bad) == nil, "\(bad)")
        }
        #expect(CellRange("B2:A1")?.description == "A1:B2")
    }

    /// Property: every cell of the grid prints and parses back to itself (seeded generator).
    @Test func roundTripOverGeneratedCells() {
        var generator = SeededGenerator(seed: 2026)
        for _ in 0..<20_000 {
            let ref = CellReference(
                column: Int(generator.next() % 16_384) + 1,
                row: Int(generator.next() % 1_048_576) + 1)
            #expect(
                CellReference(ref.description) == ref,
                "seed 2026: \(ref.column),\(ref.row) → \(ref)")
        }
    }
}
