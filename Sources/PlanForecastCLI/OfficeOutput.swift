import ArgumentParser
import Forecasting
import Foundation
import PlanIO
import Reports
import Spreadsheet

/// The binary office formats (`--format xlsx|docx|pdf`): where they go and the exit code
/// when a converter is missing (69, EX_UNAVAILABLE, naming the package to install).
enum OfficeFormat: String {
    case xlsx, docx, pdf

    /// Writes a review in this format to `output` (atomically), or to standard output when
    /// it is piped.
    func write(_ review: Review, language: ReportLanguage?, output: String?) throws {
        try OfficeFormat.emit(output: output, format: rawValue) {
            switch self {
            case .xlsx:
                return try WorkbookWriter.data(ReviewWorkbook.sheets(review, language: language))
            case .docx: return try ReviewDocx.data(review, language: language)
            case .pdf: return try ReviewPDF.data(review, language: language)
            }
        }
    }

    /// Writes workbook sheets made by a command (`project`, `sweep`, `fit`, `targets`).
    static func writeWorkbook(_ sheets: () throws -> [OutputSheet], output: String?) throws {
        try emit(output: output, format: "xlsx") { try WorkbookWriter.data(sheets()) }
    }

    static func emit(output: String?, format: String, _ make: () throws -> Data) throws {
        let toStdout = output == nil || output == "-"
        if toStdout && CLIOutput.stdoutIsTerminal {
            throw InputError.usage(
                "--format \(format) writes a binary file: pass --output FILE.\(format)")
        }
        let data: Data
        do { data = try make() } catch let missing as ExternalTool.Unavailable {
            CLIOutput.error(missing.description)
            throw ExitCode(missing.exitCode)
        }
        if toStdout {
            FileHandle.standardOutput.write(data)
        } else {
            try AtomicFile.write(data, to: output!)
        }
    }
}
