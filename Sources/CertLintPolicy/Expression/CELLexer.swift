/// One token of an expression, with its UTF-8 range in the source.
struct CELToken: Equatable, Sendable {
    /// What the token is.
    enum Kind: Equatable, Sendable {
        /// A decimal or hexadecimal integer literal, unsigned; the sign is a separate `-` token.
        case int(UInt64)
        /// An unsigned literal such as `1u`, which certlint does not support.
        case uint
        case double(Double)
        case string(String)
        case bytes([UInt8])
        case identifier(String)
        /// A word CEL reserves (`if`, `for`, `let`…), which cannot be a name.
        case reserved(String)
        case trueLiteral, falseLiteral, nullLiteral
        case inKeyword
        case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case dot, comma, colon, question
        case not, minus, plus, star, slash, percent
        case less, lessEqual, greater, greaterEqual, equal, notEqual
        case and, or
        case end
    }

    var kind: Kind
    /// UTF-8 offset of the first byte.
    var offset: Int
    /// Length in UTF-8 bytes.
    var length: Int
}

/// Splits an expression's source into tokens (cel-spec's lexis: identifiers, the reserved words,
/// int/double literals, strings with escapes, raw, triple-quoted and bytes forms, operators,
/// `//` comments).
struct CELLexer {
    private let bytes: [UInt8]
    private let source: String
    private var i = 0

    /// Words CEL reserves for embedding in host languages; they cannot be names.
    static let reservedWords: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    init(_ source: String) {
        self.source = source
        self.bytes = Array(source.utf8)
    }

