import Foundation
import PlanModel

/// Text decoding for ``PlanTableImport``: UTF-8 (BOM optional) or UTF-16 with a BOM; the
/// first invalid byte is an error at its line.
extension PlanTableImport {
    // MARK: - Decoding

    /// UTF-8 (BOM optional) or UTF-16 with a BOM. Invalid bytes are an error at their line.
    public static func decodeText(_ data: Data, fileName: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.isEmpty {
            throw InputError.badData(
                location: SourceLocation(file: fileName), found: "an empty file",
                expected:
                    "a plan table with a header row (Số TT, Nội dung chỉ tiêu, Đơn vị tính, Kế hoạch …)"
            )
        }
        if bytes.count >= 2
            && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            let little = bytes[0] == 0xFF
            let body = Array(bytes[2...])
            if body.count % 2 != 0 {
                throw InputError.badData(
                    location: SourceLocation(file: fileName),
                    found: "UTF-16 text cut off in the middle of a character (odd number of bytes)",
                    expected: "a complete UTF-16 file, or save it as UTF-8")
            }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var k = 0
            while k + 1 < body.count {
                units.append(
                    little
                        ? UInt16(body[k]) | UInt16(body[k + 1]) << 8
                        : UInt16(body[k]) << 8 | UInt16(body[k + 1]))
                k += 2
            }
            var out = String.UnicodeScalarView()
            var line = 1
            var it = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s):
                    if s == "\n" { line += 1 }
                    out.append(s)
                case .emptyInput: break loop
                case .error:
                    throw InputError.badData(
                        location: SourceLocation(file: fileName, line: line),
                        found: "a broken UTF-16 character (unpaired surrogate)",
                        expected: "valid UTF-16 text, or save it as UTF-8")
                }
            }
            return String(out)
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            start = 3
        }
        let body = bytes[start...]
        if let bad = firstInvalidUTF8(body) {
            let line = body[body.startIndex..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            let lineStart =
                body[body.startIndex..<bad].lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            let column = bad - lineStart + 1
            let byte = String(format: "0x%02X", body[bad])
            let hint = body.contains(0) ? " (NUL bytes: probably UTF-16 without a BOM)" : ""
            throw InputError.badData(
                location: SourceLocation(file: fileName, line: line),
                found: "byte \(byte) at byte \(column) of the line that is not UTF-8\(hint)",
                expected:
                    "UTF-8 text (save as \"CSV UTF-8\" or UTF-8 text; the whole file in one encoding)"
            )
        }
        if body.contains(0) {
            let at = body.firstIndex(of: 0)!
            let line = body[body.startIndex..<at].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InputError.badData(
                location: SourceLocation(file: fileName, line: line),
                found: "a NUL byte (binary data or UTF-16 without a BOM)",
                expected: "UTF-8 text")
        }
        return String(decoding: body, as: UTF8.self)
    }

    /// Index of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; cp = UInt32(c & 0x1F); min = 0x80
            case 0xE0...0xEF: need = 2; cp = UInt32(c & 0x0F); min = 0x800
            case 0xF0...0xF4: need = 3; cp = UInt32(c & 0x07); min = 0x10000
            default: return i
            }
            if i + need >= b.endIndex { return i }  // cut off at the end
            for k in 1...need {
                let cc = b[i + k]
                if cc & 0xC0 != 0x80 { return i }
                cp = cp << 6 | UInt32(cc & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return i }
            i += need + 1
        }
        return nil
    }

}
