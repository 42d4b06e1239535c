import Foundation

/// One query-string parameter, kept decoded; encoding happens when the URL is built or signed.
public struct QueryParameter: Sendable, Equatable {
    /// The parameter name, not percent-encoded.
    public var name: String
    /// The parameter value, not percent-encoded (`""` for a bare `?lifecycle`).
    public var value: String

    /// Creates a parameter from its decoded name and value.
    public init(_ name: String, _ value: String = "") {
        self.name = name
        self.value = value
    }
}

/// An HTTP request to an AWS endpoint, with its path and query kept decoded so signing encodes them exactly once.
public struct HTTPRequest: Sendable, Equatable {
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// `https` or `http`.
    public var scheme: String
    /// The host name without port.
    public var host: String
    /// The port, or nil for the scheme's default.
    public var port: Int?
    /// The decoded path, starting with `/`.
    public var path: String
    /// The query parameters, decoded, in sending order.
    public var query: [QueryParameter]
    /// Header fields by name (names are case-insensitive; signing lowercases them).
    public var headers: [String: String]
    /// The request body.
    public var body: Data

    /// Creates a request from its parts.
    public init(method: String, scheme: String = "https", host: String, port: Int? = nil, path: String = "/",
                query: [QueryParameter] = [], headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path.isEmpty ? "/" : path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Creates a request from a URL, decoding its path and query.
    public init?(method: String, url: URL, headers: [String: String] = [:], body: Data = Data()) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              let scheme = components.scheme, let host = components.host else { return nil }
        let path = components.percentEncodedPath.removingPercentEncoding ?? components.path
        let query = (components.queryItems ?? []).map { QueryParameter($0.name, $0.value ?? "") }
        self.init(method: method, scheme: scheme, host: host, port: components.port, path: path,
                  query: query, headers: headers, body: body)
    }

    /// The `Host` header value: the host, plus the port when it is not the scheme's default.
    public var hostHeader: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) else { return host }
        return "\(host):\(port)"
    }

    /// The URL sent on the wire: path and query percent-encoded once, per AWS's rules.
    public var url: URL {
        var text = "\(scheme)://\(hostHeader)\(URIEncoding.encodePath(path))"
        if !query.isEmpty {
            text += "?" + query.map { URIEncoding.encode($0.name) + "=" + URIEncoding.encode($0.value) }
                .joined(separator: "&")
        }
        return URL(string: text)!
    }

    /// The value of a header, looked up case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}
