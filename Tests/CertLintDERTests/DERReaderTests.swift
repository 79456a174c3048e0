import Testing
@testable import CertLintDER

// DER framing (`DER.parse`, `parsePrefix`, `readTag`, `readNode`) and the `DERReader` cursor.
//
// Where the cases come from: Go's `encoding/asn1` TestParseTagAndLength table (high tag numbers,
// superfluous length bytes, the short-form rule, over-long tags); apple/swift-asn1's
// ASN1Tests (multi-byte tags 31 and 55, the leading-zero tag group, trailing bytes, several
// roots, indefinite lengths, the empty input) and DepthLimitTest; BoringSSL's
// `crypto/bytestring/bytestring_test.cc` (CBSTest.ParseASN1Tag's application tags 30, 31 and
// 32, its non-minimal and over-long tag numbers, and CBSTest.BerConvert's non-minimal length,
// indefinite SEQUENCE, indefinite [APPLICATION 31] and two-part OCTET STRING); X.690
// sections 8.1.2 to 8.1.5 and 10.1 to 10.2.
//
// Cross-checks: every accepted encoding was fed to `openssl asn1parse -inform DER`, whose
// `hl=` and `l=` columns are the header and content lengths below (OpenSSL also reads BER, so
// the BER cases were checked the same way, `l=inf` for indefinite lengths). For a strict DER
// oracle each value was also spliced, as the parameters of the outer signatureAlgorithm, into
// the test certificate and loaded with Python's `cryptography` 48, whose rust-asn1 reader
// delimits such a value as a generic TLV: it accepts every value of `derAccepted` and refuses
// every framing error of `derRejected` (lengths, indefinite form, truncation, trailing bytes,
// tag minimality). It does not look inside the value, so the form rules (primitive SEQUENCE,
// constructed INTEGER or string, end-of-contents outside BER, a child overrunning its
// parent) were checked by hand against X.690 8.1.2.5, 8.1.5 and 10.2. One choice of ours:
// tag numbers are capped at 4 bytes (2^28 - 1); Go and rust-asn1 read 5-byte numbers up to
// 2^31 - 1 and 2^32 - 1. Offsets are byte positions in the hex, counted by hand.

/// The hex followed by `filler` bytes 0x61, so long contents need not be spelled out.
private func input(_ text: String, _ filler: Int) -> [UInt8] {
    hex(text) + [UInt8](repeating: 0x61, count: filler)
}

@Suite struct DERReaderTests {
    // (hex, filler bytes, tag as printed, header length, content length)
    static let derAccepted: [(String, Int, String, Int, Int)] = [
        ("05 00", 0, "NULL", 2, 0),
        ("04 03 61 62 63", 0, "OCTET STRING", 2, 3),
        ("04 7F", 127, "OCTET STRING", 2, 127),
        ("04 81 80", 128, "OCTET STRING", 3, 128),
        ("04 81 FF", 255, "OCTET STRING", 3, 255),
        ("04 82 01 00", 256, "OCTET STRING", 4, 256),
        ("04 83 01 00 00", 65_536, "OCTET STRING", 5, 65_536),
        ("30 00", 0, "SEQUENCE", 2, 0),
        ("31 00", 0, "SET", 2, 0),
        ("30 03 02 01 05", 0, "SEQUENCE", 2, 3),
        ("A0 03 02 01 01", 0, "[0] (constructed)", 2, 3),
        ("80 00", 0, "[0]", 2, 0),
        ("9E 00", 0, "[30]", 2, 0),
        ("9F 1F 00", 0, "[31]", 3, 0),
        ("BF 1F 03 02 01 01", 0, "[31] (constructed)", 3, 3),
        ("BF 37 03 02 01 01", 0, "[55] (constructed)", 3, 3),
        ("9F 81 00 00", 0, "[128]", 4, 0),
        ("9F 81 80 01 00", 0, "[16385]", 5, 0),
        ("9F FF FF FF 7F 00", 0, "[268435455]", 6, 0),
        ("5E 00", 0, "[APPLICATION 30]", 2, 0),  // BoringSSL ParseASN1Tag
        ("5F 1F 00", 0, "[APPLICATION 31]", 3, 0),
        ("5F 20 00", 0, "[APPLICATION 32]", 3, 0),
        ("E0 00", 0, "[PRIVATE 0]", 2, 0),
        ("28 00", 0, "EXTERNAL", 2, 0),
        ("09 05 03 31 45 2D 31", 0, "REAL", 2, 5),
    ]

