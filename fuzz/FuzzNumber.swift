// libFuzzer harness: VietnameseNumber.parse and parseRequirement on arbitrary text, with and
// without units, under both dot rules. Invariants: results are finite, below 10^15, and ranges are ordered.
import Foundation
import PlanIO

let units: [String?] = [nil, "%", "dân", "triệu đồng", "Số DN/1000 dân", "Đạt"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumber(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.data(start, count)
    let text = String(decoding: data, as: UTF8.self)
    let unit = units[Int(data.first ?? 0) % units.count]
    let dot: VietnameseNumber.DotRule = (data.count > 1 && data[data.startIndex + 1] & 1 == 1) ? .decimalPoint : .askWhenAmbiguous
    if let v = try? VietnameseNumber.parse(text, unit: unit, dot: dot) {
        precondition(v.isFinite && abs(v) < VietnameseNumber.largestMagnitude, "parse(\(text)) = \(v)")
    }
    if let r = try? VietnameseNumber.parseRequirement(text, unit: unit, dot: dot) {
        if let l = r.low, let h = r.high {
            precondition(l.isFinite && h.isFinite && l <= h, "parseRequirement(\(text)) = \(r)")
        }
    }
    return 0
}
