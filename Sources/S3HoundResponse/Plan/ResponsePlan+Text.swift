import S3HoundCore

extension ResponsePlan {
    /// The plan for a terminal: a header, each change with a diff of its state, the notes, and a count.
    /// Names from AWS are made terminal-safe; access keys appear masked.
    public var text: String {
        var lines = [SafeText.terminal(title)]
        var context: [String] = []
        if let account { context.append("account \(account)") }
        context.append("region \(region)")
        if let caller { context.append("acting as \(caller)") }
        lines.append(SafeText.terminal(context.joined(separator: ", ")))
        var number = 0
        for change in changes {
            lines.append("")
            if change.isChange {
                number += 1
                lines.append("\(number). \(SafeText.terminal(change.target.displayName)): \(SafeText.terminal(change.summary))")
                lines += Self.stateLines(change).map { "     " + $0 }
            } else {
                lines.append("   \(SafeText.terminal(change.target.displayName)): no change, \(SafeText.terminal(change.summary))")
            }
            for warning in change.warnings { lines.append("     ! " + SafeText.terminal(warning)) }
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append("Notes:")
            lines += notes.map { "  - " + SafeText.terminal($0) }
        }
        lines.append("")
        let pending = pendingChanges.count, kept = changes.count - pending
        lines.append("\(pending) change\(pending == 1 ? "" : "s")" + (kept > 0 ? ", \(kept) already in place." : "."))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Status: Active → Inactive` for small flat states, else a line diff of the pretty-printed JSON.
    static func stateLines(_ change: PlannedChange) -> [String] {
        if let inline = inlineStates(change.before, change.after) { return inline }
        var lines: [String] = []
        if change.before == nil { lines.append("(none now)") }
        if change.after == nil { lines.append("(removed)") }
        let diff = LineDiff.lines(from: change.before?.prettyLines ?? [], to: change.after?.prettyLines ?? [])
        return lines + LineDiff.render(diff)
    }

    private static func scalarText(_ value: JSONValue) -> String { value.stringValue ?? value.compactText }

    /// Flat objects of at most three scalar members show as `key: old → new`.
    private static func inlineStates(_ before: JSONValue?, _ after: JSONValue?) -> [String]? {
        func flat(_ value: JSONValue?) -> [String: JSONValue]? {
            guard let value else { return [:] }
            guard let members = value.objectValue, members.count <= 3, members.values.allSatisfy(\.isScalar) else { return nil }
            return members
        }
        guard let old = flat(before), let new = flat(after), !(old.isEmpty && new.isEmpty) else { return nil }
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let from = old[key].map(Self.scalarText) ?? "(none)", to = new[key].map(Self.scalarText) ?? "(none)"
            return from == to ? nil : "\(key): \(from) → \(to)"
        }
    }
}
