import Foundation
import HTTPTypes
import Hummingbird
import Testing
@testable import Workbench

@Suite struct WorkbenchSecurityTests {
    static let token = "0123456789abcdef0123"

    @Test func anotherHostNeedsAToken() throws {
        #expect(throws: WorkbenchError.self) { try WorkbenchFixture(host: "0.0.0.0") }
        #expect(throws: WorkbenchError.self) { try WorkbenchFixture(token: "short", host: "0.0.0.0") }
        _ = try WorkbenchFixture(token: Self.token, host: "0.0.0.0")
        _ = try WorkbenchFixture(host: "127.0.0.1")
        _ = try WorkbenchFixture(host: "localhost")
    }

    @Test func withATokenEveryRequestMustCarryIt() async throws {
        try await WorkbenchFixture(token: Self.token).with { c in
            #expect(try await c.send(.get, "/api/plans").status == .forbidden)
            #expect(try await c.send(.get, "/api/plans", headers: [.authorization: "Bearer wrong-token-wrong-token"]).status == .forbidden)
            #expect(try await c.send(.get, "/api/plans", headers: [.authorization: "Bearer \(Self.token)"]).status == .ok)
            #expect(try await c.send(.get, "/api/plans", headers: [.cookie: "pf_token=\(Self.token)"]).status == .ok)
            let page = try await c.send(.get, "/plans/an-hung?token=\(Self.token)")
            #expect(page.status == .ok)
            #expect(page.headers[.setCookie]?.hasPrefix("pf_token=\(Self.token); Path=/; HttpOnly; SameSite=Strict") == true)
            #expect(try await c.send(.post, "/api/plans/an-hung/sweep?token=\(Self.token)", body: "{}").status == .forbidden)
        }
    }

    @Test func postsFromOtherOriginsAreRefused() async throws {
        try await WorkbenchFixture().with { c in
            let json = WorkbenchFixture.planMidJSON()
            let foreign = try await c.send(.post, "/api/plans/an-hung/sweep?samples=200", body: json, headers: [.origin: "http://evil.example"])
            #expect(foreign.status == .forbidden)
            #expect(try await c.send(.post, "/api/plans/an-hung/sweep?samples=200", body: json, headers: [.origin: "null"]).status == .forbidden)
            let crossSite: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]
            #expect(try await c.send(.post, "/api/plans/an-hung/sweep?samples=200", body: json, headers: crossSite).status == .forbidden)
            let own = try await c.send(.post, "/api/plans/an-hung/sweep?samples=200", body: json, headers: [.origin: "http://127.0.0.1:8080"])
            #expect(own.status == .ok)
        }
    }

    /// DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host.
    @Test func foreignHostNamesAreRefused() async throws {
        try await WorkbenchFixture().with { c in
            #expect(try await c.send(.get, "/api/plans", headers: [.host: "evil.example:8080"]).status == .forbidden)
            #expect(try await c.send(.get, "/api/plans", headers: [.host: "localhost:8080"]).status == .ok)
            #expect(try await c.send(.get, "/api/plans", headers: [.host: "[::1]:8080"]).status == .ok)
        }
    }

    @Test func hostNamesAndSecrets() {
        typealias S = WorkbenchSecurity<BasicRequestContext>
        #expect(S.hostName("127.0.0.1:8080") == "127.0.0.1")
        #expect(S.hostName("[::1]:9") == "[::1]")
        #expect(S.hostName("LocalHost") == "localhost")
        #expect(S.constantTimeEqual("abc", "abc"))
        #expect(!S.constantTimeEqual("abc", "abd"))
        #expect(!S.constantTimeEqual("abc", "abcd"))
        #expect(S.isLoopback("127.0.0.2") && S.isLoopback("::1") && !S.isLoopback("0.0.0.0") && !S.isLoopback("192.168.1.2"))
    }
}