    @Test(arguments: derAccepted)
    func derAccepts(text: String, filler: Int, tag: String, headerLength: Int, contentLength: Int) throws {
        let bytes = input(text, filler)
        let node = try DER.parse(bytes)
        #expect(node.tag.description == tag)
        #expect(node.start == 0)
        #expect(node.contentStart == headerLength)
        #expect(node.contentLength == contentLength)
        #expect(node.end == bytes.count)
        #expect(!node.isIndefiniteLength)
    }

    // (hex, filler bytes, code, offset)
    static let derRejected: [(String, Int, DERError.Code, Int)] = [
        ("", 0, .truncated, 0),
        ("04", 0, .truncated, 1),
        ("04 05 61 62", 0, .truncated, 0),
        ("04 82 01", 0, .truncated, 2),
        ("04 84 7F FF FF FF", 0, .truncated, 0),  // Go: lengths up to 2^31-1 read, then must fit
        ("30 03 02 01", 0, .truncated, 0),
        ("30 04 02 03 01 02", 0, .truncated, 2),  // a child overruns its parent
        ("04 81 05", 5, .nonMinimalEncoding, 1),
        ("04 81 7F", 127, .nonMinimalEncoding, 1),  // Go: `a0 81 7f`
        ("04 82 00 80", 128, .nonMinimalEncoding, 1),
        ("04 82 00 FF", 255, .nonMinimalEncoding, 1),  // Go: `a0 82 00 ff`
        ("04 84 00 00 00 01 61", 0, .nonMinimalEncoding, 1),
        ("04 85 00 00 00 00 01 61", 0, .lengthTooLarge, 1),
        ("04 FF", 0, .lengthTooLarge, 1),
        ("30 80 05 00 00 00", 0, .indefiniteLength, 1),
        ("E7 80", 0, .indefiniteLength, 1),  // swift-asn1 testRejectsIndefiniteLengthForm
        ("05 00 00", 0, .trailingBytes, 2),
        ("02 01 01 00", 0, .trailingBytes, 3),  // swift-asn1 testTrailingBytesAreForbidden
        ("09 05 03 31 45 2D 31 09 05 03 31 45 2D 31", 0, .trailingBytes, 7),  // two roots
        ("30 03 02 01 05 05 00", 0, .trailingBytes, 5),
        ("1F 80 01 00", 0, .nonMinimalEncoding, 0),
        ("9F 80 37 00", 0, .nonMinimalEncoding, 0),  // swift-asn1: tag 55 with a zero group
        ("1F 05 00", 0, .nonMinimalEncoding, 0),
        ("1F 1E 00", 0, .nonMinimalEncoding, 0),  // Go: tag 30 in long form
        ("BF 1E 03 02 01 01", 0, .nonMinimalEncoding, 0),  // swift-asn1 vx4DAgEB
        ("9F 87 FF FF FF 7F 00", 0, .lengthTooLarge, 0),  // a 5-byte tag number (Go reads 2^31 - 1)
        ("FF 81 FF FF FF 7F 00", 0, .lengthTooLarge, 0),  // BoringSSL reads 2^29 - 1
        ("5F 80 1F 00", 0, .nonMinimalEncoding, 0),  // BoringSSL: not minimally encoded
        ("5F 80 1E 00", 0, .nonMinimalEncoding, 0),  // BoringSSL: should have used short form
        ("1F 88 80 80 80 00 00", 0, .lengthTooLarge, 0),  // Go: tag 2^31
        ("BF 81 80 80 80 80 80 80 80 00 03 02 01 01", 0, .lengthTooLarge, 0),  // swift-asn1
        ("9F 85", 0, .truncated, 2),  // Go: `1f 85`
        ("9F", 0, .truncated, 1),
        ("10 00", 0, .invalidValue, 0),  // primitive SEQUENCE
        ("11 00", 0, .invalidValue, 0),  // primitive SET
        ("22 03 02 01 01", 0, .invalidValue, 0),  // constructed INTEGER
        ("21 03 01 01 FF", 0, .invalidValue, 0),  // constructed BOOLEAN
        ("25 00", 0, .invalidValue, 0),  // constructed NULL
        ("26 00", 0, .invalidValue, 0),  // constructed OBJECT IDENTIFIER
        ("24 03 04 01 61", 0, .invalidValue, 0),  // constructed OCTET STRING
        ("23 04 03 02 00 FF", 0, .invalidValue, 0),  // constructed BIT STRING
        ("2C 03 0C 01 61", 0, .invalidValue, 0),  // constructed UTF8String
        ("30 05 24 03 04 01 61", 0, .invalidValue, 2),  // … nested
        ("00 00", 0, .invalidValue, 0),  // end-of-contents outside an indefinite value
        ("30 02 00 00", 0, .invalidValue, 2),
        ("30 04 05 00 00 00", 0, .invalidValue, 4),
        ("20 00", 0, .invalidValue, 0),
    ]

