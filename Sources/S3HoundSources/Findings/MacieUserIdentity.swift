import S3HoundCore

/// Reads Macie's `policyDetails.actor.userIdentity` into the principal fields of a `ServiceFinding`, naming
/// principals the way CloudTrail correlation does: assumed-role sessions by their role's ARN (the session's
/// issuer when given, else derived from `arn:aws:sts::A:assumed-role/R/S` as `arn:aws:iam::A:role/R`, which
/// loses any IAM path) with the session name kept in `userName`; AWS services by `invokedBy`.
enum MacieUserIdentity {
    static func read(_ identity: FindingJSON, into finding: inout ServiceFinding, partition: String?) throws {
        finding.principalType = try identity.string("type")
        if let user = try identity.object("iamUser") {
            finding.principalType = finding.principalType ?? "IAMUser"
            let name = try user.string("userName")
            finding.userName = name
            finding.principalARN = try user.string("arn")
                ?? FindingPrincipalARN.build(userType: "IAMUser", userName: name,
                                                     accountId: user.string("accountId"), partition: partition)
            finding.accessKeyId = try user.string("accessKeyId")
        } else if let role = try identity.object("assumedRole") {
            finding.principalType = finding.principalType ?? "AssumedRole"
            let sessionARN = try role.string("arn")
            let issuer = try role.object("sessionContext")?.object("sessionIssuer")
            let issuerARN = try issuer?.string("arn")
            if let issuerARN, issuerARN.hasPrefix("arn:"), issuerARN.contains(":role/") {
                finding.principalARN = issuerARN
            } else {
                finding.principalARN = sessionARN.map(FindingPrincipalARN.roleARN(fromSession:))
            }
            finding.userName = sessionARN.flatMap(FindingPrincipalARN.sessionName(fromSession:))
            finding.accessKeyId = try role.string("accessKeyId")
        } else if let root = try identity.object("root") {
            finding.principalType = finding.principalType ?? "Root"
            finding.principalARN = try root.string("arn")
                ?? FindingPrincipalARN.build(userType: "Root", userName: nil,
                                                     accountId: root.string("accountId"), partition: partition)
            finding.accessKeyId = try root.string("accessKeyId")
        } else if let federated = try identity.object("federatedUser") {
            finding.principalType = finding.principalType ?? "FederatedUser"
            let arn = try federated.string("arn")
            finding.principalARN = arn
            if let arn, let marker = arn.range(of: ":federated-user/") { finding.userName = String(arn[marker.upperBound...]) }
            finding.accessKeyId = try federated.string("accessKeyId")
        } else if let service = try identity.object("awsService") {
            finding.principalType = finding.principalType ?? "AWSService"
            let invokedBy = try service.string("invokedBy")
            finding.principalARN = invokedBy
            finding.userName = invokedBy
        } else if let account = try identity.object("awsAccount") {
            finding.principalType = finding.principalType ?? "AWSAccount"
            if let accountId = try account.string("accountId") { finding.userName = "account:\(accountId)" }
        }
    }
}
