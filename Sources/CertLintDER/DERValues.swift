/// Decoders for the primitive ASN.1 types, each checking the DER rules for its content.
extension DERNode {
    /// Throws unless the node carries `tag`; `field` names the field in the error.
    @inlinable
    public func expect(_ tag: DERTag, _ field: String) throws(DERError) {
        guard self.tag == tag else {
            throw DERValuesErrors.unexpected(tag, found: self.tag, field: field, at: start)
        }
    }

    /// A BOOLEAN: one byte, `00` or `FF` in DER.
    public func boolean(in bytes: [UInt8]) throws(DERError) -> Bool {
        try expect(.boolean, "BOOLEAN")
        guard contentLength == 1 else {
            throw DERError(.invalidValue, at: start, "A BOOLEAN has \(contentLength) content bytes; it must have 1")
        }
        switch bytes[contentStart] {
        case 0x00: return false
        case 0xFF: return true
        case let other:
            throw DERError(.invalidValue, at: contentStart, "A BOOLEAN has the value 0x\(hexByte(other)); DER allows only 00 and FF")
        }
    }

    /// Checks that an INTEGER's content is present and minimal; returns the content range.
    public func integerContent(in bytes: [UInt8]) throws(DERError) -> Range<Int> {
        guard tag == .integer || (tag.tagClass == .contextSpecific && !tag.isConstructed) || tag == .enumerated else {
            throw DERError(.unexpectedTag, at: start, "Expected an INTEGER but found \(tag.withArticle)")
        }
        guard contentLength > 0 else {
            throw DERError(.invalidValue, at: start, "An INTEGER has no content bytes")
        }
        if contentLength > 1 {
            let first = bytes[contentStart]
            let second = bytes[contentStart + 1]
            if (first == 0x00 && second & 0x80 == 0) || (first == 0xFF && second & 0x80 != 0) {
                throw DERError(.nonMinimalEncoding, at: contentStart, "An INTEGER has a redundant leading byte 0x\(hexByte(first))")
            }
        }
        return contentRange
    }

    /// An INTEGER that must fit in an `Int`.
    public func integer(in bytes: [UInt8]) throws(DERError) -> Int {
        let range = try integerContent(in: bytes)
        guard range.count <= 8 else {
            throw DERError(.invalidValue, at: start, "An INTEGER of \(range.count) bytes is too large for this field")
        }
        var value = Int(Int8(bitPattern: bytes[range.lowerBound]))
        for i in (range.lowerBound + 1)..<range.upperBound {
            value = value << 8 | Int(bytes[i])
        }
        return value
    }

    /// Whether an INTEGER is negative (its first content byte has the high bit set).
    public func integerIsNegative(in bytes: [UInt8]) -> Bool {
        contentLength > 0 && bytes[contentStart] & 0x80 != 0
    }

    /// The magnitude of a non-negative INTEGER: the content without its leading zero byte.
    public func unsignedIntegerBytes(in bytes: [UInt8]) throws(DERError) -> ArraySlice<UInt8> {
        let range = try integerContent(in: bytes)
        if bytes[range.lowerBound] & 0x80 != 0 {
            throw DERError(.invalidValue, at: contentStart, "An INTEGER that must be positive is negative")
        }
        if bytes[range.lowerBound] == 0 && range.count > 1 {
            return bytes[(range.lowerBound + 1)..<range.upperBound]
        }
        return bytes[range]
    }

    /// NULL: no content.
    public func null(in bytes: [UInt8]) throws(DERError) {
        try expect(.null, "NULL")
        guard contentLength == 0 else {
            throw DERError(.invalidValue, at: start, "A NULL has \(contentLength) content bytes; it must have none")
        }
    }

    /// An OBJECT IDENTIFIER.
    @inlinable
    public func oid(in bytes: [UInt8]) throws(DERError) -> OID {
        return OID(validatedBytes: bytes[try oidContent(in: bytes)])
    }

    /// Validates an OBJECT IDENTIFIER in place and returns its content range, copying nothing.
    public func oidContent(in bytes: [UInt8]) throws(DERError) -> Range<Int> {
        try expect(.objectIdentifier, "OBJECT IDENTIFIER")
        guard contentLength > 0 else {
            throw DERError(.invalidValue, at: contentStart, "An OBJECT IDENTIFIER is empty")
        }
        guard bytes[contentEnd - 1] & 0x80 == 0 else {
            throw DERError(.invalidValue, at: contentStart, "An OBJECT IDENTIFIER ends inside a sub-identifier")
        }
        var atStart = true
        for i in contentRange {
            let byte = bytes[i]
            if atStart && byte == 0x80 {
                throw DERError(.nonMinimalEncoding, at: i, "An OBJECT IDENTIFIER sub-identifier has a leading zero group")
            }
            atStart = byte & 0x80 == 0
        }
        return contentRange
    }

