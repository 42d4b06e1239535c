import Foundation
import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct HTMLReportTests {
    let page = HTMLReport.render(HTMLChromiumTests.twoIncidents, minimumSeverity: .medium)
    let hostile = HTMLReport.render(Fixtures.hostileReport())

    @Test func pageIsSelfContainedUnderAStrictPolicy() {
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.lowercased().contains("<link"))
        #expect(!page.lowercased().contains("@import"))
        #expect(!page.lowercased().contains("url("))
        for tag in HTMLScan.tags(page) {
            for (name, value) in tag.attributes where ["href", "src", "action", "xlink:href"].contains(name) {
                #expect(value.hasPrefix("#"), "<\(tag.name) \(name)=\(value)> points outside the page")
            }
        }
    }

    @Test func everyIncidentHasItsChartsTablesAndChecklist() {
        #expect(page.contains("<a href=\"#incident-INC-20260223-4f2a9c\">INC-20260223-4f2a9c</a> <span class=\"badge sev-critical\">Critical</span>"))
        #expect(page.contains("<section class=\"incident sev-critical\" id=\"incident-INC-20260223-4f2a9c\">"))
        #expect(page.contains("<section class=\"incident sev-high\" id=\"incident-INC-20260223-0c0ffe\">"))
        #expect(HTMLScan.count(page, "<svg class=\"chart activity\"") == 2)
        #expect(HTMLScan.count(page, "<svg class=\"chart buckets\"") == 2)
        #expect(HTMLScan.count(page, "<svg class=\"chart hours\"") == 2)
        for caption in ["Source IPs", "Buckets", "Sensitive data (Macie)", "GuardDuty findings", "Macie findings", "Traffic to outside addresses (VPC Flow Logs)"] {
            #expect(page.contains("<caption>\(SafeText.html(caption))</caption>"), "missing table \(caption)")
        }
        #expect(page.contains("<th>When</th><th>Source</th><th>What happened</th><th>Event</th>"))
        #expect(page.contains("<span class=\"source guardDuty\">GuardDuty</span>"))
        #expect(page.contains("<ol class=\"checklist\"><li><label><input type=\"checkbox\"> <span>Deactivate access key AKIA…WXYZ of developer-jane</span></label>"))
        #expect(page.contains("<h4>1. Bulk download of S3 objects — High</h4>"))
        #expect(page.contains("<dt>Sensitive data types</dt><dd>Personal information (PII): email address (9,872)"))
        #expect(!page.contains(Fixtures.janeKey))
        #expect(!page.contains("ASIAEXAMPLEKEY0001"))
    }

    @Test func chartsDrawTheIncidentAgainstTheUsual() {
        // 86 minutes of jane's burst: one bar per minute in each panel, and the usual rate as a dashed line.
        let jane = page.components(separatedBy: "id=\"incident-INC-20260223-0c0ffe\"")[0]
        let activity = jane.components(separatedBy: "<svg class=\"chart activity\"")[1].components(separatedBy: "</svg>")[0]
        #expect(HTMLScan.count(activity, "fill=\"#c62828\"><title>") == 86)
        #expect(HTMLScan.count(activity, "fill=\"#ef6c00\"><title>") == 86)
        #expect(HTMLScan.count(activity, "class=\"usual\"") == 2)
        #expect(activity.contains(">usual 2.4</text>"))
        #expect(activity.contains(">Requests per minute</text>"))
        #expect(activity.contains("<title>02:53 UTC: 159 requests</title>"))
        let hours = jane.components(separatedBy: "<svg class=\"chart hours\"")[1].components(separatedBy: "</svg>")[0]
        #expect(HTMLScan.count(hours, "<rect ") == 48)
        #expect(HTMLScan.count(hours, "stroke=\"#111111\"") == 3, "02, 03 and 04 UTC are new for jane")
        #expect(hours.contains("<title>This incident, 03:00 UTC: 8,991 requests (never in the baseline)</title>"))
        let buckets = jane.components(separatedBy: "<svg class=\"chart buckets\"")[1].components(separatedBy: "</svg>")[0]
        #expect(buckets.contains(">customer-records [pii]</text>"))
        #expect(HTMLScan.count(buckets, "fill=\"#6a1b9a\"><title>") == 2)
    }

    @Test func hostileValuesAreTextNotMarkup() {
        let tags = HTMLScan.tags(hostile)
        #expect(tags.count > 500)
        #expect(HTMLScan.unexpected(tags).isEmpty, "elements or attributes the report never writes: \(HTMLScan.unexpected(tags))")
        #expect(hostile.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&gt;&lt;svg onload=alert(2)&gt;&amp;amp;"))
        #expect(hostile.contains("pii&quot; onmouseover=&quot;alert(4)"))
        #expect(hostile.contains("<span class=\"source other\">guardDuty&quot; onclick=&quot;alert(5)</span>"))
        #expect(hostile.contains("\\u{202e}evil \\u{1b}]0;title\\u{7}"))
        for scalar in hostile.unicodeScalars where scalar != "\n" {
            #expect(!repaintsTerminal(scalar), "raw U+\(String(scalar.value, radix: 16))")
        }
        #expect(!hostile.contains(Fixtures.janeKey))
    }

    @Test func noIncidentsPageSaysSo() {
        let empty = HTMLReport.render(Fixtures.emptyReport(), minimumSeverity: .high)
        #expect(empty.contains("<section class=\"none\">\n<h2>No incidents at or above high</h2>"))
        #expect(!empty.contains("<nav"))
        #expect(!empty.contains("<svg"))
    }
}

