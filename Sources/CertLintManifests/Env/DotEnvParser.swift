/// Reads `.env` files as docker compose, `dotenv` (Node and Python) and systemd's
/// `EnvironmentFile` read them: `NAME=value` lines, an optional `export `, `#` comments,
/// single, double and backtick quotes (a quoted value may span lines; double quotes take
/// `\n`, `\t`, `\"`, `\\` and `\$` escapes), and `${NAME}` / `${NAME:-default}` / `$NAME`
/// references to names defined earlier in the file.
///
/// Never traps: a line that is not an assignment or a quote that never closes is a problem
/// with its line and column, and reading goes on with the next line.
struct DotEnvParser {
    /// One assignment.
    struct Entry: Sendable, Hashable {
        /// The name as written.
        var name: String
        /// The value after unquoting, unescaping and expansion.
        var value: String
        /// Where the name starts.
        var line: Int
        /// Where the name starts (1-based, in Unicode scalars).
        var column: Int
        /// Where the value's first character is (after an opening quote).
        var valueLine: Int
        /// Where the value's first character is.
        var valueColumn: Int
        /// Whether `value` is the source text verbatim from ``valueColumn`` on one line, so an
        /// offset in it is a column offset.
        var isVerbatim: Bool
        /// Names referred to with `$` that the file does not define before this line.
        var unresolved: [String]
    }

    /// A problem: where and what.
    struct Problem: Sendable, Hashable {
        /// 1-based line.
        var line: Int
        /// 1-based column.
        var column: Int
        /// One sentence, never quoting a value (values may be secrets).
        var message: String
    }

    /// At most this many assignments are read; the rest of a larger file is a problem.
    static let maxEntries = 100_000
    /// Expansion stops growing a value beyond this many scalars (`A=$B$B$B…` chains would
    /// otherwise grow exponentially); references past it stay unresolved.
    static let maxExpandedLength = 1 << 16
    /// Expansion copies at most this many scalars over the whole file; references past it
    /// stay unresolved (a file of `B=$A` lines with a long `A` would otherwise fill memory).
    static let maxExpandedTotal = 1 << 24

