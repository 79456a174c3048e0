import Testing

@testable import CertLintReport

/// The escaping functions, one table per format.
@Suite struct EscapeTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("100% sure", "100%25 sure"),
        ("a\nb", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab"),
        ("a\u{2028}b\u{85}c", "a%0Ab%0Ac"),
        ("%0A is not a newline", "%250A is not a newline"),
        ("keep: colons, commas", "keep: colons, commas"),
        ("für <&\"'>", "für <&\"'>"),
        ("esc\u{1B}[31m", "esc\\u{1B}[31m"),
        ("::error::forged", "::error::forged"),
    ])
    func gitHubMessage(input: String, expected: String) {
        #expect(Escape.gitHubMessage(input) == expected)
    }

    @Test(arguments: [
        ("deploy/nginx.conf", "deploy/nginx.conf"),
        ("a,b:c", "a%2Cb%3Ac"),
        ("100%", "100%25"),
        ("x\ny\rz", "x%0Ay%0Dz"),
        ("certlint: server-eku", "certlint%3A server-eku"),
        ("my site/ü.pem", "my site/ü.pem"),
    ])
    func gitHubProperty(input: String, expected: String) {
        #expect(Escape.gitHubProperty(input) == expected)
    }

    @Test(arguments: [
        ("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d"),
        ("\"quoted\" 'single'", "\"quoted\" 'single'"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
        ("cr\r", "cr&#13;"),
        ("nul\u{0}bell\u{7}", "nul\\u{0}bell\\u{7}"),
        ("\u{FFFE}", "\\u{FFFE}"),
        ("bücher ✓ 🔒", "bücher ✓ 🔒"),
        ("]]>", "]]&gt;"),
    ])
    func xmlText(input: String, expected: String) {
        #expect(Escape.xmlText(input) == expected)
    }

    @Test(arguments: [
        ("<&\"'>", "&lt;&amp;&quot;&apos;&gt;"),
        ("a\nb\rc\td", "a&#10;b&#13;c&#9;d"),
        ("esc\u{1B}", "esc\\u{1B}"),
        ("ü", "ü"),
    ])
    func xmlAttribute(input: String, expected: String) {
        #expect(Escape.xmlAttribute(input) == expected)
    }

    @Test(arguments: [
        ("certs/a-b_c.d~e.pem", "certs/a-b_c.d~e.pem"),
        ("my cert.pem", "my%20cert.pem"),
        ("a:b", "a%3Ab"),
        ("100%.pem", "100%25.pem"),
        ("q?x#y", "q%3Fx%23y"),
        ("bücher", "b%C3%BCcher"),
        ("🔒", "%F0%9F%94%92"),
        ("back\\slash", "back%5Cslash"),
        ("a+b&c=d", "a%2Bb%26c%3Dd"),
    ])
    func uriPath(input: String, expected: String) {
        #expect(Escape.uriPath(input) == expected)
    }

    @Test(arguments: [
        ("plain text", "plain text"),
        ("a\nb", "a b"),
        ("a\r\nb", "a b"),
        ("a\rb", "a b"),
        ("a\n\nb", "a  b"),
        ("a\u{2028}b\u{85}c", "a b c"),
        ("tab\tkept", "tab\tkept"),
        ("\u{1B}[2J", "\\u{1B}[2J"),
        ("\u{7F}\u{9B}", "\\u{7F}\\u{9B}"),
        ("abc\u{202E}fed", "abc\\u{202E}fed"),
        ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
        ("für „bücher“", "für „bücher“"),
    ])
    func terminalLine(input: String, expected: String) {
        #expect(Escape.terminalLine(input) == expected)
    }

    @Test func visibleControlsKeepsLineBreaks() {
        #expect(Escape.visibleControls("a\r\nb\u{0}\u{85}") == "a\r\nb\\u{0}\u{85}")
    }
}

/// Markdown escaping for SARIF `help.markdown`.
@Suite struct MarkdownEscapeTests {
    @Test(arguments: [
        ("Reissue it (serverAuth).", "Reissue it (serverAuth)."),
        ("<control> & \"quote\"", "\\<control\\> \\& \"quote\""),
        ("*.example.org or _x_", "\\*.example.org or \\_x\\_"),
        ("`code` [link](u) # | ~ \\", "\\`code\\` \\[link\\](u) \\# \\| \\~ \\\\"),
        ("für", "für"),
    ])
    func markdown(input: String, expected: String) {
        #expect(Escape.markdown(input) == expected)
    }
}
