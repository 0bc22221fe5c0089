/// The one UTF-8 check of every reader: where the first byte that is not well-formed
/// UTF-8 is, and on which line, so the message can point at it.
///
/// ```swift
/// UTF8Validation.firstInvalidByte(in: Array("a\nb".utf8))        // nil
/// UTF8Validation.firstInvalidByte(in: [0x61, 0x0A, 0xE0, 0x41])   // 2 (on line 2)
/// UTF8Validation.line(ofByte: 2, in: [0x61, 0x0A, 0xE0, 0x41])    // 2
/// ```
///
/// Well-formed means Unicode's definition (table 3-7): no overlong forms, no surrogates,
/// nothing above U+10FFFF, no sequence cut off at the end. The whole-buffer check is the
/// standard library's validating decoder; only when it fails does a hand-written scan find
/// the offending byte (the standard library does not say where it stopped).
public enum UTF8Validation {
    /// Offset (from `bytes.startIndex`) of the first byte not in a well-formed sequence, or
    /// nil when all of `bytes` is UTF-8.
    public static func firstInvalidByte<C: Collection<UInt8>>(in bytes: C) -> Int?
    where C.Index == Int {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let need: Int
            var scalar: UInt32
            let smallest: UInt32
            switch lead {
            case 0xC2...0xDF: need = 1; scalar = UInt32(lead & 0x1F); smallest = 0x80
            case 0xE0...0xEF: need = 2; scalar = UInt32(lead & 0x0F); smallest = 0x800
            case 0xF0...0xF4: need = 3; scalar = UInt32(lead & 0x07); smallest = 0x10000
            default: return i - bytes.startIndex
            }
            if i + need >= bytes.endIndex { return i - bytes.startIndex }  // cut off at the end
            for k in 1...need {
                let continuation = bytes[i + k]
                if continuation & 0xC0 != 0x80 { return i - bytes.startIndex }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            if scalar < smallest || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return i - bytes.startIndex
            }
            i += need + 1
        }
        return nil
    }

    /// The 1-based line (counting LF, and CR not followed by LF) of the byte at `offset`.
    public static func line<C: Collection<UInt8>>(ofByte offset: Int, in bytes: C) -> Int
    where C.Index == Int {
        var line = 1
        var previousCR = false
        for b in bytes.prefix(offset) {
            if b == 0x0A { if !previousCR { line += 1 } } else if b == 0x0D { line += 1 }
            previousCR = b == 0x0D
        }
        return line
    }
}