/// A small HTML tag scanner for tests: start tags with their attributes, quoted values respected.
enum HTMLScan {
    struct Tag {
        var name: String
        var attributes: [(String, String)]
    }

    /// The elements the report writes.
    static let allowedTags: Set<String> = ["html", "head", "meta", "title", "style", "body", "header", "nav", "main", "section", "footer",
                                           "h1", "h2", "h3", "h4", "dl", "dt", "dd", "ul", "ol", "li", "p", "a", "span", "strong", "div",
                                           "table", "caption", "thead", "tbody", "tr", "th", "td", "pre", "code", "label", "input",
                                           "figure", "figcaption", "svg", "g", "rect", "line", "text", "!doctype"]
    /// The attributes it writes (`html` is the doctype's word).
    static let allowedAttributes: Set<String> = ["lang", "charset", "http-equiv", "content", "name", "class", "id", "href", "aria-label", "role",
                                                 "viewbox", "x", "y", "x1", "y1", "x2", "y2", "width", "height", "fill", "stroke", "stroke-width",
                                                 "stroke-dasharray", "text-anchor", "type", "html"]

    /// `<name attribute>` for every element or attribute outside the allowed sets.
    static func unexpected(_ tags: [Tag]) -> [String] {
        tags.flatMap { tag -> [String] in
            var found = allowedTags.contains(tag.name) ? [] : ["<\(tag.name)>"]
            found += tag.attributes.map(\.0).filter { !allowedAttributes.contains($0) }.map { "<\(tag.name) \($0)>" }
            return found
        }
    }

    static func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Every start tag outside `<style>` content, in order.
    static func tags(_ html: String) -> [Tag] {
        let chars = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var index = 0
        var inStyle = false
        while index < chars.count {
            guard chars[index] == "<" else { index += 1; continue }
            if inStyle {
                if String(String.UnicodeScalarView(chars[index..<min(chars.count, index + 8)])).lowercased() == "</style>" { inStyle = false }
                index += 1
                continue
            }
            index += 1
            if index < chars.count, chars[index] == "/" { while index < chars.count, chars[index] != ">" { index += 1 }; continue }
            var name = ""
            while index < chars.count, !" \n\t>/".unicodeScalars.contains(chars[index]) { name.unicodeScalars.append(chars[index]); index += 1 }
            var attributes: [(String, String)] = []
            while index < chars.count, chars[index] != ">" {
                if " \n\t/".unicodeScalars.contains(chars[index]) { index += 1; continue }
                var attribute = ""
                while index < chars.count, !" \n\t=>/".unicodeScalars.contains(chars[index]) { attribute.unicodeScalars.append(chars[index]); index += 1 }
                var value = ""
                if index < chars.count, chars[index] == "=" {
                    index += 1
                    let quote = chars[index]
                    if quote == "\"" || quote == "'" {
                        index += 1
                        while index < chars.count, chars[index] != quote { value.unicodeScalars.append(chars[index]); index += 1 }
                        index += 1
                    } else {
                        while index < chars.count, !" \n\t>".unicodeScalars.contains(chars[index]) { value.unicodeScalars.append(chars[index]); index += 1 }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
            }
            index += 1
            let lower = name.lowercased()
            if lower == "style" { inStyle = true }
            tags.append(Tag(name: lower, attributes: attributes))
        }
        return tags
    }
}
