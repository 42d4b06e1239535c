import Foundation
import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct JSONReportTests {
    static func decode(_ report: HuntReport, minimumSeverity: Severity? = .medium) throws -> [String: Any] {
        let text = try JSONReport.render(report, minimumSeverity: minimumSeverity)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static var bothIncidents: HuntReport {
        HuntReport(incidents: [Fixtures.janeIncident(), Fixtures.roleCopyIncident()], summary: Fixtures.summary())
    }

    @Test func seedIncidentFields() throws {
        let json = try Self.decode(Fixtures.seedReport())
        #expect(json["schema"] as? String == "s3hound.hunt.v1")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["investigationDate"] as? String == "2026-02-23")
        #expect(summary["generatedAt"] as? String == "2026-02-23T05:00:00Z")
        #expect(summary["minimumSeverity"] as? String == "medium")
        let incident = try #require((json["incidents"] as? [[String: Any]])?.first)
        #expect(incident["id"] as? String == "INC-20260223-4f2a9c")
        #expect(incident["severity"] as? String == "critical")
        #expect(incident["accessKeys"] as? [String] == ["AKIA…WXYZ"])
        #expect(incident["accessKeyIds"] == nil)
        let first = try #require(incident["firstEvent"] as? [String: Any])
        #expect(first["time"] as? String == "2026-02-23T02:47:12Z")
        let impact = try #require(incident["impact"] as? [String: Any])
        #expect((impact["objectsRead"] as? NSNumber)?.intValue == 12_847)
        #expect((impact["bytesOut"] as? NSNumber)?.int64Value == Fixtures.totalBytes)
        #expect(impact["bytesOutText"] as? String == "4.7 GB")
        #expect(impact["sensitiveDataTypes"] as? [String] == ["EMAIL_ADDRESS", "USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER"])
        #expect(impact["macieSeverity"] as? String == "Critical")
        let buckets = try #require(impact["buckets"] as? [[String: Any]])
        #expect(buckets.compactMap { $0["name"] as? String } == ["sensitive-data-bucket", "customer-records", "finance-exports"])
        let containment = try #require(incident["containment"] as? [[String: Any]])
        #expect(containment.first?["title"] as? String == "Deactivate access key AKIA…WXYZ of developer-jane")
        #expect((containment.first?["commands"] as? [String])?.first?.contains("ends_with(AccessKeyId,'WXYZ')") == true)
    }

    @Test func storyTimelineAndSensitiveData() throws {
        let json = try Self.decode(Self.bothIncidents)
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        let timeline = try #require(incidents[0]["timeline"] as? [[String: Any]])
        #expect(timeline.compactMap { $0["source"] as? String } == ["macie", "cloudTrail", "cloudTrail", "cloudTrail", "cloudTrail", "cloudTrail", "guardDuty", "s3hound"])
        #expect(timeline.compactMap { $0["kind"] as? String } == ["macie", "first-anomalous-request", "burst", "finding", "finding", "last-request", "guardduty", "report"])
        let impact = try #require(incidents[0]["impact"] as? [String: Any])
        let sensitive = try #require(impact["sensitiveData"] as? [[String: Any]])
        #expect(sensitive.compactMap { $0["bucket"] as? String } == ["customer-records", "finance-exports"])
        #expect(sensitive[0]["label"] as? String == "pii")
        #expect((sensitive[0]["types"] as? [[String: Any]])?.first?["type"] as? String == "EMAIL_ADDRESS")
        let story = try #require(incidents[1]["story"] as? [String: Any])
        #expect(story["sources"] as? [String] == ["cloudTrail", "vpcFlowLogs", "guardDuty", "macie"])
        #expect(story["instances"] as? [String] == ["i-0abc"])
        #expect((story["minutes"] as? [Any])?.count == 16)
        #expect(((story["usualPerMinute"] as? [String: Any])?["requests"] as? NSNumber)?.doubleValue == 0.4)
        #expect(((story["hours"] as? [String: Any])?["incident"] as? [Int])?.count == 24)
        let egress = try #require((story["egress"] as? [[String: Any]])?.first)
        #expect(egress["bytesText"] as? String == "1.1 GB")
        let services = try #require(story["serviceFindings"] as? [[String: Any]])
        #expect(services.compactMap { $0["service"] as? String } == ["guardDuty", "macie"])
        #expect(services[0]["accessKey"] as? String == "ASIA…0001")
        #expect(services[0]["severity"] as? String == "high")
    }

    @Test func withoutMacieSensitiveDataIsNullNotEmpty() throws {
        let plain = try Self.decode(HuntReport(incidents: [Fixtures.janeIncident(story: false)], summary: Fixtures.summary()))
        let impact = try #require((plain["incidents"] as? [[String: Any]])?.first?["impact"] as? [String: Any])
        #expect(impact["sensitiveDataTypes"] is NSNull)
        #expect(impact["macieSeverity"] is NSNull)
        #expect((impact["sensitiveData"] as? [Any])?.isEmpty == true)
        var assessed = Fixtures.janeIncident(story: false)
        assessed.story.sources = ["cloudTrail", "macie"]
        let none = try Self.decode(HuntReport(incidents: [assessed], summary: Fixtures.summary()))
        let noneImpact = try #require((none["incidents"] as? [[String: Any]])?.first?["impact"] as? [String: Any])
        #expect(noneImpact["sensitiveDataTypes"] as? [String] == [])
        let story = try #require((plain["incidents"] as? [[String: Any]])?.first?["story"] as? [String: Any])
        #expect(story["usualPerMinute"] is NSNull && story["hours"] is NSNull)
        #expect(story["sources"] as? [String] == ["cloudTrail"])
    }

    @Test func keysAreSortedAndFullKeyAbsent() throws {
        let text = try JSONReport.render(Fixtures.seedReport())
        #expect(!text.contains(Fixtures.janeKey))
        let incidents = try #require(text.range(of: "\"incidents\""))
        let schema = try #require(text.range(of: "\"schema\""))
        let summary = try #require(text.range(of: "\"summary\""))
        #expect(incidents.lowerBound < schema.lowerBound && schema.lowerBound < summary.lowerBound)
    }

    @Test func hostileStringsAreEscapedButExact() throws {
        let text = try JSONReport.render(Fixtures.hostileReport())
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{202E}"))
        #expect(text.contains("\\u202e"))
        let json = try Self.decode(Fixtures.hostileReport())
        let incident = try #require((json["incidents"] as? [[String: Any]])?.first)
        let finding = try #require((incident["findings"] as? [[String: Any]])?.first)
        #expect((finding["evidence"] as? [String: String])?["userAgent"] == Fixtures.hostileUserAgent)
        let buckets = try #require((incident["impact"] as? [String: Any])?["buckets"] as? [[String: Any]])
        #expect(buckets.contains { $0["name"] as? String == Fixtures.hostileBucket })
    }

    @Test func emptyReportHasNoIncidents() throws {
        let json = try Self.decode(Fixtures.emptyReport())
        #expect((json["incidents"] as? [Any])?.isEmpty == true)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect((summary["incidentCount"] as? NSNumber)?.intValue == 0)
        #expect((summary["incidentsBelowThreshold"] as? NSNumber)?.intValue == 2)
    }

    // MARK: - The documented schema is the contract

    @Test func outputMatchesDocumentedFieldsExactly() throws {
        let schema = try DocumentedSchema.load()
        let json = try Self.decode(Self.bothIncidents)
        try schema.check(json)
        #expect(schema.sections.count >= 12)
    }

    @Test func documentedExampleMatchesTheSchema() throws {
        let schema = try DocumentedSchema.load()
        let example = try #require(try JSONSerialization.jsonObject(with: Data(schema.example.utf8)) as? [String: Any])
        #expect(example["schema"] as? String == JSONReport.schema)
        try schema.check(example)
    }
}

/// The field tables of docs/report-json.md: per heading, the JSON paths it describes and their fields.
struct DocumentedSchema {
    struct Section {
        var paths: [String]
        var fields: [String: String]
    }

    var sections: [Section]
    var example: String

    /// Free-form maps: documented as a field of type object, their keys are data, not schema.
    static let maps: Set<String> = ["$.summary.findingsBySeverity", "$.incidents[].findings[].evidence"]

    static func load() throws -> DocumentedSchema {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/report-json.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var sections: [Section] = []
        var example = ""
        var inExample = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if inExample {
                if line.hasPrefix("```") { inExample = false } else { example += line + "\n" }
            } else if line.hasPrefix("```json"), example.isEmpty {
                inExample = true
            } else if line.hasPrefix("### ") {
                let paths = codeSpans(line).filter { $0.hasPrefix("$") }
                sections.append(Section(paths: paths, fields: [:]))
            } else if line.hasPrefix("| `"), !sections.isEmpty {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                if let name = codeSpans(cells[0]).first, cells.count > 1 { sections[sections.count - 1].fields[name] = cells[1] }
            }
        }
        return DocumentedSchema(sections: sections.filter { !$0.paths.isEmpty }, example: example)
    }

    /// Every object at every documented path has exactly the documented fields, of the documented
    /// type; every object in the document sits at a documented path.
    func check(_ json: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) throws {
        var documentedPaths: Set<String> = Self.maps
        for section in sections {
            var resolvedAny = false
            for path in section.paths {
                documentedPaths.insert(path)
                for object in Self.resolve(path, in: json) {
                    resolvedAny = true
                    #expect(Set(object.keys) == Set(section.fields.keys), "fields of \(path)", sourceLocation: sourceLocation)
                    for (name, type) in section.fields {
                        guard let value = object[name] else { continue }
                        #expect(Self.matches(value, type), "\(path).\(name) is not \(type)", sourceLocation: sourceLocation)
                    }
                }
            }
            #expect(resolvedAny, "no object found for \(section.paths)", sourceLocation: sourceLocation)
        }
        for path in Self.objectPaths(json, at: "$") {
            #expect(documentedPaths.contains(path), "undocumented object \(path)", sourceLocation: sourceLocation)
        }
    }

    static func codeSpans(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// Objects at a path like `$.incidents[].impact.buckets[]` (`[]` means every element).
    static func resolve(_ path: String, in root: [String: Any]) -> [[String: Any]] {
        var current: [Any] = [root]
        for part in path.split(separator: ".").dropFirst() {
            let isArray = part.hasSuffix("[]")
            let name = isArray ? String(part.dropLast(2)) : String(part)
            current = current.compactMap { ($0 as? [String: Any])?[name] }
            if isArray { current = current.flatMap { $0 as? [Any] ?? [] } }
        }
        return current.compactMap { $0 as? [String: Any] }
    }

    /// The path of every object in a document.
    static func objectPaths(_ value: Any, at path: String) -> Set<String> {
        var paths: Set<String> = []
        if let object = value as? [String: Any] {
            paths.insert(path)
            guard !maps.contains(path) else { return paths }
            for (key, child) in object { paths.formUnion(objectPaths(child, at: path + "." + key)) }
        } else if let array = value as? [Any] {
            for element in array { paths.formUnion(objectPaths(element, at: path + "[]")) }
        }
        return paths
    }

    /// Loose type check of a JSON value against a documented type (`string`, `integer or null`, …).
    static func matches(_ value: Any, _ type: String) -> Bool {
        let type = type.lowercased()
        if value is NSNull { return type.contains("null") }
        if value is String { return type.hasPrefix("string") }
        if value is [Any] { return type.hasPrefix("array") }
        if value is [String: Any] { return type.hasPrefix("object") }
        return type.hasPrefix("integer") || type.hasPrefix("number") || type.hasPrefix("boolean")
    }
}
