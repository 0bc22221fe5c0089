import Foundation
import PlanData
import PlanModel

/// Reads a plan folder:
///
/// ```
/// plan.yaml        id, names, first_year, last_year, baseline_year, language
/// indicators.csv   id,name_vi,name_en,unit,measure,upper_bound,components
/// targets.csv      id,indicator,plan_item,appendix_row,name_vi,name_en,unit,kind,comparator,
///                  value_low,value_high,start_year,target_year,direction,responsible_unit,
///                  source,note[,appendix_name_vi,appendix_unit,appendix_value]
/// baseline.csv     indicator,year,value,unit,source,note
/// ```
/// Growth targets are written in percent per year in the file and held as fractions.
/// Every problem is an `InputError` naming file, line and field. Each table may be a
/// workbook instead (`targets.xlsx`; ``PlanFileKind/path(in:)``) when `tables` reads them.
public enum PlanLoader {
    /// The id of the plan shipped inside the executable.
    public static let embeddedPlanID = "an-hung"

    /// Folder of the embedded An Hưng plan: `Notebooks-data/plans/an-hung` as the build
    /// copied it beside the executable (module `PlanData`).
    public static var embeddedPlanDirectory: String {
        PlanData.plansDirectory.appendingPathComponent(embeddedPlanID).path
    }

    /// Loads the plan in `directory`, or the embedded An Hưng plan when nil; `tables` reads
    /// its tables (CSV only by default).
    public static func load(directory: String?, tables: PlanTableSource = .csv) throws -> Plan {
        let dir = directory ?? embeddedPlanDirectory
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir) else {
            throw InputError.io(path: dir, reason: "no such plan folder")
        }
        guard isDir.boolValue else {
            throw InputError.io(path: dir, reason: "is a file; expected a plan folder")
        }
        func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }
        let meta = try PlanMetadata.read(path: path("plan.yaml"))
        func table(_ kind: PlanFileKind) throws -> PlanTableSource.Located {
            try tables.read(kind.path(in: dir) ?? path("\(kind.rawValue).csv"), kind)
        }
        let indicators = try table(.indicators).parse { try IndicatorsFile.parse($0) }
        let targets = try table(.targets).parse {
            try TargetsFile.parse($0, indicators: indicators)
        }
        let baseline = try table(.baseline).parse {
            try BaselineFile.parse(
                $0, indicators: indicators, baselineYear: meta.baselineYear)
        }
        var plan = Plan(
            id: meta.id, nameVi: meta.nameVi, nameEn: meta.nameEn, firstYear: meta.firstYear,
            lastYear: meta.lastYear, baselineYear: meta.baselineYear, language: meta.language,
            indicators: indicators, targets: targets, baseline: baseline)
        plan.province = meta.province
        plan.group = meta.group
        return plan
    }

    /// The plan's actuals file: `actuals.csv` or `actuals.xlsx` when the folder has one
    /// (import-plan writes the CSV; both is an error, ``PlanFileKind/path(in:)``), else the
    /// example it ships (`actuals-example.csv`), else nil.
    public static func actualsPath(directory: String?) throws -> String? {
        let dir = directory ?? embeddedPlanDirectory
        if let path = try PlanFileKind.actuals.path(in: dir) { return path }
        return exampleActualsPath(directory: directory)
    }

    /// The plan's actuals CSV: `actuals.csv` when the folder has one (import-plan writes
    /// it), else the example it ships (`actuals-example.csv`), else nil.
    public static func exampleActualsPath(directory: String?) -> String? {
        for name in ["actuals.csv", "actuals-example.csv"] {
            let p = ((directory ?? embeddedPlanDirectory) as NSString).appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        return nil
    }
}
