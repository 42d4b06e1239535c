import Foundation
import Testing
import S3HoundBaseline
import S3HoundCore
import S3HoundSimulator

@Suite("Baselines and configuration through the command", .serialized)
struct BaselineCommandTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("s3hound-\(UUID().uuidString)-\(name)").path
    }

    /// Detection ids in the reported incidents of a JSON report.
    static func detections(_ json: String) throws -> Set<String> {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let incidents = try #require(object["incidents"] as? [[String: Any]])
        return Set(incidents.flatMap { ($0["detectionIDs"] as? [String]) ?? [] })
    }

    @Test("day one: learn last week's logs, then hunt only today's dump against them")
    func dayOne() throws {
        let scenario = Scenarios.bulkDownload
        let truth = try #require(scenario.truth.attack)
        let store = Self.temporaryPath("baseline.sqlite")
        defer { try? FileManager.default.removeItem(atPath: store) }
        let learn = try CLI.run(["baseline", "learn", scenario.directory, "--state", store, "--until", "2026-02-23"])
        #expect(learn.status == 0, "\(learn.stderr)")
        #expect(learn.stderr.contains("learned"))
        // Learning the same files again adds nothing.
        let again = try CLI.run(["baseline", "learn", scenario.directory, "--state", store, "--until", "2026-02-23"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("0 principals updated") || again.stderr.contains("already"), "\(again.stderr)")

        let show = try CLI.run(["baseline", "show", truth.principal, "--state", store, "--format", "json"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("203.0.113.10"))
        #expect(!show.stdout.contains(truth.sourceIP))
        #expect(!show.stdout.contains(truth.accessKeyId))

        // Today's dump alone: no history in it, so without the store only absolute judgements apply.
        let today = scenario.directory + "/AWSLogs/123456789012/CloudTrail/us-east-1/2026/02/23"
        let alone = try CLI.run(["hunt", today, "--format", "json", "--no-state", "--fail-on", "none"])
        let aloneIDs = try Self.detections(alone.stdout)
        #expect(aloneIDs.contains("cloudtrail.bulk-download"))
        #expect(!aloneIDs.contains("cloudtrail.new-source-ip"))
        let judged = try CLI.run(["hunt", today, "--format", "json", "--state", store, "--fail-on", "none"])
        #expect(judged.status == 0, "\(judged.stderr)")
        let judgedIDs = try Self.detections(judged.stdout)
        #expect(judgedIDs.isSuperset(of: ["cloudtrail.bulk-download", "cloudtrail.new-source-ip", "cloudtrail.unusual-hour"]))
        #expect(judged.stdout.contains(truth.sourceIP))
    }

    @Test("hunt --learn creates the store after the hunt; a broken store is a clear error")
    func learnFlag() throws {
        let store = Self.temporaryPath("learned.sqlite")
        defer { try? FileManager.default.removeItem(atPath: store) }
        let hunt = try CLI.run(["hunt", Scenarios.benign.directory, "--state", store, "--learn"])
        #expect(hunt.status == 0, "\(hunt.stderr)")
        #expect(hunt.stderr.contains("learned"))
        #expect(FileManager.default.fileExists(atPath: store))
        let notAStore = Self.temporaryPath("junk.sqlite")
        defer { try? FileManager.default.removeItem(atPath: notAStore) }
        try Data("hello".utf8).write(to: URL(fileURLWithPath: notAStore))
        let broken = try CLI.run(["hunt", Scenarios.benign.directory, "--state", notAStore])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(notAStore))
        #expect(try String(contentsOfFile: notAStore, encoding: .utf8) == "hello")
        let missing = try CLI.run(["hunt", Scenarios.benign.directory, "--state", Self.temporaryPath("none.sqlite")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("baseline learn"))
    }

    @Test("hunt --learn builds the same store partitioned (histories built partition by partition) as unpartitioned and as baseline learn")
    func learnPartitioned() throws {
        let directory = Scenarios.bulkDownload.directory
        var stores: [String] = []
        defer { for store in stores { try? FileManager.default.removeItem(atPath: store) } }
        for partitions in ["1", "3"] {
            let store = Self.temporaryPath("learned-\(partitions).sqlite")
            stores.append(store)
            let hunt = try CLI.run(["hunt", directory, "--state", store, "--learn", "--partitions", partitions, "--format", "json", "--fail-on", "none"])
            #expect(hunt.status == 0, "\(hunt.stderr)")
            #expect(hunt.stderr.contains("learned"))
            #expect(partitions == "1" || hunt.stdout.contains("partitions of principals"))
        }
        let learned = Self.temporaryPath("learned-command.sqlite")
        stores.append(learned)
        #expect(try CLI.run(["baseline", "learn", directory, "--state", learned]).status == 0)
        let opened = try stores.map { try BaselineStore(path: $0) }
        let principals = try opened[0].fetchPrincipals()
        #expect(principals.count >= 5)
        for store in opened.dropFirst() { #expect(try store.fetchPrincipals() == principals) }
        for principal in principals {
            let histories = try opened.map { try $0.history(for: principal) }
            #expect(histories[0] != nil)
            #expect(histories[1] == histories[0], "\(principal): 3 partitions")
            #expect(histories[2] == histories[0], "\(principal): baseline learn")
        }
    }

    @Test("config init writes a file that hunt accepts; errors name the line; flags win over the file")
    func configFile() throws {
        let path = Self.temporaryPath("s3hound.toml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try CLI.run(["config", "init", "--output", path]).status == 0)
        #expect(try CLI.run(["config", "init", "--output", path]).status == 2, "must not overwrite")
        #expect(try CLI.run(["config", "check", path]).status == 0)

        // Raise the bulk floor in the file: the bulk finding disappears; the flag brings it back.
        try (String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "bulk_objects = 1000", with: "bulk_objects = 100000")
             .replacingOccurrences(of: "bulk_bytes = \"1GiB\"", with: "bulk_bytes = \"1TiB\""))
            .write(toFile: path, atomically: true, encoding: .utf8)
        let raised = try CLI.run(["hunt", Scenarios.bulkDownload.directory, "--config", path, "--format", "json", "--no-state", "--fail-on", "none"])
        #expect(raised.status == 0, "\(raised.stderr)")
        #expect(!(try Self.detections(raised.stdout)).contains("cloudtrail.bulk-download"))
        let flag = try CLI.run(["hunt", Scenarios.bulkDownload.directory, "--config", path, "--bulk-objects", "1000", "--format", "json", "--no-state", "--fail-on", "none"])
        #expect(try Self.detections(flag.stdout).contains("cloudtrail.bulk-download"))

        let bad = Self.temporaryPath("bad.toml")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        try "[thresholds]\nbulk_objects = 10\nbulk_objets = 5\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let rejected = try CLI.run(["hunt", Scenarios.benign.directory, "--config", bad])
        #expect(rejected.status == 2)
        #expect(rejected.stderr.contains("bad.toml:3: unknown threshold 'bulk_objets'"))
    }

    @Test("a suppression in the configuration silences a finding until it expires")
    func suppression() throws {
        let truth = try #require(Scenarios.bulkDownload.truth.attack)
        let path = Self.temporaryPath("suppress.toml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
        [[suppression]]
        principal = "\(truth.principal)"
        reason = "red-team exercise, ticket SEC-42"
        expires = 2099-01-01
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["hunt", Scenarios.bulkDownload.directory, "--config", path, "--format", "json", "--no-state"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.detections(result.stdout).isEmpty)
        #expect(result.stdout.contains("suppressed by configuration"))
    }
}
