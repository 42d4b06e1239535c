import Foundation
import Testing

/// The mapping tables of docs/report-formats.md: per `## ` section, the field paths in the first
/// column of its tables, so tests can hold each format's output to its documentation.
struct FormatsDocument {
    /// Section title (`` `ocsf`: OCSF 1.1.0 Detection Finding ``) → documented paths.
    var sections: [String: Set<String>]

    static func load() throws -> FormatsDocument {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/report-formats.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var sections: [String: Set<String>] = [:]
        var current = ""
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("## ") { current = String(line.dropFirst(3)) }
            guard line.hasPrefix("| `"), let path = DocumentedSchema.codeSpans(line).first else { continue }
            sections[current, default: []].insert(path)
        }
        return FormatsDocument(sections: sections)
    }

    /// The paths of the section whose title starts with `` `name` ``.
    func paths(of name: String) -> Set<String> {
        sections.first { $0.key.hasPrefix("`\(name)`") }?.value ?? []
    }

    /// Every leaf path of a JSON value (`a.b[].c`); arrays of scalars and the objects at `maps`
    /// (free-form keys) end a path.
    static func leafPaths(_ value: Any, at path: String = "", maps: Set<String>) -> Set<String> {
        if let object = value as? [String: Any] {
            if maps.contains(path) { return [path] }
            var paths: Set<String> = []
            for (key, child) in object { paths.formUnion(leafPaths(child, at: path.isEmpty ? key : path + "." + key, maps: maps)) }
            return paths
        }
        if let array = value as? [Any] {
            let objects = array.filter { $0 is [String: Any] || $0 is [Any] }
            if objects.isEmpty { return [path] }
            return objects.reduce(into: Set<String>()) { $0.formUnion(leafPaths($1, at: path + "[]", maps: maps)) }
        }
        return [path]
    }
}

/// Decodes JSON lines.
func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}
