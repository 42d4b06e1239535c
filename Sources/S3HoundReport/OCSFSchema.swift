// Property names are OCSF's attribute names, so the encoded JSON is the schema's own.
// swiftlint:disable identifier_name

/// OCSF 1.1.0 Detection Finding (`class_uid` 2004, category Findings) and the objects it uses,
/// exactly as S3Hound fills them. Only encoded; optional attributes are left out when nil.
enum OCSF {
    /// The OCSF schema version S3Hound writes.
    static let version = "1.1.0"

    struct DetectionFinding: Encodable {
        var activity_id = 1
        var activity_name = "Create"
        var category_uid = 2
        var category_name = "Findings"
        var class_uid = 2004
        var class_name = "Detection Finding"
        var type_uid = 200_401
        var type_name = "Detection Finding: Create"
        var time: Int64
        var start_time: Int64
        var end_time: Int64
        var severity_id: Int
        var severity: String
        var status_id = 1
        var status = "New"
        var message: String
        var metadata: Metadata
        var finding_info: FindingInfo
        var cloud: Cloud
        var resources: [Resource]
        var evidences: [Evidence]
        var unmapped: Unmapped
    }

    struct Metadata: Encodable {
        var version = OCSF.version
        var product = Product()
        var uid: String
        var correlation_uid: String
        var log_name = "s3hound hunt"
        var profiles = ["cloud"]
    }

    struct Product: Encodable {
        var name = "S3Hound"
        var vendor_name = "S3Hound"
        var uid = "s3hound"
    }

    struct FindingInfo: Encodable {
        var uid: String
        var title: String
        var desc: String
        var types: [String]
        var analytic: Analytic
        var attacks: [Attack]
        var created_time: Int64
        var first_seen_time: Int64
        var last_seen_time: Int64
        var data_sources: [String]
    }

    struct Analytic: Encodable {
        var uid: String
        var name: String
        var type_id: Int
        var type: String
    }

    struct Attack: Encodable {
        var technique: Named
        var sub_technique: Named?
        var tactic: Named?
        var version = "v15"
    }

    struct Named: Encodable {
        var uid: String
        var name: String
    }

    struct Cloud: Encodable {
        var provider = "AWS"
        var account: Account?
    }

    struct Account: Encodable {
        var uid: String
        var type_id = 10
        var type = "AWS Account"
    }

    struct Resource: Encodable {
        var uid: String
        var name: String
        var type: String
        var cloud_partition: String?
        var owner: Owner?
        var data: [String: String]?
    }

    struct Owner: Encodable {
        var account: Account
    }

    struct Evidence: Encodable {
        var actor: Actor?
        var src_endpoint: Endpoint?
        var data: [String: String]?
    }

    struct Actor: Encodable {
        var user: User
    }

    struct User: Encodable {
        var uid: String
        var name: String
        var type: String?
        var credential_uid: String?
        var account: Account?
    }

    struct Endpoint: Encodable {
        var ip: String?
        var hostname: String?
    }

    /// S3Hound's own figures, under `unmapped.s3hound`.
    struct Unmapped: Encodable {
        var s3hound: S3HoundFields
    }

    struct S3HoundFields: Encodable {
        var incident_id: String
        var incident_severity: String
        var severity_reasons: [String]
        var detection_id: String
        var request_count: Int
        var failed_count: Int
        var distinct_keys: Int
        var bytes_out: Int64
        var first_event_id: String
        var last_event_id: String
        var evidence: [String: String]
        var sensitive_data_types: [String]
        var service_finding_ids: [String]
    }
}
