/// A cursor over the children of one constructed value, reading them in order.
///
/// ``parse(_:in:rules:)`` validates a whole tree once (framing, minimal lengths, depth,
/// no trailing bytes); a `DERReader` then walks a validated node's children the way an ASN.1
/// grammar reads them: `read` a required field, `readIfPresent` an OPTIONAL or DEFAULT one,
/// `finish` to reject unexpected trailing elements.
///
/// ```
/// var tbs = DERReader(bytes, children: tbsNode)
/// let version = try tbs.readIfPresent(.context(0, constructed: true))
/// let serial = try tbs.read(.integer, "serialNumber")
/// ```
public struct DERReader: Sendable {
    /// The bytes being read.
    public let bytes: [UInt8]
    /// The rules that apply.
    public let rules: DERRules
    @usableFromInline var position: Int
    /// One past the last byte of the parent's content.
    public let end: Int
    @usableFromInline var index = 0

    /// A reader over the children of `node`, which must be constructed.
    @inlinable
    public init(_ bytes: [UInt8], children node: DERNode, rules: DERRules = .der) {
        self.bytes = bytes
        self.rules = rules
        self.position = node.contentStart
        self.end = node.contentEnd
    }

    /// A reader over the values laid end to end in `range` (for example a SET's content).
    @inlinable
    public init(_ bytes: [UInt8], range: Range<Int>, rules: DERRules = .der) {
        self.bytes = bytes
        self.rules = rules
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    /// The offset of the next child.
    @inlinable public var offset: Int { position }

    /// Whether every child has been read.
    @inlinable public var isAtEnd: Bool { position >= end }

    /// How many children have been read so far (the index of the next one).
    @inlinable public var count: Int { index }

    /// The next child, or `nil` at the end.
    @inlinable
    public mutating func next() throws(DERError) -> DERNode? {
        guard position < end else { return nil }
        let node = try DER.readNode(bytes, at: position, limit: end, rules: rules, depth: 0)
        position = node.end
        index += 1
        return node
    }

    /// The tag of the next child without consuming it, or `nil` at the end.
    public func peekTag() throws(DERError) -> DERTag? {
        guard position < end else { return nil }
        return try DER.readTag(bytes, at: position, limit: end).tag
    }

    /// Reads the next child, which must exist and carry `tag`; `field` names it in errors.
    @inlinable
    public mutating func read(_ tag: DERTag, _ field: @autoclosure () -> String) throws(DERError) -> DERNode {
        guard let node = try next() else { throw missing(tag, field()) }
        guard node.tag == tag else { throw DERReader.unexpected(tag, node, field()) }
        return node
    }

    /// The error for a required child that is absent.
    @usableFromInline
    func missing(_ tag: DERTag, _ field: String) -> DERError {
        DERError(.missingField, at: end, "The required field \(field) (\(tag)) is missing", path: field)
    }

    /// The error for a child with the wrong tag.
    @usableFromInline
    static func unexpected(_ tag: DERTag, _ node: DERNode, _ field: String) -> DERError {
        DERValuesErrors.unexpected(tag, found: node.tag, field: field, at: node.start)
    }

    /// Reads the next child, whatever its tag; `field` names it in errors.
    @inlinable
    public mutating func readAny(_ field: @autoclosure () -> String) throws(DERError) -> DERNode {
        guard let node = try next() else {
            throw DERError(.missingField, at: end, "The required field \(field()) is missing", path: field())
        }
        return node
    }

    /// Reads the next child only if it carries `tag` (an OPTIONAL or DEFAULT field).
    @inlinable
    public mutating func readIfPresent(_ tag: DERTag) throws(DERError) -> DERNode? {
        guard position < end else { return nil }
        let node = try DER.readNode(bytes, at: position, limit: end, rules: rules, depth: 0)
        guard node.tag == tag else { return nil }
        position = node.end
        index += 1
        return node
    }

    /// Throws if children remain: `field` names the structure being finished.
    @inlinable
    public func finish(_ field: @autoclosure () -> String) throws(DERError) {
        if position < end {
            throw DERError(
                .unexpectedElement, at: position, "\(field()) has an unexpected element after its last field", path: field())
        }
    }
}

/// The DER reader's entry points: validating a tree and reading single headers.
public enum DER {
    /// Reads the value occupying exactly `range` of `bytes` and validates its whole tree.
    ///
    /// Checks definite, minimal lengths (unless `rules` allow BER), that every child fits its
    /// parent exactly, the depth and count caps, and that nothing follows the value.
    public static func parse(
        _ bytes: [UInt8], in range: Range<Int>? = nil, rules: DERRules = .der
    ) throws(DERError) -> DERNode {
        let range = range ?? 0..<bytes.count
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else {
            throw DERError(.truncated, at: range.lowerBound, "The input is empty")
        }
        let root = try readNode(bytes, at: range.lowerBound, limit: range.upperBound, rules: rules, depth: 0)
        if root.end != range.upperBound {
            throw DERError(
                .trailingBytes, at: root.end,
                "\(range.upperBound - root.end) byte\(range.upperBound - root.end == 1 ? "" : "s") follow\(range.upperBound - root.end == 1 ? "s" : "") the end of the \(root.tag)")
        }
        var budget = rules.maxNodes
        try validate(bytes, root, rules: rules, depth: 0, budget: &budget)
        return root
    }

