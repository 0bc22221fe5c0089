import Testing
import TestSupport
@testable import PlanIO

/// `UTF8Validation`: offsets by hand (Unicode table 3-7), and agreement with the
/// standard library's validating decoder over random bytes.
@Suite struct UTF8ValidationRules {
    @Test func offsetsAndLines() {
        #expect(UTF8Validation.firstInvalidByte(in: Array("aĐ€😀\n".utf8)) == nil)
        #expect(UTF8Validation.firstInvalidByte(in: [0x61, 0x0A, 0xE0, 0x41]) == 2)
        #expect(UTF8Validation.firstInvalidByte(in: [0xC0, 0x80]) == 0)  // overlong
        #expect(UTF8Validation.firstInvalidByte(in: [0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(UTF8Validation.firstInvalidByte(in: [0x61, 0xC3]) == 1)  // cut off
        #expect(UTF8Validation.firstInvalidByte(in: [0xC3, 0xA9]) == nil)  // é at the very end
        #expect(UTF8Validation.line(ofByte: 6, in: Array("a\r\nb\rc".utf8)) == 3)
    }

    @Test func agreesWithTheStandardLibrary() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...8, using: &rng)).map { _ in
                [
                    UInt8.random(in: 0...0x7F, using: &rng),
                    UInt8.random(in: 0x80...0xFF, using: &rng), 0xC3, 0xE0, 0xF0, 0xA9
                ]
                .randomElement(using: &rng)!
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            let bad = UTF8Validation.firstInvalidByte(in: bytes)
            #expect((bad == nil) == valid, "seed 7: \(bytes)")
            if let bad {  // everything before the bad byte is valid UTF-8
                #expect(String(validating: bytes[..<bad], as: UTF8.self) != nil, "seed 7: \(bytes)")
            }
        }
    }
}
