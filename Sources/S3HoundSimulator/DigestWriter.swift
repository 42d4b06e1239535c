import S3HoundSources

/// Writes CloudTrail digest files: one per region and day, chained to the previous one. Hashes and
/// signatures are random placeholders of the right shape (hunts ignore digests; nothing verifies them).
struct DigestWriter {
    /// The trail whose digests are written.
    static let trailName = "management-trail"
    /// The bucket the trail delivers to.
    static let trailBucket = "org-cloudtrail-logs"

    let output: FileOutput
    let account: String
    let seed: UInt64
    let compressionLevel: Int32
    private(set) var written: [String] = []
    private var previous: [Region: (path: String, end: Int64)] = [:]

    init(output: FileOutput, account: String, seed: UInt64, compressionLevel: Int32) {
        self.output = output; self.account = account; self.seed = seed; self.compressionLevel = compressionLevel
    }

    /// Writes the region's digest for the day, listing the log files of that day.
    mutating func write(region: Region, dayStart: Int64, files: [WrittenFile]) throws {
        var random = SimulationRandom(seed: seed, stream: "digest", Int64(region.rawValue), dayStart)
        let end = dayStart + 86_400 + Int64(random.int(in: 900...2700))
        let stamp = CivilFields(end)
        let folder = "AWSLogs/\(account)/CloudTrail-Digest/\(region.name)/\(stamp.folder)"
        let path = "\(folder)/\(account)_CloudTrail-Digest_\(region.name)_\(DigestWriter.trailName)_\(region.name)_\(stamp.secondStamp).json.gz"
        let link = previous[region]
        var keyRandom = SimulationRandom(seed: seed, stream: "digest-key")
        var out = JSONOutput()
        out.literal("{"); out.field("awsAccountId", account, first: true)
        out.literal(",\"digestStartTime\":"); out.quotedTime(link?.end ?? dayStart)
        out.literal(",\"digestEndTime\":"); out.quotedTime(end)
        out.field("digestS3Bucket", DigestWriter.trailBucket); out.field("digestS3Object", path)
        out.field("digestPublicKeyFingerprint", keyRandom.string(32, from: lowerHex))
        out.field("digestSignatureAlgorithm", "SHA256withRSA")
        out.literal(",\"newestEventTime\":"); out.quotedTime(files.map(\.newest).max()!)
        out.literal(",\"oldestEventTime\":"); out.quotedTime(files.map(\.oldest).min()!)
        out.optionalField("previousDigestS3Bucket", link == nil ? nil : DigestWriter.trailBucket)
        out.optionalField("previousDigestS3Object", link?.path)
        out.optionalField("previousDigestHashValue", link == nil ? nil : random.string(64, from: lowerHex))
        out.optionalField("previousDigestHashAlgorithm", link == nil ? nil : "SHA-256")
        out.optionalField("previousDigestSignature", link == nil ? nil : random.string(512, from: lowerHex))
        out.literal(",\"logFiles\":[")
        for (index, file) in files.enumerated() {
            out.literal(index == 0 ? "{" : ",{")
            out.field("s3Bucket", DigestWriter.trailBucket, first: true); out.field("s3Object", file.path)
            out.field("hashValue", random.string(64, from: lowerHex)); out.field("hashAlgorithm", "SHA-256")
            out.literal(",\"newestEventTime\":"); out.quotedTime(file.newest)
            out.literal(",\"oldestEventTime\":"); out.quotedTime(file.oldest); out.literal("}")
        }
        out.literal("]}")
        try output.createFolder(folder)
        try output.write(path, try GzipEncoder.compress(out.bytes, level: compressionLevel))
        written.append(path)
        previous[region] = (path, end)
    }
}
