import S3HoundCore

/// POSIX shell quoting for values that came from logs (user names, bucket names, ARNs).
///
/// A single-quoted word is taken literally by every POSIX shell: no `$(…)`, backtick, glob or
/// variable expansion happens inside it. The only character that needs care is `'` itself,
/// written as `'\''` (close, escaped quote, reopen).
public enum ShellQuote {
    /// The value as one literal shell word: `it's` → `'it'\''s'`.
    public static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The value made terminal-safe (control and bidi characters shown as `\u{…}`), then quoted:
    /// the form every containment command uses, so a printed command can neither run attacker text
    /// nor repaint the screen it is printed on.
    public static func argument(_ value: String) -> String {
        quote(SafeText.terminal(value))
    }

    /// A name for a local file derived from a value: characters other than letters, digits, `.`,
    /// `-` and `_` become `_`, and a leading dot is replaced, so the name cannot climb directories.
    public static func fileName(_ value: String) -> String {
        var name = String(value.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return Character(scalar)
            default: return "_"
            }
        })
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : name
    }
}
