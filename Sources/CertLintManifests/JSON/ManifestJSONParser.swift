/// The JSON grammar of RFC 8259, read iteratively over UTF-8 bytes with an explicit stack
/// of open containers (so depth costs heap, never call stack):
///
/// ```
/// JSON-text = ws value ws
/// value     = false / null / true / object / array / number / string
/// object    = "{" ws [ member *( ws "," ws member ) ] ws "}"
/// member    = string ws ":" ws value
/// array     = "[" ws [ value *( ws "," ws value ) ] ws "]"
/// number    = [ "-" ] ( "0" / %x31-39 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "-" / "+" ] 1*DIGIT ]
/// ws        = *( %x20 / %x09 / %x0A / %x0D )
/// ```
struct ManifestJSONParser {
    private let bytes: [UInt8]
    private let options: ManifestJSONOptions
    private var index = 0

    // Positions are asked for in increasing order; this cursor moves forward only (except
    // for an error pointing back, which recounts from the start).
    private var cursorOffset = 0
    private var cursorLine = 1
    private var cursorColumn = 1
    private var firstOffset = 0

    /// An array or object being read.
    private struct Frame {
        var isObject: Bool
        var start: ManifestJSONPosition
        var items: [ManifestJSONValue] = []
        var members: [ManifestJSONMember] = []
        var pendingKey = ""
        var pendingKeyPosition = ManifestJSONPosition.start
        var seenKeys: Set<String> = []
    }

