import Testing
@testable import CertLintDER

// The primitive decoders (BOOLEAN, INTEGER, NULL, BIT STRING, OBJECT IDENTIFIER, OCTET STRING,
// strings and times through DERNode) and the DER rules for their contents.
//
// Where the cases come from: Go's `encoding/asn1` tests (boolTestData, int64TestData,
// bigIntTests, bitStringTestData, TestBitStringAt, objectIdentifierTestData), apple/swift-asn1's
// ASN1Tests (unterminated OID sub-identifier `BgJWhw==`, the nine-byte integer `AgkB//////////4=`),
// X.690 sections 8.2, 8.3, 8.6, 8.8, 8.19 and 11.2 (named bit lists).
//
// Cross-checks: INTEGER values are Python's `int.from_bytes(content, "big", signed=True)`;
// the KeyUsage encodings are what Python's `cryptography` 48 writes for those bits
// (`x509.KeyUsage(...).public_bytes()`); OID content octets were produced by
// `openssl asn1parse -genstr OID:<dotted>` and read back to the same dotted text; every
// accepted value also parses in `openssl asn1parse -inform DER`. Spliced into the test
// certificate and loaded with `cryptography` (strict DER): the INTEGER contents as serial
// numbers read the same values and the non-minimal ones are refused; BOOLEAN FF is accepted
// and 01, 00 00 and the empty content refused; the KeyUsage bit lists give the same bits and
// the bad BIT STRINGs are refused; the OID octets read back as the same dotted text.

/// Parses `text` as one DER value.
private func parsed(_ text: String) throws -> (bytes: [UInt8], node: DERNode) {
    let bytes = hex(text)
    return (bytes, try DER.parse(bytes))
}

@Suite struct DERValuesTests {
    // MARK: BOOLEAN (X.690 8.2, 11.1; Go's boolTestData)

    @Test(arguments: [("01 01 00", false), ("01 01 FF", true)])
    func booleanValues(text: String, value: Bool) throws {
        let (bytes, node) = try parsed(text)
        #expect(try node.boolean(in: bytes) == value)
    }

    @Test(arguments: [
        ("01 01 01", DERError.Code.invalidValue, 2, "A BOOLEAN has the value 0x01; DER allows only 00 and FF"),
        ("01 01 7F", .invalidValue, 2, "A BOOLEAN has the value 0x7F; DER allows only 00 and FF"),
        ("01 02 00 00", .invalidValue, 0, "A BOOLEAN has 2 content bytes; it must have 1"),
        ("01 02 FF FF", .invalidValue, 0, "A BOOLEAN has 2 content bytes; it must have 1"),
        ("01 00", .invalidValue, 0, "A BOOLEAN has 0 content bytes; it must have 1"),
        ("02 01 00", .unexpectedTag, 0, "Expected a BOOLEAN but found an INTEGER"),
    ])
    func booleanErrors(text: String, code: DERError.Code, offset: Int, reason: String) throws {
        let (bytes, node) = try parsed(text)
        let error = try #require(derError { _ = try node.boolean(in: bytes) })
        #expect(error.code == code)
        #expect(error.offset == offset)
        #expect(error.reason == reason)
    }

    // MARK: INTEGER (X.690 8.3.2: the first nine bits are never all equal)

    // (content hex, value) — Go's int64TestData and bigIntTests, plus the Int64 extremes.
    @Test(arguments: [
        ("00", 0), ("01", 1), ("7F", 127), ("00 80", 128), ("01 00", 256), ("00 FF", 255),
        ("80", -128), ("FF 7F", -129), ("FF", -1), ("FF 00", -256),
        ("80 00 00 00 00 00 00 00", Int.min), ("7F FF FF FF FF FF FF FF", Int.max),
        ("00 C0 FF EE", 0xC0FFEE),
    ])
    func integerValues(content: String, value: Int) throws {
        let bytes = tlv(0x02, hex(content))
        let node = try DER.parse(bytes)
        #expect(try node.integer(in: bytes) == value)
        #expect(try node.integerContent(in: bytes) == 2..<bytes.count)
        #expect(node.integerIsNegative(in: bytes) == (value < 0))
    }

