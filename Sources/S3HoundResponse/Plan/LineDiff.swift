/// A line diff of two texts (longest common subsequence), for showing what a change does to a document.
public enum LineDiff {
    /// One line of a diff.
    public enum Line: Sendable, Hashable {
        /// In both texts.
        case same(String)
        /// Only in the old text.
        case removed(String)
        /// Only in the new text.
        case added(String)
    }

    /// The lines of `old` and `new`, in order, with removals before additions where lines were replaced.
    public static func lines(from old: [String], to new: [String]) -> [Line] {
        let n = old.count, m = new.count
        // suffix[i][j]: length of the LCS of old[i...] and new[j...].
        var suffix = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                suffix[i][j] = old[i] == new[j] ? suffix[i + 1][j + 1] + 1 : max(suffix[i + 1][j], suffix[i][j + 1])
            }
        }
        var out: [Line] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                out.append(.same(old[i])); i += 1; j += 1
            } else if j == m || (i < n && suffix[i + 1][j] >= suffix[i][j + 1]) {
                out.append(.removed(old[i])); i += 1
            } else {
                out.append(.added(new[j])); j += 1
            }
        }
        return out
    }

    /// The diff as text: `- ` and `+ ` before changed lines, two spaces before kept ones; runs of more than
    /// `context` × 2 + 1 unchanged lines are folded to their first and last `context` lines.
    public static func render(_ lines: [Line], indent: String = "", context: Int = 4) -> [String] {
        var out: [String] = []
        var run: [String] = []
        func flush(atEnd: Bool, atStart: Bool) {
            let keepHead = atStart ? 0 : context, keepTail = atEnd ? 0 : context
            if run.count > keepHead + keepTail + 1 {
                out += run.prefix(keepHead).map { indent + "  " + $0 }
                out.append(indent + "  … \(run.count - keepHead - keepTail) unchanged line\(run.count - keepHead - keepTail == 1 ? "" : "s")")
                out += run.suffix(keepTail).map { indent + "  " + $0 }
            } else {
                out += run.map { indent + "  " + $0 }
            }
            run = []
        }
        var seenChange = false
        for line in lines {
            switch line {
            case .same(let text):
                run.append(text)
            case .removed(let text):
                flush(atEnd: false, atStart: !seenChange && out.isEmpty)
                seenChange = true
                out.append(indent + "- " + text)
            case .added(let text):
                flush(atEnd: false, atStart: !seenChange && out.isEmpty)
                seenChange = true
                out.append(indent + "+ " + text)
            }
        }
        if !run.isEmpty { flush(atEnd: true, atStart: !seenChange) }
        return out
    }
}
