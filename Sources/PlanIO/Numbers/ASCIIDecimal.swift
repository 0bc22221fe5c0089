/// Plain decimal numbers from ASCII bytes, without building a `String` (the batch fit
/// reads millions): `[-+]digits[.digits][(e|E)[-+]digits]`.
///
/// ```swift
/// ASCIIDecimal.parse(Array("-12.5".utf8)[...])    // -12.5
/// ASCIIDecimal.parse(Array("12,5".utf8)[...])     // nil (not plain)
/// ```
///
/// Correctly rounded: when the digits form an integer m < 2^53 and the decimal exponent k
/// has |k| ≤ 22, m and 10^|k| are exact doubles and one IEEE multiplication or division
/// rounds once (Clinger's fast path); otherwise the standard library's `Double(String)`
/// converts the text. Invariant: `parse(bytes) == Double(String(bytes))` whenever the
/// result is not nil, and nil for magnitudes ≥ 10^15, as the plan readers reject them.
public enum ASCIIDecimal {
    /// 10^0 … 10^22, each exact (products of exact values that are representable).
    static let powersOfTen: [Double] = {
        var powers = [1.0]
        for _ in 1...22 { powers.append(powers.last! * 10) }
        return powers
    }()

    public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Double?
    where Bytes.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == 0x2D || bytes[i] == 0x2B { negative = bytes[i] == 0x2D; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, significantDigits = 0
        var exponent = 0
        var exact = true
        while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            accumulate(bytes[i])
            i += 1
        }
        var fractionDigits = 0
        if i < end, bytes[i] == 0x2E {
            i += 1
            while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                accumulate(bytes[i]); fractionDigits += 1
                i += 1
            }
            exponent -= fractionDigits
        }
        guard digits > 0 else { return nil }
        if i < end, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            var exponentNegative = false
            if i < end, bytes[i] == 0x2D || bytes[i] == 0x2B {
                exponentNegative = bytes[i] == 0x2D; i += 1
            }
            var e = 0, exponentDigits = 0
            while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39, exponentDigits < 5 {
                e = e * 10 + Int(bytes[i] - 0x30); exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -e : e
        }
        guard i == end else { return nil }
        var value: Double
        if exact && mantissa < (1 << 53) && abs(exponent) <= 22 {
            value = Double(mantissa)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
        } else {
            guard let v = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
            value = abs(v)
        }
        guard value.isFinite, value < 1e15 else { return nil }
        return negative ? -value : value

        func accumulate(_ b: UInt8) {
            digits += 1
            if mantissa == 0 && b == 0x30 { return }
            significantDigits += 1
            if significantDigits > 19 { exact = false; return }
            mantissa = mantissa &* 10 &+ UInt64(b - 0x30)
        }
    }
}