    /// All tokens, ending with `.end`.
    static func tokenize(_ source: String) throws(CELCompileError) -> [CELToken] {
        var lexer = CELLexer(source)
        var tokens: [CELToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func error(_ code: CELCompileError.Code, _ message: String, at offset: Int) -> CELCompileError {
        CELCompileError(code, message, offset: offset, source: source)
    }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let j = i + ahead
        return j < bytes.count ? bytes[j] : nil
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }
    private static func isIdentStart(_ c: UInt8) -> Bool { (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F }
    private static func isIdentPart(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }

    /// The character at a byte offset, for messages.
    private func describeCharacter(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        if let scalar = text.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F {
            return "U+" + String(scalar.value, radix: 16, uppercase: true)
        }
        return "'\(text)'"
    }

    mutating func next() throws(CELCompileError) -> CELToken {
        skipTrivia()
        guard let c = peek() else { return CELToken(kind: .end, offset: bytes.count, length: 0) }
        let start = i
        func token(_ kind: CELToken.Kind, _ length: Int) -> CELToken {
            i = start + length
            return CELToken(kind: kind, offset: start, length: length)
        }
        switch c {
        case 0x28: return token(.leftParen, 1)
        case 0x29: return token(.rightParen, 1)
        case 0x5B: return token(.leftBracket, 1)
        case 0x5D: return token(.rightBracket, 1)
        case 0x7B: return token(.leftBrace, 1)
        case 0x7D: return token(.rightBrace, 1)
        case 0x2C: return token(.comma, 1)
        case 0x3A: return token(.colon, 1)
        case 0x3F: return token(.question, 1)
        case 0x2B: return token(.plus, 1)
        case 0x2D: return token(.minus, 1)
        case 0x2A: return token(.star, 1)
        case 0x2F: return token(.slash, 1)
        case 0x25: return token(.percent, 1)
        case 0x21: return peek(1) == 0x3D ? token(.notEqual, 2) : token(.not, 1)
        case 0x3C: return peek(1) == 0x3D ? token(.lessEqual, 2) : token(.less, 1)
        case 0x3E: return peek(1) == 0x3D ? token(.greaterEqual, 2) : token(.greater, 1)
        case 0x3D:
            if peek(1) == 0x3D { return token(.equal, 2) }
            throw error(.syntax, "unexpected '='; use '==' to compare values", at: start)
        case 0x26:
            if peek(1) == 0x26 { return token(.and, 2) }
            throw error(.syntax, "unexpected '&'; use '&&' for logical and", at: start)
        case 0x7C:
            if peek(1) == 0x7C { return token(.or, 2) }
            throw error(.syntax, "unexpected '|'; use '||' for logical or", at: start)
        case 0x2E:
            if let d = peek(1), Self.isDigit(d) { return try number() }
            return token(.dot, 1)
        case 0x22, 0x27:
            return try string(prefixLength: 0, raw: false, isBytes: false)
        default:
            if Self.isDigit(c) { return try number() }
            if Self.isIdentStart(c) {
                if let literal = try stringWithPrefix() { return literal }
                return word()
            }
            throw error(.invalidCharacter, "unexpected character \(describeCharacter(at: start)) in the expression", at: start)
        }
    }

    private mutating func skipTrivia() {
        while let c = peek() {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                i += 1
            } else if c == 0x2F, peek(1) == 0x2F {
                while let d = peek(), d != 0x0A, d != 0x0D { i += 1 }
            } else {
                return
            }
        }
    }

    private mutating func word() -> CELToken {
        let start = i
        while let c = peek(), Self.isIdentPart(c) { i += 1 }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        let kind: CELToken.Kind
        switch text {
        case "true": kind = .trueLiteral
        case "false": kind = .falseLiteral
        case "null": kind = .nullLiteral
        case "in": kind = .inKeyword
        default: kind = Self.reservedWords.contains(text) ? .reserved(text) : .identifier(text)
        }
        return CELToken(kind: kind, offset: start, length: i - start)
    }

    /// `r"…"`, `b'…'`, `rb"…"`, `BR'''…'''` and the like; `nil` when the word is not a prefix.
    private mutating func stringWithPrefix() throws(CELCompileError) -> CELToken? {
        var raw = false
        var isBytes = false
        var n = 0
        while n < 2, let c = peek(n) {
            if (c == 0x72 || c == 0x52) && !raw {
                raw = true
            } else if (c == 0x62 || c == 0x42) && !isBytes {
                isBytes = true
            } else {
                break
            }
            n += 1
        }
        guard n > 0, let q = peek(n), q == 0x22 || q == 0x27 else { return nil }
        return try string(prefixLength: n, raw: raw, isBytes: isBytes)
    }

    private mutating func number() throws(CELCompileError) -> CELToken {
        let start = i
        // Hexadecimal.
        if peek() == 0x30, let x = peek(1), x | 0x20 == 0x78 {
            i += 2
            let digitsStart = i
            while let c = peek(), Self.isHexDigit(c) { i += 1 }
            guard i > digitsStart else { throw error(.invalidLiteral, "the hexadecimal literal '0x' has no digits", at: start) }
            var value: UInt64 = 0
            for c in bytes[digitsStart..<i] {
                let digit = UInt64(Self.isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10)
                let (m, o1) = value.multipliedReportingOverflow(by: 16)
                let (a, o2) = m.addingReportingOverflow(digit)
                if o1 || o2 { throw error(.invalidLiteral, "the integer literal '\(text(start, i))' is out of range", at: start) }
                value = a
            }
            return try integerSuffix(value, start: start)
        }
        var isDouble = false
        while let c = peek(), Self.isDigit(c) { i += 1 }
        if peek() == 0x2E, let d = peek(1), Self.isDigit(d) {
            isDouble = true
            i += 1
            while let c = peek(), Self.isDigit(c) { i += 1 }
        }
        if let e = peek(), e | 0x20 == 0x65 {
            var j = 1
            if let s = peek(1), s == 0x2B || s == 0x2D { j = 2 }
            if let d = peek(j), Self.isDigit(d) {
                isDouble = true
                i += j
                while let c = peek(), Self.isDigit(c) { i += 1 }
            }
        }
        let literal = text(start, i)
        if isDouble {
            guard let value = Double(literal), value.isFinite else {
                throw error(.invalidLiteral, "the double literal '\(literal)' is out of range", at: start)
            }
            if let c = peek(), Self.isIdentPart(c) {
                throw error(.invalidLiteral, "unexpected '\(text(i, i + 1))' after the number '\(literal)'", at: i)
            }
            return CELToken(kind: .double(value), offset: start, length: i - start)
        }
        guard let value = UInt64(literal) else {
            throw error(.invalidLiteral, "the integer literal '\(literal)' is out of range", at: start)
        }
        return try integerSuffix(value, start: start)
    }

    private mutating func integerSuffix(_ value: UInt64, start: Int) throws(CELCompileError) -> CELToken {
        if let c = peek(), c | 0x20 == 0x75 {
            i += 1
            if let d = peek(), Self.isIdentPart(d) {
                throw error(.invalidLiteral, "unexpected '\(text(i, i + 1))' after the number '\(text(start, i))'", at: i)
            }
            return CELToken(kind: .uint, offset: start, length: i - start)
        }
        if let c = peek(), Self.isIdentPart(c) {
            throw error(.invalidLiteral, "unexpected '\(text(i, i + 1))' after the number '\(text(start, i))'", at: i)
        }
        return CELToken(kind: .int(value), offset: start, length: i - start)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<min(to, bytes.count)], as: UTF8.self)
    }

    private mutating func string(prefixLength: Int, raw: Bool, isBytes: Bool) throws(CELCompileError) -> CELToken {
        let start = i
        i += prefixLength
        guard let quote = peek() else { throw error(.invalidLiteral, "unterminated string literal", at: start) }
        let triple = peek(1) == quote && peek(2) == quote
        i += triple ? 3 : 1
        var out: [UInt8] = []
        while true {
            guard let c = peek() else {
                throw error(.invalidLiteral, "unterminated string literal; it has no closing \(triple ? String(repeating: quoteText(quote), count: 3) : quoteText(quote))", at: start)
            }
            if c == quote {
                if !triple {
                    i += 1
                    break
                }
                if peek(1) == quote, peek(2) == quote {
                    i += 3
                    break
                }
            }
            if !triple, c == 0x0A || c == 0x0D {
                throw error(.invalidLiteral, "unterminated string literal; a quoted string cannot span lines (use ''' or \"\"\" for that)", at: start)
            }
            if c == 0x5C, !raw {
                try escape(into: &out, isBytes: isBytes)
                continue
            }
            out.append(c)
            i += 1
        }
        let length = i - start
        if isBytes { return CELToken(kind: .bytes(out), offset: start, length: length) }
        // Escapes appended UTF-8 of valid scalars and the rest is source text, so this is valid UTF-8.
        return CELToken(kind: .string(String(decoding: out, as: UTF8.self)), offset: start, length: length)
    }

    private func quoteText(_ q: UInt8) -> String { q == 0x22 ? "\"" : "'" }

    private mutating func escape(into out: inout [UInt8], isBytes: Bool) throws(CELCompileError) {
        let start = i
        i += 1
        guard let c = peek() else { throw error(.invalidLiteral, "unterminated string literal", at: start) }
        func appendScalar(_ value: UInt32) throws(CELCompileError) {
            guard let scalar = Unicode.Scalar(value) else {
                throw error(.invalidLiteral, "the escape '\(text(start, i))' is not a valid Unicode code point", at: start)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        func hex(_ count: Int) throws(CELCompileError) -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<count {
                guard let d = peek(), Self.isHexDigit(d) else {
                    throw error(.invalidLiteral, "the escape '\(text(start, i + 1))' needs \(count) hexadecimal digits", at: start)
                }
                v = v * 16 + UInt32(Self.isDigit(d) ? d - 0x30 : (d | 0x20) - 0x61 + 10)
                i += 1
            }
            return v
        }
        switch c {
        case 0x5C, 0x3F, 0x22, 0x27, 0x60:
            out.append(c)
            i += 1
        case 0x61:
            out.append(0x07)
            i += 1
        case 0x62:
            out.append(0x08)
            i += 1
        case 0x66:
            out.append(0x0C)
            i += 1
        case 0x6E:
            out.append(0x0A)
            i += 1
        case 0x72:
            out.append(0x0D)
            i += 1
        case 0x74:
            out.append(0x09)
            i += 1
        case 0x76:
            out.append(0x0B)
            i += 1
        case 0x78, 0x58:
            i += 1
            let v = try hex(2)
            if isBytes { out.append(UInt8(v)) } else { try appendScalar(v) }
        case 0x75, 0x55:
            if isBytes { throw error(.invalidLiteral, "the escape '\\\(text(i, i + 1))' is not allowed in a bytes literal", at: start) }
            i += 1
            try appendScalar(try hex(c == 0x75 ? 4 : 8))
        case 0x30...0x33:
            var v: UInt32 = 0
            for _ in 0..<3 {
                guard let d = peek(), d >= 0x30, d <= 0x37 else {
                    throw error(.invalidLiteral, "the octal escape '\(text(start, i + 1))' needs three digits from 000 to 377", at: start)
                }
                v = v * 8 + UInt32(d - 0x30)
                i += 1
            }
            if isBytes { out.append(UInt8(v)) } else { try appendScalar(v) }
        default:
            throw error(.invalidLiteral, "the escape '\\\(describeEscaped(c))' is not valid in a string", at: start)
        }
    }

    private func describeEscaped(_ c: UInt8) -> String {
        var end = i + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[i..<end], as: UTF8.self)
    }
}
