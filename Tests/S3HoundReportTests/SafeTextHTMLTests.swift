import S3HoundCore
import Testing
@testable import S3HoundReport

@Suite struct SafeTextHTMLTests {
    @Test(arguments: [
        ("</script><img src=x onerror=alert(1)>", "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("x\" onmouseover=\"alert(1)", "x&quot; onmouseover=&quot;alert(1)"),
        ("it's", "it&#39;s"),
        ("a & b &amp; c", "a &amp; b &amp;amp; c"),
        ("\u{1B}[31mred\u{07}", "\\u{1b}[31mred\\u{7}"),
        ("abc\u{202E}gpj.exe", "abc\\u{202e}gpj.exe"),
        ("\u{2066}isolate\u{2069}", "\\u{2066}isolate\\u{2069}"),
        ("line\nbreak\r\u{0}", "line\\u{a}break\\u{d}\\u{0}"),
        ("AKIA…WXYZ ünïcode 日本", "AKIA…WXYZ ünïcode 日本"),
    ])
    func escapesMarkupQuotesAndInvisibles(_ input: String, _ expected: String) {
        #expect(SafeText.html(input) == expected)
    }

    @Test func escapedTextHasNoMarkupCharacters() {
        let hostile = Fixtures.hostileMarkup + Fixtures.hostileAttribute + Fixtures.hostileBucket + Fixtures.hostileUserAgent
        let escaped = SafeText.html(hostile)
        for character in ["<", ">", "\"", "'"] { #expect(!escaped.contains(character)) }
        #expect(escaped.unicodeScalars.allSatisfy { !repaintsTerminal($0) })
    }
}

/// Control characters (C0, DEL, C1), bidirectional controls and line/paragraph separators: what
/// `SafeText.terminal` makes visible.
func repaintsTerminal(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
        || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
}
