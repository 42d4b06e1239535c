import Foundation
import Testing
import S3HoundCore
@testable import S3HoundDetections

/// The event spool: every event comes back exactly, field for field, from memory or its temporary files, in
/// its principal's partition.
@Suite("Event spool and its record codec")
struct EventSpoolTests {
    /// An event with every field set, differing by `n` (and hostile text in the fields an attacker controls).
    static func full(_ n: Int, principal: String = "arn:aws:iam::111122223333:user/alice") -> ActivityEvent {
        ActivityEvent(time: EventTime(millisecondsSinceEpoch: 1_771_700_000_000 + Int64(n) * 1_234), origin: n % 2 == 0 ? .cloudTrail : .serverAccessLog,
                      eventID: n % 3 == 0 ? UUID().uuidString.lowercased() : n % 3 == 1 ? "3E6A4C2B1D0F9A8\(n % 10)" : "id-\(n)-é\u{0}\"<>",
                      eventSource: "s3.amazonaws.com", eventName: ["GetObject", "ListObjects", "PutBucketPolicy"][n % 3],
                      eventCategory: "Data", awsRegion: "eu-west-\(n % 3)", sourceIPAddress: "203.0.113.\(n % 250)",
                      userAgent: "[aws-cli/2.15 \u{1b}[31mred\u{1b}[0m \(n % 4)]", errorCode: n % 5 == 0 ? "AccessDenied" : nil,
                      errorMessage: n % 5 == 0 ? "Access Denied \(n)" : nil, recipientAccountId: "111122223333",
                      readOnly: n % 4 == 0 ? nil : n % 4 == 1, vpcEndpointId: n % 2 == 0 ? "vpce-0abc" : nil,
                      identity: CallerIdentity(type: "IAMUser", arn: principal, accountId: "111122223333",
                                               accessKeyId: "AKIAEXAMPLE\(n % 7)", principalId: "AIDA\(n % 3)",
                                               sessionIssuerArn: n % 2 == 0 ? nil : "arn:aws:iam::111122223333:role/r",
                                               invokedBy: n % 6 == 0 ? "datasync.amazonaws.com" : nil, ec2RoleDelivery: n % 8 == 0 ? "2.0" : nil),
                      bucketName: "bucket-\(n % 5)", objectKey: "reports/\(n)/ünïcode 🐕 %2F../../etc/passwd",
                      host: "bucket.s3.amazonaws.com", copySource: n % 9 == 0 ? "other/\(n)" : nil,
                      bytesTransferredOut: n % 3 == 0 ? nil : Int64(n) * 1_000_003 - 5, bytesTransferredIn: n % 4 == 0 ? -1 : nil,
                      authenticationMethod: "AuthHeader", sseApplied: "SSE_KMS", kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k",
                      requestParametersJSON: n % 3 == 2 ? "{\"bucketPolicy\":{\"Statement\":[{\"Effect\":\"Allow\",\"n\":\(n)}]}}" : nil,
                      resources: n % 4 == 0 ? [] : [EventResource(type: "AWS::S3::Object", arn: "arn:aws:s3:::bucket-\(n % 5)/k\(n)"),
                                                     EventResource(type: "AWS::S3::Bucket", arn: "arn:aws:s3:::bucket-\(n % 5)", accountId: "111122223333")])
    }

    static func roundTrip(_ events: [ActivityEvent]) throws -> [ActivityEvent] {
        var encoder = ActivityEventEncoder()
        var bytes: [UInt8] = []
        for event in events { encoder.encode(event, into: &bytes) }
        var decoder = ActivityEventDecoder()
        var back: [ActivityEvent] = []
        try bytes.withUnsafeBytes { raw in
            var at = 0
            while let event = try decoder.decode(raw, at: &at) { back.append(event) }
            #expect(at == raw.count)
        }
        return back
    }

