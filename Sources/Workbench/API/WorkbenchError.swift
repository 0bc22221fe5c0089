import Foundation
import Hummingbird
import PlanIO
import Simulation

/// An error answered as JSON: `{"error": "<message>", "status": 422}`. The message of a
/// problem in the user's input is the command line's text (`InputError.description`,
/// `SimulationError.description`), file, line and field included.
///
/// Status codes: 400 malformed request (not JSON, a bad query value), 403 missing token or
/// foreign origin, 404 unknown plan or scenario, 409 a scenario file exists (save again
/// with `overwrite=true`), 413 body over the limit, 422 input the readers reject, 503 too
/// many sweeps waiting, 500 the server could not write a file.
public struct WorkbenchError: Error, HTTPResponseError, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String

    public init(status: HTTPResponse.Status, message: String) {
        self.status = status; self.message = message
    }

    static func badRequest(_ message: String) -> WorkbenchError {
        WorkbenchError(status: .badRequest, message: message)
    }
    static func notFound(_ message: String) -> WorkbenchError {
        WorkbenchError(status: .notFound, message: message)
    }
    static func forbidden(_ message: String) -> WorkbenchError {
        WorkbenchError(status: .forbidden, message: message)
    }

    /// Maps library errors to a status and their own message.
    public init(_ error: any Error) {
        switch error {
        case let e as WorkbenchError: self = e
        case let e as InputError:
            switch e {
            case .badData: self.init(status: .unprocessableContent, message: e.description)
            case .usage: self.init(status: .badRequest, message: e.description)
            case .io: self.init(status: .internalServerError, message: e.description)
            }
        case let e as SimulationError:
            self.init(status: .unprocessableContent, message: e.description)
        default: self.init(status: .internalServerError, message: "\(error)")
        }
    }

    public var description: String { "\(status.code) \(message)" }

    struct Body: Codable {
        var error: String
        var status: Int
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data =
            (try? JSONEncoder().encode(Body(error: message, status: status.code)))
            ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
