import CertLintCore

/// Splits HAProxy configuration text (and crt-list files) into lines of words, as HAProxy's
/// `parse_line` does.
///
/// ```
/// line    = *WSP [ word *( 1*WSP word ) ] *WSP [ comment ]
/// word    = 1*( plain / DQUOTE *( escape / not-DQUOTE ) DQUOTE / "'" *not-"'" "'" )
/// escape  = "\" ( SP / "#" / "\" / "'" / DQUOTE / "r" / "n" / "t" / "x" 2HEXDIG / CHAR )
/// comment = "#" *CHAR                      ; outside quotes, not escaped
/// ```
///
/// Quoted parts join the text around them into one word (`a"b c"d` is `ab cd`); single quotes
/// take everything literally; a line never continues onto the next. A quote left open is
/// reported (HAProxy refuses it) and the word runs to the end of the line.
enum HAProxyLexer {
    /// The words of one line that has any.
    struct Line: Sendable, Hashable {
        /// The words.
        var words: [HAProxyWord]
    }

    /// The lines of `text` that hold words (at most `maxWords` words in all), and the problems.
    static func lines(_ text: String, path: String, maxWords: Int) -> (lines: [Line], problems: [ManifestProblem]) {
        let bytes = Array(text.utf8)
        var lines: [Line] = []
        var problems: [ManifestProblem] = []
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var lineNumber = 1
        var wordCount = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let words = self.words(bytes[index..<end], line: lineNumber, path: path, problems: &problems)
            if !words.isEmpty {
                wordCount += words.count
                if wordCount > maxWords {
                    problems.append(
                        ManifestProblem(
                            location: SourceLocation(path: path, line: lineNumber, column: 1),
                            message: "This file has more than \(maxWords) words; the rest of it is not read."))
                    break
                }
                lines.append(Line(words: words))
            }
            index = end + 1
            lineNumber += 1
        }
        return (lines, problems)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// A place in one line: the byte index and its column.
    private struct Cursor {
        let line: ArraySlice<UInt8>
        var i: Int
        var column = 1

        init(_ line: ArraySlice<UInt8>) {
            self.line = line
            i = line.startIndex
        }

        var atEnd: Bool { i >= line.endIndex }
        var byte: UInt8 { line[i] }
        var hasNext: Bool { i + 1 < line.endIndex }

        mutating func step() {
            if line[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
    }

    private static func words(_ line: ArraySlice<UInt8>, line number: Int, path: String, problems: inout [ManifestProblem]) -> [HAProxyWord] {
        var words: [HAProxyWord] = []
        var cursor = Cursor(line)
        while !cursor.atEnd {
            while !cursor.atEnd, isBlank(cursor.byte) { cursor.step() }
            guard !cursor.atEnd, cursor.byte != UInt8(ascii: "#") else { break }
            let startColumn = cursor.column
            var text: [UInt8] = []
            var quote: UInt8?
            var quoteColumn = 0
            while !cursor.atEnd {
                let byte = cursor.byte
                if let open = quote {
                    if byte == open {
                        quote = nil
                        cursor.step()
                    } else if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), cursor.hasNext {
                        cursor.step()
                        appendEscape(&text, &cursor)
                    } else {
                        text.append(byte)
                        cursor.step()
                    }
                    continue
                }
                if isBlank(byte) || byte == UInt8(ascii: "#") { break }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                    quoteColumn = cursor.column
                    cursor.step()
                } else if byte == UInt8(ascii: "\\"), cursor.hasNext {
                    cursor.step()
                    appendEscape(&text, &cursor)
                } else {
                    text.append(byte)
                    cursor.step()
                }
            }
            if quote != nil {
                problems.append(
                    ManifestProblem(
                        location: SourceLocation(path: path, line: number, column: quoteColumn),
                        message: "This quote is never closed on its line; HAProxy refuses the line."))
                // The word ran to the end of the line; drop a CR that ended it.
                if text.last == 0x0D { text.removeLast() }
            }
            words.append(HAProxyWord(text: String(decoding: text, as: UTF8.self), line: number, column: startColumn))
        }
        return words
    }

    /// Appends the character an escape stands for; the cursor is just after the backslash.
    private static func appendEscape(_ text: inout [UInt8], _ cursor: inout Cursor) {
        let next = cursor.byte
        switch next {
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "x"):
            let i = cursor.i
            if i + 2 < cursor.line.endIndex, let high = hexValue(cursor.line[i + 1]), let low = hexValue(cursor.line[i + 2]) {
                text.append(high << 4 | low)
                cursor.step()
                cursor.step()
            } else {
                text.append(next)
            }
        default: text.append(next)
        }
        cursor.step()
    }
}