    /// Reads the first value of `range` and validates its tree, allowing bytes after it;
    /// returns the node (whose `end` says where the next value starts).
    public static func parsePrefix(
        _ bytes: [UInt8], in range: Range<Int>, rules: DERRules = .der
    ) throws(DERError) -> DERNode {
        let root = try readNode(bytes, at: range.lowerBound, limit: range.upperBound, rules: rules, depth: 0)
        var budget = rules.maxNodes
        try validate(bytes, root, rules: rules, depth: 0, budget: &budget)
        return root
    }

    /// Validates the tree under `root`: every child fits its parent exactly, lengths and forms
    /// follow `rules`, and the depth and count caps hold. The common headers are decoded from
    /// a buffer pointer in place; anything unusual goes to ``readNodeInFull(_:at:limit:rules:depth:)``,
    /// which gives the precise error.
    private static func validate(
        _ bytes: [UInt8], _ root: DERNode, rules: DERRules, depth: Int, budget: inout Int
    ) throws(DERError) {
        budget -= 1
        if budget < 0 {
            throw DERError(.tooMany, at: root.start, "The encoding holds more than \(rules.maxNodes) values")
        }
        guard root.tag.isConstructed else { return }
        if depth >= rules.maxDepth {
            throw DERError(.tooDeep, at: root.start, "Values are nested more than \(rules.maxDepth) levels deep")
        }
        var remaining = budget
        let failure: DERError? = bytes.withUnsafeBufferPointer { buffer in
            do throws(DERError) {
                try walk(buffer, bytes, from: root.contentStart, to: root.contentEnd, depth: depth, rules: rules, budget: &remaining)
                return nil
            } catch {
                return error
            }
        }
        budget = remaining
        if let failure { throw failure }
    }

    /// Validates the children laid out in `start..<end`, whose parent is at `depth`.
    private static func walk(
        _ p: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8], from start: Int, to end: Int, depth: Int, rules: DERRules,
        budget: inout Int
    ) throws(DERError) {
        var offset = start
        while offset < end {
            budget -= 1
            if budget < 0 {
                throw DERError(.tooMany, at: offset, "The encoding holds more than \(rules.maxNodes) values")
            }
            var contentStart = 0
            var contentEnd = -1
            var nodeEnd = 0
            var constructed = false
            if offset + 2 <= end {
                let first = p[offset]
                let lengthByte = p[offset + 1]
                let formIsPlain =
                    first & 0xC0 != 0 || first == 0x30 || first == 0x31
                    || (first & 0x20 == 0 && first != 0x10 && first != 0x11 && first != 0x00)
                if first & 0x1F != 0x1F && formIsPlain {
                    contentStart = offset + 2
                    var length = -1
                    if lengthByte < 0x80 {
                        length = Int(lengthByte)
                    } else if lengthByte == 0x81, contentStart < end, p[contentStart] >= 0x80 {
                        length = Int(p[contentStart])
                        contentStart += 1
                    } else if lengthByte == 0x82, contentStart + 1 < end, p[contentStart] != 0 {
                        length = Int(p[contentStart]) << 8 | Int(p[contentStart + 1])
                        contentStart += 2
                    }
                    if length >= 0 && length <= end - contentStart {
                        contentEnd = contentStart + length
                        nodeEnd = contentEnd
                        constructed = first & 0x20 != 0
                    }
                }
            }
            if contentEnd < 0 {
                let node = try readNodeInFull(bytes, at: offset, limit: end, rules: rules, depth: depth + 1)
                contentStart = node.contentStart
                contentEnd = node.contentEnd
                nodeEnd = node.end
                constructed = node.tag.isConstructed
            }
            if constructed {
                if depth + 1 >= rules.maxDepth {
                    throw DERError(.tooDeep, at: offset, "Values are nested more than \(rules.maxDepth) levels deep")
                }
                try walk(p, bytes, from: contentStart, to: contentEnd, depth: depth + 1, rules: rules, budget: &budget)
            }
            offset = nodeEnd
        }
    }

