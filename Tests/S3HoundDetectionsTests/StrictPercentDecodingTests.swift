import Foundation
import Testing
@testable import S3HoundDetections

/// The copy-source decoder gives what Foundation's `removingPercentEncoding` gives, text for text.
@Suite("Percent decoding of copy sources")
struct StrictPercentDecodingTests {
    @Test("the same as removingPercentEncoding, for ordinary, odd and broken escapes")
    func sameAsFoundation() {
        var texts = [
            "", "%", "%%", "%4", "%41", "a%41b", "%2F", "customer-records/pii%2Fcustomer-1.csv", "/customer-records%2Fkey?versionId=x",
            "%zz", "%4g", "%G1", "%c3%a9", "%C3%A9té", "%FF", "%C3", "%E2%82", "%F0%9F%99%82", "%00", "%7f", "trailing%", "trailing%2",
            "plus+stays", "%2B", "arn%3Aaws%3As3", "%25", "%2525", "caf\u{e9}%20x", "😀%20😀", "%ED%A0%80", "%C0%AF", "%e2%80%ae",
        ]
        // Random strings of escapes, hex digits and other bytes.
        var generator = SystemRandomNumberGenerator()
        let pieces = ["%", "2", "F", "f", "c3", "a9", "%C3", "%A9", "g", "/", "é", "%E2%82%AC", "x", "%0", "%ff"]
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(StrictPercentDecoding.decode(text) == text.removingPercentEncoding, "\(text.debugDescription)")
        }
    }

    @Test("the copy source's bucket, encoded or not")
    func bucket() {
        #expect(CrossAccountCopy.bucket(fromCopySource: "customer-records/pii/a.csv") == "customer-records")
        #expect(CrossAccountCopy.bucket(fromCopySource: "/customer-records%2Fpii%2Fa.csv") == "customer-records")
        #expect(CrossAccountCopy.bucket(fromCopySource: "customer-records%zz/key") == "customer-records%zz")
        #expect(CrossAccountCopy.bucket(fromCopySource: "arn%3Aaws%3As3%3Aus-east-1%3A123456789012%3Aaccesspoint/ap/object/k") == nil)
        // The ASCII shortcut against the character split it stands for.
        for source in ["b/k", "/b/k", "//b/k", "b", "b/", "/", "", "///", "b//k", "/b", "b/\u{301}k", "b\u{301}/k", "é/k", "/\u{301}b/k"] {
            let text = source.hasPrefix("/") ? String(source.dropFirst()) : source
            let split = text.split(separator: "/", maxSplits: 1).first.map(String.init)
            let expected = split?.isEmpty == false && !text.hasPrefix("arn:") ? split : nil
            #expect(CrossAccountCopy.bucket(fromCopySource: source) == expected, "\(source.debugDescription)")
        }
    }
}
