/// Turns YAML text into tokens: indicators, scalars, properties, and the block structure
/// that indentation implies (YAML 1.2.2 chapters 5–9).
///
/// The design is the classic one of libyaml and its descendants: a queue of tokens, a stack
/// of indentation columns that emits block starts and ends, and "simple keys" — a token that
/// may turn out to be an implicit mapping key is held in the queue until its `:` is found (or
/// its line ends), and a key token is then inserted in front of it. The YAML 1.2 rules that
/// libyaml misses are added: `:` inside plain scalars in flow context, JSON-like keys with
/// adjacent values, tabs that look like indentation, comments that interrupt plain scalars,
/// implicit keys of flow sequences on one line.
///
/// Every loop advances the input or stops; stacks (indentation, flow levels) are capped, and
/// nothing recurses.
struct YAMLScanner {
    /// An indentation level of the block structure.
    private struct Indent {
        /// The indentation in force before this level.
        var previous: Int
        /// Whether this level belongs to a block collection (and emits a block end when it
        /// closes), or is the one-column level that makes the content of a `-` or `:` go
        /// deeper than its indicator.
        var isBlock: Bool
    }

    /// A token that may turn out to be an implicit key.
    private struct SimpleKey {
        var possible = false
        /// Whether it must be a key: it stands where a block mapping's next key must be.
        var required = false
        /// Its number in the whole token stream.
        var tokenNumber = 0
        var position = YAMLPosition.start
    }

    /// An open flow collection.
    private struct FlowLevel {
        /// `[` or `{`.
        var opener: UInt8
        var position: YAMLPosition
    }

    private let bytes: [UInt8]
    private let maxDepth: Int
    private var index = 0
    private var line = 1
    /// The 0-based column, in Unicode scalars.
    private var column = 0

    private var queue: [YAMLToken] = []
    private var queueHead = 0
    /// Tokens handed out so far.
    private var tokensTaken = 0
    private var streamStartProduced = false
    private var streamEndProduced = false

    private var simpleKeyAllowed = false
    /// One per flow level, plus one for the block context.
    private var simpleKeys: [SimpleKey] = []
    /// The current indentation column; -1 before the first block collection.
    private var indent = -1
    private var indents: [Indent] = []
    private var flowLevels: [FlowLevel] = []
    /// The offset at which a `:` may be a value indicator without a space after it (right
    /// after a JSON-like key in a flow collection: `{"a":1}`).
    private var adjacentValueAllowedAt = -1
    /// Whether everything since the last line break was white space.
    private var leadingWhitespace = true
    /// Where a comment ended a plain scalar that the next line might try to continue.
    private var plainInterruptedByComment: YAMLPosition?
    /// The offset of the content after a block indicator (`-`, `?`, `:`) that a tab separated
    /// from it: no block collection may start there.
    private var tabSeparatedContentAt = -1

    /// A scanner over `bytes`, which must hold no NUL byte (the reader checks this first).
    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        // A byte-order mark at the start is not content and not a column.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    // MARK: - Handing out tokens

    /// The next token; after the stream end, the stream end again.
    mutating func next() throws(YAMLError) -> YAMLToken {
        if streamEndProduced {
            return YAMLToken(kind: .streamEnd, start: mark, end: mark)
        }
        try fetchMoreTokens()
        guard queueHead < queue.count else {
            throw YAMLError(.unexpectedToken, "The input ended unexpectedly.", at: mark)
        }
        let token = queue[queueHead]
        queueHead += 1
        tokensTaken += 1
        if queueHead >= 512, queueHead * 2 >= queue.count {
            queue.removeFirst(queueHead)
            queueHead = 0
        }
        if case .streamEnd = token.kind { streamEndProduced = true }
        return token
    }

    private mutating func fetchMoreTokens() throws(YAMLError) {
        while true {
            var needMore = queueHead == queue.count
            if !needMore {
                try staleSimpleKeys()
                // The next token may still become a key: it must wait for its `:`.
                for key in simpleKeys where key.possible && key.tokenNumber == tokensTaken {
                    needMore = true
                    break
                }
            }
            if !needMore { return }
            try fetchNextToken()
        }
    }

    // MARK: - Reading the input

    /// The current position.
    private var mark: YAMLPosition { YAMLPosition(line: line, column: column + 1, offset: index) }

    @inline(__always) private func peek(_ ahead: Int = 0) -> UInt8 {
        let i = index + ahead
        return i < bytes.count ? bytes[i] : 0
    }

    private var atEnd: Bool { index >= bytes.count }

    /// Steps over a space or a tab.
    @inline(__always) private mutating func skipBlank() {
        index += 1
        column += 1
    }

    /// Steps over one byte that is not a line break, counting columns in Unicode scalars.
    @inline(__always) private mutating func skipByte() {
        if bytes[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
        leadingWhitespace = false
    }

    /// Steps over a line break (LF, CR or CRLF).
    private mutating func skipBreak() {
        if peek() == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { index += 1 }
        index += 1
        line += 1
        column = 0
        leadingWhitespace = true
    }

    /// Appends the character at the cursor (all of its UTF-8 bytes) to `out` and steps over it.
    @inline(__always) private mutating func copyCharacter(into out: inout [UInt8]) {
        out.append(bytes[index])
        skipByte()
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 {
            out.append(bytes[index])
            index += 1
        }
    }

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
    /// A line break or the end of the input (0).
    @inline(__always) static func isBreakOrEnd(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D || c == 0 }
    @inline(__always) static func isBlankOrBreakOrEnd(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0
    }
    @inline(__always) static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{")
            || c == UInt8(ascii: "}")
    }
    /// `[0-9A-Za-z-]`, the characters of tag handles and directive names.
    @inline(__always) static func isWordCharacter(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "-")
    }
    /// `ns-uri-char` without `%` (escapes are handled apart).
    static func isURICharacter(_ c: UInt8) -> Bool {
        if isWordCharacter(c) { return true }
        switch c {
        case UInt8(ascii: "#"), UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"),
            UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"),
            UInt8(ascii: ","), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
            UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
            UInt8(ascii: "]"):
            return true
        default:
            return false
        }
    }
    /// `ns-tag-char`: a URI character other than `!` and the flow indicators.
    static func isTagCharacter(_ c: UInt8) -> Bool {
        isURICharacter(c) && c != UInt8(ascii: "!") && !isFlowIndicator(c)
    }
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Whether the cursor is at `---` or `...` (per `first`) at the start of a line, followed
    /// by white space or the end.
    private func atDocumentIndicator(_ first: UInt8) -> Bool {
        column == 0 && peek() == first && peek(1) == first && peek(2) == first
            && YAMLScanner.isBlankOrBreakOrEnd(peek(3))
    }

