import Foundation
import HTTPTypes
import Hummingbird
import Testing
@testable import Workbench

@Suite struct WorkbenchSecurityTests {
    static let token = "0123456789abcdef0123"

    @Test func anotherHostNeedsAToken() throws {
        #expect(throws: WorkbenchError.self) { try WorkbenchFixture(host: "0.0.0.0") }
        #expect(throws: WorkbenchError.self) {
            try WorkbenchFixture(token: "short", host: "0.0.0.0")
        }
        _ = try WorkbenchFixture(token: Self.token, host: "0.0.0.0")
        _ = try WorkbenchFixture(host: "127.0.0.1")
        _ = try WorkbenchFixture(host: "localhost")
    }

    @Test func withATokenEveryRequestMustCarryIt() async throws {
        try await WorkbenchFixture(token: Self.token).with { c in
            do {
                let value = try await c.send(.get, "/api/plans").status;
                #expect(value == .forbidden)
            }
            do {
                let value = try await c.send(
                    .get, "/api/plans", headers: [.authorization: "Bearer wrong-token-wrong-token"]
                ).status; #expect(value == .forbidden)
            }
            do {
                let value = try await c.send(
                    .get, "/api/plans", headers: [.authorization: "Bearer \(Self.token)"]
                ).status; #expect(value == .ok)
            }
            do {
                let value = try await c.send(
                    .get, "/api/plans", headers: [.cookie: "pf_token=\(Self.token)"]
                ).status; #expect(value == .ok)
            }
            let page = try await c.send(.get, "/plans/an-hung?token=\(Self.token)")
            #expect(page.status == .ok)
            #expect(
                page.headers[.setCookie]?.hasPrefix(
                    "pf_token=\(Self.token); Path=/; HttpOnly; SameSite=Strict") == true)
            do {
                let value = try await c.send(
                    .post, "/api/plans/an-hung/sweep?token=\(Self.token)", body: "{}"
                ).status; #expect(value == .forbidden)
            }
        }
    }

    @Test func postsFromOtherOriginsAreRefused() async throws {
        try await WorkbenchFixture().with { c in
            let json = WorkbenchFixture.planMidJSON()
            let foreign = try await c.send(
                .post, "/api/plans/an-hung/sweep?samples=200", body: json,
                headers: [.origin: "http://evil.example"])
            #expect(foreign.status == .forbidden)
            do {
                let value = try await c.send(
                    .post, "/api/plans/an-hung/sweep?samples=200", body: json,
                    headers: [.origin: "null"]
                ).status; #expect(value == .forbidden)
            }
            let crossSite: HTTPFields = [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]
            do {
                let value = try await c.send(
                    .post, "/api/plans/an-hung/sweep?samples=200", body: json, headers: crossSite
                ).status; #expect(value == .forbidden)
            }
            let own = try await c.send(
                .post, "/api/plans/an-hung/sweep?samples=200", body: json,
                headers: [.origin: "http://127.0.0.1:8080"])
            #expect(own.status == .ok)
        }
    }

    /// DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host.
    @Test func foreignHostNamesAreRefused() async throws {
        try await WorkbenchFixture().with { c in
            do {
                let value = try await c.send(.get, "/api/plans", authority: "evil.example:8080")
                    .status;
                #expect(value == .forbidden)
            }
            do {
                let value = try await c.send(.get, "/api/plans", authority: "localhost:8080")
                    .status;
                #expect(value == .ok)
            }
            do {
                let value = try await c.send(.get, "/api/plans", authority: "[::1]:8080").status;
                #expect(value == .ok)
            }
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
        #expect(
            S.isLoopback("127.0.0.2") && S.isLoopback("::1") && !S.isLoopback("0.0.0.0")
                && !S.isLoopback("192.168.1.2"))
    }
}
