import ArgumentParser
import Foundation
import PlanIO
import Reports

extension SweepCommand {
    /// `--plans DIR`: every plan folder under DIR swept in one process
    /// (`Reports.BatchSweep`), one long CSV (plan id first) to `--output` or standard
    /// output; exit 65 after the output is written when any plan failed.
    func runPlans(_ directory: String) throws {
        try reportingErrors {
            if scenario != nil || planOptions.plan != nil {
                throw InputError.usage(
                    "--plans sweeps each plan folder with its own scenario.yaml (else its plan-ranges); leave out --plan and --scenario"
                )
            }
            if paths != nil { throw InputError.usage("--paths is for one plan, not --plans") }
            if format == .xlsx {
                throw InputError.usage("--plans writes one long CSV; --format xlsx is for one plan")
            }
            var options = BatchSweep.Options()
            options.recursive = recursive
            options.sweep = try makeOptions()
            let out = try output.flatMap { $0 == "-" ? nil : try AtomicFile.Writer(path: $0) }
            let bar = CLIOutput.stderrIsTerminal ? ProgressBar() : nil
            var progress: (@Sendable (Int, Int) -> Void)?
            if let bar { progress = { done, total in bar.show(done, total) } }
            let batch: BatchSweep
            do {
                batch = try BatchSweep.run(
                    directory: directory, options: options, progress: progress
                ) {
                    data in
                    if let out {
                        try out.write(data)
                    } else {
                        FileHandle.standardOutput.write(data)
                    }
                }
                try out?.commit()
            } catch {
                out?.abandon()
                throw error
            }
            bar?.finish()
            for note in batch.plans.flatMap(\.notes) { CLIOutput.note(note) }
            CLIOutput.note("\(batch.plans.count) plans swept, \(batch.failures.count) failed")
            for failure in batch.failures { CLIOutput.error(failure.message) }
            if !batch.failures.isEmpty { throw ExitCode(65) }
        }
    }
}
