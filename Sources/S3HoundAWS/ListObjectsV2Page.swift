import Foundation
import S3HoundCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One page of a ListObjectsV2 response.
public struct ListObjectsV2Page: Sendable, Equatable {
    /// The objects on this page.
    public var objects: [S3Object]
    /// Whether more pages follow.
    public var isTruncated: Bool
    /// The token for the next page, when truncated.
    public var nextContinuationToken: String?
    /// With a delimiter: the "folders" on this page, each a prefix ending in the delimiter.
    public var commonPrefixes: [String]

    /// Parses the `ListBucketResult` XML; throws when it is not XML.
    public init(xml: Data) throws {
        let reader = ListObjectsV2Reader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        guard parser.parse() else {
            throw AWSError(api: "S3.ListObjectsV2", statusCode: 200, code: "MalformedResponse",
                           message: "the ListBucketResult XML did not parse: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        objects = reader.objects
        isTruncated = reader.isTruncated
        nextContinuationToken = reader.nextContinuationToken
        commonPrefixes = reader.commonPrefixes
    }
}

/// The `XMLParser` delegate behind `ListObjectsV2Page`.
private final class ListObjectsV2Reader: NSObject, XMLParserDelegate {
    var objects: [S3Object] = []
    var isTruncated = false
    var nextContinuationToken: String?
    var commonPrefixes: [String] = []
    private var fields: [String: String]?
    private var inCommonPrefixes = false
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if elementName == "Contents" { fields = [:] }
        if elementName == "CommonPrefixes" { inCommonPrefixes = true }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "Contents":
            if let fields, let key = fields["Key"] {
                let eTag = (fields["ETag"] ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                objects.append(S3Object(key: key, size: Int64(fields["Size"] ?? "") ?? 0,
                                        lastModified: fields["LastModified"].flatMap(Self.date), eTag: eTag))
            }
            fields = nil
        case "CommonPrefixes": inCommonPrefixes = false
        case "Prefix" where inCommonPrefixes: commonPrefixes.append(text)
        case "IsTruncated" where fields == nil: isTruncated = text == "true"
        case "NextContinuationToken" where fields == nil: nextContinuationToken = text
        default: fields?[elementName] = text
        }
    }

    /// Parses S3's ISO 8601 timestamps, with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        EventTime(iso8601: text)?.date
    }
}
