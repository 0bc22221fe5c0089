import Foundation
import Hummingbird

/// Building responses and reading bodies, with the workbench's limits and error format.
enum HTTPReplies {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    static func html(_ text: String) -> Response {
        reply(Data(text.utf8), type: "text/html; charset=utf-8")
    }

    static let jsonType = "application/json; charset=utf-8"

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response
    {
        reply(try encoder.encode(value), type: jsonType, status: status)
    }

    /// A file to download under `fileName` (ASCII letters, digits, `-`, `_`, `.` only).
    static func attachment(_ data: Data, fileName: String, type: String) -> Response {
        var r = reply(data, type: type)
        let safe = String(
            fileName.unicodeScalars.map {
                $0.isASCII
                    && (CharacterSet.alphanumerics.contains($0)
                        || "-_.".unicodeScalars.contains($0))
                    ? Character($0) : "_"
            })
        r.headers[.contentDisposition] = "attachment; filename=\"\(safe)\""
        return r
    }

    static func reply(
        _ data: Data, type: String, status: HTTPResponse.Status = .ok, cache: Bool = false
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = cache ? "max-age=300" : "no-store"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request body, at most `limit` bytes (413 beyond, before reading it all when the
    /// client says its length).
    static func body(_ request: Request, limit: Int) async throws -> Data {
        let tooLarge = WorkbenchError(
            status: .contentTooLarge,
            message:
                "the request body is larger than \(limit) bytes, the most this server accepts here")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge
        }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer: buffer)
        } catch let e as any HTTPResponseError where e.status == .contentTooLarge {
            throw tooLarge
        }
    }

    /// The body as JSON (400 when it is not JSON).
    static func jsonBody(_ request: Request, limit: Int) async throws -> JSONValue {
        try decodeJSON(try await body(request, limit: limit))
    }

    /// Bytes as JSON (400 when they are not JSON).
    static func decodeJSON(_ data: Data) throws -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw WorkbenchError.badRequest(
                "the request body is not valid JSON (\(describe(error)))")
        }
    }

    static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let c) = error {
            return (c.underlyingError.map { "\($0.localizedDescription)" }) ?? c.debugDescription
        }
        return "\(error)"
    }
}
