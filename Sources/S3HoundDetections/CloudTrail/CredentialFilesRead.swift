import S3HoundCore

/// Objects read whose keys look like stored credentials: `.aws/credentials`, SSH keys, `.env`, `*.pem`, Terraform state.
public struct CredentialFilesRead: SignalDetection {
    public static let metadata = DetectionMetadata(
        id: "cloudtrail.credential-files-read",
        title: "Credential files read from S3",
        severity: .medium,
        techniques: [.t1552_001],
        guardDutyEquivalent: nil,
        falsePositives: [
            "Deploy and CI roles reading Terraform state or certificates they own: suppress the role, or remove the pattern with your own --credential-key list",
        ],
        triage: "Which secrets are in the objects read? Rotate them now: a read credential is a leaked credential. Then ask why they are stored in S3.")

    /// Creates the detection.
    public init() {}

    public static let eventNames: Set<String>? = ["GetObject"]

    public static let consequence = "Secrets read from these files give the reader further access, beyond S3."
    public static var attemptWords: (calls: String, nothing: String) { ("reads", "no data taken") }

    public func signal(_ event: ActivityEvent, configuration: DetectionConfiguration) -> String? {
        guard event.eventName == "GetObject", let key = event.objectKey,
              let pattern = configuration.credentialKeyPatterns.firstMatch(key: key) else { return nil }
        return "GetObject of \(event.bucketName ?? "?")/\(key) (matches '\(pattern)')"
    }
}

extension CredentialFilesRead {
    public static var cases: [DetectionCase] {
        let jane = CaseEvents.user("developer-jane")
        let at = CaseEvents.time("2026-02-23T02:50:00Z")
        return [
            .fires("an AWS credentials file in a home-directory backup", [
                CaseEvents.getObject(at, by: jane, from: "45.133.1.77", bucket: "app-artifacts", key: "backups/home/jane/.aws/credentials"),
            ]),
            .fires("a private key and Terraform state", [
                CaseEvents.getObject(at, by: jane, from: "45.133.1.77", bucket: "app-artifacts", key: "deploy/keys/prod-bastion.pem"),
                CaseEvents.getObject(at.adding(seconds: 30), by: jane, from: "45.133.1.77", bucket: "app-artifacts", key: "infra/prod/terraform.tfstate"),
            ]),
            .quiet("ordinary customer records", [
                CaseEvents.getObject(at, by: jane, from: "203.0.113.10", bucket: "customer-records", key: "customers/us/C100001/profile.json"),
            ]),
            .quiet("a key that only contains 'credentials' in a folder name", [
                CaseEvents.getObject(at, by: jane, from: "203.0.113.10", bucket: "app-artifacts", key: "docs/credentials-policy.pdf"),
            ]),
        ]
    }
}
