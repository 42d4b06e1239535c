import Testing
@testable import S3HoundDetections

/// The stream tallies' small collections behave as a `Set` and a `Dictionary` do.
@Suite("Inline collections")
struct InlineCollectionsTests {
    @Test("InlineHashSet inserts, unions, counts and iterates as a Set")
    func hashSet() {
        var random = ReadLedgerTests.Mix(state: 3)
        for _ in 0..<200 {
            var a = InlineHashSet(), b = InlineHashSet()
            var setA: Set<UInt64> = [], setB: Set<UInt64> = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let hash = UInt64.random(in: 0...8, using: &random)
                #expect(a.insert(hash) == setA.insert(hash).inserted)
            }
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let hash = UInt64.random(in: 0...8, using: &random)
                b.insert(hash); setB.insert(hash)
            }
            a.formUnion(b)
            setA.formUnion(setB)
            #expect(a.count == setA.count)
            #expect(Set(a) == setA)
            #expect(Array(a).count == setA.count)
        }
    }

    @Test("InlineCounts adds and merges as a dictionary of counts")
    func counts() {
        var random = ReadLedgerTests.Mix(state: 9)
        for _ in 0..<200 {
            var a = InlineCounts(), b = InlineCounts()
            var dictA: [String: Int] = [:], dictB: [String: Int] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let key = ["10.0.0.1", "", "203.0.113.9", "a-much-longer-key-than-fifteen-bytes"][Int.random(in: 0..<4, using: &random)]
                a.add(key); dictA[key, default: 0] += 1
            }
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let key = ["10.0.0.1", "198.51.100.2"][Int.random(in: 0..<2, using: &random)]
                let n = Int.random(in: 1...3, using: &random)
                b.add(key, n); dictB[key, default: 0] += n
            }
            a.merge(b)
            dictA.merge(dictB, uniquingKeysWith: +)
            #expect(a.dictionary == dictA)
        }
    }
}
