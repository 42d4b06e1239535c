import Foundation
import Testing
@testable import S3HoundCore

/// Event references keep ids packed; everything they are used for must behave as the text does.
@Suite("Event reference storage")
struct EventReferenceStorageTests {
    static let ids: [String] = {
        var ids = (0..<40).map { _ in UUID().uuidString.lowercased() }
        ids += (0..<10).map { _ in UUID().uuidString }                          // uppercase: text
        ids += ["3E57427F3EXAMPLE", "3E57427F3EXAMPLF", "0000000000000000", "zzzzzzzzzzzzzzzz"]  // access-log request ids
        ids += ["", "a", "ev-1", "ev-<script>", "01234567-89ab-cdef-0123-456789abcdeg", "01234567-89ab-cdef-0123-456789abcdef0",
                "ABCDEFGHIJKLMNO\u{212A}", "ABCDEFGHIJKLMNOK", "é-combining-e\u{301}", "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}",
                String(repeating: "x", count: 300), "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                // Near-UUIDs: kept as text wherever they break the form (a dash moved, a capital, a byte past 'f' or below '0').
                "0a1b2c3d4-e5f-6789-abcd-ef0123456789", "0a1b2c3d-4e5f-6789-abcd-Ef0123456789", "0a1b2c3d-4e5f-6789-abcd-ef012345678g",
                "0a1b2c3d-4e5f-6789-/bcd-ef0123456789", "0a1b2c3d-4e5f-678:-abcd-ef0123456789", "0a1b2c3d-4e5f-6789-abcd+ef0123456789"]
        return ids
    }()

    @Test("every id reads back as the same text, and UUIDs and 16-character ids are packed")
    func roundTrip() {
        for id in Self.ids {
            let reference = EventReference(time: EventTime(millisecondsSinceEpoch: 5), eventID: id)
            #expect(reference.eventID == id)
        }
        if case .uuid = EventIDStorage("0a1b2c3d-4e5f-6789-abcd-ef0123456789") {} else { Issue.record("a lowercase UUID is not packed") }
        if case .ascii16 = EventIDStorage("3E57427F3EXAMPLE") {} else { Issue.record("a request id is not packed") }
        if case .text = EventIDStorage(UUID().uuidString) {} else { Issue.record("an uppercase UUID was packed") }
    }

    @Test("equality, hashing and order are the text's, across packed and text forms")
    func orderAndEquality() {
        let time = EventTime(millisecondsSinceEpoch: 1_000)
        for a in Self.ids {
            for b in Self.ids {
                let x = EventReference(time: time, eventID: a), y = EventReference(time: time, eventID: b)
                #expect((x == y) == (a == b), "\(a) == \(b)")
                #expect((x < y) == (a < b), "\(a) < \(b)")
                if a == b { #expect(x.hashValue == y.hashValue) }
            }
        }
        #expect(EventReference(time: EventTime(millisecondsSinceEpoch: 1), eventID: "zzzz") < EventReference(time: time, eventID: "a"))
    }

    @Test("JSON keeps the id as text under eventID")
    func codable() throws {
        let reference = EventReference(time: EventTime(millisecondsSinceEpoch: 1_771_812_420_000), eventID: "0a1b2c3d-4e5f-6789-abcd-ef0123456789")
        let data = try JSONEncoder().encode(reference)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["eventID"] as? String == "0a1b2c3d-4e5f-6789-abcd-ef0123456789")
        #expect(try JSONDecoder().decode(EventReference.self, from: data) == reference)
    }
}