    init(bytes: [UInt8], options: ManifestJSONOptions) {
        self.bytes = bytes
        self.options = options
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            cursorOffset = 3
            firstOffset = 3
        }
    }

    // MARK: - Positions

    private mutating func position(at offset: Int) -> ManifestJSONPosition {
        if offset < cursorOffset {
            cursorOffset = firstOffset
            cursorLine = 1
            cursorColumn = 1
        }
        let end = min(offset, bytes.count)
        while cursorOffset < end {
            let byte = bytes[cursorOffset]
            if byte == 0x0A {
                cursorLine += 1
                cursorColumn = 1
            } else if byte == 0x0D {
                if cursorOffset + 1 >= bytes.count || bytes[cursorOffset + 1] != 0x0A {
                    cursorLine += 1
                    cursorColumn = 1
                }
            } else if byte & 0xC0 != 0x80 {
                cursorColumn += 1
            }
            cursorOffset += 1
        }
        return ManifestJSONPosition(line: cursorLine, column: cursorColumn, offset: offset)
    }

    private mutating func error(_ code: ManifestJSONError.Code, _ message: (ManifestJSONPosition) -> String, at offset: Int) -> ManifestJSONError {
        let place = position(at: offset)
        return ManifestJSONError(code, message(place), at: place)
    }

    /// The character at `offset` for a message: `'x'`, or `U+000C` for controls.
    private func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the text" }
        let byte = bytes[offset]
        if byte < 0x20 || byte == 0x7F {
            return "the control character U+" + hex4(UInt32(byte))
        }
        // The whole scalar starting here.
        var end = offset + 1
        while end < bytes.count, end - offset < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        return "'\(text)'"
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: - Document

    /// Reads the one value of the text and checks nothing follows it.
    mutating func parseDocument() throws(ManifestJSONError) -> ManifestJSONValue {
        skipWhitespace()
        if index >= bytes.count {
            throw error(.empty, { _ in "The text holds no JSON value." }, at: index)
        }
        let value = try parseValueTree()
        skipWhitespace()
        if index < bytes.count {
            let what = describe(at: index)
            throw error(.trailingContent, { "\(what) at \($0) follows the end of the JSON value." }, at: index)
        }
        return value
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Reads one value with everything nested in it.
    private mutating func parseValueTree() throws(ManifestJSONError) -> ManifestJSONValue {
        var stack: [Frame] = []
        // Each turn reads the start of one value: a scalar completes at once; `[` or `{`
        // pushes a frame (or completes when empty).
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw error(.unexpectedEnd, { _ in "The text ends where a value is expected." }, at: index)
            }
            let startOffset = index
            let start = position(at: startOffset)
            var value: ManifestJSONValue
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[index] == UInt8(ascii: "{")
                if stack.count >= options.maxDepth {
                    let cap = options.maxDepth
                    throw error(.tooDeep, { "Arrays and objects are nested more than \(cap) deep at \($0)." }, at: startOffset)
                }
                index += 1
                skipWhitespace()
                let close = UInt8(ascii: isObject ? "}" : "]")
                if index < bytes.count, bytes[index] == close {
                    index += 1
                    value = ManifestJSONValue(isObject ? .object([]) : .array([]), at: start)
                } else {
                    var frame = Frame(isObject: isObject, start: start)
                    if isObject { try readKey(into: &frame) }
                    stack.append(frame)
                    continue
                }
            case UInt8(ascii: "\""):
                value = ManifestJSONValue(.string(try parseString()), at: start)
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = ManifestJSONValue(.bool(true), at: start)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = ManifestJSONValue(.bool(false), at: start)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = ManifestJSONValue(.null, at: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = ManifestJSONValue(.number(try parseNumber()), at: start)
            default:
                let what = describe(at: index)
                let hint = hintForValueStart(bytes[index])
                throw error(.unexpectedCharacter, { "\(what) at \($0) cannot start a JSON value\(hint)." }, at: index)
            }

            // Attach the finished value to its container; close containers that end here.
            while true {
                guard !stack.isEmpty else { return value }
                let top = stack.count - 1
                if stack[top].isObject {
                    let key = stack[top].pendingKey
                    let member = ManifestJSONMember(key: key, keyPosition: stack[top].pendingKeyPosition, value: value)
                    stack[top].members.append(member)
                } else {
                    stack[top].items.append(value)
                }
                skipWhitespace()
                guard index < bytes.count else {
                    let what = stack[top].isObject ? "object" : "array"
                    let opened = stack[top].start
                    throw error(.unexpectedEnd, { _ in "The text ends inside the \(what) opened at \(opened)." }, at: index)
                }
                let byte = bytes[index]
                let close = UInt8(ascii: stack[top].isObject ? "}" : "]")
                if byte == UInt8(ascii: ",") {
                    index += 1
                    if stack[top].isObject {
                        skipWhitespace()
                        var frame = stack.removeLast()
                        try readKey(into: &frame)
                        stack.append(frame)
                    }
                    break
                }
                if byte == close {
                    index += 1
                    let frame = stack.removeLast()
                    value = ManifestJSONValue(frame.isObject ? .object(frame.members) : .array(frame.items), at: frame.start)
                    continue
                }
                let what = describe(at: index)
                let expected = stack[top].isObject ? "',' or '}'" : "',' or ']'"
                throw error(.unexpectedCharacter, { "\(what) at \($0) is not \(expected) after a value." }, at: index)
            }
        }
    }

    private func hintForValueStart(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return " (JSON strings use double quotes)"
        case UInt8(ascii: "/"), UInt8(ascii: "#"): return " (JSON has no comments)"
        case UInt8(ascii: "}"), UInt8(ascii: "]"): return " (a trailing comma before it is not allowed)"
        case UInt8(ascii: "+"), UInt8(ascii: "."): return " (a number starts with '-' or a digit)"
        default: return ""
        }
    }

    /// Reads `"key" ws ":"` of an object member into the frame.
    private mutating func readKey(into frame: inout Frame) throws(ManifestJSONError) {
        guard index < bytes.count else {
            let opened = frame.start
            throw error(.unexpectedEnd, { _ in "The text ends inside the object opened at \(opened)." }, at: index)
        }
        guard bytes[index] == UInt8(ascii: "\"") else {
            let what = describe(at: index)
            let hint = bytes[index] == UInt8(ascii: "}") ? " (a trailing comma before it is not allowed)" : ""
            throw error(.unexpectedCharacter, { "\(what) at \($0) is not an object key; keys are double-quoted strings\(hint)." }, at: index)
        }
        let keyOffset = index
        let keyPosition = position(at: keyOffset)
        let key = try parseString()
        if options.rejectsDuplicateKeys {
            if frame.seenKeys.contains(key) {
                throw error(.duplicateKey, { "The key \"\(key)\" at \($0) is already in this object." }, at: keyOffset)
            }
            frame.seenKeys.insert(key)
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            let what = describe(at: index)
            throw error(.unexpectedCharacter, { "\(what) at \($0) is not the ':' that must follow the key \"\(key)\"." }, at: index)
        }
        index += 1
        frame.pendingKey = key
        frame.pendingKeyPosition = keyPosition
    }

    private mutating func expectLiteral(_ word: StaticString) throws(ManifestJSONError) {
        let start = index
        let ok = word.withUTF8Buffer { literal -> Bool in
            guard start + literal.count <= bytes.count else { return false }
            for i in 0..<literal.count where bytes[start + i] != literal[i] { return false }
            return true
        }
        guard ok else {
            let what = describe(at: start)
            let name = "\(word)"
            throw error(.unexpectedCharacter, { "\(what) at \($0) starts neither '\(name)' nor any other JSON value." }, at: start)
        }
        index += word.utf8CodeUnitCount
    }

    // MARK: - Numbers

    private func isDigit(_ offset: Int) -> Bool {
        offset < bytes.count && bytes[offset] >= UInt8(ascii: "0") && bytes[offset] <= UInt8(ascii: "9")
    }

    private mutating func parseNumber() throws(ManifestJSONError) -> String {
        let start = index
        var i = index
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else {
            throw error(.invalidNumber, { "The number at \($0) has no digits after its '-'." }, at: start)
        }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) {
                throw error(.invalidNumber, { "The number at \($0) has a leading zero, which JSON does not allow." }, at: start)
            }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else {
                throw error(.invalidNumber, { "The number at \($0) has no digits after its decimal point." }, at: start)
            }
            while isDigit(i) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else {
                throw error(.invalidNumber, { "The number at \($0) has no digits in its exponent." }, at: start)
            }
            while isDigit(i) { i += 1 }
        }
        index = i
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    // MARK: - Strings

    /// Reads a string starting at its opening quote; leaves `index` after the closing one.
    private mutating func parseString() throws(ManifestJSONError) -> String {
        let open = index
        index += 1
        let contentStart = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacterError(at: index) }
            index += 1
        }
        guard index < bytes.count else {
            throw error(.unterminatedString, { "The string that starts at \($0) is not closed." }, at: open)
        }
        var buffer = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 { throw controlCharacterError(at: index) }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                index += 1
                continue
            }
            let escape = index
            guard index + 1 < bytes.count else { break }
            let kind = bytes[index + 1]
            index += 2
            switch kind {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad(escapeAt: escape)
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let second = index
                        index += 2
                        let low = try hexQuad(escapeAt: second)
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            // Not a pair: the high half is replaced and the second escape is read again.
                            scalar = 0xFFFD
                            index = second
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: &buffer)
            default:
                let what = describe(at: escape + 1)
                throw error(.invalidEscape, { "The escape '\\' followed by \(what) at \($0) is not one JSON knows (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)." }, at: escape)
            }
        }
        throw error(.unterminatedString, { "The string that starts at \($0) is not closed." }, at: open)
    }

    private mutating func controlCharacterError(at offset: Int) -> ManifestJSONError {
        let code = hex4(UInt32(bytes[offset]))
        return error(.controlCharacter, { "The control character U+\(code) at \($0) must be escaped inside a JSON string." }, at: offset)
    }

    /// The four hex digits after `\u` (index is just after the `u`).
    private mutating func hexQuad(escapeAt escape: Int) throws(ManifestJSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else {
                throw error(.invalidEscape, { "The escape at \($0) needs four hex digits after '\\u'." }, at: escape)
            }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default:
                throw error(.invalidEscape, { "The escape at \($0) needs four hex digits after '\\u'." }, at: escape)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
