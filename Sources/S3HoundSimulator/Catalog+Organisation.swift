/// The buckets added for the organisation population and the catalog scenarios.
extension Catalog {
    /// The disaster-recovery account that receives the nightly backup's copies (trusted in the configuration).
    static let drAccount = "555566667777"
    /// The decoy bucket named as a canary in the configuration.
    static let decoyBucketName = "decoy-payroll-archive"
    /// A former vendor's account, still granted read in customer-records' bucket policy but neither own nor trusted.
    static let vendorAccount = "444455556666"
    /// The KMS key of the foreign account that objects are re-encrypted with in `foreign-kms-key`.
    static let foreignKMSKeyArn = "arn:aws:kms:us-east-1:\(foreignAccount):key/7f3e9a21-4c5d-4b8e-9f10-2a6b3c4d5e6f"

    /// Other buckets of the account, touched by nobody in the benign weeks (discovery lists them).
    static let otherBucketNames = [
        "marketing-assets", "hr-documents", "legal-archive", "data-lake-raw", "data-lake-curated", "ml-training-data",
        "terraform-state-prod", "athena-query-results", "elb-access-logs", "vpc-flow-logs", "config-snapshots",
        "support-uploads", "mobile-app-builds", "partner-exchange", "qa-test-fixtures",
    ]
    /// Bucket names an attacker guesses that do not exist (owner unknown).
    static let guessedBucketNames = [
        "customer-records-backup", "customer-records-dev", "customer-records-old", "prod-db-backups", "finance-reports-archive",
        "sensitive-data-bucket-copy", "payroll-exports", "company-secrets", "prod-credentials", "backup-dr-bucket-2",
    ]

    /// Buckets 8 and on (indexes after the original eight, so their records do not change).
    static func organisationBuckets(account: String) -> [Bucket] {
        [
            Bucket(name: "dr-backup-bucket", owner: drAccount, region: .usEast1),
            Bucket(name: "example-corp-website", owner: account, region: .usEast1),
            Bucket(name: decoyBucketName, owner: account, region: .usEast1),
            Bucket(name: "ops-config", owner: account, region: .usEast1),
        ] + otherBucketNames.map { Bucket(name: $0, owner: account, region: .usEast1) }
          + guessedBucketNames.map { Bucket(name: $0, owner: "", region: .usEast1) }
    }

    /// Index of the first guessed (non-existent) bucket.
    static var firstGuessedBucket: Int { firstOtherBucket + otherBucketNames.count }
}