    // (content hex, code, offset in the TLV)
    @Test(arguments: [
        ("", DERError.Code.invalidValue, 0),
        ("00 7F", .nonMinimalEncoding, 2),
        ("00 00", .nonMinimalEncoding, 2),
        ("00 00 FF", .nonMinimalEncoding, 2),
        ("FF 80", .nonMinimalEncoding, 2),
        ("FF F0", .nonMinimalEncoding, 2),
        ("FF FF", .nonMinimalEncoding, 2),
    ])
    func integerMinimality(content: String, code: DERError.Code, offset: Int) throws {
        let bytes = tlv(0x02, hex(content))
        let node = try DER.parse(bytes)
        for decode in [{ _ = try node.integer(in: bytes) }, { _ = try node.integerContent(in: bytes) },
                       { _ = try node.unsignedIntegerBytes(in: bytes) }] as [() throws -> Void] {
            let error = try #require(derError(decode))
            #expect(error.code == code)
            #expect(error.offset == offset)
        }
    }

    @Test func integerRedundantByteMessage() throws {
        let (bytes, node) = try parsed("02 02 FF 80")
        let error = try #require(derError { _ = try node.integer(in: bytes) })
        #expect(error.reason == "An INTEGER has a redundant leading byte 0xFF")
        let (emptyBytes, empty) = try parsed("02 00")
        #expect(derError { _ = try empty.integer(in: emptyBytes) }?.reason == "An INTEGER has no content bytes")
    }

    // `integer()` holds 8 bytes at most (Go's parseInt64 bound; swift-asn1's nine-byte
    // UInt64.max * 2): a minimal 9-byte INTEGER is valid DER but too large for the field.
    @Test(arguments: ["80 00 00 00 00 00 00 00 00", "00 80 00 00 00 00 00 00 00", "01 FF FF FF FF FF FF FF FE"])
    func integerTooLargeForInt(content: String) throws {
        let bytes = tlv(0x02, hex(content))
        let node = try DER.parse(bytes)
        #expect(throws: Never.self) { try node.integerContent(in: bytes) }
        let error = try #require(derError { _ = try node.integer(in: bytes) })
        #expect(error.code == .invalidValue)
        #expect(error.reason == "An INTEGER of 9 bytes is too large for this field")
    }

    @Test func integerAcceptsEnumeratedAndImplicitTags() throws {
        let (e, enumerated) = try parsed("0A 01 02")
        #expect(try enumerated.integer(in: e) == 2)
        let (c, implicit) = try parsed("80 01 05")
        #expect(try implicit.integer(in: c) == 5)
        let (o, octets) = try parsed("04 01 05")
        #expect(derError { _ = try octets.integer(in: o) }?.code == .unexpectedTag)
        let (x, explicit) = try parsed("A0 03 02 01 05")
        #expect(derError { _ = try explicit.integer(in: x) }?.code == .unexpectedTag)
    }

    // Serial numbers and RSA moduli: the magnitude without its sign byte.
    @Test(arguments: [
        ("00", [0x00]), ("01", [0x01]), ("7F", [0x7F]), ("00 80", [0x80]), ("01 00", [0x01, 0x00]),
        ("00 FF FF", [0xFF, 0xFF]), ("00 C0 FF EE", [0xC0, 0xFF, 0xEE]),
    ] as [(String, [UInt8])])
    func unsignedIntegerBytes(content: String, magnitude: [UInt8]) throws {
        let bytes = tlv(0x02, hex(content))
        let node = try DER.parse(bytes)
        #expect(Array(try node.unsignedIntegerBytes(in: bytes)) == magnitude)
    }

    @Test(arguments: ["80", "FF", "FF 7F", "80 00"])
    func unsignedIntegerBytesRejectsNegative(content: String) throws {
        let bytes = tlv(0x02, hex(content))
        let node = try DER.parse(bytes)
        #expect(node.integerIsNegative(in: bytes))
        let error = try #require(derError { _ = try node.unsignedIntegerBytes(in: bytes) })
        #expect(error.code == .invalidValue)
        #expect(error.offset == 2)
        #expect(error.reason == "An INTEGER that must be positive is negative")
    }

    // MARK: NULL (X.690 8.8)

    @Test func null() throws {
        let (bytes, node) = try parsed("05 00")
        #expect(throws: Never.self) { try node.null(in: bytes) }
        let (long, longNode) = try parsed("05 01 00")
        let error = try #require(derError { try longNode.null(in: long) })
        #expect(error.code == .invalidValue)
        #expect(error.offset == 0)
        #expect(error.reason == "A NULL has 1 content bytes; it must have none")
        let (other, otherNode) = try parsed("04 00")
        #expect(derError { try otherNode.null(in: other) }?.code == .unexpectedTag)
    }

    // MARK: BIT STRING (X.690 8.6, 11.2; Go's bitStringTestData)