    @Test(arguments: derRejected)
    func derRejects(text: String, filler: Int, code: DERError.Code, offset: Int) throws {
        let bytes = input(text, filler)
        let error = try #require(derError { _ = try DER.parse(bytes) })
        #expect(error.code == code)
        #expect(error.offset == offset)
        #expect(error.path.isEmpty)
    }

    // Messages are whole sentences that name the offending value (habit 2).
    @Test(arguments: [
        ("", "The input is empty"),
        ("04 05 61 62", "An OCTET STRING claims 5 bytes but only 2 remain"),
        ("04", "The input ends where the length of a OCTET STRING was expected"),
        ("04 82 01", "The input ends inside the length of a OCTET STRING"),
        ("04 81 05 61 61 61 61 61", "The length 5 of a OCTET STRING uses the long form; DER requires the short form"),
        ("04 82 00 05 61 61 61 61 61", "The length of a OCTET STRING has a leading zero byte"),
        ("04 85 00 00 00 00 01 61", "The length of a OCTET STRING takes 5 bytes; at most 4 are accepted"),
        ("30 80 00 00", "A SEQUENCE uses an indefinite length, which DER forbids"),
        ("05 00 00 00", "2 bytes follow the end of the NULL"),
        ("1F 05 00", "Tag number 5 uses the multi-byte form; it must use one byte"),
        ("1F 80 01 00", "A multi-byte tag number has a leading zero group"),
        ("9F 87 FF FF FF 7F 00", "A tag number is longer than 4 bytes"),
        ("9F 85", "The input ends inside a multi-byte tag"),
        ("10 00", "A SEQUENCE uses the primitive form"),
        ("11 00", "A SET uses the primitive form"),
        ("22 03 02 01 01", "An INTEGER uses the constructed form"),
        ("24 03 04 01 61", "An OCTET STRING uses the constructed form, which DER forbids"),
        ("00 00", "An end-of-contents marker appears outside an indefinite-length value"),
    ])
    func rejectionMessages(text: String, reason: String) throws {
        let error = try #require(derError { _ = try DER.parse(hex(text)) })
        #expect(error.reason == reason)
    }

    // BER, as some PKCS#7 and PKCS#12 writers produce it: (hex, filler, header length,
    // content length, total length); an indefinite value's content stops before its `00 00`.
    static let berAccepted: [(String, Int, Int, Int, Int)] = [
        ("30 80 05 00 00 00", 0, 2, 2, 6),
        ("30 80 00 00", 0, 2, 0, 4),
        ("30 80 30 80 00 00 00 00", 0, 2, 4, 8),
        ("30 80 30 02 05 00 00 00", 0, 2, 4, 8),
        ("04 81 05", 5, 3, 5, 8),
        ("04 82 00 80", 128, 4, 128, 132),
        ("24 80 04 02 61 62 04 01 63 00 00", 0, 2, 7, 11),
        ("24 09 04 02 61 62 04 03 63 64 65", 0, 2, 9, 11),
        ("A0 80 02 01 01 00 00", 0, 2, 3, 7),
        ("02 82 00 01 01", 0, 4, 1, 5),  // BoringSSL kNonMinimalLengthBER
        ("30 80 01 01 02 00 00", 0, 2, 3, 7),  // kIndefBER
        ("7F 1F 80 01 01 02 00 00", 0, 3, 3, 8),  // kIndefBER2: [APPLICATION 31], indefinite
        ("24 80 04 02 00 01 04 02 02 03 00 00", 0, 2, 8, 12),  // kOctetStringBER
    ]

    @Test(arguments: berAccepted)
    func berAccepts(text: String, filler: Int, headerLength: Int, contentLength: Int, total: Int) throws {
        let bytes = input(text, filler)
        #expect(bytes.count == total)
        let node = try DER.parse(bytes, rules: .ber)
        #expect(node.contentStart == headerLength)
        #expect(node.contentLength == contentLength)
        #expect(node.end == total)
        #expect(node.isIndefiniteLength == hex(text).prefix(3).contains(0x80))
    }