    private var atAnyDocumentIndicator: Bool {
        atDocumentIndicator(UInt8(ascii: "-")) || atDocumentIndicator(UInt8(ascii: "."))
    }

    /// The text in quotes for a message, shortened and with control characters escaped.
    static func quoteForMessage(_ text: String, limit: Int = 40) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                break
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "'": out += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return "'" + out + "'"
    }

    /// The character at the cursor, for messages.
    private var currentCharacterForMessage: String {
        guard !atEnd else { return "the end of the input" }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return YAMLScanner.quoteForMessage(String(decoding: bytes[index..<end], as: UTF8.self))
    }

    // MARK: - Whitespace and comments

    /// Skips white space, line breaks and comments up to the next token.
    private mutating func skipToNextToken() throws(YAMLError) {
        while true {
            let c = peek()
            if c == UInt8(ascii: " ") {
                skipBlank()
            } else if c == UInt8(ascii: "\t") {
                if !indents.isEmpty, leadingWhitespace, column < indent {
                    // A tab where indentation is expected is fine only on a line with no content.
                    let tabPosition = mark
                    try skipWhitespaceToEndOfLine()
                    if !YAMLScanner.isBreakOrEnd(peek()) {
                        throw YAMLError(
                            .invalidIndentation,
                            "A tab is used for indentation at \(tabPosition); YAML indentation must be spaces.",
                            at: tabPosition)
                    }
                } else {
                    skipBlank()
                }
            } else if YAMLScanner.isBreak(c) {
                skipBreak()
                if flowLevels.isEmpty { simpleKeyAllowed = true }
            } else if c == UInt8(ascii: "#") {
                while !YAMLScanner.isBreakOrEnd(peek()) { index += 1 }
            } else if c == 0xEF, peek(1) == 0xBB, peek(2) == 0xBF, column == 0 {
                // A byte-order mark may start any document; it is not content.
                index += 3
            } else {
                break
            }
        }
        if let interrupted = plainInterruptedByComment {
            plainInterruptedByComment = nil
            if flowLevels.isEmpty, column > indent, !atEnd, !atAnyDocumentIndicator {
                throw YAMLError(
                    .unexpectedToken,
                    "The comment at \(interrupted) ends a plain scalar that the next line continues; "
                        + "a comment cannot interrupt a multi-line plain scalar.",
                    at: interrupted)
            }
        }
    }

    /// Skips spaces, tabs and a comment up to the end of the line.
    ///
    /// A `#` must follow white space to start a comment. Returns whether a tab was skipped.
    @discardableResult
    private mutating func skipWhitespaceToEndOfLine() throws(YAMLError) -> Bool {
        var sawTab = false
        var sawWhitespace = false
        while true {
            let c = peek()
            if c == UInt8(ascii: " ") {
                sawWhitespace = true
                skipBlank()
            } else if c == UInt8(ascii: "\t") {
                sawTab = true
                sawWhitespace = true
                skipBlank()
            } else if c == UInt8(ascii: "#") {
                guard sawWhitespace else {
                    throw YAMLError(
                        .unexpectedCharacter,
                        "The '#' at \(mark) follows other text without a space; a comment must be separated by white space.",
                        at: mark)
                }
                while !YAMLScanner.isBreakOrEnd(peek()) { index += 1 }
                return sawTab
            } else {
                return sawTab
            }
        }
    }

    // MARK: - Simple keys

    /// Drops the block-context key candidate once it cannot be an implicit key any more.
    ///
    /// An implicit block key fits on one line and in 1024 characters (YAML 1.2.2 §7.4.2),
    /// even when it is a flow collection. Keys inside flow collections may span lines.
    private mutating func staleSimpleKeys() throws(YAMLError) {
        guard !simpleKeys.isEmpty, simpleKeys[0].possible else { return }
        let key = simpleKeys[0]
        guard key.position.line < line || key.position.offset + 1024 < index else { return }
        if key.required {
            throw YAMLError(
                .unexpectedToken,
                "The mapping key at \(key.position) is not followed by ':' on its line.",
                at: key.position)
        }
        simpleKeys[0].possible = false
    }

    private mutating func saveSimpleKey() {
        guard simpleKeyAllowed else { return }
        let required = flowLevels.isEmpty && indent == column && (indents.last?.isBlock ?? false)
        simpleKeys[simpleKeys.count - 1] = SimpleKey(
            possible: true, required: required, tokenNumber: tokensTaken + queue.count - queueHead, position: mark)
    }

    private mutating func removeSimpleKey() throws(YAMLError) {
        let key = simpleKeys[simpleKeys.count - 1]
        if key.possible && key.required {
            throw YAMLError(
                .unexpectedToken, "The mapping key at \(key.position) is not followed by ':'.", at: key.position)
        }
        simpleKeys[simpleKeys.count - 1].possible = false
    }

    // MARK: - Indentation

    private mutating func insert(_ token: YAMLToken, tokenNumber: Int) {
        queue.insert(token, at: queueHead + tokenNumber - tokensTaken)
    }

    /// Opens a block collection at `column` if it is deeper than the current indentation.
    ///
    /// Returns whether it opened one.
    @discardableResult
    private mutating func rollIndent(
        _ column: Int, tokenNumber: Int?, kind: YAMLToken.Kind, at position: YAMLPosition
    ) throws(YAMLError) -> Bool {
        guard flowLevels.isEmpty else { return false }
        // A one-column level prepared for the content of `-` or `:` gives way to a real one.
        if indent <= column, let last = indents.last, !last.isBlock {
            indent = last.previous
            indents.removeLast()
        }
        guard indent < column else { return false }
        if indents.count >= 2 * maxDepth + 2 {
            throw YAMLError(
                .tooDeep, "Block collections are nested deeper than \(maxDepth) levels at \(position).", at: position)
        }
        indents.append(Indent(previous: indent, isBlock: true))
        indent = column
        let token = YAMLToken(kind: kind, start: position, end: position)
        if let tokenNumber {
            insert(token, tokenNumber: tokenNumber)
        } else {
            queue.append(token)
        }
        return true
    }

    /// Closes the block levels deeper than `column`, emitting a block end for each collection.
    private mutating func unrollIndent(_ column: Int) {
        guard flowLevels.isEmpty else { return }
        while indent > column, let last = indents.popLast() {
            indent = last.previous
            if last.isBlock {
                queue.append(YAMLToken(kind: .blockEnd, start: mark, end: mark))
            }
        }
    }

    /// Makes the content of a `-`, `:` or flow collection go at least one column deeper than
    /// the block collection that holds it.
    private mutating func rollOneColumnIndent() {
        guard flowLevels.isEmpty, let last = indents.last, last.isBlock else { return }
        indents.append(Indent(previous: indent, isBlock: false))
        indent += 1
    }

    private mutating func unrollNonBlockIndents() {
        while let last = indents.last, !last.isBlock {
            indent = last.previous
            indents.removeLast()
        }
    }

    // MARK: - Dispatch

    private mutating func fetchNextToken() throws(YAMLError) {
        if !streamStartProduced {
            streamStartProduced = true
            simpleKeyAllowed = true
            simpleKeys = [SimpleKey()]
            queue.append(YAMLToken(kind: .streamStart, start: mark, end: mark))
            return
        }
        try skipToNextToken()
        try staleSimpleKeys()
        unrollIndent(column)

        if atEnd {
            try fetchStreamEnd()
            return
        }
        let c = peek()
        if column == 0 {
            if c == UInt8(ascii: "%") {
                try fetchDirective()
                return
            }
            if atDocumentIndicator(UInt8(ascii: "-")) {
                try fetchDocumentIndicator(.documentStart)
                return
            }
            if atDocumentIndicator(UInt8(ascii: ".")) {
                try fetchDocumentIndicator(.documentEnd)
                try skipWhitespaceToEndOfLine()
                if !YAMLScanner.isBreakOrEnd(peek()) {
                    throw YAMLError(
                        .unexpectedToken,
                        "The document end marker '...' is followed by \(currentCharacterForMessage) on its line; nothing but a comment may follow it.",
                        at: mark)
                }
                return
            }
        }
        if column < indent {
            throw YAMLError(
                .invalidIndentation,
                "\(currentCharacterForMessage.capitalizedFirst) at \(mark) is indented less than the block collection that holds it (column \(indent + 1)).",
                at: mark)
        }

        let next = peek(1)
        switch c {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            try fetchFlowCollectionStart(c)
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            try fetchFlowCollectionEnd(c)
        case UInt8(ascii: ","):
            try fetchFlowEntry()
        case UInt8(ascii: "-") where YAMLScanner.isBlankOrBreakOrEnd(next):
            try fetchBlockEntry()
        case UInt8(ascii: "?") where YAMLScanner.isBlankOrBreakOrEnd(next):
            try fetchKey()
        case UInt8(ascii: ":") where YAMLScanner.isBlankOrBreakOrEnd(next):
            try fetchValue()
        case UInt8(ascii: ":")
        where !flowLevels.isEmpty && (YAMLScanner.isFlowIndicator(next) || index == adjacentValueAllowedAt):
            try fetchFlowValue()
        case UInt8(ascii: "*"):
            try fetchAnchor(isAlias: true)
        case UInt8(ascii: "&"):
            try fetchAnchor(isAlias: false)
        case UInt8(ascii: "!"):
            try fetchTag()
        case UInt8(ascii: "|") where flowLevels.isEmpty:
            try fetchBlockScalar(literal: true)
        case UInt8(ascii: ">") where flowLevels.isEmpty:
            try fetchBlockScalar(literal: false)
        case UInt8(ascii: "'"):
            try fetchQuotedScalar(single: true)
        case UInt8(ascii: "\""):
            try fetchQuotedScalar(single: false)
        case UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: ">"),
            UInt8(ascii: "#"):
            throw YAMLError(
                .unexpectedCharacter,
                "\(currentCharacterForMessage.capitalizedFirst) at \(mark) cannot start a plain scalar; quote the value.",
                at: mark)
        default:
            try fetchPlainScalar()
        }
    }

    private mutating func fetchStreamEnd() throws(YAMLError) {
        if let open = flowLevels.last {
            let closer = open.opener == UInt8(ascii: "[") ? "]" : "}"
            throw YAMLError(
                .unterminated,
                "The flow collection opened at \(open.position) is not closed with '\(closer)' before the end of the input.",
                at: open.position)
        }
        for key in simpleKeys where key.possible && key.required {
            throw YAMLError(
                .unexpectedToken, "The mapping key at \(key.position) is not followed by ':'.", at: key.position)
        }
        for i in simpleKeys.indices { simpleKeys[i].possible = false }
        unrollIndent(-1)
        simpleKeyAllowed = false
        queue.append(YAMLToken(kind: .streamEnd, start: mark, end: mark))
    }

    // MARK: - Directives and document markers

    private mutating func fetchDirective() throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        skipByte()  // %
        var name: [UInt8] = []
        while YAMLScanner.isWordCharacter(peek()) || peek() == UInt8(ascii: "_") {
            name.append(peek())
            skipByte()
        }
        let nameText = String(decoding: name, as: UTF8.self)
        guard !name.isEmpty, YAMLScanner.isBlankOrBreakOrEnd(peek()) else {
            throw YAMLError(
                .invalidDirective, "The directive at \(start) has no name; a directive is '%' followed by a name.",
                at: start)
        }
        let kind: YAMLToken.Kind
        switch nameText {
        case "YAML":
            skipBlanks()
            let versionStart = index
            let major = scanDigits()
            guard major > 0, peek() == UInt8(ascii: "."), index - versionStart < 10 else {
                throw YAMLError(
                    .invalidDirective, "The %YAML directive at \(start) needs a version such as 1.2.", at: start)
            }
            skipByte()
            let minor = scanDigits()
            guard minor > 0, minor < 10 else {
                throw YAMLError(
                    .invalidDirective, "The %YAML directive at \(start) needs a version such as 1.2.", at: start)
            }
            let version = String(decoding: bytes[versionStart..<index], as: UTF8.self)
            guard version.hasPrefix("1.") else {
                throw YAMLError(
                    .invalidDirective,
                    "The %YAML directive at \(start) asks for version \(version); this reader reads YAML 1.x.",
                    at: start)
            }
            kind = .versionDirective(version)
        case "TAG":
            skipBlanks()
            let handle = try scanTagHandle(directiveAt: start)
            guard YAMLScanner.isBlank(peek()) else {
                throw YAMLError(
                    .invalidDirective,
                    "The %TAG directive at \(start) needs a space between its handle and its prefix.", at: start)
            }
            skipBlanks()
            let prefix = try scanTagPrefix(directiveAt: start)
            kind = .tagDirective(handle: handle, prefix: prefix)
        default:
            // Reserved directives are ignored, with their parameters.
            while !YAMLScanner.isBreakOrEnd(peek()) {
                if YAMLScanner.isBlank(peek()) && peek(1) == UInt8(ascii: "#") { break }
                if YAMLScanner.isBlank(peek()) { skipBlank() } else { skipByte() }
            }
            kind = .reservedDirective(nameText)
        }
        let end = mark
        try skipWhitespaceToEndOfLine()
        guard YAMLScanner.isBreakOrEnd(peek()) else {
            throw YAMLError(
                .invalidDirective,
                "The %\(nameText) directive at \(start) is followed by unexpected text \(currentCharacterForMessage).",
                at: mark)
        }
        queue.append(YAMLToken(kind: kind, start: start, end: end))
    }

    private mutating func skipBlanks() {
        while YAMLScanner.isBlank(peek()) { skipBlank() }
    }

    /// Steps over decimal digits and returns how many there were.
    private mutating func scanDigits() -> Int {
        var count = 0
        while peek() >= UInt8(ascii: "0") && peek() <= UInt8(ascii: "9") {
            skipByte()
            count += 1
        }
        return count
    }

    private mutating func fetchDocumentIndicator(_ kind: YAMLToken.Kind) throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        skipByte()
        skipByte()
        skipByte()
        queue.append(YAMLToken(kind: kind, start: start, end: mark))
    }

    // MARK: - Flow collections

    private mutating func fetchFlowCollectionStart(_ opener: UInt8) throws(YAMLError) {
        saveSimpleKey()
        rollOneColumnIndent()
        let start = mark
        if flowLevels.count >= maxDepth {
            throw YAMLError(
                .tooDeep, "Flow collections are nested deeper than \(maxDepth) levels at \(start).", at: start)
        }
        flowLevels.append(FlowLevel(opener: opener, position: start))
        simpleKeys.append(SimpleKey())
        simpleKeyAllowed = true
        skipByte()
        let end = mark
        try skipWhitespaceToEndOfLine()
        let kind: YAMLToken.Kind = opener == UInt8(ascii: "[") ? .flowSequenceStart : .flowMappingStart
        queue.append(YAMLToken(kind: kind, start: start, end: end))
    }

    private mutating func fetchFlowCollectionEnd(_ closer: UInt8) throws(YAMLError) {
        let start = mark
        let closerText = closer == UInt8(ascii: "]") ? "]" : "}"
        guard let open = flowLevels.last else {
            throw YAMLError(
                .unexpectedCharacter,
                "The '\(closerText)' at \(start) closes no flow collection; quote the value if it is text.", at: start)
        }
        let expected = open.opener == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        guard closer == expected else {
            throw YAMLError(
                .unexpectedToken,
                "The '\(closerText)' at \(start) does not match the '\(open.opener == UInt8(ascii: "[") ? "[" : "{")' opened at \(open.position).",
                at: start)
        }
        try removeSimpleKey()
        flowLevels.removeLast()
        simpleKeys.removeLast()
        simpleKeyAllowed = false
        skipByte()
        let end = mark
        try skipWhitespaceToEndOfLine()
        // A flow collection inside a flow collection may be a JSON-like key: `[[a]:b]`.
        if !flowLevels.isEmpty { adjacentValueAllowedAt = index }
        let kind: YAMLToken.Kind = closer == UInt8(ascii: "]") ? .flowSequenceEnd : .flowMappingEnd
        queue.append(YAMLToken(kind: kind, start: start, end: end))
    }

    private mutating func fetchFlowEntry() throws(YAMLError) {
        let start = mark
        guard !flowLevels.isEmpty else {
            throw YAMLError(
                .unexpectedCharacter,
                "The ',' at \(start) is outside any flow collection; a plain scalar cannot start with ','.", at: start)
        }
        try removeSimpleKey()
        simpleKeyAllowed = true
        skipByte()
        let end = mark
        try skipWhitespaceToEndOfLine()
        queue.append(YAMLToken(kind: .flowEntry, start: start, end: end))
    }

    // MARK: - Block indicators

    private mutating func fetchBlockEntry() throws(YAMLError) {
        let start = mark
        guard flowLevels.isEmpty else {
            throw YAMLError(
                .unexpectedToken,
                "The '-' at \(start) is a block sequence entry inside a flow collection; use ',' between flow entries.",
                at: start)
        }
        guard simpleKeyAllowed else {
            throw YAMLError(
                .unexpectedToken,
                "The '-' at \(start) starts a sequence entry after other content on its line; a block sequence must start on its own line.",
                at: start)
        }
        if start.offset == tabSeparatedContentAt {
            throw YAMLError(
                .invalidIndentation,
                "The '-' at \(start) is separated from the indicator before it by a tab; a nested block collection must be indented with spaces.",
                at: start)
        }
        skipByte()
        try rollIndent(start.column - 1, tokenNumber: nil, kind: .blockSequenceStart, at: start)
        let end = mark
        if try skipWhitespaceToEndOfLine() { tabSeparatedContentAt = index }
        if YAMLScanner.isBreakOrEnd(peek()) || YAMLScanner.isFlowIndicator(peek()) { rollOneColumnIndent() }
        try removeSimpleKey()
        simpleKeyAllowed = true
        queue.append(YAMLToken(kind: .blockEntry, start: start, end: end))
    }

    private mutating func fetchKey() throws(YAMLError) {
        let start = mark
        if flowLevels.isEmpty {
            guard simpleKeyAllowed else {
                throw YAMLError(
                    .unexpectedToken,
                    "The '?' at \(start) starts a mapping key after other content on its line; an explicit key must start its own line.",
                    at: start)
            }
            if start.offset == tabSeparatedContentAt {
                throw YAMLError(
                    .invalidIndentation,
                    "The '?' at \(start) is separated from the indicator before it by a tab; a nested block collection must be indented with spaces.",
                    at: start)
            }
            try rollIndent(start.column - 1, tokenNumber: nil, kind: .blockMappingStart, at: start)
        }
        try removeSimpleKey()
        simpleKeyAllowed = flowLevels.isEmpty
        skipByte()
        let end = mark
        if flowLevels.isEmpty, try skipWhitespaceToEndOfLine() { tabSeparatedContentAt = index }
        queue.append(YAMLToken(kind: .key, start: start, end: end))
    }

    private mutating func fetchFlowValue() throws(YAMLError) {
        let next = peek(1)
        if index != adjacentValueAllowedAt, next == UInt8(ascii: "[") || next == UInt8(ascii: "{") {
            throw YAMLError(
                .unexpectedToken,
                "The ':' at \(mark) must be followed by a space before a flow collection, unless its key is quoted.",
                at: mark)
        }
        try fetchValue()
    }

    private mutating func fetchValue() throws(YAMLError) {
        let start = mark
        let key = simpleKeys[simpleKeys.count - 1]
        if key.possible {
            if let open = flowLevels.last, open.opener == UInt8(ascii: "[") {
                // ns-flow-pair: an implicit key inside a flow sequence is on one line.
                if key.position.line != start.line {
                    throw YAMLError(
                        .unexpectedToken,
                        "The implicit key at \(key.position) in a flow sequence must be on the same line as its ':' at \(start).",
                        at: start)
                }
                if start.offset - key.position.offset > 1024 {
                    throw YAMLError(
                        .unexpectedToken,
                        "The implicit key at \(key.position) is longer than 1024 characters; use an explicit '?' key.",
                        at: key.position)
                }
            }
            insert(YAMLToken(kind: .key, start: key.position, end: key.position), tokenNumber: key.tokenNumber)
            let opened = try rollIndent(
                key.position.column - 1, tokenNumber: key.tokenNumber, kind: .blockMappingStart, at: key.position)
            if opened, key.position.offset == tabSeparatedContentAt {
                throw YAMLError(
                    .invalidIndentation,
                    "The mapping at \(key.position) is separated from the indicator before it by a tab; a nested block collection must be indented with spaces.",
                    at: key.position)
            }
            rollOneColumnIndent()
            simpleKeys[simpleKeys.count - 1].possible = false
            simpleKeyAllowed = false
        } else {
            if flowLevels.isEmpty {
                guard simpleKeyAllowed else {
                    throw YAMLError(
                        .unexpectedToken,
                        "The ':' at \(start) cannot start a mapping value here; a mapping nested in a value must start on its own line, and a value containing ': ' must be quoted.",
                        at: start)
                }
                try rollIndent(start.column - 1, tokenNumber: nil, kind: .blockMappingStart, at: start)
            }
            rollOneColumnIndent()
            simpleKeyAllowed = flowLevels.isEmpty
        }
        skipByte()
        let end = mark
        if flowLevels.isEmpty, YAMLScanner.isBlank(peek()) {
            if try skipWhitespaceToEndOfLine() { tabSeparatedContentAt = index }
        }
        queue.append(YAMLToken(kind: .value, start: start, end: end))
    }

    // MARK: - Properties

    private mutating func fetchAnchor(isAlias: Bool) throws(YAMLError) {
        saveSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        skipByte()
        let nameStart = index
        while !YAMLScanner.isBlankOrBreakOrEnd(peek()) && !YAMLScanner.isFlowIndicator(peek()) { skipByte() }
        guard index > nameStart else {
            let what = isAlias ? "alias '*'" : "anchor '&'"
            throw YAMLError(.invalidAnchor, "The \(what) at \(start) has no name.", at: start)
        }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        queue.append(YAMLToken(kind: isAlias ? .alias(name) : .anchor(name), start: start, end: mark))
    }

    private mutating func fetchTag() throws(YAMLError) {
        saveSimpleKey()
        simpleKeyAllowed = false
        let start = mark
        let handle: String
        let suffix: String
        if peek(1) == UInt8(ascii: "<") {
            // Verbatim: !<uri>
            skipByte()
            skipByte()
            var uri: [UInt8] = []
            while YAMLScanner.isURICharacter(peek()) || peek() == UInt8(ascii: "%") {
                if peek() == UInt8(ascii: "%") {
                    try scanURIEscape(into: &uri, tagAt: start)
                } else {
                    uri.append(peek())
                    skipByte()
                }
            }
            guard peek() == UInt8(ascii: ">"), !uri.isEmpty else {
                throw YAMLError(.invalidTag, "The verbatim tag at \(start) is not closed with '>'.", at: start)
            }
            skipByte()
            handle = ""
            suffix = String(decoding: uri, as: UTF8.self)
        } else {
            skipByte()  // !
            var word: [UInt8] = []
            while YAMLScanner.isWordCharacter(peek()) {
                word.append(peek())
                skipByte()
            }
            var rest: [UInt8] = []
            if peek() == UInt8(ascii: "!") {
                // A named handle (`!e!`) or the secondary handle (`!!`).
                skipByte()
                handle = "!" + String(decoding: word, as: UTF8.self) + "!"
                try scanTagCharacters(into: &rest, tagAt: start)
                if rest.isEmpty {
                    throw YAMLError(
                        .invalidTag, "The tag \(handle) at \(start) has a handle but no suffix.", at: start)
                }
            } else {
                handle = "!"
                rest = word
                try scanTagCharacters(into: &rest, tagAt: start)
            }
            suffix = String(decoding: rest, as: UTF8.self)
        }
        let next = peek()
        guard YAMLScanner.isBlankOrBreakOrEnd(next) || (!flowLevels.isEmpty && YAMLScanner.isFlowIndicator(next))
        else {
            throw YAMLError(
                .invalidTag,
                "The tag at \(start) is followed by \(currentCharacterForMessage), which a tag cannot contain; separate the tag from its value with a space.",
                at: mark)
        }
        queue.append(YAMLToken(kind: .tag(handle: handle, suffix: suffix), start: start, end: mark))
    }

    private mutating func scanTagCharacters(into out: inout [UInt8], tagAt start: YAMLPosition) throws(YAMLError) {
        while YAMLScanner.isTagCharacter(peek()) || peek() == UInt8(ascii: "%") {
            if peek() == UInt8(ascii: "%") {
                try scanURIEscape(into: &out, tagAt: start)
            } else {
                out.append(peek())
                skipByte()
            }
        }
    }

    /// Decodes one `%XX` escape of a tag.
    private mutating func scanURIEscape(into out: inout [UInt8], tagAt start: YAMLPosition) throws(YAMLError) {
        guard let high = YAMLScanner.hexValue(peek(1)), let low = YAMLScanner.hexValue(peek(2)) else {
            throw YAMLError(
                .invalidTag, "The tag at \(start) has a '%' that is not followed by two hexadecimal digits.", at: mark)
        }
        out.append(UInt8(high << 4 | low))
        skipByte()
        skipByte()
        skipByte()
    }

    /// `!`, `!!` or `!word!`, for a %TAG directive.
    private mutating func scanTagHandle(directiveAt start: YAMLPosition) throws(YAMLError) -> String {
        guard peek() == UInt8(ascii: "!") else {
            throw YAMLError(
                .invalidDirective, "The %TAG directive at \(start) needs a handle such as '!', '!!' or '!name!'.",
                at: start)
        }
        skipByte()
        var word: [UInt8] = []
        while YAMLScanner.isWordCharacter(peek()) {
            word.append(peek())
            skipByte()
        }
        if peek() == UInt8(ascii: "!") {
            skipByte()
            return "!" + String(decoding: word, as: UTF8.self) + "!"
        }
        guard word.isEmpty else {
            throw YAMLError(
                .invalidDirective, "The %TAG handle at \(start) must end with '!' (as in '!name!').", at: start)
        }
        return "!"
    }

    private mutating func scanTagPrefix(directiveAt start: YAMLPosition) throws(YAMLError) -> String {
        var out: [UInt8] = []
        let first = peek()
        guard first == UInt8(ascii: "!") || YAMLScanner.isTagCharacter(first) || first == UInt8(ascii: "%") else {
            throw YAMLError(.invalidDirective, "The %TAG directive at \(start) needs a prefix after its handle.", at: start)
        }
        while YAMLScanner.isURICharacter(peek()) || peek() == UInt8(ascii: "%") {
            if peek() == UInt8(ascii: "%") {
                try scanURIEscape(into: &out, tagAt: start)
            } else {
                out.append(peek())
                skipByte()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Block scalars

    private mutating func fetchBlockScalar(literal: Bool) throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        let token = try scanBlockScalar(literal: literal)
        queue.append(token)
    }

    private enum Chomping { case strip, clip, keep }

    private mutating func scanBlockScalar(literal: Bool) throws(YAMLError) -> YAMLToken {
        let start = mark
        let indicator = literal ? "|" : ">"
        skipByte()
        unrollNonBlockIndents()

        var chomping = Chomping.clip
        var increment = 0
        for _ in 0..<2 {
            let c = peek()
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && chomping == .clip {
                chomping = c == UInt8(ascii: "+") ? .keep : .strip
                skipByte()
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") && increment == 0 {
                guard c != UInt8(ascii: "0") else {
                    throw YAMLError(
                        .invalidBlockScalar,
                        "The block scalar at \(start) has the indentation indicator 0; it must be 1 to 9.", at: mark)
                }
                increment = Int(c - UInt8(ascii: "0"))
                skipByte()
            }
        }
        do throws(YAMLError) {
            try skipWhitespaceToEndOfLine()
        } catch {
            throw YAMLError(
                .invalidBlockScalar,
                "The comment after the block scalar indicator at \(start) must be separated from it by a space.",
                at: error.position)
        }
        guard YAMLScanner.isBreakOrEnd(peek()) else {
            throw YAMLError(
                .invalidBlockScalar,
                "The block scalar header '\(indicator)' at \(start) is followed by \(currentCharacterForMessage); only chomping (+, -), an indentation digit and a comment may follow it.",
                at: mark)
        }
        let headerLine = line
        if YAMLScanner.isBreak(peek()) { skipBreak() }

        var text: [UInt8] = []
        var segments: [YAMLScalarSegment] = []
        var leadingBreakCount = 0
        var trailingBreaks = 0
        var blockIndent = 0
        if increment > 0 {
            blockIndent = indent >= 0 ? indent + increment : increment
            skipBlockScalarIndentation(blockIndent, breaks: &trailingBreaks)
        } else {
            // Auto-detect: the first non-empty line sets the indentation; leading lines of
            // spaces may not be longer than it.
            var longestEmpty = 0
            var longestEmptyPosition = mark
            while true {
                while peek() == UInt8(ascii: " ") { skipBlank() }
                if peek() == UInt8(ascii: "\t") && column <= indent {
                    throw YAMLError(
                        .invalidIndentation,
                        "A tab at \(mark) indents a line of the block scalar started at \(start); block scalar indentation must be spaces.",
                        at: mark)
                }
                if YAMLScanner.isBreak(peek()) {
                    if column > longestEmpty {
                        longestEmpty = column
                        longestEmptyPosition = mark
                    }
                    skipBreak()
                    trailingBreaks += 1
                } else {
                    break
                }
            }
            blockIndent = max(column, indent + 1)
            if indent >= 0 { blockIndent = max(blockIndent, 1) }
            if !atEnd, column > indent, longestEmpty > column {
                throw YAMLError(
                    .invalidIndentation,
                    "The empty line at \(longestEmptyPosition) of the block scalar that starts at \(start) has \(longestEmpty) spaces, more than its first content line (\(column)); leading empty lines may not be indented deeper than the content.",
                    at: longestEmptyPosition)
            }
        }
        if peek() == UInt8(ascii: "\t"), column < blockIndent, column > indent {
            throw YAMLError(
                .invalidIndentation,
                "A tab at \(mark) indents the block scalar started at \(start); block scalar indentation must be spaces.",
                at: mark)
        }

        let contentStart = YAMLPosition(line: line, column: blockIndent + 1, offset: index)
        var leadingBlank = false
        var firstLine = true
        var contentStartPosition = contentStart
        while column == blockIndent && !atEnd {
            if blockIndent == 0 && atAnyDocumentIndicator { break }
            let trailingBlank = YAMLScanner.isBlank(peek())
            if !literal && leadingBreakCount > 0 && !leadingBlank && !trailingBlank {
                // Folding: a single break between two lines becomes a space.
                if trailingBreaks == 0 {
                    text.append(0x20)
                } else {
                    text.append(contentsOf: repeatElement(0x0A, count: trailingBreaks))
                }
            } else {
                text.append(contentsOf: repeatElement(0x0A, count: leadingBreakCount + trailingBreaks))
            }
            leadingBreakCount = 0
            trailingBreaks = 0
            leadingBlank = YAMLScanner.isBlank(peek())
            if firstLine {
                contentStartPosition = YAMLPosition(line: line, column: column + 1, offset: index)
                if !text.isEmpty {
                    segments.append(YAMLScalarSegment(textOffset: text.count, position: mark))
                }
                firstLine = false
            } else {
                segments.append(YAMLScalarSegment(textOffset: text.count, position: mark))
            }
            // The rest of the line is content.
            let lineStart = index
            while !YAMLScanner.isBreakOrEnd(peek()) {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            text.append(contentsOf: bytes[lineStart..<index])
            leadingWhitespace = false
            if atEnd { break }
            skipBreak()
            leadingBreakCount = 1
            skipBlockScalarIndentation(blockIndent, breaks: &trailingBreaks)
        }
        // A last line that ends the input without a line break still counts as ended.
        if atEnd && line > headerLine && column >= max(blockIndent, 1) {
            if firstLine {
                trailingBreaks += 1
            } else if leadingBreakCount == 0 {
                leadingBreakCount = 1
            } else {
                trailingBreaks += 1
            }
        }
        // Chomping of the final break and the trailing empty lines.
        if firstLine {
            // No content line: only kept empty lines remain.
            text = chomping == .keep ? Array(repeating: 0x0A, count: trailingBreaks) : []
        } else {
            switch chomping {
            case .strip: break
            case .clip: if leadingBreakCount > 0 { text.append(0x0A) }
            case .keep: text.append(contentsOf: repeatElement(0x0A, count: leadingBreakCount + trailingBreaks))
            }
        }
        return YAMLToken(
            kind: .scalar(
                YAMLScannedScalar(
                    text: String(decoding: text, as: UTF8.self), style: literal ? .literal : .folded,
                    contentStart: contentStartPosition, segments: segments)),
            start: start, end: mark)
    }

    /// Skips the indentation of block scalar lines and counts the empty lines in between.
    private mutating func skipBlockScalarIndentation(_ blockIndent: Int, breaks: inout Int) {
        while true {
            while column < blockIndent && peek() == UInt8(ascii: " ") { skipBlank() }
            if YAMLScanner.isBreak(peek()) {
                skipBreak()
                breaks += 1
            } else {
                return
            }
        }
    }

    // MARK: - Quoted scalars

    private mutating func fetchQuotedScalar(single: Bool) throws(YAMLError) {
        saveSimpleKey()
        simpleKeyAllowed = false
        let token = try scanQuotedScalar(single: single)
        // A JSON-like key may have its ':' right after it in a flow collection: {"a":1},
        // even on the next line.
        if !flowLevels.isEmpty {
            try skipToNextToken()
            adjacentValueAllowedAt = index
        }
        queue.append(token)
    }

    private mutating func scanQuotedScalar(single: Bool) throws(YAMLError) -> YAMLToken {
        let start = mark
        let quote: UInt8 = single ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        skipByte()
        let contentStart = mark
        var text: [UInt8] = []
        var segments: [YAMLScalarSegment] = []
        var whitespace: [UInt8] = []
        let quoteName = single ? "single-quoted" : "double-quoted"

        while true {
            if atEnd {
                throw YAMLError(
                    .unterminated, "The \(quoteName) scalar that starts at \(start) is not closed before the end of the input.",
                    at: start)
            }
            if column == 0 && atAnyDocumentIndicator {
                throw YAMLError(
                    .unterminated,
                    "The \(quoteName) scalar that starts at \(start) is not closed before the document marker at \(mark).",
                    at: start)
            }
            if leadingWhitespace && line != start.line && column < indent {
                throw YAMLError(
                    .invalidIndentation,
                    "The continuation line at \(mark) of the \(quoteName) scalar that starts at \(start) is indented less than its parent.",
                    at: mark)
            }
            // Non-blank characters.
            var sawLineBreakEscape = false
            while !YAMLScanner.isBlankOrBreakOrEnd(peek()) {
                let c = peek()
                if single {
                    if c == quote {
                        if peek(1) == quote {
                            text.append(quote)
                            skipByte()
                            skipByte()
                            segments.append(YAMLScalarSegment(textOffset: text.count, position: mark))
                            continue
                        }
                        break
                    }
                    copyCharacter(into: &text)
                    continue
                }
                if c == quote { break }
                if c != UInt8(ascii: "\\") {
                    copyCharacter(into: &text)
                    continue
                }
                // An escape.
                let escapePosition = mark
                let e = peek(1)
                if YAMLScanner.isBreak(e) {
                    // An escaped line break: the break and the next line's indentation vanish.
                    skipByte()
                    skipBreak()
                    sawLineBreakEscape = true
                    break
                }
                segments.append(YAMLScalarSegment(textOffset: text.count, position: escapePosition))
                var hexCount = 0
                switch e {
                case UInt8(ascii: "0"): text.append(0)
                case UInt8(ascii: "a"): text.append(0x07)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "t"), 0x09: text.append(0x09)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "v"): text.append(0x0B)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "e"): text.append(0x1B)
                case UInt8(ascii: " "): text.append(0x20)
                case UInt8(ascii: "\""): text.append(0x22)
                case UInt8(ascii: "/"): text.append(0x2F)
                case UInt8(ascii: "\\"): text.append(0x5C)
                case UInt8(ascii: "N"): text.append(contentsOf: [0xC2, 0x85])
                case UInt8(ascii: "_"): text.append(contentsOf: [0xC2, 0xA0])
                case UInt8(ascii: "L"): text.append(contentsOf: [0xE2, 0x80, 0xA8])
                case UInt8(ascii: "P"): text.append(contentsOf: [0xE2, 0x80, 0xA9])
                case UInt8(ascii: "x"): hexCount = 2
                case UInt8(ascii: "u"): hexCount = 4
                case UInt8(ascii: "U"): hexCount = 8
                default:
                    skipByte()
                    throw YAMLError(
                        .invalidEscape,
                        "The escape '\\\(currentCharacterForMessage.dropFirst().dropLast())' at \(escapePosition) is not a YAML escape sequence.",
                        at: escapePosition)
                }
                skipByte()
                skipByte()
                if hexCount > 0 {
                    var value: UInt32 = 0
                    for _ in 0..<hexCount {
                        guard let digit = YAMLScanner.hexValue(peek()) else {
                            throw YAMLError(
                                .invalidEscape,
                                "The escape at \(escapePosition) needs \(hexCount) hexadecimal digits.", at: escapePosition)
                        }
                        value = value << 4 | digit
                        skipByte()
                    }
                    guard let scalar = Unicode.Scalar(value) else {
                        throw YAMLError(
                            .invalidEscape,
                            "The escape at \(escapePosition) names U+\(String(value, radix: 16, uppercase: true)), which is not a Unicode scalar value.",
                            at: escapePosition)
                    }
                    text.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                segments.append(YAMLScalarSegment(textOffset: text.count, position: mark))
            }
            if !sawLineBreakEscape && peek() == quote { break }

            // White space and line breaks.
            var breaks = 0
            var inLeadingBlanks = sawLineBreakEscape
            whitespace.removeAll(keepingCapacity: true)
            while YAMLScanner.isBlank(peek()) || YAMLScanner.isBreak(peek()) {
                if YAMLScanner.isBlank(peek()) {
                    if inLeadingBlanks {
                        if peek() == UInt8(ascii: "\t") && column < indent {
                            throw YAMLError(
                                .invalidIndentation,
                                "A tab at \(mark) indents a line of the \(quoteName) scalar that starts at \(start); indentation must be spaces.",
                                at: mark)
                        }
                    } else {
                        whitespace.append(peek())
                    }
                    skipBlank()
                } else {
                    skipBreak()
                    if !inLeadingBlanks {
                        whitespace.removeAll(keepingCapacity: true)
                        inLeadingBlanks = true
                    } else {
                        breaks += 1
                    }
                }
            }
            if inLeadingBlanks {
                if sawLineBreakEscape {
                    // The escaped break itself folds to nothing; further breaks are kept.
                    text.append(contentsOf: repeatElement(0x0A, count: breaks))
                } else if breaks == 0 {
                    text.append(0x20)
                } else {
                    text.append(contentsOf: repeatElement(0x0A, count: breaks))
                }
                segments.append(YAMLScalarSegment(textOffset: text.count, position: mark))
            } else {
                text.append(contentsOf: whitespace)
            }
        }
        skipByte()  // closing quote
        let end = mark
        let endLine = line
        // Nothing but white space, a comment, or what may follow a node can come next.
        try skipWhitespaceToEndOfLine()
        let next = peek()
        var fine = YAMLScanner.isBreakOrEnd(next)
        if !flowLevels.isEmpty {
            fine = fine || next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == UInt8(ascii: "}")
                || next == UInt8(ascii: ":")
        } else if next == UInt8(ascii: ":") {
            fine = start.line == endLine
        }
        if !fine {
            throw YAMLError(
                .unexpectedToken,
                "The \(quoteName) scalar that ends at \(end) is followed by \(currentCharacterForMessage); nothing but a comment may follow it on its line.",
                at: mark)
        }
        return YAMLToken(
            kind: .scalar(
                YAMLScannedScalar(
                    text: String(decoding: text, as: UTF8.self), style: single ? .singleQuoted : .doubleQuoted,
                    contentStart: contentStart, segments: segments)),
            start: start, end: end)
    }

    // MARK: - Plain scalars

    private mutating func fetchPlainScalar() throws(YAMLError) {
        saveSimpleKey()
        simpleKeyAllowed = false
        let token = try scanPlainScalar()
        queue.append(token)
    }

    /// Whether the character at the cursor can continue a plain scalar (`ns-plain-char`).
    @inline(__always) private func canContinuePlain(inFlow: Bool) -> Bool {
        let c = peek()
        if c == UInt8(ascii: ":") {
            let next = peek(1)
            if YAMLScanner.isBlankOrBreakOrEnd(next) { return false }
            if inFlow && YAMLScanner.isFlowIndicator(next) { return false }
            return true
        }
        if inFlow && YAMLScanner.isFlowIndicator(c) { return false }
        return true
    }

    private mutating func scanPlainScalar() throws(YAMLError) -> YAMLToken {
        unrollNonBlockIndents()
        let inFlow = !flowLevels.isEmpty
        let minimumIndent = indent + 1
        let start = mark
        if inFlow && column < minimumIndent {
            throw YAMLError(
                .invalidIndentation, "The plain scalar at \(start) is indented less than its parent.", at: start)
        }
        if inFlow && peek() == UInt8(ascii: "-") && YAMLScanner.isFlowIndicator(peek(1)) {
            throw YAMLError(
                .unexpectedCharacter,
                "The '-' at \(start) cannot start a plain scalar when a flow indicator follows it; quote it.", at: start)
        }
        // Most plain scalars are one run of characters: keep its range and copy the bytes
        // into `text` only when a second run (after white space or a fold) follows.
        var firstRun: Range<Int>?
        var text: [UInt8] = []
        var segments: [YAMLScalarSegment] = []
        var whitespace: [UInt8] = []
        var leadingBreak = false
        var trailingBreaks = 0
        var end = start
        // The scalar's own first character does not count as following a line break.
        leadingWhitespace = false

        while true {
            if (leadingWhitespace && atAnyDocumentIndicator) || peek() == UInt8(ascii: "#") {
                if peek() == UInt8(ascii: "#") && !inFlow && firstRun != nil {
                    plainInterruptedByComment = mark
                }
                break
            }
            let c = peek()
            guard !YAMLScanner.isBlankOrBreakOrEnd(c), canContinuePlain(inFlow: inFlow) else { break }
            if let run = firstRun, text.isEmpty, leadingWhitespace || !whitespace.isEmpty {
                text.append(contentsOf: bytes[run])
            }
            if leadingWhitespace {
                if inFlow && column < indent {
                    throw YAMLError(
                        .invalidIndentation,
                        "The continuation line at \(mark) of the plain scalar that starts at \(start) is indented less than its parent.",
                        at: mark)
                }
                if leadingBreak {
                    if trailingBreaks == 0 {
                        text.append(0x20)
                    } else {
                        text.append(contentsOf: repeatElement(0x0A, count: trailingBreaks))
                    }
                }
                segments.append(YAMLScalarSegment(textOffset: text.count, position: mark))
                leadingBreak = false
                trailingBreaks = 0
                leadingWhitespace = false
            } else if !whitespace.isEmpty {
                text.append(contentsOf: whitespace)
                whitespace.removeAll(keepingCapacity: true)
            }
            let runStart = index
            while true {
                let b = peek()
                if YAMLScanner.isBlankOrBreakOrEnd(b) { break }
                if b == UInt8(ascii: ":") {
                    let n = peek(1)
                    if YAMLScanner.isBlankOrBreakOrEnd(n) || (inFlow && YAMLScanner.isFlowIndicator(n)) { break }
                } else if inFlow && YAMLScanner.isFlowIndicator(b) {
                    break
                }
                if b & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            if firstRun == nil {
                firstRun = runStart..<index
            } else {
                text.append(contentsOf: bytes[runStart..<index])
            }
            end = mark
            if !(YAMLScanner.isBlank(peek()) || YAMLScanner.isBreak(peek())) { break }

            // White space and line breaks between runs.
            while YAMLScanner.isBlank(peek()) || YAMLScanner.isBreak(peek()) {
                if YAMLScanner.isBlank(peek()) {
                    if !leadingWhitespace {
                        whitespace.append(peek())
                        skipBlank()
                    } else if column < minimumIndent && peek() == UInt8(ascii: "\t") {
                        // A tab in the indentation is fine only on an otherwise empty line.
                        let tabPosition = mark
                        try skipWhitespaceToEndOfLine()
                        if !YAMLScanner.isBreakOrEnd(peek()) {
                            throw YAMLError(
                                .invalidIndentation,
                                "A tab at \(tabPosition) indents a continuation line of the plain scalar that starts at \(start); indentation must be spaces.",
                                at: tabPosition)
                        }
                    } else {
                        skipBlank()
                    }
                } else {
                    skipBreak()
                    if leadingBreak {
                        trailingBreaks += 1
                    } else {
                        whitespace.removeAll(keepingCapacity: true)
                        leadingBreak = true
                    }
                }
            }
            if !inFlow && column < minimumIndent { break }
        }
        if leadingWhitespace { simpleKeyAllowed = true }
        guard let run = firstRun else {
            throw YAMLError(
                .unexpectedCharacter, "\(currentCharacterForMessage.capitalizedFirst) at \(start) cannot start a value here.",
                at: start)
        }
        let string = text.isEmpty ? String(decoding: bytes[run], as: UTF8.self) : String(decoding: text, as: UTF8.self)
        return YAMLToken(
            kind: .scalar(YAMLScannedScalar(text: string, style: .plain, contentStart: start, segments: segments)),
            start: start, end: end)
    }
}

extension String {
    /// The string with its first character upper-cased ("the end" → "The end"; a leading
    /// quote is kept and the character after it is left as it is).
    var capitalizedFirst: String {
        guard let first else { return self }
        if first == "'" { return "The character " + self }
        return first.uppercased() + dropFirst()
    }
}
