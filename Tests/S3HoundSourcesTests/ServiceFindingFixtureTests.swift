import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

/// Realistic GuardDuty and Macie findings documents, one per supported kind, shaped like the AWS CLI,
/// EventBridge and GuardDuty's S3 export write them (identifiers are made up).
enum FindingFixtures {
    /// `aws guardduty get-findings`: PascalCase, keys in alphabetical order, IAM user downloading at 3 AM from Tor.
    static let guardDutyGetFindings = #"""
    {
        "Findings": [
            {
                "AccountId": "111122223333",
                "Arn": "arn:aws:guardduty:us-east-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0/finding/60c6e8a1f04b5d9a2b3c4d5e6f708192",
                "CreatedAt": "2026-02-23T03:14:07.000Z",
                "Description": "An IAM entity invoked an S3 API in a suspicious way. GetObject was invoked by IAMUser dev-alice.",
                "Id": "60c6e8a1f04b5d9a2b3c4d5e6f708192",
                "Partition": "aws",
                "Region": "us-east-1",
                "Resource": {
                    "AccessKeyDetails": {
                        "AccessKeyId": "AKIAEXAMPLEDEVKEY001",
                        "PrincipalId": "AIDAEXAMPLEPRINCIPAL1",
                        "UserName": "dev-alice",
                        "UserType": "IAMUser"
                    },
                    "S3BucketDetails": [
                        {
                            "Arn": "arn:aws:s3:::acme-customer-exports",
                            "CreatedAt": "2024-05-01T10:00:00.000Z",
                            "DefaultServerSideEncryption": { "EncryptionType": "AES256" },
                            "Name": "acme-customer-exports",
                            "Owner": { "Id": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" },
                            "PublicAccess": {
                                "EffectivePermission": "NOT_PUBLIC",
                                "PermissionConfiguration": {
                                    "BucketLevelPermissions": {
                                        "BlockPublicAccess": { "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true }
                                    }
                                }
                            },
                            "Tags": [],
                            "Type": "Destination"
                        }
                    ],
                    "ResourceType": "AccessKey"
                },
                "SchemaVersion": "2.0",
                "Service": {
                    "Action": {
                        "ActionType": "AWS_API_CALL",
                        "AwsApiCallAction": {
                            "Api": "GetObject",
                            "CallerType": "Remote IP",
                            "RemoteIpDetails": {
                                "City": { "CityName": "Amsterdam" },
                                "Country": { "CountryName": "Netherlands" },
                                "GeoLocation": { "Lat": 52.3759, "Lon": 4.8975 },
                                "IpAddressV4": "185.220.101.34",
                                "Organization": { "Asn": "60729", "AsnOrg": "Zwiebelfreunde e.V.", "Isp": "Tor Exit Node", "Org": "Tor Exit Node" }
                            },
                            "ServiceName": "s3.amazonaws.com"
                        }
                    },
                    "AdditionalInfo": { "Value": "{\"unusual\":{\"hoursOfDay\":[\"3\"]}}", "Type": "default" },
                    "Archived": false,
                    "Count": 1843,
                    "DetectorId": "12abc34d567e8fa901bc2d34e56789f0",
                    "EventFirstSeen": "2026-02-23T03:01:12.000Z",
                    "EventLastSeen": "2026-02-23T03:58:40.000Z",
                    "ResourceRole": "TARGET",
                    "ServiceName": "guardduty"
                },
                "Severity": 8,
                "Title": "Anomalous S3 GetObject calls by IAMUser dev-alice.",
                "Type": "Exfiltration:S3/AnomalousBehavior",
                "UpdatedAt": "2026-02-23T04:05:00.000Z"
            }
        ]
    }
    """#

    /// An EventBridge `GuardDuty Finding` event: camelCase detail, an assumed role calling from an IPv6 address.
    static let guardDutyEventBridge = #"""
    {"version":"0","id":"c8c4daa7-a20c-2f03-0070-b7393dd542ad","detail-type":"GuardDuty Finding","source":"aws.guardduty","account":"111122223333","time":"2026-02-23T05:20:11Z","region":"eu-west-1","resources":[],"detail":{"schemaVersion":"2.0","accountId":"111122223333","region":"eu-west-1","partition":"aws","id":"a4c6b1d2e3f40516273849aabbccddee","arn":"arn:aws:guardduty:eu-west-1:111122223333:detector/12abc34d567e8fa901bc2d34e56789f0/finding/a4c6b1d2e3f40516273849aabbccddee","type":"Discovery:S3/AnomalousBehavior","resource":{"resourceType":"S3Bucket","accessKeyDetails":{"accessKeyId":"ASIAEXAMPLEROLEKEY01","principalId":"AROAEXAMPLEROLEID:build-42","userName":"ci-deploy","userType":"AssumedRole"},"s3BucketDetails":[{"arn":"arn:aws:s3:::acme-build-artifacts","name":"acme-build-artifacts","type":"Destination","owner":{"id":"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},"publicAccess":{"effectivePermission":"PUBLIC"},"defaultServerSideEncryption":{"encryptionType":"NONE"}},{"arn":"arn:aws:s3:::acme-build-logs","name":"acme-build-logs","type":"Destination"}]},"service":{"serviceName":"guardduty","detectorId":"12abc34d567e8fa901bc2d34e56789f0","action":{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"ListObjects","serviceName":"s3.amazonaws.com","callerType":"Remote IP","remoteIpDetails":{"ipAddressV6":"2001:db8:85a3::8a2e:370:7334","organization":{"asn":"64496","isp":"Example Broadband"},"country":{"countryCode":"BR"}}}},"resourceRole":"TARGET","additionalInfo":{"sample":false},"eventFirstSeen":"2026-02-23T05:02:00Z","eventLastSeen":"2026-02-23T05:09:30Z","archived":false,"count":27},"severity":5,"createdAt":"2026-02-23T05:15:42.517Z","updatedAt":"2026-02-23T05:15:42.517Z","title":"Unusual S3 ListObjects calls by role ci-deploy.","description":"An IAM entity invoked an S3 API in a suspicious way."}}
    """#

    /// GuardDuty's S3 export: one camelCase finding per line — the root user from a known-bad address, then an EC2 instance talking to Tor.
    static let guardDutyExportLines = [
        #"{"schemaVersion":"2.0","accountId":"444455556666","region":"us-west-2","partition":"aws","id":"0ab1c2d3e4f5061728394a5b6c7d8e9f","arn":"arn:aws:guardduty:us-west-2:444455556666:detector/d1/finding/0ab1c2d3e4f5061728394a5b6c7d8e9f","type":"Exfiltration:S3/MaliciousIPCaller","resource":{"resourceType":"AccessKey","accessKeyDetails":{"accessKeyId":"AKIAEXAMPLEROOTKEY01","principalId":"444455556666","userName":"Root","userType":"Root"},"s3BucketDetails":[{"arn":"arn:aws:s3:::payroll-archive"}]},"service":{"serviceName":"guardduty","action":{"actionType":"AWS_API_CALL","awsApiCallAction":{"api":"GetObject","serviceName":"s3.amazonaws.com","remoteIpDetails":{"ipAddressV4":"203.0.113.66","organization":{"isp":"Bulletproof Hosting Ltd"},"country":{"countryName":"Seychelles"}}}},"archived":false,"count":3,"eventFirstSeen":"2026-02-24T11:00:00.000Z","eventLastSeen":"2026-02-24T11:05:00.000Z"},"severity":8.5,"createdAt":"2026-02-24T11:10:00.000Z","updatedAt":"2026-02-24T11:12:00.000Z","title":"S3 GetObject from a known malicious IP.","description":"An S3 API was invoked from a known malicious IP address."}"#,
        #"{"schemaVersion":"2.0","accountId":"444455556666","region":"us-west-2","partition":"aws","id":"1bc2d3e4f5061728394a5b6c7d8e9f0a","arn":"arn:aws:guardduty:us-west-2:444455556666:detector/d1/finding/1bc2d3e4f5061728394a5b6c7d8e9f0a","type":"UnauthorizedAccess:EC2/TorClient","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0a1b2c3d4e5f60718","instanceType":"t3.large","networkInterfaces":[{"privateIpAddress":"10.0.4.17"}]}},"service":{"serviceName":"guardduty","action":{"actionType":"NETWORK_CONNECTION","networkConnectionAction":{"connectionDirection":"OUTBOUND","protocol":"TCP","blocked":false,"remoteIpDetails":{"ipAddressV4":"198.51.100.9","organization":{"asnOrg":"Example Transit"},"country":{"countryName":"Germany"}}}},"archived":false,"count":12,"eventFirstSeen":"2026-02-24T10:00:00Z","eventLastSeen":"2026-02-24T10:30:00Z"},"severity":5.0,"createdAt":"2026-02-24T10:31:00Z","updatedAt":"2026-02-24T10:31:00Z","title":"EC2 instance i-0a1b2c3d4e5f60718 is communicating with Tor entry nodes.","description":"The instance is making connections to Tor."}"#,
    ]

    /// An `AttackSequence:S3/CompromisedData` finding: who, where and what are only in `service.detection.sequence`.
    static let guardDutyAttackSequence = #"""
    {"schemaVersion":"2.0","accountId":"111122223333","region":"us-east-1","partition":"aws","id":"e0f1a2b3c4d5e6f708192a3b4c5d6e7f","arn":"arn:aws:guardduty:us-east-1:111122223333:detector/12abc/finding/e0f1a2b3c4d5e6f708192a3b4c5d6e7f","type":"AttackSequence:S3/CompromisedData","resource":{"resourceType":"AttackSequence"},"service":{"serviceName":"guardduty","archived":false,"count":1,"detection":{"sequence":{"uid":"seq-7f3e","description":"A sequence of actions involving 2 signals indicating a possible compromise of S3 data.","actors":[{"id":"actor-1","user":{"uid":"arn:aws:sts::111122223333:assumed-role/DataPipelineRole/etl-nightly","name":"DataPipelineRole","type":"AssumedRole","credentialUid":"ASIAEXAMPLESEQKEY001","account":{"uid":"111122223333"}},"session":{"uid":"ASIAEXAMPLESEQKEY001","mfaStatus":"DISABLED","createdTime":"2026-02-25T01:55:00Z","issuer":"arn:aws:iam::111122223333:role/DataPipelineRole"}}],"resources":[{"uid":"arn:aws:s3:::acme-finance-reports","name":"acme-finance-reports","accountId":"111122223333","resourceType":"S3_BUCKET","region":"us-east-1","service":"s3","data":{"s3Bucket":{"ownerId":"79a59d","effectivePermission":"NOT_PUBLIC","encryptionType":"SSE-S3"}}},{"uid":"arn:aws:s3:::acme-finance-backups","resourceType":"S3_BUCKET"},{"uid":"AKIAEXAMPLEIGNORED01","resourceType":"ACCESS_KEY","data":{"accessKey":{"principalId":"AROAEXAMPLE:etl-nightly","userName":"DataPipelineRole","userType":"AssumedRole"}}},{"uid":"arn:aws:ec2:us-east-1:111122223333:instance/i-0fedcba9876543210","resourceType":"EC2_INSTANCE"}],"endpoints":[{"id":"198.51.100.77","ip":"198.51.100.77","location":{"city":"Bucharest","country":"Romania","lat":44.43,"lon":26.1},"autonomousSystem":{"name":"Example Hosting SRL","number":64500}},{"id":"endpoint-2","ipAddressV4":"198.51.100.78"}],"signals":[{"uid":"sig-1","type":"FINDING","name":"Discovery:S3/AnomalousBehavior","createdAt":"2026-02-25T02:05:00Z","updatedAt":"2026-02-25T02:10:00Z","firstSeenAt":"2026-02-25T02:00:00Z","lastSeenAt":"2026-02-25T02:10:00Z","count":1},{"uid":"sig-2","type":"S3_DATA_EVENTS","name":"GetObject","createdAt":"2026-02-25T02:15:00Z","updatedAt":"2026-02-25T02:40:00Z","firstSeenAt":"2026-02-25T02:12:00Z","lastSeenAt":"2026-02-25T02:40:00Z","count":5120},{"uid":"sig-3","type":"CLOUD_TRAIL","name":"DeleteObjects","createdAt":"2026-02-25T02:45:00Z","updatedAt":"2026-02-25T02:45:00Z","firstSeenAt":1771987500,"lastSeenAt":1771987500000,"count":3}],"sequenceIndicators":[{"key":"ATTACK_TACTIC","values":["Exfiltration","Impact"]}]}}},"severity":9.5,"createdAt":"2026-02-25T02:50:00.000Z","updatedAt":"2026-02-25T02:50:00.000Z","title":"Potential data compromise of S3 buckets involving DataPipelineRole.","description":"A sequence of actions indicating data compromise in S3."}
    """#

    /// `aws macie2 get-findings`: a sensitive-data finding in a public bucket, managed and custom identifiers.
    static let macieGetFindings = #"""
    {
        "findings": [
            {
                "accountId": "111122223333",
                "archived": false,
                "category": "CLASSIFICATION",
                "classificationDetails": {
                    "detailedResultsLocation": "s3://macie-results/AWSLogs/111122223333/Macie/us-east-1/job/result.jsonl.gz",
                    "jobArn": "arn:aws:macie2:us-east-1:111122223333:classification-job/3ce05dbb7ec5505def334104bexample",
                    "jobId": "3ce05dbb7ec5505def334104bexample",
                    "originType": "SENSITIVE_DATA_DISCOVERY_JOB",
                    "result": {
                        "additionalOccurrences": false,
                        "customDataIdentifiers": {
                            "detections": [
                                { "arn": "arn:aws:macie2:us-east-1:111122223333:custom-data-identifier/e2ac1a0b", "count": 3, "name": "EmployeeId", "occurrences": {} }
                            ],
                            "totalCount": 3
                        },
                        "mimeType": "text/csv",
                        "sensitiveData": [
                            {
                                "category": "PERSONAL_INFORMATION",
                                "detections": [
                                    { "count": 42, "type": "USA_SOCIAL_SECURITY_NUMBER", "occurrences": { "cells": [ { "column": 3, "columnName": "ssn", "row": 2 } ] } },
                                    { "count": 7, "type": "ADDRESS" }
                                ],
                                "totalCount": 49
                            },
                            {
                                "category": "FINANCIAL_INFORMATION",
                                "detections": [ { "count": 12, "type": "CREDIT_CARD_NUMBER" } ],
                                "totalCount": 12
                            }
                        ],
                        "sizeClassified": 20480,
                        "status": { "code": "COMPLETE" }
                    }
                },
                "count": 1,
                "createdAt": "2026-02-26T09:12:33.123Z",
                "description": "The object contains more than one type of sensitive information.",
                "id": "90b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5",
                "partition": "aws",
                "region": "us-east-1",
                "resourcesAffected": {
                    "s3Bucket": {
                        "allowsUnencryptedObjectUploads": "FALSE",
                        "arn": "arn:aws:s3:::acme-hr-exports",
                        "createdAt": "2023-11-02T08:00:00Z",
                        "defaultServerSideEncryption": { "encryptionType": "AES256" },
                        "name": "acme-hr-exports",
                        "owner": { "displayName": "acme-security", "id": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" },
                        "publicAccess": { "effectivePermission": "PUBLIC" },
                        "tags": []
                    },
                    "s3Object": {
                        "bucketArn": "arn:aws:s3:::acme-hr-exports",
                        "eTag": "d41d8cd98f00b204e9800998ecf8427e",
                        "extension": "csv",
                        "key": "exports/2026/02/employees.csv",
                        "lastModified": "2026-02-25T22:00:00Z",
                        "path": "acme-hr-exports/exports/2026/02/employees.csv",
                        "publicAccess": true,
                        "size": 20480,
                        "storageClass": "STANDARD"
                    }
                },
                "sample": false,
                "schemaVersion": "1.0",
                "severity": { "description": "High", "score": 3 },
                "title": "The S3 object contains multiple types of sensitive information.",
                "type": "SensitiveData:S3Object/Multiple",
                "updatedAt": "2026-02-26T09:12:33.123Z"
            }
        ]
    }
    """#

    /// An EventBridge `Macie Finding` event: a bucket shared with another account through a policy an assumed role set.
    static let macieEventBridge = #"""
    {"version":"0","id":"6a2c3e1f-0d9b-4c8a-9e7f-112233445566","detail-type":"Macie Finding","source":"aws.macie","account":"111122223333","time":"2026-02-27T14:00:05Z","region":"us-east-2","resources":[],"detail":{"schemaVersion":"1.0","id":"7d8e9f0a1b2c3d4e5f60718293a4b5c6","accountId":"111122223333","partition":"aws","region":"us-east-2","type":"Policy:IAMUser/S3BucketSharedExternally","title":"The S3 bucket is shared with an external AWS account.","description":"The bucket policy allows access by another AWS account.","severity":{"score":3,"description":"High"},"createdAt":"2026-02-27T13:59:58.004Z","updatedAt":"2026-02-27T13:59:58.004Z","count":2,"resourcesAffected":{"s3Bucket":{"arn":"arn:aws:s3:::acme-partner-drop","name":"acme-partner-drop","createdAt":"2025-01-01T00:00:00Z","owner":{"displayName":"acme","id":"abc"},"publicAccess":{"effectivePermission":"NOT_PUBLIC"},"defaultServerSideEncryption":{"encryptionType":"NONE"},"tags":[]}},"category":"POLICY","classificationDetails":null,"policyDetails":{"action":{"actionType":"AWS_API_CALL","apiCallDetails":{"api":"PutBucketPolicy","apiServiceName":"s3.amazonaws.com","firstSeen":"2026-02-27T13:40:00.250Z","lastSeen":"2026-02-27T13:55:10Z"}},"actor":{"domainDetails":null,"ipAddressDetails":{"ipAddressV4":"192.0.2.44","ipCity":{"name":"Columbus"},"ipCountry":{"code":"US","name":"United States"},"ipGeoLocation":{"lat":39.96,"lon":-83.0},"ipOwner":{"asn":"16509","asnOrg":"AMAZON-02","isp":"Amazon.com","org":"Amazon.com"}},"userIdentity":{"type":"AssumedRole","assumedRole":{"accessKeyId":"ASIAEXAMPLEMACIE0001","accountId":"111122223333","arn":"arn:aws:sts::111122223333:assumed-role/PartnerAdmin/mallory@example.com","principalId":"AROAEXAMPLE:mallory@example.com","sessionContext":{"attributes":{"creationDate":"2026-02-27T13:30:00Z","mfaAuthenticated":false}}}}}},"sample":false,"archived":false}}
    """#

    /// `text` as bytes.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `sniff` over `text`.
    static func sniff(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { ServiceFindingParser.sniff($0) }
    }

    /// Parses `text` with the given options.
    static func parse(_ text: String, options: ServiceFindingParser.Options = .init()) -> ServiceFindingParser.Outcome {
        ServiceFindingParser.parse(Array(text.utf8), options: options)
    }

    /// The same JSON with every key rewritten by `rename` (values, including JSON held in strings, unchanged).
    static func renamingKeys(_ text: String, _ rename: (String) -> String) throws -> String {
        func walk(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return Dictionary(uniqueKeysWithValues: object.map { (rename($0.key), walk($0.value)) })
            }
            if let list = value as? [Any] { return list.map(walk) }
            return value
        }
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let data = try JSONSerialization.data(withJSONObject: walk(value))
        return String(decoding: data, as: UTF8.self)
    }

    /// `AccountId` → `accountId` (the export spelling of a `get-findings` key).
    static func camelCase(_ key: String) -> String { key.prefix(1).lowercased() + key.dropFirst() }

    /// `accountId` → `AccountId`.
    static func pascalCase(_ key: String) -> String { key.prefix(1).uppercased() + key.dropFirst() }

    /// A time from ISO-8601 text, for expectations.
    static func time(_ text: String) -> EventTime { EventTime(iso8601: text)! }
}

@Suite("Findings fixtures")
struct ServiceFindingFixtureTests {
    @Test("every fixture is valid JSON", arguments: [
        FindingFixtures.guardDutyGetFindings, FindingFixtures.guardDutyEventBridge, FindingFixtures.guardDutyAttackSequence,
        FindingFixtures.macieGetFindings, FindingFixtures.macieEventBridge,
    ] + FindingFixtures.guardDutyExportLines)
    func validJSON(_ text: String) throws {
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }
}
