/// The family of a user agent: the client, without versions and platform details, so
/// `aws-cli/2.15.0 Python/3.11.6 Linux/6.1` and `aws-cli/2.13.5 Python/3.11.4 Darwin/23` are one family.
public enum UserAgentFamily {
    /// The family of `userAgent`: its first product token (`aws-cli`, `Boto3`, `aws-sdk-java`, `S3Console` …),
    /// `browser` for `Mozilla/…` agents, `empty` for none.
    public static func family(of userAgent: String?) -> String {
        guard var text = userAgent?.utf8[...], !text.isEmpty else { return "empty" }
        while let first = text.first, first == UInt8(ascii: "[") || first == UInt8(ascii: " ") || first == UInt8(ascii: "\"") { text = text.dropFirst() }
        var end = text.startIndex
        while end < text.endIndex {
            let byte = text[end]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { break }
            end = text.index(after: end)
        }
        let token = String(decoding: text[text.startIndex..<end].prefix(64), as: UTF8.self)
        if token.isEmpty { return "empty" }
        if token == "Mozilla" { return "browser" }
        return token
    }
}
