import S3HoundCore

/// The requester field of a server access log as a `CallerIdentity`, shaped as CloudTrail's `userIdentity` would be,
/// so baselines and incidents group the same caller the same way whichever log it came from.
enum ServerAccessLogRequester {
    /// Reads the field: an IAM or STS ARN, a canonical user id, `svc:<service>`, or `-` for anonymous requests.
    static func identity(_ bytes: UnsafeRawBufferPointer) -> CallerIdentity {
        if bytes.count == 1, bytes[0] == LineByte.dash { return anonymous }
        if LineByte.hasPrefix(bytes, "arn:") { return fromARN(bytes) }
        if LineByte.hasPrefix(bytes, "svc:") {
            let service = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[4...]), as: UTF8.self)
            return CallerIdentity(type: "AWSService", invokedBy: service)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if bytes.count == 64, bytes.allSatisfy(isHex) { return CallerIdentity(type: "CanonicalUser", principalId: text) }
        if bytes.count == 12, bytes.allSatisfy(LineByte.isDigit) { return CallerIdentity(type: "AWSAccount", accountId: text) }
        return CallerIdentity(principalId: text)
    }

    /// An unauthenticated caller, marked as CloudTrail marks one (`accountId` `ANONYMOUS_PRINCIPAL`).
    static let anonymous = CallerIdentity(type: "AnonymousPrincipal", accountId: CallerIdentity.anonymousAccountId)

    /// `arn:partition:iam::account:user/name`, `…:sts::account:assumed-role/role/session`, `…:root`, `…:federated-user/name`.
    static func fromARN(_ bytes: UnsafeRawBufferPointer) -> CallerIdentity {
        let arn = String(decoding: bytes, as: UTF8.self)
        // The five colons that separate arn:partition:service:region:account:resource.
        func colon(after start: Int) -> Int? {
            var position = start
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: ":") { return position }
                position += 1
            }
            return nil
        }
        guard let c0 = colon(after: 0), let c1 = colon(after: c0 + 1), let c2 = colon(after: c1 + 1),
              let c3 = colon(after: c2 + 1), let c4 = colon(after: c3 + 1) else { return CallerIdentity(arn: arn) }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        let partition = text((c0 + 1)..<c1)
        let account = text((c3 + 1)..<c4)
        let resource = UnsafeRawBufferPointer(rebasing: bytes[(c4 + 1)...])
        var identity = CallerIdentity(arn: arn, accountId: account.isEmpty ? nil : account)
        if LineByte.hasPrefix(resource, "user/") {
            identity.type = "IAMUser"
        } else if LineByte.equals(resource, "root") {
            identity.type = "Root"
        } else if LineByte.hasPrefix(resource, "federated-user/") {
            identity.type = "FederatedUser"
        } else if LineByte.hasPrefix(resource, "assumed-role/") {
            identity.type = "AssumedRole"
            let rest = UnsafeRawBufferPointer(rebasing: resource[13...])
            let role = rest.firstIndex(of: UInt8(ascii: "/")).map { UnsafeRawBufferPointer(rebasing: rest[..<$0]) } ?? rest
            if !role.isEmpty {
                var issuer = String()
                issuer.reserveCapacity(16 + partition.utf8.count + account.utf8.count + role.count)
                issuer += "arn:"; issuer += partition; issuer += ":iam::"; issuer += account; issuer += ":role/"
                issuer += String(decoding: role, as: UTF8.self)
                identity.sessionIssuerArn = issuer
            }
        }
        return identity
    }

    @inline(__always) private static func isHex(_ byte: UInt8) -> Bool {
        LineByte.isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }
}
