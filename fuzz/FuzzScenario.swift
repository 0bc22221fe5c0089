// libFuzzer harness: scenario reader (YAML) against the An Hưng plan.
import Foundation
import PlanIO
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.data(start, count)
    guard let text = String(data: data, encoding: .utf8) else { return 0 }
    do {
        _ = try ScenarioReader.parse(text, file: "scenario.yaml", plan: FuzzSupport.plan)
    } catch {
        FuzzSupport.checkError(error, file: "scenario.yaml")
    }
    return 0
}