    /// A BIT STRING: the number of unused bits in its last byte and the range of its data bytes.
    ///
    /// DER requires the unused bits to be zero. Whether a named bit list (KeyUsage) is also
    /// minimal is left to ``DERBitString/isMinimalNamedBitList(in:)``: a linter reports it.
    public func bitString(in bytes: [UInt8]) throws(DERError) -> DERBitString {
        guard tag == .bitString || (tag.tagClass == .contextSpecific && !tag.isConstructed) else {
            throw DERError(.unexpectedTag, at: start, "Expected a BIT STRING but found \(tag.withArticle)")
        }
        guard contentLength >= 1 else {
            throw DERError(.invalidValue, at: start, "A BIT STRING has no content bytes")
        }
        let unused = Int(bytes[contentStart])
        guard unused <= 7 else {
            throw DERError(.invalidValue, at: contentStart, "A BIT STRING claims \(unused) unused bits; at most 7 are possible")
        }
        if contentLength == 1 && unused != 0 {
            throw DERError(.invalidValue, at: contentStart, "An empty BIT STRING claims \(unused) unused bits")
        }
        if contentLength > 1 {
            let last = bytes[contentEnd - 1]
            let mask = UInt8((1 << unused) - 1)
            if last & mask != 0 {
                throw DERError(.invalidValue, at: contentEnd - 1, "A BIT STRING has non-zero unused bits, which DER forbids")
            }
        }
        return DERBitString(unusedBits: unused, bytes: (contentStart + 1)..<contentEnd)
    }

    /// An OCTET STRING's content range (primitive form).
    public func octetString(in bytes: [UInt8]) throws(DERError) -> Range<Int> {
        guard tag == .octetString || (tag.tagClass == .contextSpecific && !tag.isConstructed) else {
            throw DERError(.unexpectedTag, at: start, "Expected an OCTET STRING but found \(tag.withArticle)")
        }
        return contentRange
    }

    /// An OCTET STRING's bytes, joining the segments of a BER constructed OCTET STRING.
    public func octetStringBytes(in bytes: [UInt8], rules: DERRules = .der) throws(DERError) -> [UInt8] {
        if !tag.isConstructed {
            return Array(bytes[try octetString(in: bytes)])
        }
        guard rules.allowsConstructedStrings else {
            throw DERError(.invalidValue, at: start, "A constructed OCTET STRING appears where DER is required")
        }
        var out: [UInt8] = []
        var reader = DERReader(bytes, children: self, rules: rules)
        while let child = try reader.next() {
            guard child.tag.number == 4, child.tag.tagClass == .universal else {
                throw DERError(.unexpectedTag, at: child.start, "A constructed OCTET STRING holds a \(child.tag)")
            }
            out += try child.octetStringBytes(in: bytes, rules: rules)
        }
        return out
    }

    /// A character string of any ASN.1 string type, decoded to a Swift `String`.
    public func string(in bytes: [UInt8]) throws(DERError) -> DERString {
        guard tag.tagClass == .universal, !tag.isConstructed, let kind = DERString.Kind(rawValue: tag.number) else {
            throw DERError(.unexpectedTag, at: start, "Expected a character string but found \(tag.withArticle)")
        }
        return try DERString.decode(bytes, contentRange, kind: kind, at: contentStart)
    }

    /// The content of an IMPLICIT-tagged IA5String (such as a dNSName `[2]`), as a string.
    public func implicitIA5String(in bytes: [UInt8]) throws(DERError) -> DERString {
        try DERString.decode(bytes, contentRange, kind: .ia5, at: contentStart)
    }

    /// A UTCTime or GeneralizedTime.
    public func time(in bytes: [UInt8]) throws(DERError) -> DERTime {
        let encoding: DERTime.Encoding
        if tag == .utcTime {
            encoding = .utcTime
        } else if tag == .generalizedTime {
            encoding = .generalizedTime
        } else {
            throw DERError(.unexpectedTag, at: start, "Expected a UTCTime or GeneralizedTime but found \(tag.withArticle)")
        }
        return try DERTime(bytes, contentRange, encoding: encoding, at: contentStart)
    }
}

/// A decoded BIT STRING: data bytes and the count of unused bits in the last one.
public struct DERBitString: Sendable, Hashable {
    /// Unused bits at the end of the last data byte (0–7).
    public let unusedBits: Int
    /// The range of the data bytes (after the unused-bits byte).
    public let bytes: Range<Int>

    /// Whether named bit `index` (0 = most significant bit of the first byte) is set.
    public func isSet(_ index: Int, in data: [UInt8]) -> Bool {
        let byteIndex = bytes.lowerBound + index / 8
        guard byteIndex < bytes.upperBound else { return false }
        return data[byteIndex] & (0x80 >> UInt8(index % 8)) != 0
    }

    /// Whether a named bit list is minimal, as DER requires: no trailing zero bits.
    public func isMinimalNamedBitList(in data: [UInt8]) -> Bool {
        guard let lastIndex = bytes.last else { return unusedBits == 0 }
        return data[lastIndex] & (1 << UInt8(unusedBits)) != 0
    }

    /// The number of bits the string holds.
    public var bitCount: Int { bytes.count * 8 - unusedBits }
}

@inline(__always)
func hexByte(_ byte: UInt8) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

/// Messages shared by the value decoders.
@usableFromInline
enum DERValuesErrors {
    /// "Expected a SEQUENCE for GeneralNames but found a SET", or without the field when the
    /// field is named after its type ("Expected a BOOLEAN but found an INTEGER").
    @usableFromInline
    static func unexpected(_ expected: DERTag, found: DERTag, field: String, at offset: Int) -> DERError {
        let what = field == expected.description ? "" : " for \(field)"
        return DERError(.unexpectedTag, at: offset, "Expected \(expected.withArticle)\(what) but found \(found.withArticle)", path: field)
    }
}
