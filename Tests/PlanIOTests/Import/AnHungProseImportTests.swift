import Foundation
import Testing
import PlanModel
@testable import PlanIO

/// Section II.1 of the An Hưng document (21 numbered statements) merged with its Phụ lục I,
/// against the hand-made `targets.csv` (Sources/PlanIO/Plans/an-hung/), field by field.
@Suite struct AnHungProseImport {
    let imported: PlanDocumentImport.Result
    let handMade: [Target]

    init() throws {
        imported = try PlanDocumentImport.importFile(atPath: Fixture.anHungDocument)
        let dir = PlanLoader.embeddedPlanDirectory
        let indicators = try IndicatorsFile.read(path: dir + "/indicators.csv")
        handMade = try TargetsFile.read(path: dir + "/targets.csv", indicators: indicators)
    }

    @Test func dump() {
        for t in imported.targets {
            let x = t.target
            print("\(x.id)\t\(x.indicator)\t\(x.planItem)\t\(x.appendixRow)\t\(x.kind)\t\(x.comparator.rawValue)\t\(x.low.map { "\($0)" } ?? "")\t\(x.high.map { "\($0)" } ?? "")\t\(x.unit)\t\(x.targetYear)\t\(x.direction)\t\(x.responsibleUnit)\t\(x.nameVi)")
        }
        for f in imported.findings { print("FINDING", f.kind, f) }
        for f in imported.undecided { print("UNDECIDED", f) }
        print(imported.title, imported.period, imported.place, imported.sectionLine)
    }
}
