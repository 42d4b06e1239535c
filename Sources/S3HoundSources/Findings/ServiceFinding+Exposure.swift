import S3HoundCore

extension ServiceFinding {
    /// The exposure facts the findings parser writes into `ServiceFinding.exposure`, one phrase per fact, so
    /// correlation and reports can match them exactly.
    public enum Exposure {
        /// Macie `Policy:IAMUser/S3BucketPublic`, or a bucket whose effective permission is `PUBLIC`.
        public static let publicBucket = "bucket is publicly accessible"
        /// Macie `Policy:IAMUser/S3BucketSharedExternally`.
        public static let sharedExternally = "bucket is shared with another AWS account"
        /// Macie `Policy:IAMUser/S3BlockPublicAccessDisabled`.
        public static let blockPublicAccessDisabled = "block public access is disabled for the bucket"
        /// Macie `Policy:IAMUser/S3BucketEncryptionDisabled`, or a bucket whose default encryption is `NONE`.
        public static let encryptionDisabled = "default encryption is disabled for the bucket"
        /// Macie `Policy:IAMUser/S3BucketReplicatedExternally`.
        public static let replicatedExternally = "bucket is replicated to another AWS account"
        /// Macie `Policy:IAMUser/S3BucketSharedWithCloudFront`.
        public static let sharedWithCloudFront = "bucket is shared with a CloudFront distribution"

        /// Every phrase, in a stable order.
        public static let all = [publicBucket, sharedExternally, blockPublicAccessDisabled, encryptionDisabled,
                                 replicatedExternally, sharedWithCloudFront]

        /// The fact a Macie policy finding type states, e.g. `Policy:IAMUser/S3BucketPublic` → `publicBucket`.
        public static func phrase(forMaciePolicyType type: String) -> String? {
            guard let slash = type.lastIndex(of: "/") else { return nil }
            switch type[type.index(after: slash)...].lowercased() {
            case "s3bucketpublic": return publicBucket
            case "s3bucketsharedexternally": return sharedExternally
            case "s3blockpublicaccessdisabled": return blockPublicAccessDisabled
            case "s3bucketencryptiondisabled": return encryptionDisabled
            case "s3bucketreplicatedexternally": return replicatedExternally
            case "s3bucketsharedwithcloudfront": return sharedWithCloudFront
            default: return nil
            }
        }
    }

    /// True when the finding says a bucket it names is publicly accessible.
    public var saysBucketIsPublic: Bool { exposure.contains(Exposure.publicBucket) }

    /// Sensitive-data occurrences Macie counted across the finding's objects.
    public var sensitiveDataOccurrences: Int { objects.reduce(0) { $0 + $1.sensitiveData.reduce(0) { $0 + $1.count } } }
}
