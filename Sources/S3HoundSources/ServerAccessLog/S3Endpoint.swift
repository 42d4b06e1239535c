/// What the endpoint a request was sent to says: its Region and the interface VPC endpoint it went through.
///
/// Server access logs have no Region or VPC endpoint field, but the host header names the endpoint:
/// `bucket.s3.us-west-1.amazonaws.com`, `s3-eu-west-1.amazonaws.com`, `bucket.s3-website.eu-central-1.amazonaws.com`,
/// `bucket.vpce-0a1b2c3d4e5f60718-abcdefgh.s3.us-east-1.vpce.amazonaws.com`. Hosts outside `amazonaws.com`
/// (custom domains) say nothing.
enum S3Endpoint {
    /// The Region named by an AWS endpoint host, e.g. `us-west-1`; nil for `s3.amazonaws.com` and other hosts.
    ///
    /// The Region is the label after an S3 label (`s3`, `s3-website`, `s3-accesspoint`, `dualstack` …) or the end
    /// of an S3 label (`s3-eu-west-1`, `s3-website-us-east-1`), so a bucket named like a Region is not taken for one.
    static func region(host: UnsafeRawBufferPointer) -> String? {
        guard isAWS(host) else { return nil }
        var found: String?
        var afterS3Label = false
        forEachLabel(host) { label in
            if afterS3Label, isRegion(label) { found = String(decoding: label, as: UTF8.self); return false }
            let isS3Label = LineByte.hasPrefix(label, "s3") || LineByte.equals(label, "dualstack")
            if isS3Label, LineByte.hasPrefix(label, "s3-") {
                // s3-eu-west-1, s3-website-us-east-1, s3-fips-us-gov-west-1: try what follows each dash.
                var start = 3
                while start < label.count {
                    let candidate = UnsafeRawBufferPointer(rebasing: label[start...])
                    if isRegion(candidate) { found = String(decoding: candidate, as: UTF8.self); return false }
                    guard let dash = candidate.firstIndex(of: LineByte.dash) else { break }
                    start += dash + 1
                }
            }
            afterS3Label = isS3Label
            return true
        }
        return found
    }

    /// The interface VPC endpoint id in an endpoint host (`vpce-0a1b2c3d4e5f60718`), or nil.
    static func vpcEndpointID(host: UnsafeRawBufferPointer) -> String? {
        guard isAWS(host) else { return nil }
        var found: String?
        forEachLabel(host) { label in
            guard LineByte.hasPrefix(label, "vpce-"), label.count > 5 else { return true }
            // vpce-<id>-<suffix>: the id is the part up to the next dash.
            let rest = UnsafeRawBufferPointer(rebasing: label[5...])
            let end = rest.firstIndex(of: LineByte.dash) ?? rest.count
            guard end > 0 else { return true }
            found = "vpce-" + String(decoding: UnsafeRawBufferPointer(rebasing: rest[..<end]), as: UTF8.self)
            return false
        }
        return found
    }

    /// The ARN partition for a Region: `aws-cn` for China, `aws-us-gov` for GovCloud, else `aws`.
    static func partition(region: String?) -> String {
        guard let region else { return "aws" }
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    /// True for hosts under `amazonaws.com` or `amazonaws.com.cn`.
    private static func isAWS(_ host: UnsafeRawBufferPointer) -> Bool {
        host.count > 14 && (endsWith(host, ".amazonaws.com") || endsWith(host, ".amazonaws.com.cn"))
    }

    private static func endsWith(_ bytes: UnsafeRawBufferPointer, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return LineByte.hasPrefix(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - count)...]), suffix)
    }

    /// Calls `body` with each dot-separated label until it returns false.
    private static func forEachLabel(_ host: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Bool) {
        var start = 0
        while start <= host.count {
            var end = start
            while end < host.count, host[end] != UInt8(ascii: ".") { end += 1 }
            if end > start, !body(UnsafeRawBufferPointer(rebasing: host[start..<end])) { return }
            start = end + 1
        }
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-4`, `cn-north-1`, `il-central-1`: two letters,
    /// one or more groups of letters, then a number.
    static func isRegion(_ label: UnsafeRawBufferPointer) -> Bool {
        let count = label.count
        guard count >= 6, count <= 25, isLower(label[0]), isLower(label[1]), label[2] == LineByte.dash else { return false }
        var position = 3
        var groups = 0
        while position < count {
            let groupStart = position
            while position < count, isLower(label[position]) { position += 1 }
            if position == groupStart { break }
            guard position < count, label[position] == LineByte.dash else { return false }
            groups += 1
            position += 1
        }
        guard groups >= 1, position < count, count - position <= 2 else { return false }
        while position < count {
            guard LineByte.isDigit(label[position]) else { return false }
            position += 1
        }
        return true
    }

    @inline(__always) private static func isLower(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "a") < 26 }
}
