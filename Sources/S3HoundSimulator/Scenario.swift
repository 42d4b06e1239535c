/// The story a simulation tells: weeks of ordinary work, plus (or not) one attack on the last day.
public enum Scenario: String, CaseIterable, Sendable, Codable {
    /// Only the benign population: nothing should be detected.
    case benign
    /// A stolen developer key downloads thousands of objects from a Tor exit node at night.
    case bulkDownload = "bulk-download"
    /// A stolen developer key copies customer records into a bucket of a foreign account.
    case crossAccountCopy = "cross-account-copy"
    /// A stolen key opens customer-records to the public: policy, ACL and Block Public Access.
    case policyBackdoor = "policy-backdoor"
    /// A stolen key encrypts objects with SSE-C, leaves a note, disables recovery and deletes objects.
    case ransomware
    /// A stolen key stops CloudTrail, drops S3 data events, turns off access logs and GuardDuty S3 protection.
    case loggingTampering = "logging-tampering"
    /// A stolen key lists and inspects every bucket, then guesses bucket names.
    case discovery
    /// A stolen key reads credential files stored in a bucket.
    case credentialFiles = "credential-files"
    /// The web server's EC2 instance-role credentials are used from outside AWS.
    case stolenInstanceCredentials = "stolen-instance-credentials"
    /// Presigned links of the report exporter are opened from an address never seen for it.
    case presignedURLAbuse = "presigned-url-abuse"
    /// Anonymous callers read the website bucket, which nobody reads anonymously.
    case anonymousAccess = "anonymous-access"
    /// A developer key calls from an address on the Tor exit list next to the logs.
    case knownBadCaller = "known-bad-caller"
    /// A stolen key sets up replication of customer-records into a foreign account.
    case replicationToForeignAccount = "replication-to-foreign-account"
    /// A stolen key lists and reads the decoy bucket named as a canary in the configuration.
    case decoy
    /// A stolen key creates an S3 Batch Operations job copying customer-records into a foreign bucket.
    case batchOperationsJob = "batch-operations-job"
    /// A stolen key sets up an AWS DataSync task from customer-records to a bucket of a foreign account.
    case dataSyncTask = "datasync-task"
    /// A stolen key rewrites customer records under a KMS key of a foreign account.
    case foreignKMSKey = "foreign-kms-key"
    /// A developer key that always calls through Boto3 is used with curl, in the evening, from the same VPN address.
    case newUserAgent = "new-user-agent"
    /// A role of an account that is neither ours nor trusted reads a bucket shared with it.
    case foreignAccountCaller = "foreign-account-caller"
    /// The seed's story told by all five evidence sources: CloudTrail, S3 server access logs, VPC Flow Logs,
    /// GuardDuty and Macie, each with ordinary noise.
    case fullStory = "full-story"

    /// The scenarios of the first simulator, which may keep the classic population.
    public static let classicScenarios: Set<Scenario> = [.benign, .bulkDownload, .crossAccountCopy]

    /// The catalog's attack scenarios: every case but `benign` and the multi-source stories. Each is told by
    /// CloudTrail alone and is one incident of one principal.
    public static var attacks: [Scenario] { allCases.filter { $0 != .benign && !multiSourceStories.contains($0) } }

    /// Scenarios that also write S3 server access logs, VPC Flow Logs, GuardDuty and Macie findings. They are not
    /// in `attacks`: their flow-log finding names an instance, not the attacker's principal, and readers of the
    /// other sources are needed to see all of it.
    public static let multiSourceStories: Set<Scenario> = [.fullStory]

    /// One sentence saying what the scenario writes.
    public var summary: String {
        switch self {
        case .benign:
            return "weeks of ordinary activity by developers, batch jobs, CI and CloudTrail itself; no attack"
        case .bulkDownload:
            return "the benign weeks, then developer-jane's key downloads 12,847 objects (~4.7 GB) from a Tor exit node at 02:47 UTC on the last day"
        case .crossAccountCopy:
            return "the benign weeks, then developer-jane's key copies 300 customer records into account 999988887777 at 03:10 UTC on the last day"
        case .policyBackdoor:
            return "developer-jane's key grants Principal \"*\" on customer-records, adds an AllUsers ACL grant and deletes its Block Public Access"
        case .ransomware:
            return "developer-tom's key suspends versioning, rewrites customer records with SSE-C, leaves README_RESTORE_FILES.txt, adds a 1-day expiration rule and deletes 600 objects"
        case .loggingTampering:
            return "developer-jane's key stops the trail, drops S3 data events, turns off access logging and GuardDuty S3 protection"
        case .discovery:
            return "developer-jane's key lists and inspects 20+ buckets, then guesses bucket names (AccessDenied, NoSuchBucket)"
        case .credentialFiles:
            return "developer-tom's key reads .aws/credentials, id_rsa and .env files from ops-config"
        case .stolenInstanceCredentials:
            return "the web-server instance role, which calls from its NAT address every hour, lists buckets and reads customer records from 91.219.236.171"
        case .presignedURLAbuse:
            return "report-exporter's presigned links, opened from the office every day, are opened from 102.129.143.91"
        case .anonymousAccess:
            return "anonymous callers read objects of example-corp-website, which is never read anonymously"
        case .knownBadCaller:
            return "developer-raj's key reads customer records from 185.220.101.182, listed in tor-exits.s3hound.txt"
        case .replicationToForeignAccount:
            return "developer-jane's key replicates customer-records into exfil-drop-bucket of account 999988887777"
        case .decoy:
            return "developer-tom's key lists and reads decoy-payroll-archive, a canary in config.s3hound.toml"
        case .batchOperationsJob:
            return "developer-jane's key uploads a manifest of customer-records and creates an S3 Batch Operations job copying it into exfil-drop-bucket"
        case .dataSyncTask:
            return "developer-jane's key registers customer-records and exfil-drop-bucket (account 999988887777) as DataSync locations, creates a task between them and starts it"
        case .foreignKMSKey:
            return "developer-jane's key sets customer-records' default encryption to a KMS key of account 999988887777 and rewrites records under it"
        case .newUserAgent:
            return "developer-raj's key, always used through Boto3, reads customer records with curl at 21:40 UTC from his usual VPN address"
        case .foreignAccountCaller:
            return "a role of account 444455556666, a former vendor still granted in customer-records' bucket policy, lists and reads customer records"
        case .fullStory:
            return "the bulk download told by all five sources: CloudTrail (data events for two buckets), server access logs of finance-reports, "
                + "flow logs of the compromised build instance sending 1.3 GB to the same Tor exit, GuardDuty and Macie findings, each with noise"
        }
    }

    /// The number of successful attack requests when the user does not choose one.
    public var defaultAttackObjects: Int {
        switch self {
        case .benign: return 0
        case .bulkDownload, .fullStory: return 12_847
        case .crossAccountCopy: return 300
        case .ransomware: return 200
        case .discovery: return 22
        case .stolenInstanceCredentials, .presignedURLAbuse, .anonymousAccess, .knownBadCaller, .newUserAgent, .foreignAccountCaller: return 40
        case .foreignKMSKey: return 120
        case .decoy: return 6
        case .policyBackdoor, .loggingTampering, .credentialFiles, .replicationToForeignAccount, .batchOperationsJob, .dataSyncTask: return 1
        }
    }
}
