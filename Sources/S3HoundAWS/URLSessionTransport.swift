import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An `HTTPTransport` over Foundation's `URLSession` (FoundationNetworking on Linux).
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession
    private let timeout: TimeInterval

    /// Creates a transport over a session; the timeout applies to each request.
    public init(session: URLSession = .shared, timeout: TimeInterval = 60) {
        self.session = session
        self.timeout = timeout
    }

    /// Sends the request with `URLSession`; the `Host` header is left for URLSession to set.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (data, response) = try await session.data(for: urlRequest(request))
        return try Self.response(response, body: data)
    }

    /// Streams the body to a temporary file with a download task (never whole in memory), then moves it to
    /// `destination` on 2xx; a non-2xx body (an error document, small) is read back and returned.
    public func download(_ request: HTTPRequest, to destination: URL) async throws -> HTTPResponse {
        let (temporary, response) = try await session.download(for: urlRequest(request))
        defer { try? FileManager.default.removeItem(at: temporary) }
        var result = try Self.response(response, body: Data())
        if result.isSuccess {
            _ = try? FileManager.default.removeItem(at: destination)
            try FileManager.default.moveItem(at: temporary, to: destination)
        } else {
            result.body = (try? Data(contentsOf: temporary)) ?? Data()
        }
        return result
    }

    private func urlRequest(_ request: HTTPRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers where name.lowercased() != "host" {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }
        return urlRequest
    }

    private static func response(_ response: URLResponse, body: Data) throws -> HTTPResponse {
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return HTTPResponse(statusCode: http.statusCode, headers: headers, body: body)
    }
}
