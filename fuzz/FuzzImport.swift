// libFuzzer harness: plan-table import (document and spreadsheet layouts). Invariants: only
// InputError is thrown; every imported target has an ordered, finite range; and the
// targets file the import writes is read back by TargetsFile without error.
import Foundation
import PlanIO
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.data(start, count)
    for (name, layout) in [("fuzz.txt", PlanTableImport.Layout.document), ("fuzz.csv", .delimited)] {
        do {
            let r = try PlanTableImport.importData(data, fileName: name, options: .init(layout: layout))
            for t in r.targets {
                if let l = t.low, let h = t.high { precondition(l.isFinite && h.isFinite && l <= h, "\(t)") }
            }
            _ = PlanTableImport.report(r, fileName: name)
            if r.targets.isEmpty { continue }
            // Round trip through the project's reader, with an indicator per indicator id.
            var indicators: [String: Indicator] = [:]
            for t in r.targets where indicators[t.indicator] == nil || (indicators[t.indicator]!.measure == .qualitative && t.kind != .qualitative) {
                let measure: Measure = t.kind == .qualitative ? .qualitative : .amount
                indicators[t.indicator] = Indicator(id: t.indicator, nameVi: t.nameVi, nameEn: "", unit: t.kind == .growth ? "x" : t.unit, measure: measure)
            }
            for t in r.targets where t.kind != .growth && t.kind != .qualitative {
                indicators[t.indicator]!.unit = t.unit
            }
            let csv = PlanTableImport.targetsCSV(r.targets)
            do {
                let table = try CSVTable.parse(text: csv, file: "targets.csv")
                let back = try TargetsFile.parse(table, indicators: Array(indicators.values))
                precondition(back.count == r.targets.count, "read back \(back.count) of \(r.targets.count) targets")
            } catch {
                fatalError("import wrote a targets file its reader rejects: \(error)\n\(csv)")
            }
        } catch {
            FuzzSupport.checkError(error, file: name)
        }
    }
    return 0
}
