import CertLintCore

/// Text with position markers: `⟨name⟩` marks a place and is removed; `markers[name]` is the
/// 1-based line and column the next character has in the cleaned text. Used to assert the
/// exact position readers report.
struct MarkedText {
    let text: String
    let markers: [String: (line: Int, column: Int)]

    init(_ marked: String) {
        var out = ""
        var markers: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        while let first = rest.first {
            if first == "⟨", let close = rest.firstIndex(of: "⟩") {
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                markers[name] = (line, column)
                rest = rest[rest.index(after: close)...]
                continue
            }
            out.append(first)
            if first == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            rest = rest.dropFirst()
        }
        text = out
        self.markers = markers
    }

    /// The location of marker `name` in `path`.
    func location(_ name: String, in path: String) -> SourceLocation? {
        markers[name].map { SourceLocation(path: path, line: $0.line, column: $0.column) }
    }
}
