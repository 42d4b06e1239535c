import Foundation
import Testing
import S3HoundCore
import S3HoundDetections
@testable import S3HoundHunt

@Suite("Configuration file")
struct ConfigFileTests {
    @Test("the default written by config init parses to the built-in defaults")
    func defaultRoundTrip() throws {
        let config = try ConfigFile.parse(ConfigFile.defaultText, file: "s3hound.toml")
        #expect(config.detection == DetectionConfiguration())
        #expect(config.disabledDetections.isEmpty)
        #expect(config.suppressions.isEmpty)
        #expect(config.baselineSeconds == Int64(604_800))
        // Every threshold name appears in the default file.
        for name in ConfigFile.thresholdNames { #expect(ConfigFile.defaultText.contains("\n\(name) = "), "\(name) missing from the default") }
    }

    @Test("values map onto the detection configuration")
    func values() throws {
        let text = """
        [network]
        allowed_cidrs = ["203.0.113.0/24", "2001:db8::1"]
        [accounts]
        own = ["123456789012", "210987654321"]
        trusted = [
          "555555555555",  # DR
        ]
        [thresholds]
        bulk_objects = 2_500
        bulk_bytes = "500MB"
        bulk_window = "30m"
        baseline_multiplier = 4
        [detections]
        disabled = ["cloudtrail.new-user-agent"]
        [buckets.labels]
        "customer-records" = "pii"
        [[suppression]]
        detection = "cloudtrail.bulk-download"
        principal = "arn:aws:iam::123456789012:role/nightly-*"
        expires = 2026-12-31
        reason = "nightly backup"
        [[suppression]]
        bucket = "public-assets"
        reason = "public website"
        """
        let config = try ConfigFile.parse(text, file: "c.toml")
        #expect(config.detection.ownAccounts == ["123456789012", "210987654321"])
        #expect(config.detection.trustedAccounts == ["555555555555"])
        #expect(config.detection.bulkObjectThreshold == 2500)
        #expect(config.detection.bulkByteThreshold == 500 << 20)
        #expect(config.detection.bulkWindowSeconds == 1800)
        #expect(config.detection.baselineMultiplier == 4)
        #expect(config.disabledDetections == ["cloudtrail.new-user-agent"])
        #expect(config.bucketLabels == ["customer-records": "pii"])
        #expect(config.suppressions.count == 2)
        #expect(config.suppressions[0].source == "c.toml:17")
        #expect(config.detection.allowedNetworks.networks.map(\.description).count == 2)
        #expect(config.detection.allowedNetworks.match(IPAddressValue("203.0.113.77")!) != nil)
        #expect(config.suppressions[0].expires == EventTime(iso8601: "2027-01-01"))
    }

    @Test("unknown keys and bad values are errors that name the line", arguments: [
        ("[thresholds]\nbulk_object = 5\n", 2, "unknown threshold 'bulk_object'"),
        ("[thresholds]\n\nbulk_objects = \"many\"\n", 3, "must be a whole number"),
        ("[accounts]\nown = [\"12345\"]\n", 2, "not a 12-digit AWS account id"),
        ("[thresholds]\nbulk_window = \"soon\"\n", 2, "must be a duration"),
        ("[detections]\ndisabled = [\"cloudtrail.nope\"]\n", 2, "no detection has the id"),
        ("[[suppression]]\nreason = \"x\"\n", 1, "needs at least one of"),
        ("[[suppression]]\nbucket = \"b\"\n", 1, "needs a reason"),
        ("colour = blue\n", 1, "is not a value"),
        ("[thresholds\n", 1, "must end with ]"),
        ("[thresholds]\nbulk_objects = 1\nbulk_objects = 2\n", 3, "set twice"),
        ("speed = 3\n", 1, "unknown section or key 'speed'"),
        ("[network]\nallowed_cidrs = [\"10.0.0.0/33\"]\n", 2, "not an IP address or CIDR"),
    ])
    func errors(_ text: String, _ line: Int, _ message: String) {
        do {
            _ = try ConfigFile.parse(text, file: "bad.toml")
            Issue.record("expected an error")
        } catch let error as ConfigFile.LoadError {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("bad.toml:\(line): "))
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("suppressions match on every field given and stop at their expiry")
    func suppressionMatching() {
        let now = EventTime(iso8601: "2026-02-23T05:00:00Z")!
        let finding = Finding(detectionID: "cloudtrail.bulk-download", title: "t", severity: .high, techniques: [], principal: "arn:aws:iam::1:role/nightly-backup",
                              firstEvent: EventReference(time: now, eventID: "a"), lastEvent: EventReference(time: now, eventID: "b"), requestCount: 1,
                              buckets: ["customer-records": BucketImpact(requests: 1)], explanation: "")
        #expect(Suppression(principal: "arn:aws:iam::1:role/nightly-*", reason: "r").matches(finding, now: now))
        #expect(Suppression(detection: "cloudtrail.bulk-download", bucket: "customer-records", reason: "r").matches(finding, now: now))
        #expect(!Suppression(detection: "cloudtrail.bulk-download", bucket: "other", reason: "r").matches(finding, now: now))
        #expect(!Suppression(principal: "arn:aws:iam::1:role/nightly-*", expires: EventTime(iso8601: "2026-02-01"), reason: "r").matches(finding, now: now))
        #expect(!Suppression(principal: "*jane", reason: "r").matches(finding, now: now))
        #expect(Suppression.glob("a*c*e", "abcde") && !Suppression.glob("a*c", "abcd"))
    }
}
