// libFuzzer harness: actuals CSV reader (CSVTable + ActualsFile) against the An Hưng plan.
import Foundation
import PlanIO
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzActuals(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.data(start, count)
    do {
        let table = try CSVTable.parse(data: data, file: "actuals.csv")
        let obs = try ActualsFile.parse(table, plan: FuzzSupport.plan)
        for o in obs { precondition(o.value.isFinite, "\(o)") }
    } catch {
        FuzzSupport.checkError(error, file: "actuals.csv")
    }
    return 0
}
