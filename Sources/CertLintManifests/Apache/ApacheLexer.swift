import CertLintCore

/// Splits Apache httpd configuration text into logical lines of words, as httpd's config
/// reader (`ap_cfg_getline`, `ap_getword_conf`) does.
///
/// ```
/// config       = *( logical-line LF )
/// logical-line = *( physical-line-ending-in-"\" LF ) physical-line
/// line         = *WSP ( comment / directive / section-open / section-close / "" )
/// comment      = "#" *CHAR                    ; only as the first thing on a line
/// directive    = name *( 1*WSP word )
/// word         = DQUOTE *( "\" DQUOTE / CHAR ) DQUOTE / "'" … "'" / 1*not-WSP
/// ```
///
/// A backslash that is the last thing on a line (trailing blanks allowed) joins the next line
/// to it, comments included, as httpd does; CR LF and LF both end a line. A quote left open
/// ends at the end of its logical line (httpd takes the rest of the line silently; certlint
/// says so). Every word keeps the position of its first character in the file.
enum ApacheLexer {
    /// One logical line: its words, the first being the directive name or section tag.
    struct Line: Sendable, Hashable {
        /// The words.
        var words: [ApacheWord]
    }

    /// The logical lines of `text` (at most `maxWords` words in all) and the problems found.
    static func lines(_ text: String, path: String, maxWords: Int) -> (lines: [Line], problems: [ManifestProblem]) {
        let bytes = Array(text.utf8)
        var lines: [Line] = []
        var problems: [ManifestProblem] = []
        var wordCount = 0
        // The logical line being assembled: its bytes and each byte's line and column.
        var buffer: [UInt8] = []
        var positions: [(line: Int32, column: Int32)] = []
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var lineNumber = 1
        while index < bytes.count || !buffer.isEmpty {
            // One physical line: [index, end).
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > index, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var trimmedEnd = contentEnd
            while trimmedEnd > index, bytes[trimmedEnd - 1] == 0x20 || bytes[trimmedEnd - 1] == 0x09 { trimmedEnd -= 1 }
            let continues = trimmedEnd > index && bytes[trimmedEnd - 1] == UInt8(ascii: "\\") && end < bytes.count
            let segmentEnd = continues ? trimmedEnd - 1 : contentEnd
            var column: Int32 = 1
            var i = index
            while i < segmentEnd {
                buffer.append(bytes[i])
                positions.append((Int32(truncatingIfNeeded: lineNumber), column))
                // Only lead bytes start a character; words start at lead bytes.
                if bytes[i] & 0xC0 != 0x80 { column &+= 1 }
                i += 1
            }
            index = end < bytes.count ? end + 1 : end
            lineNumber += 1
            if continues { continue }
            if let line = words(buffer, positions: positions, path: path, problems: &problems) {
                wordCount += line.words.count
                if wordCount > maxWords {
                    let first = line.words.first
                    problems.append(
                        ManifestProblem(
                            location: SourceLocation(path: path, line: first?.line ?? 1, column: first?.column ?? 1),
                            message: "This file has more than \(maxWords) words; the rest of it is not read."))
                    return (lines, problems)
                }
                lines.append(line)
            }
            buffer.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            if index >= bytes.count { break }
        }
        return (lines, problems)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C }

    /// The words of one logical line, or `nil` for a blank line or a comment.
    private static func words(
        _ buffer: [UInt8], positions: [(line: Int32, column: Int32)], path: String, problems: inout [ManifestProblem]
    ) -> Line? {
        var i = 0
        while i < buffer.count, isBlank(buffer[i]) { i += 1 }
        guard i < buffer.count, buffer[i] != UInt8(ascii: "#") else { return nil }
        var words: [ApacheWord] = []
        while i < buffer.count {
            while i < buffer.count, isBlank(buffer[i]) { i += 1 }
            guard i < buffer.count else { break }
            let start = i
            let line = Int(positions[start].line)
            let column = Int(positions[start].column)
            let byte = buffer[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                i += 1
                var text: [UInt8] = []
                var closed = false
                while i < buffer.count {
                    if buffer[i] == UInt8(ascii: "\\"), i + 1 < buffer.count, buffer[i + 1] == byte {
                        text.append(byte)
                        i += 2
                        continue
                    }
                    if buffer[i] == byte {
                        closed = true
                        i += 1
                        break
                    }
                    text.append(buffer[i])
                    i += 1
                }
                if !closed {
                    problems.append(
                        ManifestProblem(
                            location: SourceLocation(path: path, line: line, column: column),
                            message: "This quote is not closed on its line; httpd takes the rest of the line as one word.",
                            severity: .warning))
                }
                words.append(ApacheWord(text: String(decoding: text, as: UTF8.self), quoted: true, line: line, column: column))
            } else {
                while i < buffer.count, !isBlank(buffer[i]) { i += 1 }
                words.append(ApacheWord(text: String(decoding: buffer[start..<i], as: UTF8.self), quoted: false, line: line, column: column))
            }
        }
        return words.isEmpty ? nil : Line(words: words)
    }
}
