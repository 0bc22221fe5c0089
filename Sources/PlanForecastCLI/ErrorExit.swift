import ArgumentParser
import Foundation
import PlanIO
import Regression
import Simulation

/// The one mapping from an error to the message and exit status every command uses
/// (sysexits(3)): 64 usage, 65 bad input data, 74 I/O.
///
/// | error | status |
/// |---|---|
/// | `InputError` | its own `exitCode` (64, 65 or 74) |
/// | `SimulationError` | 64 for a usage error (a run too large for memory, a grid over its limit), else 65 |
/// | `ScenarioModelError`, `RegressionError` | 65: the data cannot be used |
/// | `CocoaError` file errors, `POSIXError` | 74 |
/// | anything else | 65, with its description |
///
/// ```swift
/// ErrorExit.describe(InputError.usage("--level: …"))   // ("--level: …", 64)
/// ```
enum ErrorExit {
    static func describe(_ error: Error) -> (message: String, status: Int32) {
        switch error {
        case let e as InputError: return (e.description, e.exitCode)
        case let e as SimulationError: return (e.description, e.isUsageError ? 64 : 65)
        case let e as ScenarioModelError: return (e.description, 65)
        case let e as RegressionError: return (e.description, 65)
        case let e as CocoaError where e.isFileError: return (e.localizedDescription, 74)
        case let e as POSIXError: return (e.localizedDescription, 74)
        case let e as CustomStringConvertible: return (e.description, 65)
        default: return ("\(error)", 65)
        }
    }

    /// Runs a command body: argument-parser's own exits pass through; any other error is
    /// printed once on standard error and becomes its exit status.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as ExitCode {
            throw e
        } catch let e as CleanExit {
            throw e
        } catch let e as ValidationError {
            throw e
        } catch {
            let (message, status) = describe(error)
            CLIOutput.error(message)
            throw ExitCode(status)
        }
    }
}

/// Runs a command body with `ErrorExit.reporting`.
func reportingErrors(_ body: () throws -> Void) throws { try ErrorExit.reporting(body) }
