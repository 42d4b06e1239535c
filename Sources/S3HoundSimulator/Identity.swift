/// A caller as CloudTrail records it in `userIdentity`, rendered once and reused for every record.
final class Identity: Sendable {
    /// `userIdentity.arn` (nil for AWS services).
    let arn: String?
    /// `userIdentity.accessKeyId` (nil for AWS services).
    let accessKeyId: String?
    /// The stable principal: the user ARN, or the role ARN behind a session.
    let principal: String
    /// The `userIdentity` object as JSON.
    let json: [UInt8]

    private init(arn: String?, accessKeyId: String?, principal: String, json: [UInt8]) {
        self.arn = arn; self.accessKeyId = accessKeyId; self.principal = principal; self.json = json
    }

    /// An IAM user signing with a long-term `AKIA` key.
    static func iamUser(account: String, userName: String, principalId: String, accessKeyId: String) -> Identity {
        let arn = "arn:aws:iam::\(account):user/\(userName)"
        var out = JSONOutput()
        out.literal("{"); out.field("type", "IAMUser", first: true); out.field("principalId", principalId)
        out.field("arn", arn); out.field("accountId", account); out.field("accessKeyId", accessKeyId)
        out.field("userName", userName); out.literal("}")
        return Identity(arn: arn, accessKeyId: accessKeyId, principal: arn, json: out.bytes)
    }

    /// A session of an assumed role, signing with a temporary `ASIA` key.
    static func roleSession(account: String, role: RoleDefinition, sessionName: String, accessKeyId: String,
                            created: Int64, ec2RoleDelivery: String? = nil) -> Identity {
        let arn = "arn:aws:sts::\(account):assumed-role/\(role.name)/\(sessionName)"
        let roleArn = "arn:aws:iam::\(account):role/\(role.name)"
        var out = JSONOutput()
        out.literal("{"); out.field("type", "AssumedRole", first: true)
        out.field("principalId", "\(role.roleId):\(sessionName)"); out.field("arn", arn)
        out.field("accountId", account); out.field("accessKeyId", accessKeyId)
        out.literal(",\"sessionContext\":{\"sessionIssuer\":{"); out.field("type", "Role", first: true)
        out.field("principalId", role.roleId); out.field("arn", roleArn); out.field("accountId", account)
        out.field("userName", role.name); out.literal("},\"attributes\":{\"creationDate\":")
        out.quotedTime(created); out.literal(",\"mfaAuthenticated\":\"false\"}")
        if let ec2RoleDelivery { out.field("ec2RoleDelivery", ec2RoleDelivery) }
        out.literal("}}")
        return Identity(arn: arn, accessKeyId: accessKeyId, principal: roleArn, json: out.bytes)
    }

    /// An unauthenticated caller, as CloudTrail records requests to public buckets and objects.
    static func anonymous() -> Identity {
        var out = JSONOutput()
        out.literal("{"); out.field("type", "AWSAccount", first: true); out.field("principalId", "")
        out.field("accountId", "ANONYMOUS_PRINCIPAL"); out.literal("}")
        return Identity(arn: nil, accessKeyId: nil, principal: "ANONYMOUS_PRINCIPAL", json: out.bytes)
    }

    /// An AWS service acting on its own behalf, e.g. CloudTrail delivering log files.
    static func service(_ name: String) -> Identity {
        var out = JSONOutput()
        out.literal("{"); out.field("type", "AWSService", first: true); out.field("invokedBy", name); out.literal("}")
        return Identity(arn: nil, accessKeyId: nil, principal: name, json: out.bytes)
    }
}

/// An IAM role whose sessions appear in the logs.
struct RoleDefinition {
    let name: String
    /// The role's unique id (`AROA…`).
    let roleId: String
}

/// Where a call came from: address, user agent, VPC endpoint and TLS, as record fragments.
final class Client: Sendable {
    let sourceIP: String
    let userAgent: String
    /// `,"sourceIPAddress":"…","userAgent":"…"`.
    let sourceFragment: [UInt8]
    /// `,"vpcEndpointId":"…","vpcEndpointAccountId":"…"`, or empty.
    let vpcEndpointFragment: [UInt8]
    /// `"CipherSuite":"…"` inside `additionalEventData`.
    let cipherFragment: [UInt8]
    /// `"tlsVersion":"…","cipherSuite":"…",` inside `tlsDetails`; empty for AWS services (no `tlsDetails`).
    let tlsFragment: [UInt8]
    /// True for an AWS service calling from inside AWS (no TLS details recorded).
    let isService: Bool
    /// `TLSv1.3` or `TLSv1.2`, and the cipher suite, as server access logs record them.
    let tlsVersion: String, cipherSuite: String
    /// True when the call reaches S3 from inside AWS (a VPC endpoint, an instance behind a NAT gateway).
    let fromAWS: Bool

    init(sourceIP: String, userAgent: String, vpcEndpoint: String? = nil, account: String = "", tls13: Bool = true, isService: Bool = false,
         fromAWS: Bool = false) {
        self.sourceIP = sourceIP; self.userAgent = userAgent; self.isService = isService
        self.fromAWS = fromAWS || vpcEndpoint != nil || isService
        tlsVersion = tls13 ? "TLSv1.3" : "TLSv1.2"
        var source = JSONOutput(); source.field("sourceIPAddress", sourceIP); source.field("userAgent", userAgent)
        sourceFragment = source.bytes
        var endpoint = JSONOutput()
        if let vpcEndpoint { endpoint.field("vpcEndpointId", vpcEndpoint); endpoint.field("vpcEndpointAccountId", account) }
        vpcEndpointFragment = endpoint.bytes
        let suite = tls13 ? "TLS_AES_128_GCM_SHA256" : "ECDHE-RSA-AES128-GCM-SHA256"
        cipherSuite = suite
        var cipher = JSONOutput(); cipher.field("CipherSuite", suite, first: true)
        cipherFragment = cipher.bytes
        var tls = JSONOutput()
        if !isService {
            tls.field("tlsVersion", tls13 ? "TLSv1.3" : "TLSv1.2", first: true); tls.field("cipherSuite", suite); tls.literal(",")
        }
        tlsFragment = tls.bytes
    }
}
