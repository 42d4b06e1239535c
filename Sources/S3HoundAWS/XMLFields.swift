import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Pulls the text of the first element with each wanted name out of an XML document.
final class XMLFields: NSObject, XMLParserDelegate {
    private let wanted: Set<String>
    private var values: [String: String] = [:]
    private var current: String?
    private var text = ""

    private init(wanted: Set<String>) { self.wanted = wanted }

    /// The first text value of each named element (names without namespace prefix).
    static func firstValues(in data: Data, named names: Set<String>) -> [String: String] {
        let collector = XMLFields(wanted: names)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.values
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if wanted.contains(elementName), values[elementName] == nil {
            current = elementName
            text = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if current != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == current {
            values[elementName] = text
            current = nil
        }
    }
}
