import Foundation

/// Downloads the remote inputs of a plan ahead of the reader threads, so fetching overlaps decompressing and
/// scanning: `concurrency` downloads are in flight at once (each on its own thread, which sleeps while it
/// waits), and no new download starts while `window` objects are downloaded or downloading but not yet taken,
/// or while the downloaded ones not yet taken hold `windowBytes` — which bounds memory whatever the objects'
/// sizes (at most `windowBytes` plus what is in flight).
///
/// Objects are claimed in input order, the order reader threads take them, so the object a reader asks for
/// next is always already claimed or the next to be: `take` cannot wait on something nobody will fetch.
final class Prefetcher: @unchecked Sendable {
    typealias Fetch = @Sendable (_ bucket: String, _ key: String) throws -> [UInt8]

    private let remote: [(index: Int, bucket: String, key: String)]
    private let fetch: Fetch
    private let window: Int
    private let windowBytes: Int
    private let condition = NSCondition()
    private var nextClaim = 0
    private var held = 0
    private var heldBytes = 0
    private var fetched: [Int: Result<[UInt8], any Error>] = [:]

    /// Prepares the downloads of `inputs`' `.remote` entries; nothing starts before `start`.
    init(inputs: [LogInput], window: Int, windowBytes: Int = Int.max, fetch: @escaping Fetch) {
        remote = inputs.enumerated().compactMap { index, input in
            if case .remote(let bucket, let key) = input { (index, bucket, key) } else { nil }
        }
        self.window = max(1, window)
        self.windowBytes = max(1, windowBytes)
        self.fetch = fetch
    }

    /// Whether the plan has anything to download.
    var isEmpty: Bool { remote.isEmpty }

    /// Starts `concurrency` download threads; each ends when every object has been claimed.
    func start(concurrency: Int) {
        for number in 0..<min(max(1, concurrency), max(1, remote.count)) {
            let thread = Thread { [self] in downloadLoop() }
            thread.name = "s3hound-fetch-\(number)"
            thread.start()
        }
    }

    /// The bytes of input `index` (a `.remote` input), waiting for its download; each index is taken once.
    func take(_ index: Int) -> Result<[UInt8], any Error> {
        condition.lock()
        defer { condition.unlock() }
        while fetched[index] == nil { condition.wait() }
        let result = fetched.removeValue(forKey: index)!
        held -= 1
        heldBytes -= (try? result.get().count) ?? 0
        condition.broadcast()
        return result
    }

    private func downloadLoop() {
        while let claim = nextObject() {
            let result = Result { try fetch(claim.bucket, claim.key) }
            condition.lock()
            fetched[claim.index] = result
            heldBytes += (try? result.get().count) ?? 0
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The next object to download, once the window has room; nil when all are claimed.
    private func nextObject() -> (index: Int, bucket: String, key: String)? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < remote.count && (held >= window || heldBytes >= windowBytes) { condition.wait() }
        guard nextClaim < remote.count else { return nil }
        defer { nextClaim += 1 }
        held += 1
        return remote[nextClaim]
    }
}
