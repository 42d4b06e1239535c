import Foundation

extension HTTPRequest {
    /// A request to `path` (decoded, starting with `/`) below an endpoint such as `https://iam.amazonaws.com`
    /// or `http://127.0.0.1:5000/base`.
    public init(method: String, endpoint: URL, path: String = "/", query: [QueryParameter] = [],
                headers: [String: String] = [:], body: Data = Data()) {
        let base = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        self.init(method: method, scheme: endpoint.scheme ?? "https", host: endpoint.host ?? "", port: endpoint.port,
                  path: base + path, query: query, headers: headers, body: body)
    }
}
