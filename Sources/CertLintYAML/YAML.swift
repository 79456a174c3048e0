/// Reads YAML 1.2 text into nodes that know where they were written.
///
/// ```swift
/// let config = try YAML.parse(text).root
/// if let severity = config?["severity"] { … severity.position.line … }
/// for document in try YAML.parseDocuments(manifest) { … }
/// ```
///
/// Every read is bounded by ``YAMLOptions``: nesting depth, alias expansion and input size
/// are capped, nothing recurses on the input's structure, and malformed input is a
/// ``YAMLError`` with a line and column — never a crash or a hang.
public enum YAML {
    /// Every document of a stream (`---` separates documents; a stream of only comments has
    /// none).
    public static func parseDocuments(_ text: String, options: YAMLOptions = YAMLOptions()) throws(YAMLError) -> [YAMLDocument] {
        let bytes = try checkedBytes(text, options: options)
        var composer = YAMLComposer(bytes: bytes, options: options)
        return try composer.documents()
    }

    /// The one document of a stream.
    ///
    /// An empty stream gives an empty document (`root` is `nil`); a stream of several
    /// documents is an error.
    public static func parse(_ text: String, options: YAMLOptions = YAMLOptions()) throws(YAMLError) -> YAMLDocument {
        let documents = try parseDocuments(text, options: options)
        guard documents.count <= 1 else {
            let second = documents[1].position
            throw YAMLError(
                .multipleDocuments,
                "The text holds \(documents.count) documents (the second starts at \(second)); exactly one is expected here.",
                at: second)
        }
        return documents.first ?? YAMLDocument(root: nil, position: .start)
    }

    /// The events of a stream, as the yaml-test-suite lists them (for tests).
    static func events(_ text: String, options: YAMLOptions = YAMLOptions()) throws(YAMLError) -> [YAMLEvent] {
        let bytes = try checkedBytes(text, options: options)
        var parser = YAMLParser(bytes: bytes, maxDepth: options.maxDepth)
        var events: [YAMLEvent] = []
        while true {
            let event = try parser.next()
            events.append(event)
            if case .streamEnd = event.kind { return events }
        }
    }

    /// The text's UTF-8 bytes, after checking its size and that it holds no control
    /// character that YAML forbids (C0 controls other than tab, LF and CR; DEL).
    static func checkedBytes(_ text: String, options: YAMLOptions) throws(YAMLError) -> [UInt8] {
        let bytes = Array(text.utf8)
        if bytes.count > min(options.maxInputBytes, Int(UInt32.max)) {
            throw YAMLError(
                .inputTooLarge,
                "The text is \(bytes.count) bytes long; this reader accepts at most \(min(options.maxInputBytes, Int(UInt32.max))).",
                at: .start)
        }
        let bad = bytes.withUnsafeBufferPointer { buffer -> Int? in
            for i in 0..<buffer.count {
                let b = buffer[i]
                if b < 0x20 {
                    if b != 0x09 && b != 0x0A && b != 0x0D { return i }
                } else if b == 0x7F {
                    return i
                }
            }
            return nil
        }
        if let bad {
            let position = position(of: bad, in: bytes)
            throw YAMLError(
                .unexpectedCharacter,
                "The control character U+\(String(bytes[bad], radix: 16, uppercase: true).leftPadded(to: 4)) at \(position) is not allowed in YAML; escape it in a double-quoted scalar.",
                at: position)
        }
        return bytes
    }

    /// The line and column of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> YAMLPosition {
        var line = 1
        var column = 1
        var i = 0
        while i < offset {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b != 0x0D && b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return YAMLPosition(line: line, column: column, offset: offset)
    }
}

extension String {
    /// The string padded on the left with zeros to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
