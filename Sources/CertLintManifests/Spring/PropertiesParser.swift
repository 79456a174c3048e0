/// Reads Java `.properties` text as `java.util.Properties.load` does, keeping where each key
/// is written, and splits it into documents at Spring Boot's `#---` / `!---` lines.
///
/// Grammar: logical lines are natural lines joined where one ends in an odd number of
/// backslashes (the next line's leading white space is dropped); a line whose first
/// non-blank character is `#` or `!` is a comment; the key runs to the first unescaped `=`,
/// `:` or white space; the value follows white space and at most one `=` or `:`. Escapes:
/// `\t`, `\n`, `\r`, `\f`, `\uXXXX`, and `\` before any other character stands for it.
struct PropertiesParser {
    /// One `key=value`.
    struct Entry: Sendable, Hashable {
        /// The key after unescaping.
        var key: String
        /// The value after unescaping.
        var value: String
        /// The 1-based line of the key's first character.
        var line: Int
        /// The 1-based column of the key's first character, in Unicode scalars.
        var column: Int
    }

    /// A malformed escape: where and what.
    struct Problem: Sendable, Hashable {
        /// 1-based line.
        var line: Int
        /// 1-based column.
        var column: Int
        /// One sentence.
        var message: String
    }

    /// At most this many entries are read.
    static let maxEntries = 100_000

    /// The documents, each its entries in order (a file without `#---` is one document).
    private(set) var documents: [[Entry]] = [[]]
    /// The problems found.
    private(set) var problems: [Problem] = []

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var count = 0

    /// Parses `text`.
    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { index = 1 }
        while index < scalars.count {
            if count >= Self.maxEntries {
                problems.append(Problem(line: line, column: 1, message: "The file holds more than \(Self.maxEntries) properties; the rest is not read."))
                break
            }
            parseLogicalLine()
        }
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        guard index < scalars.count else { return }
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && current != "\n") {
            line += 1
            column = 1
        } else if scalar != "\r" {
            column += 1
        }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{0C}" }
    private var atLineEnd: Bool { current == nil || current == "\n" || current == "\r" }

    private mutating func skipBlanks() {
        while let scalar = current, Self.isBlank(scalar) { advance() }
    }

    private mutating func skipLineEnd() {
        if current == "\r" { advance() }
        if current == "\n" { advance() }
    }

    private mutating func parseLogicalLine() {
        skipBlanks()
        if atLineEnd {
            advance()
            return
        }
        if current == "#" || current == "!" {
            var text = ""
            while !atLineEnd, let scalar = current {
                text.unicodeScalars.append(scalar)
                advance()
            }
            skipLineEnd()
            // Spring Boot's multi-document separator: exactly `#---` or `!---`.
            let trimmed = ReferenceGuess.trim(text)
            if trimmed == "#---" || trimmed == "!---" {
                documents.append([])
            }
            return
        }
        let keyLine = line
        let keyColumn = column
        var key = ""
        var value = ""
        var inKey = true
        var sawSeparator = false
        while let scalar = current {
            if scalar == "\n" || scalar == "\r" { break }
            if scalar == "\\" {
                let escapeLine = line
                let escapeColumn = column
                advance()
                guard let next = current else { break }
                if next == "\n" || next == "\r" {
                    // A continuation: the next line's leading blanks are dropped.
                    skipLineEnd()
                    skipBlanks()
                    continue
                }
                advance()
                let unescaped: Unicode.Scalar
                switch next {
                case "t": unescaped = "\t"
                case "n": unescaped = "\n"
                case "r": unescaped = "\r"
                case "f": unescaped = "\u{0C}"
                case "u":
                    var code: UInt32 = 0
                    var digits = 0
                    while digits < 4, let hex = current, let digit = Self.hexValue(hex) {
                        code = code * 16 + digit
                        digits += 1
                        advance()
                    }
                    if digits < 4 {
                        problems.append(Problem(
                            line: escapeLine, column: escapeColumn,
                            message: "The \\u escape at \(escapeLine):\(escapeColumn) needs four hexadecimal digits; Java rejects the file (Malformed \\uxxxx encoding)."))
                    }
                    unescaped = Unicode.Scalar(code) ?? "\u{FFFD}"
                default: unescaped = next
                }
                if inKey { key.unicodeScalars.append(unescaped) } else { value.unicodeScalars.append(unescaped) }
                continue
            }
            if inKey {
                if scalar == "=" || scalar == ":" || Self.isBlank(scalar) {
                    inKey = false
                    if scalar == "=" || scalar == ":" { sawSeparator = true }
                    advance()
                    skipBlanks()
                    if !sawSeparator, current == "=" || current == ":" {
                        advance()
                        skipBlanks()
                    }
                    continue
                }
                key.unicodeScalars.append(scalar)
            } else {
                value.unicodeScalars.append(scalar)
            }
            advance()
        }
        skipLineEnd()
        count += 1
        let entry = Entry(key: key, value: value, line: keyLine, column: keyColumn)
        if documents.isEmpty { documents.append([]) }
        documents[documents.count - 1].append(entry)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 48
        case "a"..."f": return scalar.value - 87
        case "A"..."F": return scalar.value - 55
        default: return nil
        }
    }
}
