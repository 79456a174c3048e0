import CertLintCore

/// An HAProxy crt-list file: one certificate per line, with the TLS options and the SNI
/// filters that select it.
///
/// ```
/// line    = path [ 1*WSP "[" options "]" ] *( 1*WSP filter ) [ comment ]
/// filter  = [ "!" ] sni-name                  ; "!" excludes a name
/// ```
///
/// The options are those of a `bind` line (`verify`, `ca-file`, `alpn`…); positive filters are
/// the hostnames the certificate is served for (wildcards kept).
enum HAProxyCrtList {
    /// One line of a crt-list.
    struct Entry: Sendable, Hashable {
        /// The certificate path as written, where the usage is reported.
        var path: HAProxyWord
        /// The options in brackets.
        var options: HAProxyOptions
        /// Whether the line has options in brackets.
        var hasOptions: Bool
        /// The positive SNI filters.
        var hostnames: [String]
    }

    /// The entries of the crt-list `text` at `path` (at most `maxEntries`), and the problems.
    static func entries(_ text: String, path: String, maxEntries: Int) -> (entries: [Entry], problems: [ManifestProblem]) {
        let lexed = HAProxyLexer.lines(text, path: path, maxWords: maxEntries * 8)
        let lines = lexed.lines
        var problems = lexed.problems
        var entries: [Entry] = []
        for line in lines.prefix(maxEntries) {
            guard let certificate = line.words.first else { continue }
            var rest = line.words.dropFirst()
            var options = HAProxyOptions()
            var hasOptions = false
            if let open = rest.first, open.text.hasPrefix("[") {
                hasOptions = true
                var inside: [HAProxyWord] = []
                var closed = false
                while let word = rest.first {
                    rest = rest.dropFirst()
                    var cleaned = word
                    if inside.isEmpty, cleaned.text.hasPrefix("[") {
                        cleaned.text.removeFirst()
                        cleaned.column += 1
                    }
                    if cleaned.text.hasSuffix("]") {
                        cleaned.text.removeLast()
                        closed = true
                    }
                    if !cleaned.text.isEmpty { inside.append(cleaned) }
                    if closed { break }
                }
                if !closed {
                    problems.append(
                        ManifestProblem(
                            location: SourceLocation(path: path, line: open.line, column: open.column),
                            message: "This \"[\" of crt-list options is never closed by \"]\"; HAProxy refuses the line."))
                }
                options = HAProxyOptions.parse(inside[...], path: path, problems: &problems)
            }
            let hostnames = rest.map(\.text).filter { !$0.isEmpty && !$0.hasPrefix("!") }
            entries.append(Entry(path: certificate, options: options, hasOptions: hasOptions, hostnames: hostnames))
        }
        if lines.count > maxEntries, let first = lines[maxEntries].words.first {
            problems.append(
                ManifestProblem(
                    location: SourceLocation(path: path, line: first.line, column: first.column),
                    message: "This crt-list has more than \(maxEntries) entries; the rest are not read."))
        }
        return (entries, problems)
    }
}
