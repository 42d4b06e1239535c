import Foundation

/// A minimal Amazon S3 client over REST-XML: list, get (whole, ranged or to a file) and put objects, create buckets,
/// and get, put and delete bucket policies.
///
/// With an endpoint override (e.g. moto) it uses path-style URLs (`http://host:port/bucket/key`);
/// otherwise virtual-hosted ones (`https://bucket.s3.region.amazonaws.com/key`).
///
/// Signatures follow AWS's canonical form (a `/` in a prefix or continuation token is `%2F` in the canonical
/// query, a `$` in a key `%24` in the canonical path). moto_server 5.2.1 checks a werkzeug-decoded form instead
/// and rejects such requests; the tests' `MotoSignatureQuirkTransport` explains and works around it.
public struct S3Client: Sendable {
    /// The region requests are signed for.
    public let region: String
    /// The endpoint override, or nil for AWS itself.
    public let endpoint: URL?
    let sender: SignedRequestSender

    /// Creates a client.
    public init(credentials: AWSCredentials, region: String, endpoint: URL? = nil,
                transport: any HTTPTransport = CurlTransport(), retryPolicy: RetryPolicy = .standard,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.region = region
        self.endpoint = endpoint
        sender = SignedRequestSender(signer: SigV4Signer(credentials: credentials, region: region, service: "s3"),
                                     transport: transport, retryPolicy: retryPolicy, now: now)
    }

    /// Creates a bucket (with a `LocationConstraint` outside us-east-1).
    public func createBucket(_ bucket: String) async throws {
        var body = Data()
        if region != "us-east-1" {
            body = Data("""
            <CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
            <LocationConstraint>\(region)</LocationConstraint></CreateBucketConfiguration>
            """.utf8)
        }
        _ = try await sender.send(request("PUT", bucket: bucket, body: body), api: "S3.CreateBucket",
                                  permission: "s3:CreateBucket")
    }

    /// Uploads an object in one request.
    public func putObject(bucket: String, key: String, body: Data) async throws {
        _ = try await sender.send(request("PUT", bucket: bucket, key: key, body: body), api: "S3.PutObject",
                                  permission: "s3:PutObject on arn:aws:s3:::\(bucket)/\(key)")
    }

    /// Downloads a whole object.
    public func getObject(bucket: String, key: String) async throws -> Data {
        try await sender.send(request("GET", bucket: bucket, key: key), api: "S3.GetObject",
                              permission: "s3:GetObject on arn:aws:s3:::\(bucket)/\(key)").body
    }

    /// One page of ListObjectsV2.
    public func listObjectsV2Page(bucket: String, prefix: String? = nil, delimiter: String? = nil, startAfter: String? = nil,
                                  maxKeys: Int? = nil, continuationToken: String? = nil) async throws -> ListObjectsV2Page {
        var query = [QueryParameter("list-type", "2")]
        if let prefix { query.append(QueryParameter("prefix", prefix)) }
        if let delimiter { query.append(QueryParameter("delimiter", delimiter)) }
        if let startAfter { query.append(QueryParameter("start-after", startAfter)) }
        if let maxKeys { query.append(QueryParameter("max-keys", String(maxKeys))) }
        if let continuationToken { query.append(QueryParameter("continuation-token", continuationToken)) }
        let response = try await sender.send(request("GET", bucket: bucket, query: query), api: "S3.ListObjectsV2",
                                             permission: "s3:ListBucket on arn:aws:s3:::\(bucket)")
        return try ListObjectsV2Page(xml: response.body)
    }

    /// Every object under the prefix, following continuation tokens page by page (`maxKeys` is the page size).
    public func listObjectsV2(bucket: String, prefix: String? = nil, startAfter: String? = nil,
                              maxKeys: Int? = nil) async throws -> [S3Object] {
        var objects: [S3Object] = []
        var token: String?
        repeat {
            let page = try await listObjectsV2Page(bucket: bucket, prefix: prefix, startAfter: startAfter,
                                                   maxKeys: maxKeys, continuationToken: token)
            objects += page.objects
            token = page.isTruncated ? page.nextContinuationToken : nil
        } while token != nil
        return objects
    }

    /// One level of the key hierarchy under `prefix` (which should end in `/`): the objects directly in it and
    /// the sub-"folders" (common prefixes with delimiter `/`), all pages followed.
    public func listLevel(bucket: String, prefix: String) async throws -> (objects: [S3Object], folders: [String]) {
        var objects: [S3Object] = []
        var folders: [String] = []
        var token: String?
        repeat {
            let page = try await listObjectsV2Page(bucket: bucket, prefix: prefix.isEmpty ? nil : prefix, delimiter: "/",
                                                   continuationToken: token)
            objects += page.objects
            folders += page.commonPrefixes
            token = page.isTruncated ? page.nextContinuationToken : nil
        } while token != nil
        return (objects, folders)
    }

    /// The request for a bucket (and key): path-style with an endpoint override or a dotted bucket name.
    func request(_ method: String, bucket: String, key: String? = nil, query: [QueryParameter] = [],
                 body: Data = Data()) -> HTTPRequest {
        let keyPath = key.map { "/" + $0 } ?? "/"
        if let endpoint, let host = endpoint.host {
            let base = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
            return HTTPRequest(method: method, scheme: endpoint.scheme ?? "https", host: host, port: endpoint.port,
                               path: base + "/" + bucket + (key.map { "/" + $0 } ?? ""), query: query, body: body)
        }
        if bucket.contains(".") {
            return HTTPRequest(method: method, host: "s3.\(region).amazonaws.com",
                               path: "/" + bucket + (key.map { "/" + $0 } ?? ""), query: query, body: body)
        }
        return HTTPRequest(method: method, host: "\(bucket).s3.\(region).amazonaws.com", path: keyPath,
                           query: query, body: body)
    }
}
