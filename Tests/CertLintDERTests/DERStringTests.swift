import Testing
@testable import CertLintDER

// The ASN.1 string types. Repertoires are X.680 section 41 (PrintableString's table 10,
// NumericString, VisibleString, IA5String); the cases borrow from Go's `encoding/asn1`
// (isPrintable and its `*`/`&` leniency, TestUnmarshal's `test&` PrintableString, the IA5
// and BMP tests), apple/swift-asn1's ASN1StringTests (each kind round-trips its bytes), and
// the UTF-8 error classes of the Unicode standard, chapter 3 (table 3-7: overlong forms,
// surrogates, truncated sequences, code points above U+10FFFF).
//
// Cross-checks: expected text was decoded with Python's codecs (`bytes.decode("utf-8")`,
// `"utf-16-be"`, `"utf-32-be"`, `"latin-1"`), and every invalid UTF-8 / UTF-32 input below
// raises UnicodeDecodeError there too. One deliberate difference: Python's "utf-16-be" joins
// the surrogate pair D83D DE00 into U+1F600, while a BMPString is UCS-2 (X.680 41.16), so we
// keep each surrogate as U+FFFD and flag the string.

private func decode(_ kind: DERString.Kind, _ content: String) throws -> DERString {
    let bytes = hex(content)
    return try DERString.decode(bytes, 0..<bytes.count, kind: kind, at: 0)
}

@Suite struct DERStringTests {
    // (kind, content hex, text, conforms)
    @Test(arguments: [
        (DERString.Kind.utf8, "", "", true),
        (.utf8, "65 78 61 6D 70 6C 65", "example", true),
        (.utf8, "68 C3 A9 6C 6C 6F", "héllo", true),
        (.utf8, "F0 9F 94 92", "\u{1F512}", true),
        (.utf8, "00", "\u{0}", true),
        (.numeric, "30 31 32 20 39", "012 9", true),
        (.numeric, "31 32 61", "12a", false),
        (.numeric, "2B 34 39", "+49", false),
        (.printable, "45 78 61 6D 70 6C 65 20 49 6E 63 2E", "Example Inc.", true),
        (.printable, "27 28 29 2B 2C 2D 2E 2F 3A 3D 3F 20", "'()+,-./:=? ", true),
        (.printable, "61 40 62 2E 63 6F 6D", "a@b.com", false),
        (.printable, "2A 2E 65 78 61 6D 70 6C 65 2E 63 6F 6D", "*.example.com", false),
        (.printable, "74 65 73 74 26", "test&", false),
        (.printable, "61 5F 62", "a_b", false),
        (.printable, "E9", "é", false),
        (.ia5, "74 65 73 74", "test", true),
        (.ia5, "00 7F", "\u{0}\u{7F}", true),
        (.ia5, "74 E9 73 74", "t\u{E9}st", false),
        (.visible, "61 7E 20", "a~ ", true),
        (.visible, "61 09", "a\t", false),
        (.visible, "7F", "\u{7F}", false),
        (.teletex, "43 61 66 C3 A9", "Café", true),  // valid UTF-8: read as UTF-8
        (.teletex, "43 61 66 E9", "Café", true),  // not UTF-8: read as ISO 8859-1
        (.teletex, "A4", "¤", true),  // ISO 8859-1 (T.61 itself would give '$')
        (.videotex, "C3 A9", "Ã©", true),  // always ISO 8859-1
        (.graphic, "E9", "é", true),
        (.general, "C3 A9", "Ã©", true),
        (.bmp, "", "", true),
        (.bmp, "00 41 00 E9 20 AC", "Aé€", true),
        (.bmp, "D8 3D DE 00", "\u{FFFD}\u{FFFD}", false),  // a surrogate pair
        (.bmp, "00 41 DC 00", "A\u{FFFD}", false),  // a lone low surrogate
        (.universal, "", "", true),
        (.universal, "00 00 00 41 00 01 F6 00", "A\u{1F600}", true),
    ] as [(DERString.Kind, String, String, Bool)])
    func decodes(kind: DERString.Kind, content: String, text: String, conforms: Bool) throws {
        let string = try decode(kind, content)
        #expect(string.kind == kind)
        #expect(string.value == text)
        #expect(string.description == text)
        #expect(string.conformsToType == conforms)
    }

