/// A small XML reader for configuration files (`applicationHost.config`, `web.config`) that
/// keeps the line and column of every element and attribute.
///
/// Why not FoundationXML's `XMLParser`: on Linux it reports the position of the *end* of a
/// start tag (the last line of a multi-line tag), gives attributes as an unordered dictionary
/// without positions, describes errors only by a numeric code, and leaves entity expansion to
/// libxml2. Configuration files use a small part of XML, which this reader covers: elements,
/// attributes in single or double quotes, the five predefined entities and character
/// references, comments, CDATA sections, processing instructions and a DOCTYPE (skipped; its
/// entity declarations are not honoured, so nothing expands). Well-formedness errors (a
/// mismatched end tag, an unclosed element, a duplicate attribute, an unknown entity) are
/// reported with their line and column. Depth, element and attribute counts are capped.
struct ConfigXML: Sendable {
    /// One attribute.
    struct Attribute: Sendable, Hashable {
        /// The name as written (with its prefix, if any).
        var name: String
        /// The value after entity decoding.
        var value: String
        /// Where the name starts.
        var line: Int
        /// Where the name starts (1-based, Unicode scalars).
        var column: Int
    }

    /// One element.
    struct Element: Sendable, Hashable {
        /// The name as written.
        var name: String
        /// The attributes in the order written.
        var attributes: [Attribute]
        /// Where the `<` is.
        var line: Int
        /// Where the `<` is.
        var column: Int
        /// The indices of the child elements in ``ConfigXML/elements``.
        var children: [Int]
        /// The index of the parent, `nil` for the root.
        var parent: Int?

        /// The attribute named `name` (compared exactly, as XML does).
        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
        /// The value of the attribute named `name`.
        subscript(name: String) -> String? { attribute(name)?.value }
    }

    /// A well-formedness error.
    struct ParseError: Error, Sendable, Hashable {
        /// 1-based line.
        var line: Int
        /// 1-based column.
        var column: Int
        /// One sentence.
        var message: String
    }

    /// Caps on hostile input.
    static let maxDepth = 256
    static let maxElements = 200_000
    static let maxAttributes = 1_000

    /// Every element in document order; the root is at index 0.
    private(set) var elements: [Element] = []

    /// The root element.
    var root: Element? { elements.first }

    /// The child elements of `element` named `name`.
    func children(of element: Element, named name: String) -> [Element] {
        element.children.map { elements[$0] }.filter { $0.name == name }
    }

    /// The elements reached from `element` by the path of names (`["bindings", "binding"]`).
    func descendants(of element: Element, path: [String]) -> [Element] {
        var current = [element]
        for name in path { current = current.flatMap { children(of: $0, named: name) } }
        return current
    }

    /// Parses `text`.
    static func parse(_ text: String) throws(ParseError) -> ConfigXML {
        var scanner = Scanner(Array(text.unicodeScalars))
        return try scanner.document()
    }
}

