import Foundation
import Testing
import S3HoundCore

@Suite("AWS IP ranges")
struct AWSIPRangesTests {
    /// A small document in the published shape: each S3 and EC2 range is listed under AMAZON too.
    static let document = """
    {
      "syncToken": "1771600000",
      "createDate": "2026-02-20-15-06-40",
      "prefixes": [
        {"ip_prefix": "52.92.0.0/16", "region": "us-east-1", "service": "AMAZON", "network_border_group": "us-east-1"},
        {"ip_prefix": "52.92.16.0/20", "region": "us-east-1", "service": "AMAZON", "network_border_group": "us-east-1"},
        {"ip_prefix": "52.92.16.0/20", "region": "us-east-1", "service": "S3", "network_border_group": "us-east-1"},
        {"ip_prefix": "3.5.140.0/22", "region": "ap-northeast-2", "service": "AMAZON", "network_border_group": "ap-northeast-2"},
        {"ip_prefix": "3.5.140.0/22", "region": "ap-northeast-2", "service": "S3", "network_border_group": "ap-northeast-2"},
        {"ip_prefix": "18.208.0.0/13", "region": "us-east-1", "service": "EC2", "network_border_group": "us-east-1"},
        {"ip_prefix": "18.208.0.0/13", "region": "us-east-1", "service": "AMAZON", "network_border_group": "us-east-1"},
        {"ip_prefix": "18.209.5.0/24", "region": "us-east-1", "service": "AMAZON", "network_border_group": "us-east-1"},
        {"ip_prefix": "13.248.118.0/24", "region": "GLOBAL", "service": "GLOBALACCELERATOR", "network_border_group": "GLOBAL"}
      ],
      "ipv6_prefixes": [
        {"ipv6_prefix": "2600:1f18::/33", "region": "us-east-1", "service": "AMAZON", "network_border_group": "us-east-1"},
        {"ipv6_prefix": "2600:1fa0:4000::/40", "region": "us-east-1", "service": "S3", "network_border_group": "us-east-1"},
        {"ipv6_prefix": "2600:1fa0:4000::/40", "region": "us-east-1", "service": "AMAZON", "network_border_group": "us-east-1"}
      ]
    }
    """

    func ranges() throws -> AWSIPRanges { try AWSIPRanges(json: Data(Self.document.utf8)) }

    @Test("the document is read with its metadata and every range")
    func reading() throws {
        let ranges = try ranges()
        #expect(ranges.syncToken == "1771600000")
        #expect(ranges.createDate == "2026-02-20-15-06-40")
        #expect(ranges.prefixes.count == 12)
        #expect(ranges.prefixes[2] == AWSIPRanges.Prefix(network: IPNetwork("52.92.16.0/20")!, region: "us-east-1", service: "S3", networkBorderGroup: "us-east-1"))
        #expect(ranges.prefixes.last?.network.description == "2600:1fa0:4000::/40")
    }

    @Test("an address is matched to the most specific named service")
    func services() throws {
        let ranges = try ranges()
        #expect(ranges.service(of: "52.92.17.9") == "S3")
        #expect(ranges.service(of: "52.92.200.1") == "AMAZON")
        #expect(ranges.service(of: "3.5.141.7") == "S3")
        #expect(ranges.service(of: "18.209.5.10") == "EC2", "a broader EC2 range names the service when the narrow one is only AMAZON")
        #expect(ranges.service(of: "13.248.118.1") == "GLOBALACCELERATOR")
        #expect(ranges.service(of: "2600:1fa0:4000:12::7") == "S3")
        #expect(ranges.service(of: "2600:1f18:1234::1") == "AMAZON")
        #expect(ranges.service(of: "::ffff:52.92.17.9") == "S3", "IPv4-mapped IPv6 is read as IPv4")
        #expect(ranges.service(of: "8.8.8.8") == nil)
        #expect(ranges.service(of: "s3.amazonaws.com") == nil)
        #expect(ranges.region(of: "3.5.141.7") == "ap-northeast-2")
        #expect(ranges.region(of: "13.248.118.1") == "GLOBAL")
        #expect(ranges.entries(for: "52.92.17.9").map(\.network.prefixLength) == [20, 20, 16])
    }

    @Test("containment")
    func containment() throws {
        let ranges = try ranges()
        #expect(ranges.contains("52.92.0.1"))
        #expect(ranges.contains("2600:1f18::1"))
        #expect(!ranges.contains("52.93.0.1"))
        #expect(!ranges.contains("not an address"))
        #expect(ranges.contains(IPAddressValue("18.215.255.255")!))
        #expect(!AWSIPRanges(prefixes: []).contains("52.92.0.1"))
    }

    @Test("documents that are not ip-ranges.json are refused with a reason")
    func badDocuments() {
        func reason(_ text: String) -> String? {
            do { _ = try AWSIPRanges(json: Data(text.utf8)); return nil } catch { return error.reason }
        }
        #expect(reason("{\"Records\":[]}") == "has no 'prefixes' or 'ipv6_prefixes' list; is this AWS's ip-ranges.json?")
        #expect(reason("{\"prefixes\":[{\"ip_prefix\":\"3.5.140.0/33\",\"region\":\"x\",\"service\":\"S3\"}]}") == "prefixes[0].ip_prefix '3.5.140.0/33' is not an IPv4 CIDR such as 3.5.140.0/22")
        #expect(reason("{\"ipv6_prefixes\":[{\"region\":\"x\"}]}") == "ipv6_prefixes[0].ipv6_prefix '(missing)' is not an IPv6 CIDR such as 2600:1f14::/35")
        #expect(reason("{\"prefixes\":\"none\"}")?.hasPrefix("is not AWS's ip-ranges.json: 'prefixes' has the wrong type") == true)
        #expect(reason("{\"prefixes\":[")?.hasPrefix("is not AWS's ip-ranges.json") == true)
        #expect(reason("{\"prefixes\":[],\"ipv6_prefixes\":[]}") == nil, "an empty list is a valid, empty document")
    }

    @Test("private and other non-public addresses", arguments: [
        ("10.1.2.3", true), ("172.16.0.1", true), ("172.31.255.255", true), ("172.32.0.1", false), ("192.168.1.1", true),
        ("100.64.0.1", true), ("100.127.255.254", true), ("100.128.0.1", false), ("169.254.169.254", true), ("127.0.0.1", true),
        ("::1", true), ("fd12:3456::1", true), ("fc00::1", true), ("fe80::1", true), ("febf::1", true), ("fec0::1", false),
        ("fc::1", false), ("::ffff:10.0.0.1", true), ("8.8.8.8", false), ("2001:db8::1", false), ("52.92.17.9", false),
        ("s3.amazonaws.com", false), ("", false),
    ])
    func privateAddresses(address: String, expected: Bool) {
        #expect(AWSIPRanges.isPrivate(address) == expected, "\(address)")
    }
}
