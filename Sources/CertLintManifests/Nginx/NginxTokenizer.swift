import CertLintCore

/// Splits nginx configuration text into tokens the way nginx's own reader
/// (`ngx_conf_read_token`) does.
///
/// ```
/// config    = *( directive / comment / space )
/// directive = word *( space word ) *space ( ";" / "{" config "}" )
/// word      = quoted / plain
/// quoted    = DQUOTE *( "\" CHAR / not-DQUOTE ) DQUOTE      ; same with "'"
/// plain     = 1*( "\" CHAR / "${" *not-"}" / not-( space / ";" / "{" ) )
/// comment   = "#" *not-LF                                   ; only where a token may start
/// space     = SP / HTAB / CR / LF
/// ```
///
/// As in nginx, `#` inside a word and `}` after the first character of a word are part of the
/// word, a quoted word must be followed by white space, `;`, `{` or `)` (in `if (…)`), and in every word `\"`,
/// `\'` and `\\` stand for the character and `\t`, `\r`, `\n` for the control character, while
/// other backslashes are kept. CR LF and LF both end a line.
///
/// Work is linear in the text; at most `maxTokens` tokens are produced. When a quote is still
/// open at the end of the text, or a quoted word over several lines runs into other text, the
/// text is read a second time with every quote closed at the end of its own line (multi-line
/// quoted words are legal but rare, and a forgotten quote is far more likely): each quote that
/// does not close on its line is reported there, and the directives after it are still read.
struct NginxTokenizer {
    private let bytes: [UInt8]
    private let path: String
    private let maxTokens: Int
    /// The second reading: a quote ends at the end of its line.
    private let quotesEndAtLineEnd: Bool
    /// Whether the first reading found a quote still open at the end of the text, or a quoted
    /// word over several lines running into other text: the signs of a forgotten quote.
    private var misquoted = false
    private var index = 0
    private var line = 1
    private var column = 1

    /// The tokens read so far.
    private(set) var tokens: [NginxToken] = []
    /// The syntax problems found.
    private(set) var problems: [ManifestProblem] = []

    /// A tokenizer for `text`, a file at `path` (for problem locations).
    init(text: String, path: String, maxTokens: Int) {
        self.init(bytes: Array(text.utf8), path: path, maxTokens: maxTokens, quotesEndAtLineEnd: false)
    }

    private init(bytes: [UInt8], path: String, maxTokens: Int, quotesEndAtLineEnd: Bool) {
        self.bytes = bytes
        self.path = path
        self.maxTokens = maxTokens
        self.quotesEndAtLineEnd = quotesEndAtLineEnd
        // A byte-order mark is neither content nor a column.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    /// Tokenizes `text`; returns the tokens and the problems found.
    static func tokenize(_ text: String, path: String, maxTokens: Int) -> (tokens: [NginxToken], problems: [ManifestProblem]) {
        var tokenizer = NginxTokenizer(text: text, path: path, maxTokens: maxTokens)
        tokenizer.run()
        if tokenizer.misquoted {
            var strict = NginxTokenizer(bytes: tokenizer.bytes, path: path, maxTokens: maxTokens, quotesEndAtLineEnd: true)
            strict.run()
            return (strict.tokens, strict.problems)
        }
        return (tokenizer.tokens, tokenizer.problems)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    private mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func problem(_ message: String, line: Int, column: Int) {
        problems.append(ManifestProblem(location: SourceLocation(path: path, line: line, column: column), message: message))
    }

    private mutating func emit(_ kind: NginxToken.Kind, text: String = "", quoted: Bool = false, line: Int, column: Int) -> Bool {
        guard tokens.count < maxTokens else {
            problem(
                "This file has more than \(maxTokens) tokens; the rest of it is not read.", line: line, column: column)
            return false
        }
        tokens.append(NginxToken(kind: kind, text: text, quoted: quoted, line: line, column: column))
        return true
    }

    private mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            if NginxTokenizer.isSpace(byte) {
                advance()
                continue
            }
            let startLine = line
            let startColumn = column
            switch byte {
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != 0x0A { advance() }
                continue
            case UInt8(ascii: ";"):
                advance()
                guard emit(.semicolon, line: startLine, column: startColumn) else { return }
            case UInt8(ascii: "{"):
                advance()
                guard emit(.openBrace, line: startLine, column: startColumn) else { return }
            case UInt8(ascii: "}"):
                advance()
                guard emit(.closeBrace, line: startLine, column: startColumn) else { return }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let quoted = readQuoted(quote: byte, line: startLine, column: startColumn)
                guard emit(.word, text: quoted.text, quoted: true, line: startLine, column: startColumn) else { return }
                if let semicolon = quoted.semicolon {
                    guard emit(.semicolon, line: semicolon.line, column: semicolon.column) else { return }
                }
                if index < bytes.count {
                    let next = bytes[index]
                    if !NginxTokenizer.isSpace(next), next != UInt8(ascii: ";"), next != UInt8(ascii: "{"), next != UInt8(ascii: ")") {
                        let shown = next < 0x80 ? String(UnicodeScalar(next)) : "a non-ASCII character"
                        problem(
                            "Unexpected \"\(shown)\" right after a quoted word; nginx needs white space, \";\" or \"{\" there.",
                            line: line, column: column)
                        // A quoted word over several lines that runs into text: most likely a
                        // quote was forgotten where it opened.
                        if quoted.spansLines { misquoted = true }
                    }
                }
            default:
                let text = readPlain()
                guard emit(.word, text: text, line: startLine, column: startColumn) else { return }
            }
        }
    }