    // (kind, content hex, offset of the error, reason)
    @Test(arguments: [
        (DERString.Kind.utf8, "C3 28", 0, "A UTF8String is not valid UTF-8"),
        (.utf8, "FF", 0, "A UTF8String is not valid UTF-8"),
        (.utf8, "80", 0, "A UTF8String is not valid UTF-8"),
        (.utf8, "C0 AF", 0, "A UTF8String is not valid UTF-8"),  // overlong '/'
        (.utf8, "ED A0 80", 0, "A UTF8String is not valid UTF-8"),  // a surrogate
        (.utf8, "E2 82", 0, "A UTF8String is not valid UTF-8"),  // truncated '€'
        (.utf8, "F4 90 80 80", 0, "A UTF8String is not valid UTF-8"),  // above U+10FFFF
        (.bmp, "00 41 00", 0, "A BMPString has an odd number of bytes (3)"),
        (.bmp, "41", 0, "A BMPString has an odd number of bytes (1)"),
        (.universal, "00 00 41", 0, "A UniversalString's length (3) is not a multiple of 4"),
        (.universal, "00 00 00 41 00 11 00 00", 4, "A UniversalString holds the invalid code point 1114112"),
        (.universal, "00 00 D8 00", 0, "A UniversalString holds the invalid code point 55296"),
    ] as [(DERString.Kind, String, Int, String)])
    func rejects(kind: DERString.Kind, content: String, offset: Int, reason: String) throws {
        let error = try #require(derError { _ = try decode(kind, content) })
        #expect(error.code == .invalidValue)
        #expect(error.offset == offset)
        #expect(error.reason == reason)
    }

    // Errors give the offset passed in (the content's offset in the file), plus the position
    // inside a UniversalString.
    @Test func offsetsAreRelativeToTheInput() throws {
        let bytes = hex("FF FF 0C 02 C3 28")
        let node = try DER.parse(bytes, in: 2..<6)
        #expect(derError { _ = try node.string(in: bytes) }?.offset == 4)
        let universal = hex("1C 08 00 00 00 41 FF FF FF FF")
        let universalNode = try DER.parse(universal)
        #expect(derError { _ = try universalNode.string(in: universal) }?.offset == 6)
    }

    // Every kind decodes through DERNode.string from its own universal tag, and the kinds'
    // raw values are the DERTag numbers (X.680 table 1).
    @Test(arguments: DERString.Kind.allCases)
    func kindMatchesItsTag(kind: DERString.Kind) throws {
        let bytes = tlv(UInt8(kind.rawValue), kind == .bmp ? [0x00, 0x41] : kind == .universal ? [0, 0, 0, 0x41] : [0x41])
        let node = try DER.parse(bytes)
        let string = try node.string(in: bytes)
        #expect(string.kind == kind)
        #expect(string.value == "A")
        #expect(node.tag.description == kind.asn1Name)
    }

    @Test func asn1Names() {
        #expect(DERString.Kind.allCases.map(\.asn1Name) == [
            "UTF8String", "NumericString", "PrintableString", "TeletexString", "VideotexString", "IA5String",
            "GraphicString", "VisibleString", "GeneralString", "UniversalString", "BMPString",
        ])
        #expect(DERTag.utf8String.number == DERString.Kind.utf8.rawValue)
        #expect(DERTag.printableString.number == DERString.Kind.printable.rawValue)
        #expect(DERTag.teletexString.number == DERString.Kind.teletex.rawValue)
        #expect(DERTag.ia5String.number == DERString.Kind.ia5.rawValue)
        #expect(DERTag.bmpString.number == DERString.Kind.bmp.rawValue)
        #expect(DERTag.universalString.number == DERString.Kind.universal.rawValue)
    }

    // Each PrintableString byte agrees with the repertoire of X.680 table 10.
    @Test func printableRepertoire() {
        let allowed = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?".utf8))
        for byte in UInt8(0)...UInt8(255) {
            #expect(DERString.Kind.printable.allows(byte) == allowed.contains(byte), "byte \(byte)")
            #expect(DERString.Kind.ia5.allows(byte) == (byte < 0x80))
            #expect(DERString.Kind.visible.allows(byte) == (0x20...0x7E).contains(byte))
            #expect(DERString.Kind.numeric.allows(byte) == (byte == 0x20 || (0x30...0x39).contains(byte)))
        }
    }

    // Seeded random bytes of every kind decode or throw, never trap; UTF-8 succeeds exactly when
    // the standard library's validating initializer does.
    @Test func randomBytesNeverTrap() {
        var generator = SplitMix64(seed: 680)
        for _ in 0..<2000 {
            let bytes = generator.bytes(count: generator.next(below: 12))
            for kind in DERString.Kind.allCases {
                let result = Result { () throws(DERError) in try DERString.decode(bytes, 0..<bytes.count, kind: kind, at: 0) }
                if kind == .utf8 {
                    let decoded = (try? result.get()) != nil
                    #expect(decoded == (String(validating: bytes, as: UTF8.self) != nil))
                }
            }
        }
    }
}

/// The bit sets the decoder uses agree with the byte-by-byte repertoire rules.
@Suite struct DERStringRepertoireTests {
    @Test(arguments: [DERString.Kind.printable, .numeric, .visible, .ia5])
    func bitSetsAgreeWithRules(kind: DERString.Kind) {
        let (low, high) = kind.repertoire
        for byte in UInt8(0)..<128 {
            let word = byte < 64 ? low : high
            let inSet = (word >> UInt64(byte & 63)) & 1 == 1
            #expect(inSet == kind.allows(byte), "\(kind) byte \(byte)")
        }
    }
}
