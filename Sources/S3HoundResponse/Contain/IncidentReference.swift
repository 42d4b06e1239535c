import Foundation

/// What containment needs from one incident of a saved `s3hound hunt --format json` report: who (principal,
/// identity type, masked access keys) and which of our buckets it read.
public struct IncidentReference: Sendable, Hashable {
    /// `INC-YYYYMMDD-xxxxxx`.
    public var id: String
    /// The principal's ARN.
    public var principal: String
    /// CloudTrail's `userIdentity.type`, when known.
    public var identityType: String?
    /// Access keys as the report writes them, masked (`AKIA…WXYZ`).
    public var maskedAccessKeys: [String]
    /// Buckets of our accounts the incident touched (copy destinations in other accounts left out).
    public var buckets: [String]
    /// The incident's severity.
    public var severity: String

    /// Creates a reference.
    public init(id: String, principal: String, identityType: String?, maskedAccessKeys: [String], buckets: [String],
                severity: String) {
        self.id = id
        self.principal = principal
        self.identityType = identityType
        self.maskedAccessKeys = maskedAccessKeys
        self.buckets = buckets
        self.severity = severity
    }

    /// The IAM user name when the principal is an IAM user (`arn:…:iam::…:user/path/NAME`), else nil.
    public var userName: String? {
        let fields = principal.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[2] == "iam", fields[5].hasPrefix("user/") else { return nil }
        return fields[5].split(separator: "/").last.map(String.init)
    }

    /// The incident `id` from a report's JSON text; `source` names the file in errors.
    public static func load(id: String, fromReport data: Data, source: String) throws -> IncidentReference {
        let json = try JSONValue.parse(data, source: source)
        guard let schema = json["schema"]?.stringValue, schema.hasPrefix("s3hound.hunt.") else {
            throw ResponseError.invalidInput("\(source) is not an S3Hound report: save one with s3hound hunt … --format json > report.json")
        }
        let incidents = json["incidents"]?.elements ?? []
        guard let incident = incidents.first(where: { $0["id"]?.stringValue == id }) else {
            let known = incidents.compactMap { $0["id"]?.stringValue }
            throw ResponseError.notFound("\(source) has no incident \(id)" + (known.isEmpty
                ? ": it reports no incidents (were they below --min-severity when it was made?)"
                : "; it has: \(known.joined(separator: ", "))"))
        }
        guard let principal = incident["principal"]?.stringValue else {
            throw ResponseError.invalidInput("\(source): incident \(id) has no principal")
        }
        let accounts = Set(incident["accounts"]?.strings ?? [])
        let impact = incident["impact"]
        let destinations = Set((impact?["copyDestinations"]?.elements ?? []).compactMap { $0["bucket"]?.stringValue })
        let foreignAccounts = Set(impact?["destinationAccounts"]?.strings ?? [])
        let buckets = (impact?["buckets"]?.elements ?? []).compactMap { bucket -> String? in
            guard let name = bucket["name"]?.stringValue, !name.isEmpty, !name.hasPrefix("("), !destinations.contains(name) else { return nil }
            if let owner = bucket["ownerAccountId"]?.stringValue, foreignAccounts.contains(owner) || (!accounts.isEmpty && !accounts.contains(owner)) {
                return nil
            }
            return name
        }
        return IncidentReference(id: id, principal: principal, identityType: incident["identityType"]?.stringValue,
                                 maskedAccessKeys: incident["accessKeys"]?.strings ?? [], buckets: buckets,
                                 severity: incident["severity"]?.stringValue ?? "unknown")
    }
}
