import Foundation

extension S3Client {
    /// GetObject streamed to a file: the body goes to disk as it arrives (through the transport's download), never
    /// whole in memory; `destination` is replaced. Returns the object's size in bytes.
    @discardableResult
    public func getObject(bucket: String, key: String, to destination: URL) async throws -> Int64 {
        _ = try await sender.download(request("GET", bucket: bucket, key: key), to: destination, api: "S3.GetObject",
                                      permission: "s3:GetObject on arn:aws:s3:::\(bucket)/\(key)")
        let attributes = try FileManager.default.attributesOfItem(atPath: destination.path)
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// GetObject of a byte range (`Range: bytes=lower-upper`, both inclusive): read a large object in chunks.
    public func getObject(bucket: String, key: String, range: ClosedRange<Int64>) async throws -> Data {
        var request = request("GET", bucket: bucket, key: key)
        request.headers["Range"] = "bytes=\(range.lowerBound)-\(range.upperBound)"
        return try await sender.send(request, api: "S3.GetObject",
                                     permission: "s3:GetObject on arn:aws:s3:::\(bucket)/\(key)").body
    }
}
