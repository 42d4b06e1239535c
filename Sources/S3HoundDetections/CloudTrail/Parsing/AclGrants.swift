import Foundation

/// Grants in a PutBucketAcl / PutObjectAcl request that open the bucket or object: to all users, to any
/// authenticated AWS user, or to another account (a canonical user other than the owner, or an e-mail grantee).
public enum AclGrants {
    static let allUsers = "http://acs.amazonaws.com/groups/global/AllUsers"
    static let authenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"

    /// Phrases such as "READ to AllUsers", one per risky grant, in request order.
    public static func risky(_ parameters: ParsedJSON) -> [String] {
        var found: [String] = []
        func add(_ phrase: String) { if !found.contains(phrase) { found.append(phrase) } }

        for canned in parameters["x-amz-acl"]?.texts ?? [] {
            switch canned.lowercased() {
            case "public-read": add("canned ACL public-read (READ to AllUsers)")
            case "public-read-write": add("canned ACL public-read-write (READ and WRITE to AllUsers)")
            case "authenticated-read": add("canned ACL authenticated-read (READ to AuthenticatedUsers)")
            default: break
            }
        }
        let policy = parameters["AccessControlPolicy"] ?? parameters.firstObject(containing: "AccessControlList")
        let owner = policy?["Owner"]?["ID"]?.text
        for header in ["x-amz-grant-read", "x-amz-grant-write", "x-amz-grant-read-acp", "x-amz-grant-write-acp", "x-amz-grant-full-control"] {
            let permission = header.dropFirst("x-amz-grant-".count).uppercased().replacingOccurrences(of: "-", with: "_")
            for value in parameters[header]?.texts ?? [] {
                for grantee in headerGrantees(value) {
                    if let phrase = describe(type: grantee.kind, value: grantee.value, owner: owner) { add("\(permission) to \(phrase)") }
                }
            }
        }
        let list = policy?["AccessControlList"] ?? policy
        for grant in list?["Grant"]?.list ?? [] {
            guard let grantee = grant["Grantee"] else { continue }
            let permission = grant["Permission"]?.text ?? "?"
            let phrase: String?
            if let uri = grantee["URI"]?.text { phrase = describe(type: "uri", value: uri, owner: owner) }
            else if let email = grantee["EmailAddress"]?.text { phrase = describe(type: "emailaddress", value: email, owner: owner) }
            else if let id = grantee["ID"]?.text { phrase = describe(type: "id", value: id, owner: owner) }
            else { phrase = nil }
            if let phrase { add("\(permission) to \(phrase)") }
        }
        return found
    }

    private static func describe(type: String, value: String, owner: String?) -> String? {
        switch type {
        case "uri":
            if value == allUsers || value.hasSuffix("/AllUsers") { return "AllUsers (everyone)" }
            if value == authenticatedUsers || value.hasSuffix("/AuthenticatedUsers") { return "AuthenticatedUsers (any AWS account)" }
            return nil
        case "emailaddress":
            return "the account of \(value) (e-mail grantee)"
        case "id":
            guard let owner, !owner.isEmpty, owner != value else { return nil }
            return "canonical user \(value.prefix(16))… (not the owner)"
        default:
            return nil
        }
    }

    /// `uri="http://…/AllUsers", id="abc"` → [(uri, …), (id, abc)].
    static func headerGrantees(_ value: String) -> [(kind: String, value: String)] {
        value.split(separator: ",").compactMap { part in
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            let kind = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            let text = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (kind, text)
        }
    }
}
