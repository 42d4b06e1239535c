// Property names are ASFF's attribute names, so the encoded JSON is the format's own.
// swiftlint:disable identifier_name

/// The AWS Security Finding Format (`SchemaVersion` 2018-10-08) as S3Hound fills it for Security
/// Hub's BatchImportFindings. Only encoded; optional attributes are left out when nil.
enum ASFF {
    /// The schema version Security Hub requires.
    static let schemaVersion = "2018-10-08"
    /// BatchImportFindings takes at most this many findings per request.
    static let batchLimit = 100

    /// One BatchImportFindings request body.
    struct Batch: Encodable {
        var Findings: [Finding]
    }

    struct Finding: Encodable {
        var SchemaVersion = ASFF.schemaVersion
        var Id: String
        var ProductArn: String
        var ProductName = "S3Hound"
        var CompanyName = "S3Hound"
        var GeneratorId: String
        var AwsAccountId: String
        var Region: String
        var Types: [String]
        var CreatedAt: String
        var UpdatedAt: String
        var FirstObservedAt: String
        var LastObservedAt: String
        var Severity: SeverityObject
        var Title: String
        var Description: String
        var Remediation: RemediationObject?
        var ProductFields: [String: String]
        var Resources: [Resource]
        var Network: NetworkObject?
        var Action: ActionObject?
        var RelatedFindings: [RelatedFinding]?
        var FindingProviderFields: ProviderFieldsObject
        var RecordState = "ACTIVE"
        var Workflow = WorkflowObject()
    }

    struct SeverityObject: Encodable {
        var Label: String
        var Original: String
    }

    struct RemediationObject: Encodable {
        var Recommendation: RecommendationObject
    }

    struct RecommendationObject: Encodable {
        var Text: String
    }

    struct Resource: Encodable {
        var `Type`: String
        var Id: String
        var Partition: String
        var Region: String
        var Details: DetailsObject?
    }

    /// Only the detail blocks S3Hound fills.
    struct DetailsObject: Encodable {
        var AwsS3Bucket: S3Bucket?
        var AwsIamAccessKey: AccessKey?
        var AwsIamUser: IamUser?
        var AwsIamRole: IamRole?
        var Other: [String: String]?
    }

    struct S3Bucket: Encodable {
        var OwnerAccountId: String?
    }

    struct AccessKey: Encodable {
        var PrincipalName: String
        var PrincipalType: String?
        var AccountId: String?
    }

    struct IamUser: Encodable {
        var UserName: String
    }

    struct IamRole: Encodable {
        var RoleName: String
    }

    struct NetworkObject: Encodable {
        var Direction = "IN"
        var SourceIpV4: String?
        var SourceIpV6: String?
    }

    struct ActionObject: Encodable {
        var ActionType = "AWS_API_CALL"
        var AwsApiCallAction: ApiCallAction
    }

    struct ApiCallAction: Encodable {
        var ServiceName = "s3.amazonaws.com"
        var CallerType = "remoteIp"
        var RemoteIpDetails: RemoteIpObject?
        var FirstSeen: String
        var LastSeen: String
    }

    struct RemoteIpObject: Encodable {
        var IpAddressV4: String
    }

    struct RelatedFinding: Encodable {
        var ProductArn: String
        var Id: String
    }

    struct ProviderFieldsObject: Encodable {
        var Severity: SeverityObject
        var Types: [String]
        var RelatedFindings: [RelatedFinding]?
    }

    struct WorkflowObject: Encodable {
        var Status = "NEW"
    }
}