    /// Reads an identifier (tag) starting at `start`; returns the tag and the offset after it.
    public static func readTag(_ bytes: [UInt8], at start: Int, limit: Int) throws(DERError) -> (tag: DERTag, next: Int) {
        guard start < limit, limit <= bytes.count else {
            throw DERError(.truncated, at: start, "The input ends where a tag was expected")
        }
        let first = bytes[start]
        let tagClass = DERTag.TagClass(rawValue: first >> 6) ?? .universal
        let constructed = first & 0x20 != 0
        var number = UInt32(first & 0x1F)
        var i = start + 1
        if number == 0x1F {
            number = 0
            var count = 0
            while true {
                guard i < limit else {
                    throw DERError(.truncated, at: i, "The input ends inside a multi-byte tag")
                }
                let byte = bytes[i]
                i += 1
                count += 1
                if count == 1 && byte == 0x80 {
                    throw DERError(.nonMinimalEncoding, at: start, "A multi-byte tag number has a leading zero group")
                }
                if count > 4 {
                    throw DERError(.lengthTooLarge, at: start, "A tag number is longer than 4 bytes")
                }
                number = number << 7 | UInt32(byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            if number < 31 {
                throw DERError(
                    .nonMinimalEncoding, at: start, "Tag number \(number) uses the multi-byte form; it must use one byte")
            }
        }
        return (DERTag(tagClass, number: number, constructed: constructed), i)
    }

    /// Reads one value's header at `start` and delimits it within `limit`, without validating
    /// its children (use it to sniff a format; use ``parse(_:in:rules:)`` to read one).
    ///
    /// The common case (a one-byte tag, a definite length of at most two bytes, a form DER
    /// allows) is decided inline; everything else, errors included, goes to the full reader.
    /// For a BER indefinite length the children are walked to find the end-of-contents marker.
    @inlinable
    public static func readNode(
        _ bytes: [UInt8], at start: Int, limit: Int, rules: DERRules, depth: Int
    ) throws(DERError) -> DERNode {
        if start >= 0, start + 2 <= limit, limit <= bytes.count, limit <= DERNode.maxOffset {
            let first = bytes[start]
            let lengthByte = bytes[start + 1]
            // Universal tags DER allows in this form: SEQUENCE and SET constructed, any other
            // (but end-of-contents) primitive. Other classes take either form.
            let formIsPlain =
                first & 0xC0 != 0 || first == 0x30 || first == 0x31
                || (first & 0x20 == 0 && first != 0x10 && first != 0x11 && first != 0x00)
            if first & 0x1F != 0x1F && formIsPlain {
                var contentStart = start + 2
                var length = -1
                if lengthByte < 0x80 {
                    length = Int(lengthByte)
                } else if lengthByte == 0x81, contentStart < limit, bytes[contentStart] >= 0x80 {
                    length = Int(bytes[contentStart])
                    contentStart += 1
                } else if lengthByte == 0x82, contentStart + 1 < limit, bytes[contentStart] != 0 {
                    length = Int(bytes[contentStart]) << 8 | Int(bytes[contentStart + 1])
                    contentStart += 2
                }
                if length >= 0 && length <= limit - contentStart {
                    return DERNode(
                        tag: DERTag(identifier: first), start: start, contentStart: contentStart,
                        contentEnd: contentStart + length, end: contentStart + length)
                }
            }
        }
        return try readNodeInFull(bytes, at: start, limit: limit, rules: rules, depth: depth)
    }

    /// The full header reader: high tag numbers, long and indefinite lengths, every check.
    @usableFromInline
    static func readNodeInFull(
        _ bytes: [UInt8], at start: Int, limit: Int, rules: DERRules, depth: Int
    ) throws(DERError) -> DERNode {
        guard limit <= DERNode.maxOffset else {
            throw DERError(.inputTooLarge, at: DERNode.maxOffset, "The input is longer than the \(DERNode.maxOffset) bytes DER values are read from")
        }
        let (tag, afterTag) = try readTag(bytes, at: start, limit: limit)
        if tag.tagClass == .universal {
            try checkConstructedForm(tag, at: start, rules: rules)
        }
        var i = afterTag
        guard i < limit else {
            throw DERError(.truncated, at: i, "The input ends where the length of a \(tag) was expected")
        }
        let lengthByte = bytes[i]
        i += 1
        var length = 0
        if lengthByte < 0x80 {
            length = Int(lengthByte)
        } else if lengthByte == 0x80 {
            guard rules.allowsIndefiniteLength else {
                throw DERError(.indefiniteLength, at: i - 1, "\(tag.withArticle.capitalizedFirst) uses an indefinite length, which DER forbids")
            }
            guard tag.isConstructed else {
                throw DERError(.indefiniteLength, at: i - 1, "A primitive \(tag) uses an indefinite length")
            }
            return try readIndefinite(bytes, tag: tag, start: start, contentStart: i, limit: limit, rules: rules, depth: depth)
        } else {
            let count = Int(lengthByte & 0x7F)
            guard count <= 4 else {
                throw DERError(.lengthTooLarge, at: i - 1, "The length of a \(tag) takes \(count) bytes; at most 4 are accepted")
            }
            guard count <= limit - i else {
                throw DERError(.truncated, at: i, "The input ends inside the length of a \(tag)")
            }
            if !rules.allowsNonMinimalLengths && bytes[i] == 0 {
                throw DERError(.nonMinimalEncoding, at: i - 1, "The length of a \(tag) has a leading zero byte")
            }
            for _ in 0..<count {
                length = length << 8 | Int(bytes[i])
                i += 1
            }
            if !rules.allowsNonMinimalLengths && length < 0x80 {
                throw DERError(
                    .nonMinimalEncoding, at: i - 1 - count,
                    "The length \(length) of a \(tag) uses the long form; DER requires the short form")
            }
        }
        guard length <= limit - i else {
            throw DERError(
                .truncated, at: start,
                "\(tag.withArticle.capitalizedFirst) claims \(length) bytes but only \(limit - i) remain")
        }
        if tag.tagClass == .universal && tag.number == 0 {
            throw DERError(.invalidValue, at: start, "An end-of-contents marker appears outside an indefinite-length value")
        }
        return DERNode(tag: tag, start: start, contentStart: i, contentEnd: i + length, end: i + length)
    }

    private static func readIndefinite(
        _ bytes: [UInt8], tag: DERTag, start: Int, contentStart: Int, limit: Int, rules: DERRules, depth: Int
    ) throws(DERError) -> DERNode {
        if depth >= rules.maxDepth {
            throw DERError(.tooDeep, at: start, "Values are nested more than \(rules.maxDepth) levels deep")
        }
        var offset = contentStart
        while true {
            guard offset + 2 <= limit else {
                throw DERError(.truncated, at: offset, "The input ends before the end-of-contents of an indefinite-length \(tag)")
            }
            if bytes[offset] == 0 && bytes[offset + 1] == 0 {
                return DERNode(tag: tag, start: start, contentStart: contentStart, contentEnd: offset, end: offset + 2)
            }
            let child = try readNode(bytes, at: offset, limit: limit, rules: rules, depth: depth + 1)
            offset = child.end
        }
    }

    @inline(__always)
    private static func checkConstructedForm(_ tag: DERTag, at offset: Int, rules: DERRules) throws(DERError) {
        switch tag.number {
        case 16, 17:
            if !tag.isConstructed {
                throw DERError(.invalidValue, at: offset, "A \(tag.number == 16 ? "SEQUENCE" : "SET") uses the primitive form")
            }
        case 8, 11, 29:
            break
        case 3, 4, 12, 18...22, 25...28, 30:
            if tag.isConstructed && !rules.allowsConstructedStrings {
                throw DERError(.invalidValue, at: offset, "\(tag.withArticle.capitalizedFirst) uses the constructed form, which DER forbids")
            }
        default:
            if tag.isConstructed {
                throw DERError(.invalidValue, at: offset, "\(DERTag(.universal, number: tag.number, constructed: false).withArticle.capitalizedFirst) uses the constructed form")
            }
        }
    }
}
