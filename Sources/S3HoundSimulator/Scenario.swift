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

    /// The scenarios of the first simulator, which may keep the classic population.
    public static let classicScenarios: Set<Scenario> = [.benign, .bulkDownload, .crossAccountCopy]

    /// The attack scenarios (every case but `benign`).
    public static var attacks: [Scenario] { allCases.filter { $0 != .benign } }

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
        }
    }

    /// The number of successful attack requests when the user does not choose one.
    public var defaultAttackObjects: Int {
        switch self {
        case .benign: return 0
        case .bulkDownload: return 12_847
        case .crossAccountCopy: return 300
        case .ransomware: return 200
        case .discovery: return 22
        case .stolenInstanceCredentials, .presignedURLAbuse, .anonymousAccess, .knownBadCaller: return 40
        case .decoy: return 6
        case .policyBackdoor, .loggingTampering, .credentialFiles, .replicationToForeignAccount: return 1
        }
    }
}
