/// One item of an incident's containment checklist: what to do, why, and the commands that do it.
public struct ContainmentStep: Hashable, Sendable {
    /// What to do, as a checklist item (`Deactivate access key AKIA…WXYZ of developer-jane`).
    public var title: String
    /// Why this step matters for this incident, and what to check before running it.
    public var why: String
    /// Shell commands (AWS CLI), in order; values from logs are already shell-quoted and
    /// terminal-safe; lines starting with `#` are comments. Empty for a manual step.
    public var commands: [String]

    /// The title with its input values marked, for escaping per output.
    let titleText: Prose
    /// The reason with its input values marked.
    let whyText: Prose

    /// Creates a step from plain text (all of it treated as untrusted when rendered).
    public init(title: String, why: String, commands: [String]) {
        self.init(.untrusted(title), why: .untrusted(why), commands: commands)
    }

    /// Creates a step from prose whose input values are marked.
    init(_ title: Prose, why: Prose, commands: [String]) {
        self.title = title.plain
        self.why = why.plain
        self.commands = commands
        self.titleText = title
        self.whyText = why
    }
}
