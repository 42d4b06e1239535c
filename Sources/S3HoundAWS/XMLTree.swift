import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element read whole: its name (without namespace prefix), its own text and its child elements.
///
/// AWS Query and REST-XML responses are small, so a tree is simpler than a streaming reader; S3 listings,
/// which can be large, keep their own streaming reader (`ListObjectsV2Page`).
struct XMLTree: Sendable, Equatable {
    /// The element name without namespace prefix, e.g. `GetUserResult`.
    var name: String
    /// The element's own character data, untrimmed (entities and CDATA resolved).
    var text: String
    /// The child elements, in document order.
    var children: [XMLTree]

    init(name: String, text: String = "", children: [XMLTree] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// Parses a document; the message of the error says what XMLParser objected to.
    static func parse(_ data: Data) throws -> XMLTree {
        let builder = XMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XMLTreeError(message: parser.parserError.map { "\($0)" } ?? "not an XML document")
        }
        return root
    }

    /// The first child element with this name.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Every child element with this name.
    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The element at a `/`-separated path of child names, e.g. `User/Arn`.
    func element(_ path: String) -> XMLTree? {
        var node: XMLTree? = self
        for part in path.split(separator: "/") { node = node?.child(String(part)) }
        return node
    }

    /// The text at a path, or nil when the element is absent.
    func value(_ path: String) -> String? { element(path)?.text }

    /// The items of a list: the children named `item` (`member` in Query, `item` in EC2) of the element at `path`.
    func list(_ path: String, item: String) -> [XMLTree] { element(path)?.children(item) ?? [] }

    /// The first element with this name anywhere below (depth first), or self.
    func first(named name: String) -> XMLTree? {
        if self.name == name { return self }
        for child in children { if let found = child.first(named: name) { return found } }
        return nil
    }
}

/// An XML body that did not parse.
struct XMLTreeError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The `XMLParser` delegate that builds an `XMLTree`.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    private var stack: [XMLTree] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
        stack.append(XMLTree(name: local))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let finished = stack.popLast() else { return }
        if stack.isEmpty { root = finished } else { stack[stack.count - 1].children.append(finished) }
    }
}
