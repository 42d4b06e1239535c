/// S3 bucket policies.
///
/// Contract: `bucketPolicy` returns nil when the bucket has no policy (S3's `NoSuchBucketPolicy`) and throws
/// for a missing bucket; `deleteBucketPolicy` succeeds when there is no policy.
public protocol BucketPolicyManaging: Sendable {
    /// The bucket's policy text (S3 GetBucketPolicy), or nil when it has none.
    func bucketPolicy(bucket: String) async throws -> String?
    /// Replaces the bucket's policy (S3 PutBucketPolicy).
    func putBucketPolicy(_ policy: String, bucket: String) async throws
    /// Removes the bucket's policy (S3 DeleteBucketPolicy).
    func deleteBucketPolicy(bucket: String) async throws
}
