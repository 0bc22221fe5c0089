import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOEmbedded
import PlanIO
import PlanModel
import Testing
@testable import Workbench

/// A workbench over the embedded An Hưng plan with a fresh scenario folder, driven in
/// process: each request goes to the router's responder (security middleware and routes)
/// as the server would hand it over, without a socket. (HummingbirdTesting would do the
/// same but brings AsyncHTTPClient and BoringSSL into every build.)
struct WorkbenchFixture {
    let server: WorkbenchServer
    let scenarioFolder: String

    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        /// The body's bytes (for binary downloads such as .xlsx).
        var data = Data()
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
        var object: [String: Any] { (json as? [String: Any]) ?? [:] }
    }

    init(
        token: String? = nil, host: String = "127.0.0.1",
        limits: WorkbenchLimits = WorkbenchLimits(),
        source: PlanSource? = nil
    ) throws {
        scenarioFolder = NSTemporaryDirectory() + "workbench-tests-\(UUID().uuidString)"
        var config = WorkbenchConfiguration(
            plans: [try source ?? PlanSource.load(directory: nil)], scenarioFolder: scenarioFolder,
            sweepCSV: { result, _ in "scenario,\(result.scenario)\n" })
        config.token = token
        config.host = host
        config.limits = limits
        config.sweepThreads = 1
        server = try WorkbenchServer(configuration: config)
    }

    /// Runs `body` with a client.
    func with(_ body: @escaping @Sendable (Client) async throws -> Void) async throws {
        try await body(Client(responder: server.router().buildResponder()))
    }

    struct Client: Sendable {
        let responder: RouterResponder<BasicRequestContext>

        @discardableResult
        func send(
            _ method: HTTPRequest.Method, _ uri: String, body: String? = nil,
            bytes: Data? = nil, headers: HTTPFields = [:],
            authority: String = "127.0.0.1:8080"
        ) async throws -> Reply {
            let head = HTTPRequest(
                method: method, scheme: "http", authority: authority, path: uri,
                headerFields: headers)
            let request = Request(
                head: head,
                body: RequestBody(
                    buffer: bytes.map { ByteBuffer(bytes: $0) } ?? ByteBuffer(string: body ?? "")))
            let context = BasicRequestContext(
                source: ApplicationRequestContextSource(
                    channel: EmbeddedChannel(), logger: Logger(label: "test")))
            let response = try await responder.respond(to: request, context: context)
            let collector = Collector()
            try await response.body.write(collector)
            return Reply(
                status: response.status, headers: response.headers,
                text: String(buffer: collector.box.buffer),
                data: Data(collector.box.buffer.readableBytesView))
        }
    }

    /// Collects a response body.
    struct Collector: ResponseBodyWriter {
        final class Box: @unchecked Sendable { var buffer = ByteBuffer() }
        let box = Box()
        mutating func write(_ buffer: ByteBuffer) async throws {
            var b = buffer
            box.buffer.writeBuffer(&b)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
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
