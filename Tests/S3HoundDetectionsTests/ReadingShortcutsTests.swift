import Testing
import S3HoundCore
@testable import S3HoundDetections

/// The accumulator's shortcuts while reading — event and stream detections asked only about the calls they declare,
/// per-term answers cached — keep exactly what asking every detection about every event keeps.
@Suite("Reading shortcuts")
struct ReadingShortcutsTests {
    /// Every event of every case, with the configuration of its case.
    static var caseEvents: [(ActivityEvent, DetectionConfiguration)] {
        DetectionCatalog.all.flatMap { detection in
            type(of: detection).cases.flatMap { testCase in testCase.events.map { ($0, testCase.configuration) } }
        }
    }

    @Test("an event detection keeps only calls it declares in eventNames")
    func declaredNamesCoverWhatMatches() {
        var declared = 0
        for detection in DetectionCatalog.eventDetections {
            guard let names = type(of: detection).eventNames else { continue }
            declared += 1
            #expect(!names.isEmpty, "\(type(of: detection).metadata.id)")
            for (event, configuration) in Self.caseEvents where detection.matches(event, configuration: configuration) {
                #expect(names.contains(event.eventName), "\(type(of: detection).metadata.id) keeps \(event.eventName), not in its eventNames")
            }
        }
        #expect(declared >= 10)
    }

    @Test("a stream detection counts only calls it declares in eventNames")
    func declaredStreamNamesCoverWhatCounts() {
        var declared = 0
        for detection in DetectionCatalog.streamDetections {
            guard let names = type(of: detection).eventNames else { continue }
            declared += 1
            for (event, configuration) in Self.caseEvents where detection.streamTerm(event, configuration: configuration) != nil {
                #expect(names.contains(event.eventName), "\(type(of: detection).metadata.id) counts \(event.eventName), not in its eventNames")
            }
        }
        #expect(declared >= 2)
    }

    @Test("the accumulator keeps what asking every detection about every event keeps")
    func dispatchKeepsTheSameEvents() {
        let cases = DetectionCatalog.all.flatMap { type(of: $0).cases }
        var kept = 0
        for testCase in cases {
            let configuration = testCase.configuration
            let accumulator = ActivityAccumulator(configuration: configuration)
            var expected: [String: [String]] = [:]
            for event in testCase.events {
                accumulator.add(event)
                for detection in DetectionCatalog.eventDetections where detection.matches(event, configuration: configuration) {
                    expected[type(of: detection).metadata.id, default: []].append(event.eventID)
                }
            }
            let actual = accumulator.matches.mapValues { $0.map(\.eventID) }
            #expect(actual == expected, "case '\(testCase.name)'")
            // Stream minutes: every detection's streams hold the events its streamTerm takes.
            var streamed: [String: Int] = [:]
            for event in testCase.events {
                for detection in DetectionCatalog.streamDetections where detection.streamTerm(event, configuration: configuration) != nil {
                    streamed[type(of: detection).metadata.id, default: 0] += 1
                }
            }
            var counted: [String: Int] = [:]
            for (key, minutes) in accumulator.streams { counted[key.detectionID, default: 0] += minutes.values.map(\.count).reduce(0, +) }
            #expect(counted == streamed, "case '\(testCase.name)' streams")
            kept += actual.values.map(\.count).reduce(0, +)
        }
        #expect(kept > 50)
    }

    @Test("the term cache answers as the configuration does, for repeated and new terms alike")
    func termCacheAnswers() {
        var configuration = DetectionConfiguration()
        configuration.threatLists = [ThreatList(name: "tor", cidrs: ["185.220.101.0/24", "2a0b:f4c2::/40"]),
                                     ThreatList(name: "feed", cidrs: ["45.133.1.0/24"])]
        configuration.ownAccounts = ["123456789012"]
        configuration.trustedAccounts = ["111122223333"]
        let cache = EventTermCache()
        let accounts = ["123456789012", "111122223333", "999988887777", "12345678901", "anonymous", "", "99998888777x"]
        let agents = ["aws-cli/2.13.5 Python/3.11.4 Linux/6.5.0-kali3-amd64", "Boto3/1.34.51", "rclone/v1.65.0", "", "[S3Console/0.4]",
                      String(repeating: "x", count: 5000) + "pacu"]
        let ips = ["185.220.101.47", "45.133.1.90", "203.0.113.10", "2a0b:f4c2:2::1", "not-an-ip", "10.0.0.1"]
        for round in 0..<3 {
            for agent in agents {
                // Fresh storage on the first rounds, the same strings after: both must answer alike.
                let text = round == 0 ? String(agent.utf8.map { Character(UnicodeScalar($0)) }) : agent
                #expect(cache.toolMatch(text, configuration: configuration) == configuration.toolUserAgents.firstMatch(in: agent))
                #expect(cache.agentFamily(text) == UserAgentFamily.family(of: agent))
            }
            for account in accounts {
                let text = round == 0 ? String(account.utf8.map { Character(UnicodeScalar($0)) }) : account
                let direct = AccountIDs.isAccountID(account) && !configuration.ownAccounts.contains(account)
                    && !configuration.trustedAccounts.contains(account)
                #expect(cache.isForeignAccount(text, configuration: configuration) == direct, "\(account)")
            }
            for ip in ips {
                let direct = KnownBadCaller.listing(ip, configuration: configuration)
                let cached = cache.threatListing(ip, configuration: configuration)
                #expect(cached?.0.name == direct?.0.name && cached?.1 == direct?.1, "\(ip)")
            }
        }
        #expect(cache.threatListing("185.220.101.47", configuration: configuration)?.0.name == "tor")
        #expect(cache.threatListing("45.133.1.90", configuration: configuration)?.0.name == "feed")
        #expect(cache.toolMatch("rclone/v1.65.0", configuration: configuration) == "rclone")
        #expect(cache.isForeignAccount("999988887777", configuration: configuration))
        #expect(!cache.isForeignAccount("123456789012", configuration: configuration))
    }

    @Test("term slots work a value out once per string storage, and never answer for another text")
    func termSlots() {
        let slots = TermSlots<Int>()
        var made = 0
        let kept = (0..<64).map { "user-agent/\($0) " + String(repeating: "padding", count: 4) }
        for _ in 0..<10 {
            for text in kept { #expect(slots.value(text) { made += 1; return $0.utf8.count } == text.utf8.count) }
        }
        // 64 strings in 4,096 slots: a few may share a slot and be worked out again, most are worked out once.
        #expect(made >= 64 && made < 64 * 3)
        // Thousands of distinct texts (more than there are slots): every answer is still that text's own.
        for number in 0..<10_000 {
            let text = "203.0.\(number / 256).\(number % 256)-" + String(number)
            #expect(slots.value(text) { $0.hashValue } == text.hashValue)
        }
    }

    @Test("object key hashes stay FNV-1a of bucket/key (incident ids are built from them)")
    func objectKeyHashIsStable() {
        func reference(_ text: String) -> UInt64 {
            var h: UInt64 = 0xcbf29ce484222325
            for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
            return h
        }
        let keys = ["", "k", "pii/customer-00017.csv", "reports/ünïcode 🐕 %2F../../etc/passwd", String(repeating: "deep/", count: 300) + "x"]
        for bucket in ["", "b", "customer-records", "a-bucket-name-longer-than-sixteen"] {
            for key in keys { #expect(ObjectKeyHash.hash(bucket: bucket, key: key) == reference(bucket + "/" + key), "\(bucket)/\(key)") }
        }
        #expect(ObjectKeyHash.hash(bucket: "b", key: "k") == 0xff73_3d19_1290_5aaf)
    }
}