    /// Reads a quoted word from its opening quote; the index ends after the closing quote.
    /// In the second reading, a quote still open at the end of its line ends there, and a `;`
    /// ending that line ends the directive (`server_name "a.example.com;` lost its closing quote).
    private mutating func readQuoted(
        quote: UInt8, line startLine: Int, column startColumn: Int
    ) -> (text: String, semicolon: (line: Int, column: Int)?, spansLines: Bool) {
        advance()
        let contentStart = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if quotesEndAtLineEnd, byte == 0x0A || byte == 0x0D { break }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == quote {
                let text = NginxTokenizer.unescape(bytes[contentStart..<index])
                advance()
                return (text, nil, line != startLine)
            }
            advance()
        }
        if !quotesEndAtLineEnd {
            // Open at the end of the text: the caller reads the text again line by line.
            misquoted = true
            return (String(decoding: bytes[contentStart..<index], as: UTF8.self), nil, true)
        }
        let symbol = quote == UInt8(ascii: "\"") ? "double" : "single"
        problem(
            "This \(symbol) quote is not closed on its line (nginx would read on to the next quote in the file); the word is taken to end at the end of the line.",
            line: startLine, column: startColumn)
        var end = index
        var endColumn = column
        while end > contentStart, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
            end -= 1
            endColumn -= 1
        }
        if end > contentStart, bytes[end - 1] == UInt8(ascii: ";") {
            return (NginxTokenizer.unescape(bytes[contentStart..<(end - 1)]), (line, endColumn - 1), false)
        }
        return (NginxTokenizer.unescape(bytes[contentStart..<index]), nil, false)
    }

    /// Reads an unquoted word; the index ends at the space, `;` or `{` after it.
    private mutating func readPlain() -> String {
        let start = index
        var escaped = false
        var variable = false
        var inBraces = false
        while index < bytes.count {
            let byte = bytes[index]
            if escaped {
                escaped = false
                advance()
                continue
            }
            if inBraces {
                if byte == UInt8(ascii: "}") { inBraces = false }
                advance()
                continue
            }
            if byte == UInt8(ascii: "{"), variable {
                // `${name}`: the brace belongs to the variable, not to a block.
                variable = false
                inBraces = true
                advance()
                continue
            }
            variable = false
            if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "$") {
                variable = true
            } else if NginxTokenizer.isSpace(byte) || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "{") {
                break
            }
            advance()
        }
        return NginxTokenizer.unescape(bytes[start..<index])
    }

    /// Applies nginx's escapes to a word's bytes.
    static func unescape(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        while i < raw.endIndex {
            let byte = raw[i]
            if byte == UInt8(ascii: "\\"), i + 1 < raw.endIndex {
                let next = raw[i + 1]
                switch next {
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"):
                    out.append(next)
                    i += 2
                    continue
                case UInt8(ascii: "t"):
                    out.append(0x09)
                    i += 2
                    continue
                case UInt8(ascii: "r"):
                    out.append(0x0D)
                    i += 2
                    continue
                case UInt8(ascii: "n"):
                    out.append(0x0A)
                    i += 2
                    continue
                default:
                    break
                }
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
