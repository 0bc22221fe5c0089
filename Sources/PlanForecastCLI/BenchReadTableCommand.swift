import ArgumentParser
import Foundation
import PlanIO
import Spreadsheet

extension BenchCommand {
    /// `bench read-table FILE`: the time to read an actuals-shaped table (CSV or .xlsx) and
    /// parse its value column, for scripts/bench-xlsx, which runs it on the same rows as
    /// CSV and as a workbook side by side.
    struct ReadTable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "read-table",
            abstract: "Read a CSV or .xlsx table and parse its value column; print the time.",
            discussion: "Prints rows,N / sum,S / seconds,T (median of --repeat passes).")

        @Argument(help: "The table (CSV or .xlsx).") var file: String
        @Option(help: "Column of numbers to parse.") var column: String = "value"
        @Option(help: "Timed passes (median reported).") var `repeat`: Int = 3

        func run() throws {
            try reportingErrors {
                var times: [Double] = [], rows = 0, sum = 0.0
                for _ in 0..<max(1, `repeat`) {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let input = try TableInput.read(path: file, layout: .init(required: [column]))
                    sum = try input.parse { table in
                        try table.rowAccessors.reduce(0.0) { $0 + (try $1.number(column)) }
                    }
                    rows = input.table.rows.count
                    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                }
                print("rows,\(rows)\nsum,\(sum)\nseconds,\(times.sorted()[times.count / 2])")
            }
        }
    }
}