    @Test(arguments: [
        ("04 80 61 00 00", DERError.Code.indefiniteLength, 1),  // a primitive value cannot be indefinite
        ("30 80 05 00", .truncated, 4),
        ("30 80", .truncated, 2),
        ("30 80 00", .truncated, 2),
        ("30 80 30 80 00 00", .truncated, 6),
        ("30 80 00 01 61 00 00", .invalidValue, 2),  // `00 01` is not an end-of-contents marker
        ("22 80 02 01 01 00 00", .invalidValue, 0),  // INTEGER is never constructed, even in BER
        ("30 80 05 00 00 00 00", .trailingBytes, 6),
        ("1F 05 00", .nonMinimalEncoding, 0),  // tags stay minimal even in BER
        ("04 85 00 00 00 00 01 61", .lengthTooLarge, 1),
    ])
    func berRejects(text: String, code: DERError.Code, offset: Int) throws {
        let error = try #require(derError { _ = try DER.parse(hex(text), rules: .ber) })
        #expect(error.code == code)
        #expect(error.offset == offset)
    }

    @Test func berConstructedOctetStringIsJoined() throws {
        let bytes = hex("24 80 04 02 61 62 04 01 63 00 00")
        let node = try DER.parse(bytes, rules: .ber)
        #expect(try node.octetStringBytes(in: bytes, rules: .ber) == Array("abc".utf8))
        // The same tree read under DER rules is refused, by parse and by the joiner.
        #expect(derError { _ = try DER.parse(bytes) }?.code == .invalidValue)
        #expect(derError { _ = try node.octetStringBytes(in: bytes) }?.code == .invalidValue)

        // Segments nested one level (X.690 8.7.3.2 allows constructed segments in BER).
        let nested = hex("24 80 24 80 04 01 61 00 00 04 01 62 24 04 04 02 63 64 00 00")
        let outer = try DER.parse(nested, rules: .ber)
        #expect(try outer.octetStringBytes(in: nested, rules: .ber) == Array("abcd".utf8))

        // A segment of another type is refused.
        let mixed = hex("24 80 04 01 61 02 01 01 00 00")
        let mixedNode = try DER.parse(mixed, rules: .ber)
        let error = try #require(derError { _ = try mixedNode.octetStringBytes(in: mixed, rules: .ber) })
        #expect(error.code == .unexpectedTag)
        #expect(error.offset == 5)
        #expect(error.reason == "A constructed OCTET STRING holds a INTEGER")
    }

    // The depth cap (DERRules.der.maxDepth = 32): the outermost value is depth 0, so 32 nested
    // SEQUENCEs (depths 0–31) pass and the 33rd, at depth 32, is refused at its own offset. A
    // primitive value may sit at depth 32: only constructed values count against the cap.
    @Test func depthCapBoundary() throws {
        #expect(DERRules.der.maxDepth == 32)
        #expect(throws: Never.self) { try DER.parse(nestedSequences(32)) }
        #expect(throws: Never.self) { try DER.parse(nestedSequences(32, innermost: hex("05 00"))) }

        for bytes in [nestedSequences(33), nestedSequences(33, innermost: hex("05 00"))] {
            let error = try #require(derError { _ = try DER.parse(bytes) })
            #expect(error.code == .tooDeep)
            #expect(error.offset == 64)
            #expect(error.reason == "Values are nested more than 32 levels deep")
        }
    }

    @Test func depthCapBoundaryForIndefiniteLengths() throws {
        func indefinite(_ depth: Int) -> [UInt8] {
            Array(repeating: [0x30, 0x80], count: depth).flatMap { $0 } + Array(repeating: 0x00, count: 2 * depth)
        }
        #expect(throws: Never.self) { try DER.parse(indefinite(32), rules: .ber) }
        let error = try #require(derError { _ = try DER.parse(indefinite(33), rules: .ber) })
        #expect(error.code == .tooDeep)
        #expect(error.offset == 64)
    }

    // Hostile nesting far past the cap fails fast with tooDeep, never with a stack overflow.
    @Test func hostileNesting() throws {
        var definite = hex("05 00")
        for _ in 0..<2000 { definite = tlv(0x30, definite) }
        #expect(derError { _ = try DER.parse(definite) }?.code == .tooDeep)

        let indefinite = Array(repeating: [UInt8]([0x30, 0x80]), count: 100_000).flatMap { $0 }
        #expect(derError { _ = try DER.parse(indefinite, rules: .ber) }?.code == .tooDeep)
    }

    @Test func customDepthCap() throws {
        var rules = DERRules.der
        rules.maxDepth = 3
        #expect(throws: Never.self) { try DER.parse(nestedSequences(3), rules: rules) }
        let error = try #require(derError { _ = try DER.parse(nestedSequences(4), rules: rules) })
        #expect(error.code == .tooDeep)
        #expect(error.offset == 6)
        #expect(error.reason == "Values are nested more than 3 levels deep")
    }

