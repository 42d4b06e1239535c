import Foundation
import Testing
import S3HoundCore
@testable import S3HoundDetections

/// The ledger of object reads: what goes in comes back, in memory or through its temporary file.
@Suite("Read ledger")
struct ReadLedgerTests {
    /// A small deterministic generator (SplitMix64), so a failing case can be replayed.
    struct Mix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    static func events(_ count: Int, seed: UInt64) -> [ActivityEvent] {
        var random = Mix(state: seed)
        let start = CaseEvents.time("2026-02-20T00:00:00Z")
        let callers = [CaseEvents.user("alice"), CaseEvents.user("bob", key: ""), CaseEvents.role("etl", key: "ASIAOTHERKEY00000002")]
        return (0..<count).map { i in
            let time = start.adding(seconds: Int64.random(in: 0..<86_400, using: &random))
            let failed = Int.random(in: 0..<10, using: &random) == 0
            var event = CaseEvents.getObject(time, by: callers[i % callers.count], from: "203.0.113.\(i % 7)",
                                             bucket: ["records", "logs", "a-bucket-name-longer-than-fifteen"][i % 3],
                                             key: "k/\(Int.random(in: 0..<500, using: &random))", bytes: Int64.random(in: -5..<5_000_000, using: &random),
                                             errorCode: failed ? "AccessDenied" : nil)
            switch i % 5 {
            case 0: event.eventID = UUID().uuidString.lowercased()
            case 1: event.eventID = UUID().uuidString // uppercase: kept as text
            case 2: event.eventID = "3E57427F3EXAMPLE\(i)"
            case 3: event.eventID = "ev-<script>\u{1b}[31m-\(i)-ü"
            default: break
            }
            if i % 11 == 0 { event.bucketName = nil }
            if i % 13 == 0 { event.origin = .serverAccessLog; event.resources = [] }
            return event
        }
    }

    struct Seen: Equatable {
        var stream: ReadStreamKey
        var time: EventTime, failed: Bool, accessLog: Bool, bytes: Int64, keyHash: UInt64
        var bucket: String, accessKey: String?, owner: String?, eventID: String
    }

    static func expected(_ events: [ActivityEvent]) -> [Seen] {
        events.map { event in
            let bucket = event.bucketName ?? ReadLedger.unknownBucket
            return Seen(stream: ReadStreamKey(principal: event.identity.principal, sourceIP: event.sourceIPAddress ?? ""),
                        time: event.time, failed: event.failed, accessLog: event.origin == .serverAccessLog,
                        bytes: event.failed ? 0 : max(0, event.bytesTransferredOut ?? 0),
                        keyHash: event.failed ? 0 : ObjectKeyHash.hash(bucket: bucket, key: event.objectKey ?? ""), bucket: bucket,
                        accessKey: (event.identity.accessKeyId ?? "").isEmpty ? nil : event.identity.accessKeyId,
                        owner: event.resources.first { $0.type == "AWS::S3::Bucket" }?.accountId, eventID: event.eventID)
        }
    }

    static func seen(_ activity: ActivityAccumulator) -> [Seen] {
        var out: [Seen] = []
        activity.forEachRead { stream, read in
            out.append(Seen(stream: stream, time: read.time, failed: read.failed, accessLog: read.fromAccessLog, bytes: read.bytesOut,
                            keyHash: read.keyHash, bucket: read.bucket, accessKey: read.accessKeyId, owner: read.bucketOwner, eventID: read.eventID))
        }
        return out
    }

    static func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-ledger-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("every read comes back as it went in, from memory and from the unlinked temporary file alike")
    func roundTrip() throws {
        let events = Self.events(3_000, seed: 7)
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spilling = ActivityAccumulator(configuration: .init(), readLedger: ReadLedger(spillBytes: 4096, directory: directory))
        let inMemory = ActivityAccumulator(configuration: .init(), readLedger: ReadLedger(spillBytes: nil))
        for event in events { spilling.add(event); inMemory.add(event) }

        #expect(spilling.readLedger.spilledBytes > 100_000)
        #expect(inMemory.readLedger.spilledBytes == 0)
        #expect(spilling.readLedger.count == 3_000)
        // The file is unlinked as soon as it is made: nothing is left in the directory, even while in use.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        let expected = Self.expected(events)
        #expect(Self.seen(spilling) == expected)
        #expect(Self.seen(inMemory) == expected)
        // Reading back twice gives the same again (the file is read, not consumed).
        #expect(Self.seen(spilling) == expected)
        #expect(spilling.readLedgerProblems.isEmpty)
    }

    @Test("an event id larger than the read-back chunk still comes back whole")
    func hugeEventID() throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var events = Self.events(50, seed: 3)
        events[20].eventID = String(repeating: "x", count: 6 << 20)
        let activity = ActivityAccumulator(configuration: .init(), readLedger: ReadLedger(spillBytes: 1024, directory: directory))
        for event in events { activity.add(event) }
        #expect(activity.readLedger.spilledBytes > 6 << 20)
        #expect(Self.seen(activity) == Self.expected(events))
    }

    @Test("a directory that cannot hold the file keeps the reads in memory and says why")
    func unwritableDirectory() {
        let events = Self.events(400, seed: 11)
        let activity = ActivityAccumulator(configuration: .init(), readLedger: ReadLedger(spillBytes: 512, directory: "/nonexistent/s3hound-\(UUID().uuidString)"))
        for event in events { activity.add(event) }
        #expect(activity.readLedger.spilledBytes == 0)
        #expect(activity.readLedgerProblems.count == 1)
        #expect(activity.readLedgerProblems.first?.contains("kept in memory") == true)
        #expect(Self.seen(activity) == Self.expected(events))
    }

    @Test("merged accumulators: each ledger's streams are its own, and reads after the merge are found too")
    func mergedLedgers() {
        let events = Self.events(900, seed: 5)
        let whole = ActivityAccumulator(configuration: .init(), readLedger: ReadLedger(spillBytes: nil))
        let parts = (0..<3).map { _ in ActivityAccumulator(configuration: .init(), readLedger: ReadLedger(spillBytes: 2048)) }
        for (i, event) in events.prefix(800).enumerated() { whole.add(event); parts[(i / 50) % 3].add(event) }
        parts[0].merge(parts[1])
        parts[0].merge(parts[2])
        for event in events.suffix(100) { whole.add(event); parts[0].add(event) }

        let everything: (ReadStreamKey) -> ((Int64) -> Bool)? = { _ in { _ in true } }
        let a = whole.readMinutes(select: everything), b = parts[0].readMinutes(select: everything)
        #expect(a.count == b.count)
        for (stream, minutes) in a {
            #expect(b[stream]?.count == minutes.count)
            for (minute, tally) in minutes {
                let other = b[stream]?[minute]
                #expect(other?.reads == tally.reads && other?.failed == tally.failed && other?.bytesOut == tally.bytesOut)
                #expect(other?.keyHashes == tally.keyHashes && other?.buckets == tally.buckets && other?.accessKeys == tally.accessKeys)
                #expect(other?.first == tally.first && other?.last == tally.last && other?.origins == tally.origins)
            }
        }
        #expect(whole.readTotals == parts[0].readTotals)
        #expect(whole.readStreams.mapValues(\.hours) == parts[0].readStreams.mapValues(\.hours))
    }
}
