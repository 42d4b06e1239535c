import Crypto
import Foundation

extension S3Client {
    /// GetBucketPolicy: the policy JSON, or nil when the bucket has none (`NoSuchBucketPolicy`).
    public func getBucketPolicy(bucket: String) async throws -> String? {
        do {
            let response = try await sender.send(request("GET", bucket: bucket, query: [QueryParameter("policy")]),
                                                 api: "S3.GetBucketPolicy",
                                                 permission: "s3:GetBucketPolicy on arn:aws:s3:::\(bucket)")
            return String(decoding: response.body, as: UTF8.self)
        } catch let error as AWSError where error.code == "NoSuchBucketPolicy" {
            return nil
        }
    }

    /// PutBucketPolicy: replaces the bucket's policy with this JSON document (sent with its Content-MD5).
    public func putBucketPolicy(bucket: String, policy: String) async throws {
        let body = Data(policy.utf8)
        var request = request("PUT", bucket: bucket, query: [QueryParameter("policy")], body: body)
        request.headers["Content-Type"] = "application/json"
        request.headers["Content-MD5"] = Data(Insecure.MD5.hash(data: body)).base64EncodedString()
        _ = try await sender.send(request, api: "S3.PutBucketPolicy",
                                  permission: "s3:PutBucketPolicy on arn:aws:s3:::\(bucket)")
    }

    /// DeleteBucketPolicy: removes the bucket's policy (succeeds when there is none).
    public func deleteBucketPolicy(bucket: String) async throws {
        _ = try await sender.send(request("DELETE", bucket: bucket, query: [QueryParameter("policy")]),
                                  api: "S3.DeleteBucketPolicy",
                                  permission: "s3:DeleteBucketPolicy on arn:aws:s3:::\(bucket)")
    }
}
