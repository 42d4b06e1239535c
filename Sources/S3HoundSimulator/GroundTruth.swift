import S3HoundCore

/// What really happened in a simulation, written next to the logs so a hunt can be graded.
public struct GroundTruth: Codable, Sendable, Equatable {
    /// The file name of the ground truth inside the output directory (hunts skip `*.s3hound.json`).
    public static let fileName = "scenario.s3hound.json"

    /// The scenario simulated.
    public var scenario: Scenario
    /// The account whose logs were written.
    public var account: String
    /// The attack, or nil for the benign scenario.
    public var attack: AttackTruth?

    /// Creates a ground truth.
    public init(scenario: Scenario, account: String, attack: AttackTruth?) {
        self.scenario = scenario; self.account = account; self.attack = attack
    }
}

/// The facts of one simulated attack, recomputable from the written records.
public struct AttackTruth: Codable, Sendable, Equatable {
    /// The stable principal: the IAM user ARN, or the role ARN behind an assumed-role session.
    public var principal: String
    /// The caller ARN exactly as `userIdentity.arn` records it.
    public var arn: String
    /// The access key the attacker used.
    public var accessKeyId: String
    /// The attacker's source IP address.
    public var sourceIP: String
    /// The attack's main call: `GetObject`, `CopyObject`, `PutBucketPolicy`, `StopLogging` …
    public var eventName: String
    /// Successful attack requests of `eventName`.
    public var objects: Int
    /// Distinct `bucket/key` objects among those requests (some keys are read twice).
    public var distinctKeys: Int
    /// Sum of `bytesTransferredOut` over those requests (for copies, only the response bodies).
    public var bytes: Int64
    /// Attack requests (any call) that failed with `AccessDenied`.
    public var failedAttempts: Int
    /// Sorted buckets the successful requests read or copied from.
    public var buckets: [String]
    /// Time of the first attack event of any kind (listing, failure, copy or download).
    public var windowStart: EventTime
    /// Time of the last attack event of any kind.
    public var windowEnd: EventTime
    /// The foreign account that received copies, if any.
    public var destinationAccount: String?
    /// The foreign bucket that received copies, if any.
    public var destinationBucket: String?
    /// Object keys that make the attack what it is (credential files, the ransom note), if any.
    public var keys: [String]?
    /// Ids of the detections that must fire on this attack when hunted with `config.s3hound.toml`.
    public var expectedDetections: [String]
    /// For each expected detection, a resource its finding must name: a bucket, key, account, trail or source IP.
    public var findingResources: [String: String]
    /// The foreign KMS key objects were re-encrypted with, if any.
    public var kmsKeyId: String?
    /// The attacker's user agent, when it is what gives the attack away.
    public var userAgent: String?
    /// The caller's account, when it is neither ours nor trusted.
    public var callerAccount: String?
    /// What the other evidence sources show (server access logs, flow logs, GuardDuty, Macie), for
    /// multi-source stories such as `full-story`.
    public var evidence: EvidenceTruth?

    /// Creates an attack truth.
    public init(principal: String, arn: String, accessKeyId: String, sourceIP: String, eventName: String, objects: Int,
                distinctKeys: Int, bytes: Int64, failedAttempts: Int, buckets: [String], windowStart: EventTime,
                windowEnd: EventTime, destinationAccount: String? = nil, destinationBucket: String? = nil, keys: [String]? = nil,
                expectedDetections: [String] = [], findingResources: [String: String] = [:], kmsKeyId: String? = nil,
                userAgent: String? = nil, callerAccount: String? = nil, evidence: EvidenceTruth? = nil) {
        self.principal = principal; self.arn = arn; self.accessKeyId = accessKeyId; self.sourceIP = sourceIP
        self.eventName = eventName; self.objects = objects; self.distinctKeys = distinctKeys; self.bytes = bytes
        self.failedAttempts = failedAttempts; self.buckets = buckets; self.windowStart = windowStart
        self.windowEnd = windowEnd; self.destinationAccount = destinationAccount; self.destinationBucket = destinationBucket
        self.keys = keys; self.expectedDetections = expectedDetections; self.findingResources = findingResources
        self.kmsKeyId = kmsKeyId; self.userAgent = userAgent; self.callerAccount = callerAccount; self.evidence = evidence
    }
}