    // (content hex, unused bits, data bytes, bit count)
    @Test(arguments: [
        ("00", 0, 0, 0),
        ("07 00", 7, 1, 1),
        ("01 FE", 1, 1, 7),
        ("00 FF", 0, 1, 8),
        ("06 6E 5D C0", 6, 3, 18),  // Go: BitString{110, 93, 192}, 18 bits
        ("04 A0", 4, 1, 4),
    ])
    func bitStringValues(content: String, unused: Int, dataBytes: Int, bitCount: Int) throws {
        let bytes = tlv(0x03, hex(content))
        let bits = try DER.parse(bytes).bitString(in: bytes)
        #expect(bits.unusedBits == unused)
        #expect(bits.bytes == 3..<(3 + dataBytes))
        #expect(bits.bitCount == bitCount)
    }

    // (content hex, offset in the TLV, reason)
    @Test(arguments: [
        ("", 0, "A BIT STRING has no content bytes"),
        ("08 00", 2, "A BIT STRING claims 8 unused bits; at most 7 are possible"),
        ("FF 00", 2, "A BIT STRING claims 255 unused bits; at most 7 are possible"),
        ("07 01", 3, "A BIT STRING has non-zero unused bits, which DER forbids"),
        ("07 40", 3, "A BIT STRING has non-zero unused bits, which DER forbids"),
        ("01 FF", 3, "A BIT STRING has non-zero unused bits, which DER forbids"),
        ("03 AA 0C", 4, "A BIT STRING has non-zero unused bits, which DER forbids"),
        ("01", 2, "An empty BIT STRING claims 1 unused bits"),
        ("07", 2, "An empty BIT STRING claims 7 unused bits"),
    ])
    func bitStringErrors(content: String, offset: Int, reason: String) throws {
        let bytes = tlv(0x03, hex(content))
        let node = try DER.parse(bytes)
        let error = try #require(derError { _ = try node.bitString(in: bytes) })
        #expect(error.code == .invalidValue)
        #expect(error.offset == offset)
        #expect(error.reason == reason)
    }

    @Test func bitStringAcceptsImplicitTagOnly() throws {
        let (c, implicit) = try parsed("81 02 00 80")
        #expect(try implicit.bitString(in: c).bitCount == 8)
        let (o, octets) = try parsed("04 02 00 80")
        #expect(derError { _ = try octets.bitString(in: o) }?.code == .unexpectedTag)
    }

    // Go's TestBitStringAt: bits of 82 40 (16 bits).
    @Test func isSet() throws {
        let bytes = tlv(0x03, hex("00 82 40"))
        let bits = try DER.parse(bytes).bitString(in: bytes)
        let set = (0..<20).filter { bits.isSet($0, in: bytes) }
        #expect(set == [0, 6, 9])
    }

    // KeyUsage as `cryptography` writes it (always minimal), then hand-made non-minimal forms
    // of the same bits, which X.690 11.2.2 forbids and a linter reports.
    @Test(arguments: [
        ("03 02 07 80", [0], true),
        ("03 02 05 A0", [0, 2], true),
        ("03 02 01 06", [5, 6], true),
        ("03 02 01 86", [0, 5, 6], true),
        ("03 03 07 08 80", [4, 8], true),
        ("03 02 00 09", [4, 7], true),
        ("03 02 06 40", [1], true),
        ("03 03 07 09 80", [4, 7, 8], true),
        ("03 01 00", [], true),
        ("03 02 00 80", [0], false),
        ("03 02 04 A0", [0, 2], false),
        ("03 02 00 06", [5, 6], false),
        ("03 03 07 80 00", [0], false),
        ("03 03 00 80 00", [0], false),
        ("03 02 00 00", [], false),
    ] as [(String, [Int], Bool)])
    func namedBitLists(text: String, set: [Int], minimal: Bool) throws {
        let (bytes, node) = try parsed(text)
        let bits = try node.bitString(in: bytes)
        #expect((0..<16).filter { bits.isSet($0, in: bytes) } == set)
        #expect(bits.isMinimalNamedBitList(in: bytes) == minimal)
    }

    // MARK: OBJECT IDENTIFIER (X.690 8.19; Go's objectIdentifierTestData)

    @Test(arguments: [
        ("06 01 55", "2.5"),
        ("06 02 55 02", "2.5.2"),
        ("06 04 55 02 C0 00", "2.5.2.8192"),
        ("06 03 81 34 03", "2.100.3"),
        ("06 03 55 1D 11", "2.5.29.17"),
    ])
    func oidValues(text: String, dotted: String) throws {
        let (bytes, node) = try parsed(text)
        #expect(try node.oid(in: bytes).dotted == dotted)
        #expect(try node.oidContent(in: bytes) == node.contentRange)
    }

