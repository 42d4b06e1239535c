import Foundation
@testable import S3HoundResponse

/// Shared test data: the seed runbook's incident (developer-jane's key read sensitive-data-bucket from a Tor
/// exit node) as a saved report, and an account holding her keys, the bucket and an S3 endpoint.
enum Fixtures {
    static let janeKey = "AKIAJANE00000000WXYZ"
    static let janeOtherKey = "AKIAJANE00000000OTHR"
    static let endpoint = "vpce-0abc1234def567890"

    /// A bucket policy with one statement, as a customer might have it (single-object `Statement`).
    static let existingPolicy = #"{"Version":"2012-10-17","Statement":{"Sid":"AllowAnalytics","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/analytics"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::sensitive-data-bucket/*"}}"#

    /// An account with Jane's two keys, the responder's key, two buckets (one with a policy) and an S3 endpoint.
    static func account() -> InMemoryAWS {
        let aws = InMemoryAWS()
        aws.keys = [
            AccessKeyRecord(accessKeyId: janeKey, userName: "developer-jane", status: "Active"),
            AccessKeyRecord(accessKeyId: janeOtherKey, userName: "developer-jane", status: "Active"),
            AccessKeyRecord(accessKeyId: "AKIARESPONDER0000001", userName: "responder", status: "Active"),
        ]
        aws.buckets = ["sensitive-data-bucket", "customer-records", "approved-bucket-1"]
        aws.bucketPolicies["sensitive-data-bucket"] = existingPolicy
        aws.endpoints[endpoint] = VPCEndpointInfo(id: endpoint, serviceName: "com.amazonaws.us-east-1.s3", vpcId: "vpc-1",
                                                  policy: #"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#)
        aws.endpoints["vpce-0dynamo0000000000"] = VPCEndpointInfo(id: "vpce-0dynamo0000000000", serviceName: "com.amazonaws.us-east-1.dynamodb")
        return aws
    }

    /// A `hunt --format json` report with Jane's incident (and a second one).
    static let report = Data("""
    {
      "schema": "s3hound.hunt.v1",
      "summary": {"accounts": ["123456789012"]},
      "incidents": [
        {
          "id": "INC-20260223-4f2a9c",
          "severity": "critical",
          "principal": "arn:aws:iam::123456789012:user/developer-jane",
          "arns": ["arn:aws:iam::123456789012:user/developer-jane"],
          "accessKeys": ["AKIA…WXYZ", "ASIA…0001"],
          "identityType": "IAMUser",
          "accounts": ["123456789012", "999988887777"],
          "impact": {
            "buckets": [
              {"name": "sensitive-data-bucket", "requests": 8000, "bytesOut": 3221225472, "ownerAccountId": "123456789012"},
              {"name": "customer-records", "requests": 4847, "bytesOut": 100, "ownerAccountId": null},
              {"name": "exfil-drop-bucket", "requests": 40, "bytesOut": 0, "ownerAccountId": "999988887777"}
            ],
            "copyDestinations": [{"account": "999988887777", "bucket": "exfil-drop-bucket"}],
            "destinationAccounts": ["999988887777"]
          }
        },
        {
          "id": "INC-20260223-0c0ffe",
          "severity": "high",
          "principal": "arn:aws:iam::123456789012:role/etl-runner",
          "accessKeys": ["ASIA…0001"],
          "identityType": "AssumedRole",
          "accounts": ["123456789012"],
          "impact": {"buckets": [], "copyDestinations": [], "destinationAccounts": []}
        }
      ]
    }
    """.utf8)

    static func janeIncident() throws -> IncidentReference {
        try IncidentReference.load(id: "INC-20260223-4f2a9c", fromReport: report, source: "report.json")
    }

    /// A fresh, empty temporary directory.
    static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-response-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