    @Test func nodeCountCap() throws {
        var rules = DERRules.der
        rules.maxNodes = 3
        #expect(throws: Never.self) { try DER.parse(hex("30 04 05 00 05 00"), rules: rules) }
        let error = try #require(derError { _ = try DER.parse(hex("30 06 05 00 05 00 05 00"), rules: rules) })
        #expect(error.code == .tooMany)
        #expect(error.offset == 6)
        #expect(error.reason == "The encoding holds more than 3 values")

        rules.maxNodes = 1
        #expect(throws: Never.self) { try DER.parse(hex("05 00"), rules: rules) }
        #expect(derError { _ = try DER.parse(hex("30 02 05 00"), rules: rules) }?.offset == 2)
    }

    // The default cap of a million values: a SEQUENCE of 999,999 NULLs is 1,000,000 values;
    // one more NULL is refused at its offset.
    @Test func defaultNodeCountCap() throws {
        #expect(DERRules.der.maxNodes == 1_000_000)
        func nulls(_ count: Int) -> [UInt8] {
            var content = [UInt8](repeating: 0x00, count: 2 * count)
            for i in stride(from: 0, to: content.count, by: 2) { content[i] = 0x05 }
            return content
        }
        let atCap = tlv(0x30, nulls(999_999))
        #expect(throws: Never.self) { try DER.parse(atCap) }
        let overCap = tlv(0x30, nulls(1_000_000))
        let error = try #require(derError { _ = try DER.parse(overCap) })
        #expect(error.code == .tooMany)
        #expect(error.offset == overCap.count - 2)
    }

    @Test func parseWithinARange() throws {
        let bytes = hex("FF FF 30 03 02 01 05 FF")
        let node = try DER.parse(bytes, in: 2..<7)
        #expect(node.start == 2)
        #expect(node.contentRange == 4..<7)
        #expect(derError { _ = try DER.parse(bytes, in: 2..<8) }?.code == .trailingBytes)
        #expect(derError { _ = try DER.parse(bytes, in: 2..<6) }?.code == .truncated)
        #expect(derError { _ = try DER.parse(bytes, in: 3..<3) }?.offset == 3)
        #expect(derError { _ = try DER.parse(bytes, in: 2..<9) }?.code == .truncated)
    }

    @Test func parsePrefixReadsOneValueAtATime() throws {
        let bytes = hex("05 00 02 01 01 30 80 00 00")
        let first = try DER.parsePrefix(bytes, in: 0..<bytes.count)
        #expect(first.tag == .null)
        #expect(first.end == 2)
        let second = try DER.parsePrefix(bytes, in: first.end..<bytes.count)
        #expect(second.tag == .integer)
        #expect(second.end == 5)
        #expect(derError { _ = try DER.parsePrefix(bytes, in: second.end..<bytes.count) }?.code == .indefiniteLength)
        let third = try DER.parsePrefix(bytes, in: second.end..<bytes.count, rules: .ber)
        #expect(third.end == bytes.count)
        #expect(derError { _ = try DER.parsePrefix(bytes, in: bytes.count..<bytes.count) }?.code == .truncated)
        #expect(derError { _ = try DER.parsePrefix(bytes, in: 0..<20) }?.code == .truncated)
    }

    @Test(arguments: [
        ("02", DERTag.TagClass.universal, false, UInt32(2), 1),
        ("30", .universal, true, 16, 1),
        ("A0", .contextSpecific, true, 0, 1),
        ("82", .contextSpecific, false, 2, 1),
        ("5F 20", .application, false, 32, 2),
        ("E7", .private, true, 7, 1),
        ("DF 82 00", .private, false, 256, 3),
    ])
    func readTag(text: String, tagClass: DERTag.TagClass, constructed: Bool, number: UInt32, next: Int) throws {
        let bytes = hex(text)
        let (tag, after) = try DER.readTag(bytes, at: 0, limit: bytes.count)
        #expect(tag == DERTag(tagClass, number: number, constructed: constructed))
        #expect(after == next)
    }

    @Test func readNodeDelimitsWithoutValidatingChildren() throws {
        // The child's length is wrong, but readNode only delimits the outer value.
        let bytes = hex("30 03 02 05 01 05 00")
        let node = try DER.readNode(bytes, at: 0, limit: bytes.count, rules: .der, depth: 0)
        #expect(node.encodedRange == 0..<5)
        #expect(derError { _ = try DER.parse(bytes, in: 0..<5) }?.code == .truncated)
        #expect(derError { _ = try DER.parse(bytes, in: 0..<5) }?.offset == 2)
        let next = try DER.readNode(bytes, at: node.end, limit: bytes.count, rules: .der, depth: 0)
        #expect(next.tag == .null)
    }