    @Test("marks come back with their events, from memory and from the file; the hunt's reading passes notHunted by")
    func marks() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let spool = EventSpool(partitions: 3, spillBytes: 2_048, directory: directory)
        let marks: [EventSpool.Mark] = [[], .learn, [.learn, .notHunted]]
        let events = (0..<600).map { Self.full($0, principal: "arn:aws:iam::111122223333:user/u\($0 % 7)") }
        for (n, event) in events.enumerated() { spool.append(event, mark: marks[n % 3]) }
        #expect(spool.byteCount > 2_048 * 3, "some records went to the files")
        var marked: [String: EventSpool.Mark] = [:]
        var hunted: [String] = []
        for partition in 0..<3 {
            spool.forEach(partition: partition) { (event: ActivityEvent, mark: EventSpool.Mark) in marked[event.eventID + "\(event.time)"] = mark }
            spool.forEach(partition: partition) { (event: ActivityEvent) in hunted.append(event.eventID + "\(event.time)") }
        }
        #expect(marked.count == 600)
        for (n, event) in events.enumerated() { #expect(marked[event.eventID + "\(event.time)"] == marks[n % 3], "event \(n)") }
        let expectedHunted = Set(events.enumerated().filter { $0.offset % 3 != 2 }.map { $0.element.eventID + "\($0.element.time)" })
        #expect(Set(hunted) == expectedHunted && hunted.count == 400)
        #expect(spool.problems.isEmpty)
    }

    @Test("ActivityEvent, CallerIdentity and EventResource have the fields the codec carries (add a new field to the codec)")
    func codecCoversEveryField() {
        #expect(Mirror(reflecting: Self.full(1)).children.count == 26)
        #expect(Mirror(reflecting: CallerIdentity()).children.count == 8)
        #expect(Mirror(reflecting: EventResource()).children.count == 3)
    }

    @Test("events with every field set, none set, hostile text and every kind of event id round-trip exactly")
    func roundTrip() throws {
        var events = (0..<500).map { Self.full($0) }
        events.append(ActivityEvent(time: EventTime(millisecondsSinceEpoch: -5), eventID: "", eventName: ""))
        events.append(ActivityEvent(time: EventTime(millisecondsSinceEpoch: .max), eventSource: "", eventName: "x", userAgent: String(repeating: "A", count: 5_000_000)))
        let back = try Self.roundTrip(events)
        #expect(back == events)
    }

    @Test("past the table's limit of distinct strings, strings are written out and still come back")
    func tableOverflow() throws {
        let events = (0..<(ActivityEventEncoder.tableLimit + 500)).map {
            ActivityEvent(time: EventTime(millisecondsSinceEpoch: Int64($0)), eventName: "GetObject", userAgent: "agent-\($0)",
                          identity: CallerIdentity(arn: "arn:aws:iam::1:user/u\($0 % 300)"))
        }
        #expect(try Self.roundTrip(events) == events)
    }

    @Test("no one field takes the whole string table: after more distinct session ARNs than it holds, a user agent is still numbered")
    func slotBudget() throws {
        var encoder = ActivityEventEncoder()
        var bytes: [UInt8] = []
        var events = (0..<(ActivityEventEncoder.tableLimit + 10)).map { n in
            ActivityEvent(time: EventTime(millisecondsSinceEpoch: Int64(n)), eventName: "GetObject",
                          identity: CallerIdentity(arn: "arn:aws:sts::123456789012:assumed-role/app/session-\(n)"))
        }
        for event in events { encoder.encode(event, into: &bytes) }
        let agent = String(repeating: "aws-sdk-java/2.20.162 ", count: 10)
        let late = ActivityEvent(time: EventTime(millisecondsSinceEpoch: 9_999), eventName: "GetObject", userAgent: agent,
                                 identity: CallerIdentity(arn: "arn:aws:sts::123456789012:assumed-role/app/late"))
        var sizes: [Int] = []
        for _ in 0..<2 {
            let before = bytes.count
            encoder.encode(late, into: &bytes)
            sizes.append(bytes.count - before)
            events.append(late)
        }
        // The second time the agent is a table number, not its 220 bytes again.
        #expect(sizes[1] < sizes[0] - agent.utf8.count / 2, "\(sizes)")
        var decoder = ActivityEventDecoder()
        var back: [ActivityEvent] = []
        try bytes.withUnsafeBytes { raw in
            var at = 0
            while let event = try decoder.decode(raw, at: &at) { back.append(event) }
        }
        #expect(back == events)
        // Both decode to one shared string (what the term caches recognise).
        let words = back.suffix(2).map { unsafeBitCast($0.userAgent!, to: (UInt64, UInt64).self) }
        #expect(words[0] == words[1])
    }

