import Foundation
import S3HoundAWS

/// One level of a bucket's key hierarchy: the objects directly under a prefix (key and size) and its
/// sub-folders (prefixes ending in `/`).
public typealias RemoteLevel = (objects: [(key: String, size: Int64)], folders: [String])

/// Where `hunt s3://…` lists and fetches log objects. The live implementation is `S3ObjectSource`;
/// tests may pass any other (the contract: `list` returns every key under the prefix, `fetch` the
/// object's bytes, both throwing errors that say what to do).
public protocol RemoteObjectSource: Sendable {
    /// Every object under `prefix` in `bucket`: key and size.
    func list(bucket: String, prefix: String) async throws -> [(key: String, size: Int64)]
    /// One level under `prefix` (ending in `/`, or empty): the objects directly in it and its sub-folders
    /// (prefixes ending in `/`). Lets the planner skip whole folders outside the window without listing them.
    func listLevel(bucket: String, prefix: String) async throws -> RemoteLevel
    /// The bytes of one object.
    func fetch(bucket: String, key: String) async throws -> [UInt8]
}

extension RemoteObjectSource {
    /// The level derived from a full `list` of the prefix, for sources that cannot list by delimiter.
    public func listLevel(bucket: String, prefix: String) async throws -> RemoteLevel {
        var objects: [(key: String, size: Int64)] = []
        var folders: Set<String> = []
        for object in try await list(bucket: bucket, prefix: prefix) {
            let rest = object.key.dropFirst(prefix.count)
            if let slash = rest.firstIndex(of: "/") {
                folders.insert(prefix + rest[...slash])
            } else {
                objects.append(object)
            }
        }
        return (objects, folders.sorted())
    }
}

/// Lists and fetches through S3's ListObjectsV2 (paginated) and GetObject, signed with the user's credentials.
public struct S3ObjectSource: RemoteObjectSource {
    /// The client.
    public var client: S3Client

    /// Creates a source over a client.
    public init(client: S3Client) { self.client = client }

    public func list(bucket: String, prefix: String) async throws -> [(key: String, size: Int64)] {
        try await client.listObjectsV2(bucket: bucket, prefix: prefix.isEmpty ? nil : prefix).map { ($0.key, $0.size) }
    }

    public func listLevel(bucket: String, prefix: String) async throws -> RemoteLevel {
        let level = try await client.listLevel(bucket: bucket, prefix: prefix)
        return (level.objects.map { ($0.key, $0.size) }, level.folders)
    }

    public func fetch(bucket: String, key: String) async throws -> [UInt8] {
        [UInt8](try await client.getObject(bucket: bucket, key: key))
    }
}