extension ConfigXML {
    /// The cursor over the text, with the line and column of each position.
    fileprivate struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            if scalars.first == "\u{FEFF}" { index = 1 }
        }

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func advance() {
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

        mutating func advance(by count: Int) {
            for _ in 0..<count { advance() }
        }

        func looking(at word: String) -> Bool {
            var position = index
            for scalar in word.unicodeScalars {
                guard position < scalars.count, scalars[position] == scalar else { return false }
                position += 1
            }
            return true
        }

        func error(_ message: String, line: Int? = nil, column: Int? = nil) -> ParseError {
            ParseError(line: line ?? self.line, column: column ?? self.column, message: message)
        }

        static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" }

        static func isNameScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
            switch scalar {
            case "A"..."Z", "a"..."z", "_", ":": return true
            case "0"..."9", "-", ".": return !first
            default: return scalar.value >= 0x80 && !isSpace(scalar)
            }
        }

        mutating func skipSpaces() {
            while let scalar = current, Self.isSpace(scalar) { advance() }
        }

        /// Skips past `terminator`, or throws `message` at the start position.
        mutating func skip(past terminator: String, what: String, line startLine: Int, column startColumn: Int) throws(ParseError) {
            while index < scalars.count {
                if looking(at: terminator) {
                    advance(by: terminator.unicodeScalars.count)
                    return
                }
                advance()
            }
            throw error("The \(what) that starts at \(startLine):\(startColumn) is never closed with \(terminator).", line: startLine, column: startColumn)
        }

        mutating func name() -> String? {
            guard let first = current, Self.isNameScalar(first, first: true) else { return nil }
            var name = String.UnicodeScalarView()
            while let scalar = current, Self.isNameScalar(scalar, first: false) {
                name.append(scalar)
                advance()
            }
            return String(name)
        }

        // MARK: Document

        mutating func document() throws(ParseError) -> ConfigXML {
            var xml = ConfigXML()
            var stack: [Int] = []
            var rootClosed = false
            while let scalar = current {
                if scalar != "<" {
                    if !Self.isSpace(scalar) && stack.isEmpty {
                        throw error("Text at \(line):\(column) is outside the root element.")
                    }
                    if scalar == "&" { _ = try entity() } else { advance() }
                    continue
                }
                let startLine = line
                let startColumn = column
                if looking(at: "<?") {
                    try skip(past: "?>", what: "processing instruction", line: startLine, column: startColumn)
                } else if looking(at: "<!--") {
                    advance(by: 4)
                    try skip(past: "-->", what: "comment", line: startLine, column: startColumn)
                } else if looking(at: "<![CDATA[") {
                    guard !stack.isEmpty else { throw error("A CDATA section at \(startLine):\(startColumn) is outside the root element.") }
                    try skip(past: "]]>", what: "CDATA section", line: startLine, column: startColumn)
                } else if looking(at: "<!") {
                    try skipDeclaration(line: startLine, column: startColumn)
                } else if looking(at: "</") {
                    advance(by: 2)
                    guard let name = name() else { throw error("An end tag at \(startLine):\(startColumn) has no name.", line: startLine, column: startColumn) }
                    skipSpaces()
                    guard current == ">" else { throw error("The end tag </\(name)> at \(startLine):\(startColumn) is not closed with >.") }
                    advance()
                    guard let open = stack.last else {
                        throw error("The end tag </\(name)> at \(startLine):\(startColumn) closes no open element.", line: startLine, column: startColumn)
                    }
                    let element = xml.elements[open]
                    guard element.name == name else {
                        throw error(
                            "The end tag </\(name)> at \(startLine):\(startColumn) does not match <\(element.name)> opened at \(element.line):\(element.column).",
                            line: startLine, column: startColumn)
                    }
                    stack.removeLast()
                    if stack.isEmpty { rootClosed = true }
                } else {
                    if rootClosed || (stack.isEmpty && !xml.elements.isEmpty) {
                        throw error("A second root element starts at \(startLine):\(startColumn); a document has one.", line: startLine, column: startColumn)
                    }
                    guard stack.count < ConfigXML.maxDepth else {
                        throw error("Elements are nested more than \(ConfigXML.maxDepth) deep at \(startLine):\(startColumn).")
                    }
                    guard xml.elements.count < ConfigXML.maxElements else {
                        throw error("The document holds more than \(ConfigXML.maxElements) elements.")
                    }
                    let (element, selfClosing) = try startTag(line: startLine, column: startColumn)
                    var placed = element
                    placed.parent = stack.last
                    let newIndex = xml.elements.count
                    xml.elements.append(placed)
                    if let parent = stack.last { xml.elements[parent].children.append(newIndex) }
                    if selfClosing {
                        if stack.isEmpty { rootClosed = true }
                    } else {
                        stack.append(newIndex)
                    }
                }
            }
            if let open = stack.last {
                let element = xml.elements[open]
                throw error("The element <\(element.name)> opened at \(element.line):\(element.column) is never closed.", line: element.line, column: element.column)
            }
            if xml.elements.isEmpty { throw error("The text holds no XML element.", line: 1, column: 1) }
            return xml
        }

        /// `<!DOCTYPE …>` or another declaration, with a bracketed internal subset.
        mutating func skipDeclaration(line startLine: Int, column startColumn: Int) throws(ParseError) {
            var depth = 0
            var quote: Unicode.Scalar?
            advance(by: 2)
            while let scalar = current {
                advance()
                if let open = quote {
                    if scalar == open { quote = nil }
                    continue
                }
                switch scalar {
                case "\"", "'": quote = scalar
                case "[": depth += 1
                case "]": depth -= 1
                case ">" where depth <= 0: return
                default: break
                }
            }
            throw error("The declaration that starts at \(startLine):\(startColumn) is never closed with >.", line: startLine, column: startColumn)
        }

        mutating func startTag(line startLine: Int, column startColumn: Int) throws(ParseError) -> (Element, Bool) {
            advance()
            guard let name = name() else { throw error("A < at \(startLine):\(startColumn) starts no element name.", line: startLine, column: startColumn) }
            var element = Element(name: name, attributes: [], line: startLine, column: startColumn, children: [], parent: nil)
            while true {
                let hadSpace = current.map(Self.isSpace) ?? false
                skipSpaces()
                guard let scalar = current else {
                    throw error("The start tag <\(name)> at \(startLine):\(startColumn) is never closed.", line: startLine, column: startColumn)
                }
                if scalar == ">" {
                    advance()
                    return (element, false)
                }
                if scalar == "/" {
                    advance()
                    guard current == ">" else { throw error("Expected > after / in the tag <\(name)> at \(line):\(column).") }
                    advance()
                    return (element, true)
                }
                let attributeLine = line
                let attributeColumn = column
                guard hadSpace, let attributeName = self.name() else {
                    throw error("Unexpected character \(String(scalar).debugDescription) at \(line):\(column) in the tag <\(name)>.")
                }
                skipSpaces()
                guard current == "=" else { throw error("The attribute \(attributeName) at \(attributeLine):\(attributeColumn) has no = and value.") }
                advance()
                skipSpaces()
                guard let quote = current, quote == "\"" || quote == "'" else {
                    throw error("The value of \(attributeName) at \(line):\(column) is not in quotes.")
                }
                advance()
                var value = String.UnicodeScalarView()
                while true {
                    guard let next = current else {
                        throw error("The value of \(attributeName) at \(attributeLine):\(attributeColumn) is never closed.", line: attributeLine, column: attributeColumn)
                    }
                    if next == quote {
                        advance()
                        break
                    }
                    if next == "<" { throw error("A < at \(line):\(column) is not allowed in the value of \(attributeName).") }
                    if next == "&" {
                        value.append(contentsOf: try entity().unicodeScalars)
                        continue
                    }
                    // Attribute-value normalisation: white space becomes a space.
                    value.append(next == "\t" || next == "\n" || next == "\r" ? " " : next)
                    if next == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { advance() }
                    advance()
                }
                if element.attributes.contains(where: { $0.name == attributeName }) {
                    throw error("The attribute \(attributeName) appears twice in <\(name)> (again at \(attributeLine):\(attributeColumn)).", line: attributeLine, column: attributeColumn)
                }
                guard element.attributes.count < ConfigXML.maxAttributes else {
                    throw error("The element <\(name)> at \(startLine):\(startColumn) has more than \(ConfigXML.maxAttributes) attributes.")
                }
                element.attributes.append(Attribute(name: attributeName, value: String(value), line: attributeLine, column: attributeColumn))
            }
        }

        /// An entity or character reference at `&`, decoded.
        mutating func entity() throws(ParseError) -> String {
            let startLine = line
            let startColumn = column
            advance()
            var body = String.UnicodeScalarView()
            while let scalar = current, scalar != ";", body.count < 12 {
                body.append(scalar)
                advance()
            }
            guard current == ";" else {
                throw error("The & at \(startLine):\(startColumn) starts no entity reference; write &amp; for an ampersand.", line: startLine, column: startColumn)
            }
            advance()
            let name = String(body)
            switch name {
            case "lt": return "<"
            case "gt": return ">"
            case "amp": return "&"
            case "quot": return "\""
            case "apos": return "'"
            default:
                var digits = Substring(name)
                var radix = 10
                if digits.hasPrefix("#x") {
                    digits = digits.dropFirst(2)
                    radix = 16
                } else if digits.hasPrefix("#") {
                    digits = digits.dropFirst()
                } else {
                    throw error("The entity &\(name); at \(startLine):\(startColumn) is not defined.", line: startLine, column: startColumn)
                }
                guard let code = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(code) else {
                    throw error("The character reference &\(name); at \(startLine):\(startColumn) is not a valid character.", line: startLine, column: startColumn)
                }
                return String(scalar)
            }
        }
    }
}
