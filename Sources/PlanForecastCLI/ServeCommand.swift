import Synchronization
import ArgumentParser
import Foundation
import PlanIO
import Reports
import Workbench

/// `planforecast serve`: the planner's workbench in the browser (see docs/workbench.md).
/// Parses the options and hands them to `Workbench.WorkbenchServer`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The planner's workbench: review, what-if and reports in the browser.",
        discussion: """
            Serves every plan given with --plan (default: the embedded An Hưng plan and
            the folders under Notebooks-data/plans/) at http://127.0.0.1:PORT/. Stops
            cleanly on Ctrl-C or SIGTERM. Binds to loopback unless --host says otherwise;
            any other address needs --token (or --token-file), which every request must
            carry. Scenarios are saved into --scenario-dir and loaded from there.

            Examples:
              planforecast serve
              planforecast serve --plan Notebooks-data/plans/vietnam-2021-2025 --port 8090
              planforecast serve --host 0.0.0.0 --token-file ~/.planforecast-token
            """)

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Plan folder to serve (repeatable). Default: the embedded An Hưng plan and the folders under Notebooks-data/plans/.",
            valueName: "DIR"))
    var plan: [String] = []
    @Option(help: "Port to listen on (0: any free port).")
    var port: Int = 8080
    @Option(help: "Address to bind. Anything but loopback needs --token.")
    var host: String = "127.0.0.1"
    @Option(
        help: ArgumentHelp(
            "Secret every request must carry (at least 16 characters).", valueName: "TOKEN"))
    var token: String?
    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp("Read the token from this file (first line).", valueName: "PATH"))
    var tokenFile: String?
    @Option(
        name: .customLong("scenario-dir"),
        help: ArgumentHelp("Folder scenarios are saved into and loaded from.", valueName: "DIR"))
    var scenarioDir: String = "Scenarios"

    func run() throws {
        try reportingErrors {
            guard (0...65535).contains(port) else {
                throw InputError.usage("--port \(port): expected 0 to 65535")
            }
            var config = WorkbenchConfiguration(
                plans: try loadPlans(), scenarioFolder: scenarioDir,
                sweepCSV: { SweepReport.csv($0, model: $1) })
            config.host = host
            config.port = port
            config.token = try readToken()
            let server: WorkbenchServer
            do { server = try WorkbenchServer(configuration: config) } catch let e as WorkbenchError
            {
                throw InputError.usage(e.message)
            }
            let token = config.token
            let done = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do {
                    try await server.run { url in
                        let shown = token.map { url + "?token=" + $0 } ?? url
                        FileHandle.standardOutput.write(
                            Data(
                                "planforecast serve: \(shown)  (plans: \(server.planIDs.joined(separator: ", ")); Ctrl-C to stop)\n"
                                    .utf8))
                    }
                } catch {
                    failure.error = error
                }
                done.signal()
            }
            done.wait()
            if let error = failure.error {
                throw InputError.io(path: "\(host):\(port)", reason: "the server stopped: \(error)")
            }
        }
    }

    /// The plans to serve: `--plan` folders, or the embedded plan and Notebooks-data/plans/*.
    func loadPlans() throws -> [PlanSource] {
        if !plan.isEmpty { return try plan.map { try PlanSource.load(directory: $0) } }
        var sources = [try PlanSource.load(directory: nil)]
        let folder = "Notebooks-data/plans"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") {
            let dir = (folder as NSString).appendingPathComponent(name)
            guard
                FileManager.default.fileExists(
                    atPath: (dir as NSString).appendingPathComponent("plan.yaml"))
            else { continue }
            sources.append(try PlanSource.load(directory: dir))
        }
        return sources
    }

    func readToken() throws -> String? {
        if token != nil && tokenFile != nil {
            throw InputError.usage("give --token or --token-file, not both")
        }
        guard let tokenFile else { return token }
        let text = try FileInput.readText(path: tokenFile)
        let first =
            text.split(whereSeparator: \.isNewline).first.map {
                $0.trimmingCharacters(in: .whitespaces)
            } ?? ""
        if first.isEmpty {
            throw InputError.badData(
                location: SourceLocation(file: tokenFile, line: 1), found: "an empty line",
                expected: "the token")
        }
        return first
    }
}

/// The server task's error, read after it finished.
private final class FailureBox: Sendable {
    private let stored = Mutex<(any Error)?>(nil)
    var error: (any Error)? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
