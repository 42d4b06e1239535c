import Foundation
import Testing
import S3HoundCore
@testable import S3HoundSources

/// The reader shares the strings of fields that repeat; what it hands out must be exactly the text read.
@Suite("String interner")
struct StringInternerTests {
    /// The two words a string is made of: equal words mean the same storage (or the same small string).
    static func words(_ text: String) -> (UInt64, UInt64) { unsafeBitCast(text, to: (UInt64, UInt64).self) }

    static func intern(_ interner: StringInterner, _ text: String) -> String {
        Array(text.utf8).withUnsafeBytes { interner.string($0) }
    }

    @Test("a text met again is the same string; other texts are their own")
    func sharesRepeats() {
        let interner = StringInterner()
        let agent = "aws-sdk-java/2.20.162 Linux/5.10.205-195.807.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/11.0.22+7-LTS Java/11.0.22"
        let first = Self.intern(interner, agent)
        let second = Self.intern(interner, agent)
        #expect(first == agent && second == agent)
        #expect(Self.words(first) == Self.words(second), "the second is the kept string, not a copy")
        #expect(interner.count == 1)
        #expect(Self.intern(interner, agent + "!") == agent + "!")
        #expect(Self.intern(interner, "é🙂 unicode ünïcödé text of some length") == "é🙂 unicode ünïcödé text of some length")
        #expect(Self.intern(interner, "") == "")
        #expect(interner.count == 3)
    }

    @Test("texts that differ in a few bytes in the middle are told apart and kept")
    func nearTexts() {
        let interner = StringInterner()
        // 40 bytes each, differing only at bytes 10 and 11.
        let texts = (0..<50).map { n in "arn:aws:ia" + String(format: "%02d", n) + "m::123456789012:user/jane123" }
        #expect(texts.allSatisfy { $0.utf8.count == 40 })
        for _ in 0..<3 {
            for text in texts { #expect(Self.intern(interner, text) == text) }
        }
        #expect(interner.count == texts.count)
    }

    @Test("a field's last text is compared first: repeats, changes, texts of equal length and unkept texts stay right")
    func lastTextPerField() {
        let interner = StringInterner()
        func intern(_ text: String, field: Int) -> String { Array(text.utf8).withUnsafeBytes { interner.string($0, field: field) } }
        let a = "arn:aws:iam::123456789012:user/alice", b = "arn:aws:iam::123456789012:user/bobby"
        #expect(a.utf8.count == b.utf8.count)
        let sequence = [a, a, b, a, b, b, "", a, String(repeating: "x", count: 600), a, b]
        var kept: [String: (UInt64, UInt64)] = [:]
        for text in sequence {
            for field in [0, 1, StringInterner.fields - 1] {
                let got = intern(text, field: field)
                #expect(got == text)
                // The same kept string whichever field asks, and the same as the plain lookup gives.
                if !text.isEmpty, text.utf8.count <= StringInterner.maximumLength {
                    if let words = kept[text] { #expect(Self.words(got) == words) } else { kept[text] = Self.words(got) }
                    #expect(Self.words(Self.intern(interner, text)) == Self.words(got))
                }
            }
        }
        #expect(interner.count == 2)
    }

    @Test("long texts and texts past the capacity are built as usual and not kept")
    func bounded() {
        let interner = StringInterner()
        let long = String(repeating: "Mozilla/5.0 ", count: 100)
        #expect(Self.intern(interner, long) == long)
        #expect(interner.count == 0)
        for n in 0..<(StringInterner.capacity + 100) {
            let text = "10.\(n >> 16 & 255).\(n >> 8 & 255).\(n & 255)/some-longer-suffix"
            #expect(Self.intern(interner, text) == text)
        }
        #expect(interner.count <= StringInterner.capacity)
        #expect(interner.count > StringInterner.capacity / 2)
    }

    @Test("records read with interning equal records read without, and share their repeated strings")
    func parsingWithAndWithout() throws {
        let records = (0..<300).map { n in record(n, user: n % 3 == 0 ? "developer-jane" : "nightly-backup", ip: n % 2 == 0 ? "185.220.101.47" : "10.0.1.25") }
        let text = Array(deliveryFile(records).utf8)
        func parse(_ interner: StringInterner?) -> [ActivityEvent] {
            var events: [ActivityEvent] = []
            text.withUnsafeBytes { bytes in
                CloudTrailRecordParser.parse(UnsafeRawBufferPointer(bytes), interner: interner) { outcome in
                    if case .event(let event) = outcome { events.append(event) }
                }
            }
            return events
        }
        let interner = StringInterner()
        let plain = parse(nil), shared = parse(interner)
        #expect(plain.count == 300)
        #expect(plain == shared)
        let agents = shared.compactMap(\.identity.arn).filter { $0.hasSuffix("nightly-backup") }
        #expect(agents.count == 200)
        #expect(Set(agents.map { Self.words($0).1 }).count == 1, "one storage for the repeated ARN")
        // Keys and event ids are not shared: every one is different.
        #expect(Set(shared.compactMap(\.objectKey)).count == 300)
    }

    @Test("the reader hands its interner from file to file and reads every file the same")
    func readerFiles() throws {
        let folder = try TemporaryFolder()
        var all: [ActivityEvent] = []
        for file in 0..<4 {
            let path = try folder.write("f\(file).json", deliveryFile((0..<50).map { record(file * 50 + $0) }))
            let (events, result) = readAll(path)
            #expect(result.issues.isEmpty)
            all += events
        }
        #expect(all.count == 200)
        #expect(Set(all.map(\.eventID)).count == 200)
        #expect(all.allSatisfy { $0.userAgent == "aws-cli/2.15.0" && $0.bucketName == "sensitive-data-bucket" })
    }
}
