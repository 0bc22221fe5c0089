// libFuzzer harness: targets.csv reader (CSVTable + TargetsFile) against An Hưng's indicators.
import Foundation
import PlanIO
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTargets(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.data(start, count)
    do {
        let table = try CSVTable.parse(data: data, file: "targets.csv")
        let targets = try TargetsFile.parse(table, indicators: FuzzSupport.plan.indicators)
        for t in targets {
            if let l = t.low, let h = t.high { precondition(l.isFinite && h.isFinite && l <= h, "\(t)") }
        }
    } catch {
        FuzzSupport.checkError(error, file: "targets.csv")
    }
    return 0
}
