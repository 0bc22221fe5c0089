import Synchronization
import Foundation
import HTTPTypes
import Hummingbird

/// Who may talk to the workbench, checked on every request before any route runs:
/// 1. the `Host` header names this server (127.0.0.1, localhost, [::1] or the `--host`
///    given), so a page on another site cannot reach it by DNS rebinding;
/// 2. with a token configured, the request carries it (`Authorization: Bearer T`, the
///    `pf_token` cookie, or `?token=T` on a GET, which then sets the cookie);
/// 3. a POST that says where it comes from (`Origin`, `Sec-Fetch-Site`) comes from this
///    server's own pages.
/// Every response gets a content security policy that allows only the server's own script
/// and stylesheet, and no framing. Errors from the library (`InputError`,
/// `SimulationError`) are turned into `WorkbenchError` here, so every route answers them
/// as JSON with their own message.
struct WorkbenchSecurity<Context: RequestContext>: RouterMiddleware {
    let token: String?
    let allowedHosts: Set<String>
    let boundPort: BoundPort

    static var contentSecurityPolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    /// The hosts a request may name: loopback names, plus `host` when it is not a wildcard.
    static func allowedHosts(for host: String) -> Set<String> {
        var hosts: Set<String> = ["127.0.0.1", "localhost", "[::1]", "::1"]
        if host != "0.0.0.0" && host != "::" && !host.isEmpty { hosts.insert(host.lowercased()) }
        return hosts
    }

    /// True for addresses that only this machine can reach.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let host = request.headers[HTTPField.Name("Host")!] ?? request.head.authority,
            !hostAllowed(host)
        {
            throw WorkbenchError.forbidden(
                "this server answers to 127.0.0.1 or localhost, not \"\(host)\"")
        }
        var setCookie: String?
        if let token {
            let queryToken = request.uri.queryParameters.get("token")
            if let q = queryToken, request.method == .get, Self.constantTimeEqual(q, token) {
                setCookie = "pf_token=\(token); Path=/; HttpOnly; SameSite=Strict"
            } else if !carriesToken(request, token: token) {
                throw WorkbenchError.forbidden(
                    "a token is required: open the address `planforecast serve` printed, or send `Authorization: Bearer <token>`"
                )
            }
        }
        if request.method != .get && request.method != .head {
            if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site == "cross-site" {
                throw WorkbenchError.forbidden("cross-site request refused")
            }
            if let origin = request.headers[.origin], !originAllowed(origin) {
                throw WorkbenchError.forbidden(
                    "request from origin \"\(origin)\" refused; only this server's own pages may send changes"
                )
            }
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            // Library errors (InputError, SimulationError) become JSON with their message.
            throw WorkbenchError(error)
        }
        response.headers[HTTPField.Name("Content-Security-Policy")!] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if let setCookie { response.headers[.setCookie] = setCookie }
        return response
    }

    func carriesToken(_ request: Request, token: String) -> Bool {
        if let auth = request.headers[.authorization], auth.hasPrefix("Bearer "),
            Self.constantTimeEqual(String(auth.dropFirst(7)), token)
        {
            return true
        }
        if let cookies = request.headers[.cookie] {
            for part in cookies.split(separator: ";") {
                let kv = part.trimmingCharacters(in: .whitespaces)
                if kv.hasPrefix("pf_token="), Self.constantTimeEqual(String(kv.dropFirst(9)), token)
                {
                    return true
                }
            }
        }
        return false
    }

    /// `host[:port]` → host, lower-cased (`[::1]:8080` → `[::1]`).
    static func hostName(_ authority: String) -> String {
        let a = authority.lowercased()
        if a.hasPrefix("["), let end = a.firstIndex(of: "]") { return String(a[...end]) }
        return String(a.split(separator: ":", maxSplits: 1).first ?? "")
    }

    func hostAllowed(_ authority: String) -> Bool {
        allowedHosts.contains(Self.hostName(authority))
    }

    /// `http://<allowed host>[:<bound port>]`.
    func originAllowed(_ origin: String) -> Bool {
        guard let url = URL(string: origin), url.scheme == "http", let host = url.host else {
            return false
        }
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host.lowercased()
        guard allowedHosts.contains(name) || allowedHosts.contains(host.lowercased()) else {
            return false
        }
        if let bound = boundPort.value { return (url.port ?? 80) == bound }
        return true
    }

    /// Compares secrets in time that depends only on their lengths.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

/// The port the server bound (known once it runs; with port 0 the system picks it).
final class BoundPort: Sendable {
    private let port: Mutex<Int?>
    init(_ port: Int?) { self.port = Mutex(port) }
    var value: Int? {
        get { port.withLock { $0 } }
        set { port.withLock { $0 = newValue } }
    }
}