    private(set) var entries: [Entry] = []
    private(set) var problems: [Problem] = []
    /// The latest value of each name, for expansion.
    private var defined: [String: String] = [:]
    /// Scalars expansion may still copy.
    private var expansionBudget = DotEnvParser.maxExpandedTotal
    /// Names whose values still hold unresolved references (they taint what refers to them).
    private var tainted: Set<String> = []

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Parses `text`.
    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        parse()
    }

    // MARK: - Cursor

    private var atEnd: Bool { index >= scalars.count }
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

    private mutating func skipSpaces() {
        while let scalar = current, scalar == " " || scalar == "\t" { advance() }
    }

    private mutating func skipRestOfLine() {
        while let scalar = current, scalar != "\n", scalar != "\r" { advance() }
        if current == "\r" { advance() }
        if current == "\n" { advance() }
    }

    private var atLineEnd: Bool { current == nil || current == "\n" || current == "\r" }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", ".", "-": return true
        default: return false
        }
    }

    // MARK: - Lines

    private mutating func parse() {
        // A byte-order mark is not part of the first name.
        if current == "\u{FEFF}" { index += 1 }
        while !atEnd {
            if entries.count >= Self.maxEntries {
                problems.append(Problem(line: line, column: column, message: "The file holds more than \(Self.maxEntries) assignments; the rest is not read."))
                return
            }
            parseLine()
        }
    }

    private mutating func parseLine() {
        let lineStart = line
        skipSpaces()
        if atLineEnd || current == "#" {
            skipRestOfLine()
            return
        }
        // `export NAME=value`
        if matches("export"), let after = scalar(at: index + 6), after == " " || after == "\t" {
            for _ in 0..<6 { advance() }
            skipSpaces()
        }
        let nameLine = line
        let nameColumn = column
        var name = ""
        while let scalar = current, Self.isNameScalar(scalar) {
            name.unicodeScalars.append(scalar)
            advance()
        }
        skipSpaces()
        let separated: Bool
        if current == "=" {
            separated = true
            advance()
        } else if current == ":", let next = scalar(at: index + 1), next == " " || next == "\t" {
            separated = true
            advance()
        } else {
            separated = false
        }
        guard separated, !name.isEmpty, let first = name.unicodeScalars.first, !("0"..."9").contains(first) else {
            problems.append(Problem(
                line: lineStart, column: nameColumn,
                message: "Line \(lineStart) is not NAME=value, a comment or a blank line; env loaders reject or skip it."))
            skipRestOfLine()
            return
        }
        skipSpaces()
        let valueLine = line
        switch current {
        case "\"", "'", "`":
            readQuoted(name: name, nameLine: nameLine, nameColumn: nameColumn)
        default:
            let valueColumn = column
            var raw = ""
            while let scalar = current, scalar != "\n", scalar != "\r" {
                // ` #` starts a comment after an unquoted value.
                if scalar == "#", raw.isEmpty || raw.unicodeScalars.last == " " || raw.unicodeScalars.last == "\t" { break }
                raw.unicodeScalars.append(scalar)
                advance()
            }
            skipRestOfLine()
            let trimmed = ReferenceGuess.trim(raw)
            let (value, unresolved) = expand(trimmed)
            append(Entry(
                name: name, value: value, line: nameLine, column: nameColumn, valueLine: valueLine,
                valueColumn: valueColumn, isVerbatim: value == trimmed, unresolved: unresolved))
        }
    }

    private mutating func readQuoted(name: String, nameLine: Int, nameColumn: Int) {
        guard let quote = current else { return }
        let quoteLine = line
        let quoteColumn = column
        let resumeIndex = index
        advance()
        let valueLine = line
        let valueColumn = column
        var raw = ""
        var escaped = false
        var closed = false
        while let scalar = current {
            if quote == "\"" && scalar == "\\" {
                advance()
                guard let next = current else { break }
                escaped = true
                switch next {
                case "n": raw.unicodeScalars.append("\n")
                case "r": raw.unicodeScalars.append("\r")
                case "t": raw.unicodeScalars.append("\t")
                case "\"", "\\", "$": raw.unicodeScalars.append(next)
                default:
                    raw.unicodeScalars.append("\\")
                    raw.unicodeScalars.append(next)
                }
                advance()
                continue
            }
            if scalar == quote {
                closed = true
                advance()
                break
            }
            raw.unicodeScalars.append(scalar)
            advance()
        }
        guard closed else {
            problems.append(Problem(
                line: quoteLine, column: quoteColumn,
                message: "The value of \(name) opens a quote at \(quoteLine):\(quoteColumn) that is never closed."))
            // Go back to the line after the opening quote and read on from there.
            index = resumeIndex
            line = quoteLine
            column = quoteColumn
            skipRestOfLine()
            return
        }
        // Anything after the closing quote other than a comment is ignored, as dotenv does.
        skipRestOfLine()
        let multiline = raw.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }
        var value = raw
        var unresolved: [String] = []
        if quote == "\"" {
            (value, unresolved) = expand(raw)
        }
        append(Entry(
            name: name, value: value, line: nameLine, column: nameColumn, valueLine: valueLine, valueColumn: valueColumn,
            isVerbatim: !escaped && !multiline && value == raw, unresolved: unresolved))
    }

    private mutating func append(_ entry: Entry) {
        entries.append(entry)
        defined[entry.name] = entry.value
        if entry.unresolved.isEmpty { tainted.remove(entry.name) } else { tainted.insert(entry.name) }
    }

    private func scalar(at position: Int) -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private func matches(_ word: String) -> Bool {
        var position = index
        for scalar in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    // MARK: - Expansion

    /// Expands `${NAME}`, `${NAME:-default}`, `${NAME-default}` and `$NAME` with the names
    /// defined so far; unknown names stay as written and are listed.
    private mutating func expand(_ text: String) -> (String, [String]) {
        guard text.unicodeScalars.contains("$") else { return (text, []) }
        let input = Array(text.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var unresolved: [String] = []
        var i = 0
        while i < input.count {
            let scalar = input[i]
            guard scalar == "$", i + 1 < input.count else {
                out.append(scalar)
                i += 1
                continue
            }
            if input[i + 1] == "{", let close = input[(i + 2)...].firstIndex(of: "}") {
                let inner = String(String.UnicodeScalarView(input[(i + 2)..<close]))
                var name = inner
                var fallback: String?
                if let dash = inner.firstIndex(of: "-") {
                    var nameEnd = dash
                    if dash > inner.startIndex, inner[inner.index(before: dash)] == ":" { nameEnd = inner.index(before: dash) }
                    name = String(inner[..<nameEnd])
                    fallback = String(inner[inner.index(after: dash)...])
                }
                if let known = lookup(name), spend(known, outCount: out.count) {
                    out.append(contentsOf: known.unicodeScalars)
                    if tainted.contains(name) { unresolved.append(name) }
                } else if let fallback {
                    out.append(contentsOf: fallback.unicodeScalars)
                } else {
                    out.append(contentsOf: input[i...close])
                    unresolved.append(name)
                }
                i = close + 1
                continue
            }
            var end = i + 1
            while end < input.count, input[end] == "_" || ("A"..."Z").contains(input[end]) || ("a"..."z").contains(input[end])
                || (end > i + 1 && ("0"..."9").contains(input[end]))
            {
                end += 1
            }
            guard end > i + 1 else {
                out.append(scalar)
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(input[(i + 1)..<end]))
            if let known = lookup(name), spend(known, outCount: out.count) {
                out.append(contentsOf: known.unicodeScalars)
                if tainted.contains(name) { unresolved.append(name) }
            } else {
                out.append(contentsOf: input[i..<end])
                unresolved.append(name)
            }
            i = end
        }
        return (String(String.UnicodeScalarView(out)), unresolved)
    }

    private func lookup(_ name: String) -> String? { defined[name] }

    /// Whether `text` may be copied into a value already `outCount` long; charges the budget.
    private mutating func spend(_ text: String, outCount: Int) -> Bool {
        let count = text.unicodeScalars.count
        guard outCount + count <= Self.maxExpandedLength, count <= expansionBudget else { return false }
        expansionBudget -= count
        return true
    }
}