    // (hex, code, offset from oid(), offset from oidContent()): both point at the content's
    // first byte, or at the sub-identifier with the leading zero group.
    @Test(arguments: [
        ("06 00", DERError.Code.invalidValue, 2, 2),
        ("06 02 56 87", .invalidValue, 2, 2),  // swift-asn1 `BgJWhw==`: ends inside a sub-identifier
        ("06 07 55 02 C0 80 80 80 80", .invalidValue, 2, 2),  // Go: the last one
        ("06 03 55 80 01", .nonMinimalEncoding, 3, 3),
        ("06 02 80 01", .nonMinimalEncoding, 2, 2),
    ])
    func oidErrors(text: String, code: DERError.Code, oidOffset: Int, contentOffset: Int) throws {
        let (bytes, node) = try parsed(text)
        let error = try #require(derError { _ = try node.oid(in: bytes) })
        #expect(error.code == code)
        #expect(error.offset == oidOffset)
        let inPlace = try #require(derError { _ = try node.oidContent(in: bytes) })
        #expect(inPlace.code == code)
        #expect(inPlace.offset == contentOffset)
    }

    @Test func oidWrongTag() throws {
        let (bytes, node) = try parsed("04 01 55")
        let error = try #require(derError { _ = try node.oid(in: bytes) })
        #expect(error.code == .unexpectedTag)
        #expect(error.reason == "Expected an OBJECT IDENTIFIER but found an OCTET STRING")
        #expect(error.path == "OBJECT IDENTIFIER")
    }

    // MARK: OCTET STRING, strings and times through DERNode

    @Test func octetString() throws {
        let (bytes, node) = try parsed("04 03 61 62 63")
        #expect(try node.octetString(in: bytes) == 2..<5)
        #expect(try node.octetStringBytes(in: bytes) == [0x61, 0x62, 0x63])
        let (implicitBytes, implicit) = try parsed("80 02 61 62")
        #expect(try implicit.octetStringBytes(in: implicitBytes) == [0x61, 0x62])
        let (other, otherNode) = try parsed("02 01 01")
        let error = try #require(derError { _ = try otherNode.octetString(in: other) })
        #expect(error.code == .unexpectedTag)
        #expect(error.reason == "Expected an OCTET STRING but found an INTEGER")
    }

    @Test func stringAndTimeDispatchOnTag() throws {
        let (s, string) = try parsed("13 02 44 45")
        #expect(try string.string(in: s) == DERString(kind: .printable, value: "DE", conformsToType: true))
        let (i, ia5) = try parsed("82 0B 65 78 61 6D 70 6C 65 2E 63 6F 6D")
        #expect(try ia5.implicitIA5String(in: i).value == "example.com")
        let (n, notString) = try parsed("04 01 61")
        let error = try #require(derError { _ = try notString.string(in: n) })
        #expect(error.code == .unexpectedTag)
        #expect(error.reason == "Expected a character string but found an OCTET STRING")
        let (c, context) = try parsed("80 01 61")
        #expect(derError { _ = try context.string(in: c) }?.code == .unexpectedTag)

        let (u, utc) = try parsed("17 0D 32 35 30 31 30 32 30 33 30 34 30 35 5A")
        #expect(try utc.time(in: u).iso8601 == "2025-01-02T03:04:05Z")
        let (g, generalized) = try parsed("18 0F 32 30 35 30 30 36 30 37 30 38 30 39 31 30 5A")
        #expect(try generalized.time(in: g).iso8601 == "2050-06-07T08:09:10Z")
        let timeError = try #require(derError { _ = try notString.time(in: n) })
        #expect(timeError.code == .unexpectedTag)
        #expect(timeError.reason == "Expected a UTCTime or GeneralizedTime but found an OCTET STRING")
        // The content error of a time points at its content.
        let (bad, badTime) = try parsed("17 0B 32 35 30 31 30 32 30 33 30 34 5A")
        #expect(derError { _ = try badTime.time(in: bad) }?.offset == 2)
    }

    @Test func expectNamesTheField() throws {
        let (_, node) = try parsed("05 00")
        let error = try #require(derError { try node.expect(.integer, "version") })
        #expect(error.code == .unexpectedTag)
        #expect(error.path == "version")
        #expect(error.reason == "Expected an INTEGER for version but found a NULL")
        #expect(throws: Never.self) { try node.expect(.null, "parameters") }
    }
}
