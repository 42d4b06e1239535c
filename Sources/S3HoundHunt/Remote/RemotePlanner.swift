import S3HoundCore
import S3HoundSources

/// Turns `s3://bucket/prefix` locations into the objects to read: lists them, skips digests and S3Hound's
/// own files, prunes by the delivery layout's date folders and file names (`--since/--until`) and keeps
/// only the accounts and regions asked for (`AWSLogs/[o-org/]<account>/<service>/<region>/…`).
///
/// With a window, accounts or regions to keep, it walks the key hierarchy a level at a time (ListObjectsV2
/// with delimiter `/`, `concurrency` listings at once) and never lists a folder it can rule out — another
/// account's, another region's, a digest tree, a year, month or day outside the window — so a week from a
/// bucket holding years costs requests for that week only. Day folders in the window are listed whole.
/// With nothing to rule out, one flat listing of the prefix is cheapest.
public struct RemotePlanner: Sendable {
    /// Prunes by the delivery layout; nil keeps every date.
    public var layout: DeliveryLayout?
    /// Accounts to keep (empty: all).
    public var accounts: Set<String>
    /// Regions to keep (empty: all).
    public var regions: Set<String>
    /// Listing requests in flight at once while walking folders.
    public var concurrency = 16
    /// Told after each listing finishes: listings done so far and objects found so far (for a progress line).
    public var onListing: (@Sendable (_ listings: Int, _ objects: Int) -> Void)?

    /// Creates a planner.
    public init(layout: DeliveryLayout?, accounts: Set<String> = [], regions: Set<String> = []) {
        self.layout = layout; self.accounts = accounts; self.regions = regions
    }

    /// The objects to read, in key order, and what was skipped.
    public func plan(_ locations: [S3Location], source: any RemoteObjectSource) throws -> InputWalker.Plan {
        var plan = InputWalker.Plan()
        for location in locations {
            let listed = try BlockingAsync.run { [self] in try await objects(under: location, source: source) }
            plan.unlistedFolders += listed.unlistedFolders
            for object in listed.objects.sorted(by: { $0.key < $1.key }) where !object.key.hasSuffix("/") {
                switch decide(object.key) {
                case .read:
                    plan.inputs.append(.remote(bucket: location.bucket, key: object.key))
                    plan.inputBytes += object.size
                case .pruned: plan.pruned += 1
                case .ignored: plan.ignored += 1
                }
            }
        }
        return plan
    }

    enum Decision { case read, pruned, ignored }

    /// What to do with one folder met while walking: list its level, list it whole, or skip it.
    enum FolderDecision { case descend, listWhole, pruned, ignored }

    /// What to do with one key.
    func decide(_ key: String) -> Decision {
        let components = key.split(separator: "/")
        guard let name = components.last else { return .ignored }
        if name.contains("CloudTrail-Digest") || components.contains("CloudTrail-Digest") || InputWalker.isS3HoundFile(String(name)) { return .ignored }
        if outsideScope(components) { return .pruned }
        if let layout {
            for depth in stride(from: components.count - 1, through: 1, by: -1) {
                if let span = DeliveryLayout.folderSpan(Array(components[0..<depth])) {
                    if layout.excludes(span) { return .pruned }
                    break
                }
            }
            if let delivered = DeliveryLayout.fileDeliveryTime(name), layout.excludesFile(deliveredAt: delivered) { return .pruned }
        }
        return .read
    }

    /// What to do with a folder (a prefix ending in `/`).
    func decide(folder: String) -> FolderDecision {
        let components = folder.split(separator: "/")
        if components.contains("CloudTrail-Digest") { return .ignored }
        if outsideScope(components) { return .pruned }
        if let layout, let span = DeliveryLayout.folderSpan(components) {
            if layout.excludes(span) { return .pruned }
            if span.end.millisecondsSinceEpoch - span.start.millisecondsSinceEpoch <= 86_400_000 { return .listWhole }
        }
        return .descend
    }

    /// Whether the path names an account or region not asked for: `AWSLogs/[o-org/]<account>/<service>/<region>/…`.
    private func outsideScope(_ components: [Substring]) -> Bool {
        guard !accounts.isEmpty || !regions.isEmpty, let logs = components.firstIndex(of: "AWSLogs") else { return false }
        var index = logs + 1
        if index < components.count, components[index].hasPrefix("o-") { index += 1 }
        if !accounts.isEmpty, index < components.count, !accounts.contains(String(components[index])) { return true }
        return !regions.isEmpty && index + 2 < components.count && !regions.contains(String(components[index + 2]))
    }

    /// Every object under the location that a walk does not rule out, and how many folders it skipped.
    private func objects(under location: S3Location,
                         source: any RemoteObjectSource) async throws -> (objects: [(key: String, size: Int64)], unlistedFolders: Int) {
        let walks = layout != nil || !accounts.isEmpty || !regions.isEmpty
        guard walks, location.prefix.isEmpty || location.prefix.hasSuffix("/") else {
            return (try await source.list(bucket: location.bucket, prefix: location.prefix), 0)
        }
        var objects: [(key: String, size: Int64)] = []
        var unlistedFolders = 0
        var listings = 0
        var wave: [(prefix: String, whole: Bool)] = [(location.prefix, false)]
        while !wave.isEmpty {
            let levels = try await list(wave, bucket: location.bucket, source: source)
            wave = []
            for level in levels {
                objects += level.objects
                listings += 1
                onListing?(listings, objects.count)
                for folder in level.folders {
                    switch decide(folder: folder) {
                    case .descend: wave.append((folder, false))
                    case .listWhole: wave.append((folder, true))
                    case .pruned: unlistedFolders += 1
                    case .ignored: break
                    }
                }
            }
        }
        return (objects, unlistedFolders)
    }

    /// Lists each prefix (a level, or whole), `concurrency` at a time.
    private func list(_ prefixes: [(prefix: String, whole: Bool)], bucket: String,
                      source: any RemoteObjectSource) async throws -> [RemoteLevel] {
        try await withThrowingTaskGroup(of: RemoteLevel.self) { group in
            var pending = prefixes.makeIterator()
            func addNext() -> Bool {
                guard let next = pending.next() else { return false }
                group.addTask {
                    next.whole ? (try await source.list(bucket: bucket, prefix: next.prefix), [])
                        : try await source.listLevel(bucket: bucket, prefix: next.prefix)
                }
                return true
            }
            var started = 0
            while started < max(1, concurrency), addNext() { started += 1 }
            var levels: [RemoteLevel] = []
            while let level = try await group.next() {
                levels.append(level)
                _ = addNext()
            }
            return levels
        }
    }
}
