import Foundation
import PlanIO
import PlanModel

/// Actuals from a CSV file or an .xlsx workbook (`review --actuals x.xlsx [--sheet S]`).
///
/// A workbook's default sheet is the one named `actuals` (any case), else the first.
public enum ActualsInput {
    public static func read(
        path: String, plan: Plan, decimalMark: DecimalMark? = nil,
        sheet: String? = nil
    ) throws -> [Observation] {
        let choice =
            sheet == nil
            ? Workbook.SheetChoice.preferring("actuals") : Workbook.SheetChoice(argument: sheet)
        let input = try TableInput.read(
            path: path, sheet: choice,
            layout: .init(required: ["indicator", "year", "value"], known: ActualsFile.columns))
        return try input.parse { try ActualsFile.parse($0, plan: plan, decimalMark: decimalMark) }
    }
}
