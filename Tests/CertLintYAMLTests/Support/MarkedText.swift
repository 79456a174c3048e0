import CertLintYAML

/// YAML text with position markers, after swift-format's `MarkedText`: the circled digits
/// `①`…`⑳` mark places in the text and are removed from it; `self[n]` is where marker `n`
/// stood, as a ``YAMLPosition`` of the text without markers (lines after LF, CR or CRLF;
/// columns in Unicode scalars; offsets in UTF-8 bytes).
struct MarkedText {
    /// The text without its markers.
    let text: String
    private var positions: [Int: YAMLPosition] = [:]

    init(_ marked: String) {
        var text = ""
        var line = 1
        var column = 1
        var offset = 0
        var previousWasCR = false
        for scalar in marked.unicodeScalars {
            if (0x2460...0x2473).contains(scalar.value) {
                positions[Int(scalar.value - 0x2460) + 1] = YAMLPosition(line: line, column: column, offset: offset)
                continue
            }
            text.unicodeScalars.append(scalar)
            offset += String(scalar).utf8.count
            switch scalar {
            case "\n":
                if !previousWasCR { line += 1 }
                column = 1
            case "\r":
                line += 1
                column = 1
            default:
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        self.text = text
    }

    /// Where marker `n` stood; line 0 when the text has no such marker (so that a test
    /// comparing with it fails visibly).
    subscript(_ n: Int) -> YAMLPosition {
        positions[n] ?? YAMLPosition(line: 0, column: 0, offset: -1)
    }
}
