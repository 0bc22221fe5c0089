// libFuzzer harness: plan documents in prose (PlanDocumentImport: targets section, statements,
// clauses, figures, merge with a table, indicators). Invariants: only InputError is thrown,
// naming the file; every target has an ordered, finite range; and the plan folder the import
// writes (indicators.csv, targets.csv, baseline.csv, actuals.csv) is read back by the plan
// readers without error.
import Foundation
import PlanIO
import PlanModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProse(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = FuzzSupport.data(start, count)
    let name = "fuzz.txt"
    do {
        let r = try PlanDocumentImport.importData(data, fileName: name)
        for t in r.targets {
            if let l = t.target.low, let h = t.target.high { precondition(l.isFinite && h.isFinite && l <= h, "\(t)") }
        }
        if r.targets.isEmpty { return 0 }
        let files = Dictionary(uniqueKeysWithValues: PlanFolderWriter.files(for: r, fileName: name).map { ($0.name, $0.text) })
        do {
            let indicators = try IndicatorsFile.parse(CSVTable.parse(text: files["indicators.csv"]!, file: "indicators.csv"))
            let targets = try TargetsFile.parse(CSVTable.parse(text: files["targets.csv"]!, file: "targets.csv"), indicators: indicators)
            precondition(targets.count == r.targets.count, "read back \(targets.count) of \(r.targets.count) targets")
            let baseline = try BaselineFile.parse(CSVTable.parse(text: files["baseline.csv"]!, file: "baseline.csv"),
                                                  indicators: indicators, baselineYear: r.period.lowerBound - 1)
            precondition(baseline.isEmpty)
            let plan = Plan(id: "fuzz", nameVi: "fuzz", nameEn: "", firstYear: r.period.lowerBound, lastYear: r.period.upperBound,
                            baselineYear: r.period.lowerBound - 1, indicators: indicators, targets: targets, baseline: baseline)
            _ = try ActualsFile.parse(CSVTable.parse(text: files["actuals.csv"]!, file: "actuals.csv"), plan: plan)
        } catch {
            fatalError("import wrote a plan folder its readers reject: \(error)\n\(files["indicators.csv"]!)\n\(files["targets.csv"]!)")
        }
    } catch {
        FuzzSupport.checkError(error, file: name)
    }
    return 0
}
