import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PlanIO
import PlanModel
import Testing
@testable import Workbench

/// A workbench over the embedded An Hưng plan with a fresh scenario folder, driven in
/// process through Hummingbird's router test client.
struct WorkbenchFixture {
    let server: WorkbenchServer
    let scenarioFolder: String

    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
        var object: [String: Any] { (json as? [String: Any]) ?? [:] }
    }

    init(token: String? = nil, host: String = "127.0.0.1", limits: WorkbenchLimits = WorkbenchLimits(),
         source: PlanSource? = nil) throws {
        scenarioFolder = NSTemporaryDirectory() + "workbench-tests-\(UUID().uuidString)"
        var config = WorkbenchConfiguration(plans: [try source ?? PlanSource.load(directory: nil)], scenarioFolder: scenarioFolder,
                                            sweepCSV: { result, _ in "scenario,\(result.scenario)\n" })
        config.token = token
        config.host = host
        config.limits = limits
        config.sweepThreads = 1
        server = try WorkbenchServer(configuration: config)
    }

    /// Runs `body` with a client; requests go through the security middleware and routes.
    func with(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(.router) { client in try await body(Client(client: client)) }
    }

    struct Client: Sendable {
        let client: any TestClientProtocol

        @discardableResult
        func send(_ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers: HTTPFields = [:]) async throws -> Reply {
            try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { r in
                Reply(status: r.status, headers: r.headers, text: String(buffer: r.body))
            }
        }
    }

    /// The plan-mid scenario of An Hưng as the browser would send it.
    static func planMidJSON(growthIndustry: Double = 14, extra: String = "") -> String {
        """
        {"name": "mine", "plan": "an-hung", "drivers": {
          "budget_revenue": {"growth": 12.5}, "gpv_agriculture": {"growth": 1.75},
          "gpv_industry": {"growth": \(growthIndustry)}, "gpv_services": {"growth": 14},
          "income_per_capita": {"growth": 7}}\(extra)}
        """
    }
}
