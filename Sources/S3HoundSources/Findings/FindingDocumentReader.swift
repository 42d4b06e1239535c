import Foundation
import S3HoundCore

/// Cuts a findings document into findings — a `{"Findings":[…]}` wrapper, a JSON array, one object, or JSON
/// lines — decides for each whether it is a GuardDuty or Macie finding (bare or in an EventBridge envelope),
/// maps it, and keeps or skips it by the options. Problems are collected, never thrown.
struct FindingDocumentReader {
    private let document: [UInt8]
    private let options: ServiceFindingParser.Options
    private var outcome = ServiceFindingParser.Outcome()

    private init(_ document: [UInt8], options: ServiceFindingParser.Options) {
        self.document = document; self.options = options
    }

    static func read(_ document: [UInt8], options: ServiceFindingParser.Options) -> ServiceFindingParser.Outcome {
        var reader = FindingDocumentReader(document, options: options)
        reader.readDocument()
        return reader.outcome
    }

    /// Parses JSON text with Foundation; nil when it is not valid JSON.
    static func jsonValue(_ bytes: [UInt8]) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(bytes), options: [])
    }

    // MARK: - Layouts

    private mutating func readDocument() {
        var start = 0
        if document.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < document.count, Self.isSpace(document[start]) { start += 1 }
        guard start < document.count else { return }
        let lines = Self.lines(of: document, from: start)
        // JSON lines when the first line is a whole object and more follows (skips parsing the whole file twice).
        if lines.count > 1, let first = lines.first, Self.isWholeObjectLine(document[first]),
           Self.parse(document[first]).value is [String: Any] {
            readLines(lines)
            return
        }
        let parsed = Self.parse(document[start...])
        if let value = parsed.value {
            readTopLevel(value, index: nil, byteOffset: nil)
        } else if lines.count > 1, lines.contains(where: { Self.isWholeObjectLine(document[$0]) && Self.parse(document[$0]).value != nil }) {
            readLines(lines)
        } else {
            let error = parsed.error ?? (reason: "unreadable", offset: nil, atEnd: false)
            let truncated = error.atEnd ? "; the file looks truncated" : ""
            outcome.failures.append(FindingParseFailure(
                byteOffset: error.offset.map { start + $0 },
                reason: "The findings document is not valid JSON (\(error.reason))\(truncated), so none of its findings could be read"))
        }
    }

    private mutating func readLines(_ lines: [Range<Int>]) {
        var lineNumber = 1
        var countedTo = 0
        for (position, line) in lines.enumerated() {
            let parsed = Self.parse(document[line])
            guard let value = parsed.value else {
                lineNumber += document[countedTo..<line.lowerBound].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                countedTo = line.lowerBound
                let error = parsed.error ?? (reason: "unreadable", offset: nil, atEnd: false)
                let truncated = error.atEnd ? "; the line looks truncated" : ""
                outcome.failures.append(FindingParseFailure(
                    index: position, byteOffset: line.lowerBound + (error.offset ?? 0),
                    reason: "Line \(lineNumber) is not valid JSON (\(error.reason))\(truncated)"))
                continue
            }
            readTopLevel(value, index: position, byteOffset: line.lowerBound)
        }
    }

    /// A parsed document or line: a findings wrapper, a list (of findings, events or wrappers), or one item.
    /// `index` is the line's position in JSON-lines mode, and then names every finding on that line.
    private mutating func readTopLevel(_ value: Any, index: Int?, byteOffset: Int?) {
        if let list = value as? [Any] {
            var ordinal = 0
            for item in list {
                if let findings = Self.wrappedFindings(item) {
                    for finding in findings {
                        readItem(finding, index: index ?? ordinal, byteOffset: byteOffset, wrapped: true)
                        ordinal += 1
                    }
                } else {
                    readItem(item, index: index ?? ordinal, byteOffset: byteOffset, wrapped: false)
                    ordinal += 1
                }
            }
        } else if let findings = Self.wrappedFindings(value) {
            for (position, item) in findings.enumerated() {
                readItem(item, index: index ?? position, byteOffset: byteOffset, wrapped: true)
            }
        } else if value is [String: Any] {
            readItem(value, index: index ?? 0, byteOffset: byteOffset, wrapped: false)
        } else {
            outcome.failures.append(FindingParseFailure(index: index, byteOffset: byteOffset,
                reason: "Expected a findings object or list but found \(FindingJSON.describe(value))"))
        }
    }

    /// The list in a `{"Findings":[…]}` / `{"findings":[…]}` wrapper (`get-findings` output), else nil.
    private static func wrappedFindings(_ value: Any) -> [Any]? {
        guard let object = value as? [String: Any] else { return nil }
        let json = FindingJSON(object, notes: FindingNotes())
        guard !json.has("detail") else { return nil }
        return json.raw("findings") as? [Any]
    }

    // MARK: - One finding

    private mutating func readItem(_ item: Any, index: Int, byteOffset: Int?, wrapped: Bool) {
        guard let fields = item as? [String: Any] else {
            outcome.failures.append(FindingParseFailure(index: index, byteOffset: byteOffset,
                reason: "Entry \(index) is \(FindingJSON.describe(item)), not a finding object"))
            return
        }
        let notes = FindingNotes()
        var json = FindingJSON(fields, notes: notes)
        var defaults = FindingEnvelopeDefaults.none
        let service: ServiceFinding.Service
        let kind: FindingsDocumentKind
        if let envelope = Self.envelope(json) {
            guard let envelopeService = envelope.service else {
                outcome.failures.append(FindingParseFailure(index: index, byteOffset: byteOffset,
                    reason: "EventBridge event \(FindingJSON.excerpt(envelope.detailType)) is not a GuardDuty or Macie finding"))
                return
            }
            service = envelopeService
            kind = service == .guardDuty ? .guardDutyEventBridge : .macieEventBridge
            defaults = envelope.defaults
            json = FindingJSON(envelope.detail, notes: notes)
        } else if let bare = Self.service(of: json) {
            service = bare
            kind = service == .guardDuty ? (wrapped ? .guardDutyGetFindings : .guardDutyExport) : .macieGetFindings
        } else {
            outcome.failures.append(FindingParseFailure(index: index, byteOffset: byteOffset,
                reason: "Entry \(index) is neither a GuardDuty finding (no `service` or `resource`) nor a Macie finding (no `resourcesAffected`)"))
            return
        }
        if outcome.kind == nil { outcome.kind = kind }
        let label = service == .guardDuty ? "GuardDuty" : "Macie"
        let mapped: ServiceFinding
        do {
            mapped = service == .guardDuty ? try GuardDutyFindingMapper.map(json, defaults: defaults)
                                           : try MacieFindingMapper.map(json, defaults: defaults)
        } catch let error as FindingMappingError {
            let id = (json.raw("id") as? String).map { " \(FindingJSON.excerpt($0))" } ?? ""
            outcome.failures.append(FindingParseFailure(index: index, byteOffset: byteOffset,
                reason: "\(label) finding\(id): \(error.reason)"))
            appendNotes(notes, index: index, byteOffset: byteOffset)
            return
        } catch {
            outcome.failures.append(FindingParseFailure(index: index, byteOffset: byteOffset, reason: "\(label) finding: \(error)"))
            return
        }
        appendNotes(notes, index: index, byteOffset: byteOffset)
        if mapped.sample && !options.includeSamples {
            outcome.skippedSamples += 1
        } else if mapped.archived && !options.includeArchived {
            outcome.skippedArchived += 1
        } else {
            outcome.findings.append(mapped)
        }
    }

    private mutating func appendNotes(_ notes: FindingNotes, index: Int, byteOffset: Int?) {
        for note in notes.notes {
            outcome.notes.append(FindingParseFailure(index: index, byteOffset: byteOffset, reason: note))
        }
    }

    // MARK: - Recognising findings

    /// An EventBridge envelope: `detail` is an object and `detail-type` or `source` is set.
    private static func envelope(_ json: FindingJSON) -> (service: ServiceFinding.Service?, detailType: String, detail: [String: Any], defaults: FindingEnvelopeDefaults)? {
        guard let detail = json.raw("detail") as? [String: Any] else { return nil }
        let detailType = (json.raw("detail-type") as? String) ?? (json.raw("detailType") as? String) ?? ""
        let source = (json.raw("source") as? String) ?? ""
        guard !detailType.isEmpty || !source.isEmpty else { return nil }
        var service: ServiceFinding.Service?
        switch (detailType.lowercased(), source.lowercased()) {
        case ("guardduty finding", _), ("", "aws.guardduty"): service = .guardDuty
        case ("macie finding", _), ("", "aws.macie"): service = .macie
        default: service = nil
        }
        let defaults = FindingEnvelopeDefaults(accountId: json.raw("account") as? String, region: json.raw("region") as? String)
        return (service, detailType.isEmpty ? source : detailType, detail, defaults)
    }

    /// Which service wrote a bare finding, from the fields only one of them has.
    static func service(of json: FindingJSON) -> ServiceFinding.Service? {
        if ["resourcesAffected", "classificationDetails", "policyDetails", "category"].contains(where: json.has) { return .macie }
        if json.raw("severity") is [String: Any] { return .macie }
        if ["service", "resource"].contains(where: json.has) { return .guardDuty }
        if let type = json.raw("type") as? String {
            if type.hasPrefix("SensitiveData:") || type.hasPrefix("Policy:IAMUser/S3") { return .macie }
            if json.has("id"), type.contains(":"), type.contains("/") { return .guardDuty }
        }
        return nil
    }

    // MARK: - Bytes

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Ranges of the non-blank lines from `start`, trimmed of surrounding whitespace.
    private static func lines(of bytes: [UInt8], from start: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = start
        var position = start
        while position <= bytes.count {
            if position == bytes.count || bytes[position] == 0x0A {
                var lower = lineStart
                var upper = position
                while lower < upper, isSpace(bytes[lower]) { lower += 1 }
                while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
                if lower < upper { result.append(lower..<upper) }
                lineStart = position + 1
            }
            position += 1
        }
        return result
    }

    private static func isWholeObjectLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.first == UInt8(ascii: "{") && line.last == UInt8(ascii: "}")
    }

    /// Parses a slice; on failure, the reason and the offset in the slice Foundation reported, if any.
    private static func parse(_ bytes: ArraySlice<UInt8>) -> (value: Any?, error: (reason: String, offset: Int?, atEnd: Bool)?) {
        do {
            return (try JSONSerialization.jsonObject(with: Data(bytes), options: []), nil)
        } catch {
            let info = (error as NSError).userInfo
            let reason = (info[NSDebugDescriptionErrorKey] as? String) ?? (error as NSError).localizedDescription
            let trimmedReason = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
            var offset = info["NSJSONSerializationErrorIndex"] as? Int
            if offset == nil, let marker = reason.range(of: "around character ") {
                offset = Int(reason[marker.upperBound...].prefix { $0.isNumber })
            }
            let atEnd = reason.localizedCaseInsensitiveContains("end of file") || reason.localizedCaseInsensitiveContains("end of data")
                || offset.map { $0 >= bytes.count - 1 } ?? false
            if atEnd, offset == nil { offset = bytes.count }
            return (nil, (trimmedReason, offset, atEnd))
        }
    }
}