    // The whole tree of a real certificate agrees, value by value, with `openssl asn1parse`:
    // "offset:depth:hl:l" for each of its 56 lines.
    @Test func certificateTreeMatchesOpenSSL() throws {
        let expected = """
            0:0:4:369 4:1:4:291 8:2:2:3 10:3:2:1 13:2:2:4 19:2:2:5 21:3:2:3 26:2:2:59
            28:3:2:11 30:4:2:9 32:5:2:3 37:5:2:2 41:3:2:22 43:4:2:20 45:5:2:3 50:5:2:13
            65:3:2:20 67:4:2:18 69:5:2:3 74:5:2:11 87:2:2:32 89:3:2:13 104:3:2:15 121:2:2:59
            123:3:2:11 125:4:2:9 127:5:2:3 132:5:2:2 136:3:2:22 138:4:2:20 140:5:2:3 145:5:2:13
            160:3:2:20 162:4:2:18 164:5:2:3 169:5:2:11 182:2:2:42 184:3:2:5 186:4:2:3 191:3:2:33
            226:2:2:71 228:3:2:69 230:4:2:12 232:5:2:3 237:5:2:1 240:5:2:2 244:4:2:14 246:5:2:3
            251:5:2:1 254:5:2:4 260:4:2:37 262:5:2:3 267:5:2:30 299:1:2:5 301:2:2:3 306:1:2:65
            """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let bytes = ed25519Certificate
        let root = try DER.parse(bytes)
        #expect(try asn1parseRows(bytes, root) == expected)
    }

