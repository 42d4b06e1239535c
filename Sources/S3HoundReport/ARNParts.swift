/// The fields of an ARN: `arn:partition:service:region:account:type/path/name`.
struct ARNParts {
    var partition: String
    var service: String
    var account: String
    var resourceType: String
    /// The parts of the resource after its type (`path…/name`, or `role/session`).
    var pathParts: [String]
    /// The last part: a user's or role's name.
    var name: String { pathParts.last ?? "" }

    init?(_ arn: String) {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6, fields[0] == "arn" else { return nil }
        partition = fields[1]
        service = fields[2]
        account = fields[4]
        let resource = fields[5].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        resourceType = resource.first ?? ""
        pathParts = Array(resource.dropFirst())
    }
}
