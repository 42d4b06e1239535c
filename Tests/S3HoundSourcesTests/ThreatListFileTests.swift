import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

@Suite("Threat-list files")
struct ThreatListFileTests {
    @Test("comments, blank lines, CRLF and Spamhaus-style ';' remarks are skipped")
    func reads() throws {
        let text = "# Tor exits\r\n185.220.101.47\r\n\n  185.220.100.0/22   # a block\n1.10.16.0/20 ; SBL256894\n2a0b:f4c2::/40\n"
        let list = try ThreatListFile.parse(text, path: "tor-exits.txt", name: "tor-exits")
        #expect(list.networks.networks.count == 4)
        #expect(list.match("185.220.102.9") != nil)
        #expect(list.name == "tor-exits")
    }

    @Test("a bad line names the file and its line")
    func badLine() {
        #expect(throws: ThreatListFile.LoadError(path: "lists/feed.txt", line: 3, reason: "'not-an-ip' is not an IP address or CIDR (e.g. 185.220.101.47, 185.220.101.0/24, 2001:db8::/32)")) {
            try ThreatListFile.parse("1.2.3.4\n# ok\nnot-an-ip\n", path: "lists/feed.txt", name: "feed")
        }
        do {
            _ = try ThreatListFile.parse("1.2.3.4 5.6.7.8\n", path: "feed.txt", name: "feed")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("threat list feed.txt:1: "))
        }
    }

    @Test("a missing file is an error naming it; the list is named after the file")
    func files() throws {
        #expect(throws: ThreatListFile.LoadError.self) { try ThreatListFile.load(path: "/nonexistent/tor-exits.txt") }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tor-exits-\(UUID().uuidString.prefix(8)).txt")
        try "185.220.101.47\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let list = try ThreatListFile.load(path: url.path)
        #expect(list.name.hasPrefix("tor-exits-"))
        #expect(list.match("185.220.101.47") != nil)
    }
}