    // Habit 10: every proper prefix of a valid encoding fails cleanly; the whole passes. Also
    // under BER rules, which accept more and so must be just as careful.
    @Test func everyPrefixOfACertificateFails() throws {
        let bytes = ed25519Certificate
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            #expect(derError { _ = try DER.parse(prefix) }?.code == .truncated, "prefix of \(length) bytes")
            #expect(derError { _ = try DER.parse(prefix, rules: .ber) } != nil, "prefix of \(length) bytes")
        }
        #expect(throws: Never.self) { try DER.parse(bytes) }
    }

    // Habit 10: seeded random mutations throw or parse, never trap; whatever parses can be
    // walked and decoded without trapping either.
    @Test func randomMutationsNeverTrap() {
        var generator = SplitMix64(seed: 690)
        let original = ed25519Certificate
        var parsed = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0...generator.next(below: 4) {
                switch generator.next(below: 4) {
                case 0: bytes[generator.next(below: bytes.count)] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes[generator.next(below: bytes.count)] ^= 0x80
                case 2: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: generator.next(below: bytes.count))
                default: if bytes.count > 1 { bytes.remove(at: generator.next(below: bytes.count)) }
                }
            }
            for rules in [DERRules.der, .ber] {
                guard let root = try? DER.parse(bytes, rules: rules) else { continue }
                parsed += 1
                exerciseDecoders(bytes, root, rules: rules)
            }
        }
        #expect(parsed > 0)
    }

    private func exerciseDecoders(_ bytes: [UInt8], _ node: DERNode, rules: DERRules) {
        _ = try? node.boolean(in: bytes)
        _ = try? node.integer(in: bytes)
        _ = try? node.unsignedIntegerBytes(in: bytes)
        _ = node.integerIsNegative(in: bytes)
        _ = try? node.null(in: bytes)
        _ = try? node.oid(in: bytes).nameOrDotted
        _ = try? node.oidContent(in: bytes)
        if let bits = try? node.bitString(in: bytes) {
            _ = bits.isMinimalNamedBitList(in: bytes)
            _ = (0..<20).map { bits.isSet($0, in: bytes) }
        }
        _ = try? node.octetStringBytes(in: bytes, rules: rules)
        _ = try? node.string(in: bytes)
        _ = try? node.implicitIA5String(in: bytes)
        _ = try? node.time(in: bytes).iso8601
        guard node.tag.isConstructed else { return }
        var reader = DERReader(bytes, children: node, rules: rules)
        while let child = try? reader.next() {
            exerciseDecoders(bytes, child, rules: rules)
        }
    }

    // MARK: DERReader

    // SEQUENCE { INTEGER 1, [0] { BOOLEAN TRUE }, OCTET STRING "ab" }
    private static let sample = hex("30 0C 02 01 01 A0 03 01 01 FF 04 02 61 62")

    @Test func readerWalksFieldsInOrder() throws {
        let bytes = Self.sample
        let root = try DER.parse(bytes)
        var reader = DERReader(bytes, children: root)
        #expect(reader.offset == 2)
        #expect(reader.end == 14)
        #expect(try reader.peekTag() == .integer)
        #expect(try reader.readIfPresent(.boolean) == nil)
        #expect(reader.count == 0)
        let version = try reader.read(.integer, "version")
        #expect(try version.integer(in: bytes) == 1)
        #expect(try reader.readIfPresent(.context(1, constructed: true)) == nil)
        let explicit = try #require(try reader.readIfPresent(.context(0, constructed: true)))
        var inner = DERReader(bytes, children: explicit)
        #expect(try inner.read(.boolean, "critical").boolean(in: bytes) == true)
        try inner.finish("[0]")
        #expect(try reader.peekTag() == .octetString)
        let octets = try reader.readAny("value")
        #expect(bytes[try octets.octetString(in: bytes)] == [0x61, 0x62])
        #expect(reader.isAtEnd)
        #expect(reader.count == 3)
        try reader.finish("sample")
        #expect(try reader.peekTag() == nil)
        #expect(try reader.readIfPresent(.octetString) == nil)
        #expect(try reader.next() == nil)
    }

    @Test func readWrongTag() throws {
        let bytes = Self.sample
        var reader = DERReader(bytes, children: try DER.parse(bytes))
        let error = try #require(derError { _ = try reader.read(.octetString, "serialNumber") })
        #expect(error.code == .unexpectedTag)
        #expect(error.offset == 2)
        #expect(error.path == "serialNumber")
        #expect(error.reason == "Expected an OCTET STRING for serialNumber but found an INTEGER")
    }

    @Test func readMissingField() throws {
        let bytes = hex("30 03 02 01 01")
        var reader = DERReader(bytes, children: try DER.parse(bytes))
        _ = try reader.read(.integer, "version")
        let error = try #require(derError { _ = try reader.read(.sequence, "signature") })
        #expect(error.code == .missingField)
        #expect(error.offset == 5)
        #expect(error.path == "signature")
        #expect(error.reason == "The required field signature (SEQUENCE) is missing")

        let anyError = try #require(derError { _ = try reader.readAny("parameters") })
        #expect(anyError.code == .missingField)
        #expect(anyError.reason == "The required field parameters is missing")
    }

    @Test func finishRejectsLeftovers() throws {
        let bytes = Self.sample
        var reader = DERReader(bytes, children: try DER.parse(bytes))
        _ = try reader.read(.integer, "version")
        let error = try #require(derError { try reader.finish("TBSCertificate") })
        #expect(error.code == .unexpectedElement)
        #expect(error.offset == 5)
        #expect(error.path == "TBSCertificate")
        #expect(error.reason == "TBSCertificate has an unexpected element after its last field")
    }

    @Test func readerOverARange() throws {
        // A SET's content read as values laid end to end.
        let bytes = hex("31 06 02 01 03 02 01 04")
        let set = try DER.parse(bytes)
        var reader = DERReader(bytes, range: set.contentRange)
        var values: [Int] = []
        while let node = try reader.next() { values.append(try node.integer(in: bytes)) }
        #expect(values == [3, 4])
        #expect(reader.count == 2)
    }

    // Errors found deep in a structure carry the whole field path, built from the inside out
    // the way a certificate decoder wraps each field.
    @Test func errorPathThroughACertificate() throws {
        let bytes = ed25519Certificate
        let certificate = try DER.parse(bytes)
        var outer = DERReader(bytes, children: certificate)
        let tbs = try outer.read(.sequence, "tbsCertificate")
        var fields = DERReader(bytes, children: tbs)
        for _ in 0..<7 { _ = try fields.next() }
        let extensionsTag = try #require(try fields.readIfPresent(.context(3, constructed: true)))
        var wrapper = DERReader(bytes, children: extensionsTag)
        var extensions = DERReader(bytes, children: try wrapper.read(.sequence, "extensions"))
        var caught: DERError?
        var index = 0
        while let ext = try extensions.next() {
            do throws(DERError) {
                var fields = DERReader(bytes, children: ext)
                _ = try fields.read(.objectIdentifier, "extnID")
                // Expect the wrong tag on purpose: the second field is BOOLEAN critical.
                _ = try fields.read(.octetString, "extnValue")
            } catch {
                caught = error.atIndex(index).inField("extensions").inField("tbsCertificate")
                break
            }
            index += 1
        }
        let error = try #require(caught)
        #expect(error.path == "tbsCertificate.extensions[0].extnValue")
        #expect(error.offset == 237)
        #expect(
            error.description
                == "Expected an OCTET STRING for extnValue but found a BOOLEAN (at byte 237 in tbsCertificate.extensions[0].extnValue).")
    }

    // The certificate read field by field; the values are those the generating script gave
    // Python's `cryptography`, and `openssl x509 -text` prints the same.
    @Test func decodeCertificateFields() throws {
        let bytes = ed25519Certificate
        var certificate = DERReader(bytes, children: try DER.parse(bytes))
        var tbs = DERReader(bytes, children: try certificate.read(.sequence, "tbsCertificate"))
        var version = DERReader(bytes, children: try #require(try tbs.readIfPresent(.context(0, constructed: true))))
        #expect(try version.read(.integer, "version").integer(in: bytes) == 2)
        try version.finish("version")
        let serial = try tbs.read(.integer, "serialNumber")
        #expect(Array(try serial.unsignedIntegerBytes(in: bytes)) == [0xC0, 0xFF, 0xEE])
        var signature = DERReader(bytes, children: try tbs.read(.sequence, "signature"))
        #expect(try signature.read(.objectIdentifier, "algorithm").oid(in: bytes) == OID.ed25519)
        try signature.finish("signature")
        var issuer = DERReader(bytes, children: try tbs.read(.sequence, "issuer"))
        var attributes: [String] = []
        while let rdn = try issuer.next() {
            var set = DERReader(bytes, children: rdn)
            var pair = DERReader(bytes, children: try set.read(.sequence, "attribute"))
            let type = try pair.read(.objectIdentifier, "type").oid(in: bytes)
            let value = try pair.readAny("value").string(in: bytes)
            attributes.append("\(type.nameOrDotted)=\(value.value) \(value.kind.asn1Name)")
        }
        #expect(
            attributes == [
                "countryName=DE PrintableString", "organizationName=certlint test UTF8String",
                "commonName=example.com UTF8String",
            ])
        var validity = DERReader(bytes, children: try tbs.read(.sequence, "validity"))
        let notBefore = try validity.readAny("notBefore").time(in: bytes)
        let notAfter = try validity.readAny("notAfter").time(in: bytes)
        #expect(notBefore.iso8601 == "2025-01-02T03:04:05Z")
        #expect(notBefore.encoding == .utcTime)
        #expect(notAfter.iso8601 == "2050-06-07T08:09:10Z")
        #expect(notAfter.encoding == .generalizedTime)
        _ = try tbs.read(.sequence, "subject")
        var spki = DERReader(bytes, children: try tbs.read(.sequence, "subjectPublicKeyInfo"))
        _ = try spki.read(.sequence, "algorithm")
        let key = try spki.read(.bitString, "subjectPublicKey").bitString(in: bytes)
        #expect(key.unusedBits == 0)
        #expect(key.bitCount == 256)
        var extensionsWrapper = DERReader(bytes, children: try #require(try tbs.readIfPresent(.context(3, constructed: true))))
        var extensions = DERReader(bytes, children: try extensionsWrapper.read(.sequence, "extensions"))
        var seen: [String] = []
        while let ext = try extensions.next() {
            var fields = DERReader(bytes, children: ext)
            let id = try fields.read(.objectIdentifier, "extnID").oid(in: bytes)
            let critical = try fields.readIfPresent(.boolean)?.boolean(in: bytes) ?? false
            let value = try fields.read(.octetString, "extnValue")
            try fields.finish("Extension")
            seen.append("\(id.nameOrDotted)\(critical ? "!" : "")")
            let inner = try DER.parse(bytes, in: value.contentRange)
            if id == OID.keyUsage {
                let bits = try inner.bitString(in: bytes)
                #expect(bits.isSet(0, in: bytes))
                #expect(!bits.isSet(1, in: bytes))
                #expect(bits.isMinimalNamedBitList(in: bytes))
            } else if id == OID.subjectAltName {
                var names = DERReader(bytes, children: inner)
                var dnsNames: [String] = []
                while let name = try names.readIfPresent(.context(2, constructed: false)) {
                    dnsNames.append(try name.implicitIA5String(in: bytes).value)
                }
                #expect(dnsNames == ["example.com", "*.example.com"])
            }
        }
        #expect(seen == ["basicConstraints!", "keyUsage!", "subjectAltName"])
        try tbs.finish("tbsCertificate")
        _ = try certificate.read(.sequence, "signatureAlgorithm")
        #expect(try certificate.read(.bitString, "signatureValue").bitString(in: bytes).bitCount == 512)
        try certificate.finish("Certificate")
    }
}
