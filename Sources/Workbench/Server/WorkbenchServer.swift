import Foundation
import Hummingbird
import Logging

/// The workbench web application (`planforecast serve`).
///
/// ```swift
/// let server = try WorkbenchServer(configuration: config)
/// try await server.run { url in print("open \(url)") }   // until SIGINT or SIGTERM
/// ```
/// Invariants: binds to loopback unless told otherwise, and refuses to start on another
/// address without a token; every request passes `WorkbenchSecurity`; every body is read
/// with a size limit; at most `limits.concurrentSweeps` sweeps run at once.
public struct WorkbenchServer: Sendable {
    public let configuration: WorkbenchConfiguration
    let routes: WorkbenchRoutes
    let boundPort: BoundPort

    public init(configuration: WorkbenchConfiguration) throws {
        if !WorkbenchSecurity<BasicRequestContext>.isLoopback(configuration.host)
            && (configuration.token ?? "").isEmpty
        {
            throw WorkbenchError.forbidden(
                "--host \(configuration.host) is reachable from other machines; give --token (or --token-file) so only those who know it can use the workbench"
            )
        }
        if let token = configuration.token, token.count < 16 {
            throw WorkbenchError.badRequest(
                "the token is \(token.count) characters long; use at least 16 (e.g. `openssl rand -hex 16`)"
            )
        }
        var workspaces: [PlanWorkspace] = []
        for source in configuration.plans
        where !workspaces.contains(where: { $0.id == source.plan.id }) {
            workspaces.append(try PlanWorkspace(source: source))
        }
        guard !workspaces.isEmpty else { throw WorkbenchError.badRequest("no plan to serve") }
        self.configuration = configuration
        boundPort = BoundPort(configuration.port == 0 ? nil : configuration.port)
        routes = WorkbenchRoutes(
            workspaces: workspaces, configuration: configuration,
            sweeps: SweepService(limits: configuration.limits, threads: configuration.sweepThreads),
            store: ScenarioStore(folder: configuration.scenarioFolder),
            assets: try WorkbenchAssets.load())
    }

    /// The ids of the plans served (a plan given twice is served once).
    public var planIDs: [String] { routes.workspaces.map(\.id) }

    /// The router with every route and the security middleware (tests drive it directly).
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(
            middleware: WorkbenchSecurity(
                token: configuration.token,
                allowedHosts: WorkbenchSecurity<BasicRequestContext>.allowedHosts(
                    for: configuration.host),
                boundPort: boundPort))
        routes.register(on: router)
        return router
    }

    /// The application; `onRunning` gets the address once the server listens.
    public func application(onRunning: @escaping @Sendable (String) -> Void = { _ in })
        -> some ApplicationProtocol
    {
        var logger = Logger(label: "planforecast.serve")
        logger.logLevel = .warning
        let host = configuration.host
        let port = boundPort
        return Application(
            router: router(),
            configuration: .init(
                address: .hostname(host, port: configuration.port), serverName: "PlanForecast"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? 0
                port.value = bound
                let shown = host.contains(":") ? "[\(host)]" : host
                onRunning("http://\(shown):\(bound)/")
            },
            logger: logger)
    }

    /// Runs until SIGINT or SIGTERM, then stops cleanly (open requests are finished).
    public func run(onRunning: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }
}
