/// The sections of an AWS CLI INI file (`~/.aws/credentials` or `~/.aws/config`).
public struct AWSConfigFile: Sendable, Equatable {
    /// Settings by section name (`default`, `profile dev`, `dev`…), keys lowercased.
    public var sections: [String: [String: String]]

    /// Parses INI text: `[section]`, `key = value`, `#`/`;` comments; indented sub-settings are skipped.
    public init(text: String) {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") && line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                    .joined(separator: " ")
                current = name
                sections[name, default: [:]] = sections[name] ?? [:]
                continue
            }
            guard let section = current, rawLine.first?.isWhitespace != true,
                  let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            sections[section, default: [:]][key] = value
        }
        self.sections = sections
    }
}