    @Test("a record cut short is not decoded (nil, nothing consumed); a damaged one is reported with its offset")
    func partialAndDamagedRecords() throws {
        var encoder = ActivityEventEncoder()
        var bytes: [UInt8] = []
        encoder.encode(Self.full(1), into: &bytes)
        let first = bytes.count
        encoder.encode(Self.full(2), into: &bytes)
        var decoder = ActivityEventDecoder()
        try bytes.withUnsafeBytes { raw in
            var at = 0
            let whole = try decoder.decode(UnsafeRawBufferPointer(rebasing: raw[..<(first + 10)]), at: &at)
            #expect(whole == Self.full(1))
            #expect(at == first)
            let cut = try decoder.decode(UnsafeRawBufferPointer(rebasing: raw[..<(first + 10)]), at: &at)
            #expect(cut == nil)
            #expect(at == first)
            let second = try decoder.decode(raw, at: &at)
            #expect(second == Self.full(2))
        }
        // The first record's length says one byte more than its fields take: damaged at offset 0.
        var damaged = bytes
        damaged[0] &+= 1
        var fresh = ActivityEventDecoder()
        #expect(throws: ActivityEventDecoder.Damage.self) {
            try damaged.withUnsafeBytes { raw in
                var at = 0
                _ = try fresh.decode(raw, at: &at)
            }
        }
    }

    @Test("a principal's events all land in one partition, the same in every run (FNV-1a)")
    func partitionIsStable() {
        #expect(EventSpool.partition(of: "arn:aws:iam::111122223333:user/alice", partitions: 1) == 0)
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c.
        #expect(EventSpool.partition(of: "a", partitions: 1000) == Int(0xaf63_dc4c_8601_ec8c as UInt64 % 1000))
        let spool = EventSpool(partitions: 7, spillBytes: nil)
        let principals = (0..<50).map { "arn:aws:iam::1:user/u\($0)" }
        for round in 0..<3 {
            for principal in principals {
                spool.append(ActivityEvent(time: EventTime(millisecondsSinceEpoch: Int64(round)), eventName: "GetObject",
                                           identity: CallerIdentity(arn: principal)))
            }
        }
        var seen: [String: Set<Int>] = [:]
        for partition in 0..<7 {
            spool.forEach(partition: partition) { event in
                seen[event.identity.principal, default: []].insert(partition)
                #expect(EventSpool.partition(of: event.identity.principal, partitions: 7) == partition)
            }
        }
        #expect(Set(seen.keys) == Set(principals))
        #expect(seen.values.allSatisfy { $0.count == 1 })
        #expect(Set(seen.values.flatMap { $0 }).count > 3)
    }

    @Test("spilled every 1 KB, in memory, or unable to reach its directory: every event back, in order, twice")
    func spillingChangesNothing() throws {
        let events = (0..<3_000).map { Self.full($0, principal: "arn:aws:iam::1:user/u\($0 % 37)") }
        let inMemory = EventSpool(partitions: 4, spillBytes: nil)
        let spilled = EventSpool(partitions: 4, spillBytes: 1024)
        let stuck = EventSpool(partitions: 4, spillBytes: 1024, directory: "/nonexistent/s3hound-\(UUID().uuidString)")
        for event in events { inMemory.append(event); spilled.append(event); stuck.append(event) }
        func all(_ spool: EventSpool) -> [ActivityEvent] {
            (0..<4).flatMap { partition in
                var out: [ActivityEvent] = []
                spool.forEach(partition: partition) { out.append($0) }
                return out
            }
        }
        let expected = (0..<4).flatMap { p in events.filter { EventSpool.partition(of: $0.identity.principal, partitions: 4) == p } }
        #expect(all(inMemory) == expected)
        #expect(all(spilled) == expected)
        #expect(all(spilled) == expected) // read again
        #expect(all(stuck) == expected)
        #expect(inMemory.count == 3_000 && spilled.count == 3_000)
        #expect(inMemory.problems.isEmpty && spilled.problems.isEmpty)
        #expect(stuck.problems.count == 1)
        #expect(stuck.problems.first?.contains("could not create a temporary file in /nonexistent/s3hound-") == true)
        #expect(spilled.byteCount == inMemory.byteCount)
    }
}
