import Testing
import S3HoundCore

@Suite("CIDR matching")
struct IPNetworkTests {
    @Test("IPv4 and IPv6 addresses parse; junk does not")
    func parsing() {
        #expect(IPAddressValue("185.220.101.47")?.description == "185.220.101.47")
        #expect(IPAddressValue("2001:db8::1")?.description == "2001:db8::1")
        #expect(IPAddressValue("::ffff:185.220.101.47")?.isIPv4 == true)
        #expect(IPAddressValue("[2001:db8::1]")?.isIPv4 == false)
        for bad in ["", "1.2.3", "1.2.3.256", "1.2.3.4.5", "s3.amazonaws.com", "1::2::3", "12345::", "2001:db8:::1", "01.2.3.4x"] {
            #expect(IPAddressValue(bad) == nil, "\(bad)")
        }
    }

    @Test("networks contain their addresses, at every prefix length")
    func containment() throws {
        let v4 = try #require(IPNetwork("185.220.101.0/24"))
        #expect(v4.contains(IPAddressValue("185.220.101.47")!))
        #expect(!v4.contains(IPAddressValue("185.220.102.1")!))
        #expect(try #require(IPNetwork("10.1.2.3/8")).description == "10.0.0.0/8")
        #expect(try #require(IPNetwork("0.0.0.0/0")).contains(IPAddressValue("8.8.8.8")!))
        let v6 = try #require(IPNetwork("2a0b:f4c2::/40"))
        #expect(v6.contains(IPAddressValue("2a0b:f4c2:2::1")!))
        #expect(!v6.contains(IPAddressValue("2a0b:f5c2::1")!))
        #expect(try #require(IPNetwork("2001:db8::1/127")).contains(IPAddressValue("2001:db8::")!))
        #expect(!v6.contains(IPAddressValue("185.220.101.47")!), "families never match each other")
        #expect(IPNetwork("1.2.3.4/33") == nil)
        #expect(IPNetwork("2001:db8::/129") == nil)
        #expect(IPNetwork("1.2.3.4/") == nil)
    }

    @Test("a set finds the most specific network; IPv4-mapped IPv6 matches IPv4 entries")
    func sets() {
        let list = ThreatList(name: "feed", cidrs: ["185.220.0.0/16", "185.220.101.47", "2a0b:f4c2::/40"])
        #expect(list.match("185.220.101.47")?.description == "185.220.101.47/32")
        #expect(list.match("185.220.7.7")?.description == "185.220.0.0/16")
        #expect(list.match("::ffff:185.220.101.47")?.prefixLength == 32)
        #expect(list.match("2a0b:f4c2:00ff::9") != nil)
        #expect(list.match("2a0b:f4c2:ffff::9") == nil)
        #expect(list.match("203.0.113.10") == nil)
        #expect(list.match("cloudtrail.amazonaws.com") == nil)
    }
}
