import S3HoundCore
import S3HoundSources

/// Turns `s3://bucket/prefix` locations into the objects to read: lists them, skips digests and S3Hound's
/// own files, prunes by the delivery layout's date folders and file names (`--since/--until`) and keeps
/// only the accounts and regions asked for (`AWSLogs/[o-org/]<account>/<service>/<region>/…`).
public struct RemotePlanner: Sendable {
    /// Prunes by the delivery layout; nil keeps every date.
    public var layout: DeliveryLayout?
    /// Accounts to keep (empty: all).
    public var accounts: Set<String>
    /// Regions to keep (empty: all).
    public var regions: Set<String>

    /// Creates a planner.
    public init(layout: DeliveryLayout?, accounts: Set<String> = [], regions: Set<String> = []) {
        self.layout = layout; self.accounts = accounts; self.regions = regions
    }

    /// The objects to read, in key order, and what was skipped.
    public func plan(_ locations: [S3Location], source: any RemoteObjectSource) throws -> InputWalker.Plan {
        var plan = InputWalker.Plan()
        for location in locations {
            let objects = try BlockingAsync.run { try await source.list(bucket: location.bucket, prefix: location.prefix) }
            for object in objects.sorted(by: { $0.key < $1.key }) where !object.key.hasSuffix("/") {
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

    /// What to do with one key.
    func decide(_ key: String) -> Decision {
        let components = key.split(separator: "/")
        guard let name = components.last else { return .ignored }
        if name.contains("CloudTrail-Digest") || components.contains("CloudTrail-Digest") || InputWalker.isS3HoundFile(String(name)) { return .ignored }
        if !accounts.isEmpty || !regions.isEmpty, let logs = components.firstIndex(of: "AWSLogs") {
            var index = logs + 1
            if index < components.count, components[index].hasPrefix("o-") { index += 1 }
            if !accounts.isEmpty, index < components.count, !accounts.contains(String(components[index])) { return .pruned }
            // AWSLogs/<account>/<service>/<region>/…
            if !regions.isEmpty, index + 2 < components.count, !regions.contains(String(components[index + 2])) { return .pruned }
        }
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
}
