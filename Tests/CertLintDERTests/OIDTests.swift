import Foundation
import Testing
@testable import CertLintDER

// OBJECT IDENTIFIER content octets and dotted text (X.690 8.19, X.660 for the arcs).
//
// Where the cases come from: Go's `encoding/asn1` objectIdentifierTestData (2.100.3 as
// 81 34 03, 2.5.2.8192), apple/swift-asn1's OID tests (unterminated and non-minimal
// sub-identifiers), X.667 / RFC 4122 section 4 (the UUID arc 2.25), the first-arc rule of
// X.690 8.19.4 (0.39, 1.39, 2.40 and up), and 64-bit boundaries (arcs of 2^63 and 2^64 that
// need the big-number path of `dotted`).
//
// Cross-check: every (dotted, content octets) pair was encoded with
// `openssl asn1parse -genstr OID:<dotted> -out o.der` and decoded back to the same dotted
// text by `openssl asn1parse -inform DER` (OpenSSL renders arbitrarily large arcs); the UUID
// integer is Python's `uuid.UUID("f81d4fae-7dec-11d0-a765-00a0c91e6bf6").int`, and a Python
// encoder of X.690 8.19 gave the same octets. The sort order is Python's
// `sorted(oids, key=lambda s: tuple(map(int, s.split("."))))`.

@Suite struct OIDTests {
    // (dotted, content hex); all of these also parse from their dotted text.
    static let pairs: [(String, String)] = [
        ("1.2.840.113549.1.1.11", "2A 86 48 86 F7 0D 01 01 0B"),
        ("2.5.29.17", "55 1D 11"),
        ("0.0", "00"),
        ("0.39", "27"),
        ("1.0", "28"),
        ("1.39", "4F"),
        ("2.0", "50"),
        ("2.40", "78"),
        ("2.47", "7F"),
        ("2.48", "81 00"),
        ("2.100.3", "81 34 03"),
        ("2.999.3", "88 37 03"),
        ("2.5.2.8192", "55 02 C0 00"),
        ("1.3.6.1.4.1.11129.2.4.2", "2B 06 01 04 01 D6 79 02 04 02"),
        ("1.2.9223372036854775807", "2A FF FF FF FF FF FF FF FF 7F"),
        ("1.2.9223372036854775808", "2A 81 80 80 80 80 80 80 80 80 00"),
        ("2.9223372036854775727", "FF FF FF FF FF FF FF FF 7F"),  // first sub-identifier 2^63 - 1
        ("2.9223372036854775728", "81 80 80 80 80 80 80 80 80 00"),  // first sub-identifier 2^63
    ]

    @Test(arguments: pairs)
    func dottedAndBytesAgree(dotted: String, content: String) throws {
        let fromText = try #require(OID(dotted: dotted))
        #expect(fromText.bytes == hex(content))
        let fromBytes = try OID(derContent: hex(content))
        #expect(fromBytes.dotted == dotted)
        #expect(fromBytes == fromText)
        #expect(fromBytes.description == dotted)
    }

    // Arcs of 20 digits or more cannot be written as dotted text here (OID(dotted:) takes up
    // to 19 digits an arc), but content octets holding them render exactly.
    @Test(arguments: [
        ("2.25.329800735698586629295641978511506172918", "69 83 F0 9D A7 EB CF DE E0 C7 A1 A7 B2 C0 94 8C C8 F9 D7 76"),
        ("1.2.18446744073709551615", "2A 81 FF FF FF FF FF FF FF FF 7F"),
        ("1.2.18446744073709551616", "2A 82 80 80 80 80 80 80 80 80 00"),
        ("2.18446744073709551536", "82 80 80 80 80 80 80 80 80 00"),  // first sub-identifier 2^64
        ("2.18446744073709551616", "82 80 80 80 80 80 80 80 80 50"),  // 2^64 + 80
    ])
    func largeArcsRenderExactly(dotted: String, content: String) throws {
        #expect(try OID(derContent: hex(content)).dotted == dotted)
        #expect(OID(dotted: dotted) == nil)
    }

    // The UUID arc of X.667: 2.25 followed by the UUID as one 128-bit integer.
    @Test func uuidArc() throws {
        let uuid: [UInt8] = hex("f81d4fae 7dec 11d0 a765 00a0c91e6bf6")
        #expect(uuid.count == 16)
        var groups: [UInt8] = []
        var value = uuid
        // Base-128 digits of the 128-bit number, least significant first.
        while value.contains(where: { $0 != 0 }) {
            var remainder = 0
            for i in value.indices {
                let current = remainder << 8 | Int(value[i])
                value[i] = UInt8(current >> 7)
                remainder = current & 0x7F
            }
            groups.append(UInt8(remainder) | (groups.isEmpty ? 0 : 0x80))
        }
        let content = [0x69] + groups.reversed()
        #expect(content == hex("69 83 F0 9D A7 EB CF DE E0 C7 A1 A7 B2 C0 94 8C C8 F9 D7 76"))
        #expect(try OID(derContent: content).dotted == "2.25.329800735698586629295641978511506172918")
    }

    @Test(arguments: [
        "", "1", "1.", ".1", "1..2", "1.2.", "3.1", "4.0", "0.40", "1.40", "1.99", "01.2", "1.02", "1.2.03",
        "1.2.a", "1.2.-3", "1.2.+3", "1.2. 3", "1.2.3 ", " 1.2", "1.2.٣", "1.2.３", "1,2,3",
        "1.2.99999999999999999999", "1.2.10000000000000000000", "2.18446744073709551615",
    ])
    func dottedRejects(text: String) {
        #expect(OID(dotted: text) == nil)
    }

    // (content hex, code, reason)
    @Test(arguments: [
        ("", DERError.Code.invalidValue, "An OBJECT IDENTIFIER is empty"),
        ("55 1D 91", .invalidValue, "An OBJECT IDENTIFIER ends inside a sub-identifier"),
        ("80 01", .nonMinimalEncoding, "An OBJECT IDENTIFIER sub-identifier has a leading zero group"),
        ("55 80 80 01", .nonMinimalEncoding, "An OBJECT IDENTIFIER sub-identifier has a leading zero group"),
    ])
    func derContentRejects(content: String, code: DERError.Code, reason: String) throws {
        let error = try #require(derError { _ = try OID(derContent: hex(content), at: 17) })
        #expect(error.code == code)
        #expect(error.offset == 17)
        #expect(error.reason == reason)
    }

    @Test func names() {
        #expect(OID.subjectAltName.name == "subjectAltName")
        #expect(OID.subjectAltName.nameOrDotted == "subjectAltName")
        #expect(OID.commonName.nameOrDotted == "commonName")
        let unknown: OID = "1.2.3.4"
        #expect(unknown.name == nil)
        #expect(unknown.nameOrDotted == "1.2.3.4")
        #expect(unknown.description == "1.2.3.4")
    }

    @Test func matchesComparesInPlace() {
        let bytes = hex("30 05 06 03 55 1D 11 FF")
        #expect(OID.subjectAltName.matches(bytes, 4..<7))
        #expect(!OID.subjectAltName.matches(bytes, 4..<6))
        #expect(!OID.subjectAltName.matches(bytes, 3..<7))
        #expect(!OID.keyUsage.matches(bytes, 4..<7))
        #expect(!OID.subjectAltName.matches(bytes, 4..<4))
    }

    // Numeric order arc by arc: "1.10" after "1.2.840", "2.5.29.17" after "2.5.29.2".
    @Test func ordering() throws {
        let texts = ["1.2.840", "1.10", "1.2", "2.5.29.17", "2.5.29.2", "2.5.4.3", "0.9", "2.100.3", "2.48",
                     "1.2.9223372036854775808", "1.2.840.113549"]
        let oids = try texts.map { try #require(OID(dotted: $0)) }
        #expect(oids.sorted().map(\.dotted) == [
            "0.9", "1.2", "1.2.840", "1.2.840.113549", "1.2.9223372036854775808", "1.10", "2.5.4.3", "2.5.29.2",
            "2.5.29.17", "2.48", "2.100.3",
        ])
        let a: OID = "2.5.29.2"
        #expect(!(a < a))
    }

    @Test func equalityIsByteEquality() {
        let a: OID = "2.5.29.17"
        let b = OID(dotted: "2.5.29.17")
        #expect(a == b)
        #expect(Set([a, OID.subjectAltName]).count == 1)
        #expect(a != OID.keyUsage)
    }

    /// OIDs longer than 16 octets (kept in the shared table of long forms) compare, hash,
    /// match and render by their octets, whether built from text or from octets, and from
    /// many threads at once.
    @Test func longOIDsAreEqualExactlyWhenTheirOctetsAre() throws {
        let text = "1.3.6.1.4.1.311.21.8.8839516.12563957.1558397.10512234.6958549.249.1.40"
        let a = try #require(OID(dotted: text))
        #expect(a.bytes.count > 16)
        let b = try OID(derContent: a.bytes)
        #expect(a == b && a.hashValue == b.hashValue && a.dotted == text && b.dotted == text)
        #expect(Set([a, b]).count == 1)
        let c = try #require(OID(dotted: text.dropLast(2) + "41"))
        #expect(a != c && c.bytes.count == a.bytes.count)
        let bytes = a.bytes
        #expect(a.matches(bytes, 0..<bytes.count) && !c.matches(bytes, 0..<bytes.count))
        // A 16-octet OID stays inline and differs from every long one.
        let short = try OID(derContent: Array(bytes.prefix(15)) + [0x01])
        #expect(short.bytes.count == 16 && short != a)
        // Interning from several threads gives one number per octet string.
        let texts = (0..<200).map { "1.3.6.1.4.1.311.21.8.8839516.12563957.1558397.10512234.\($0)" }
        let results = Results(count: texts.count * 4)
        DispatchQueue.concurrentPerform(iterations: texts.count * 4) { i in
            results.set(i, OID(dotted: texts[i % texts.count]))
        }
        for i in 0..<texts.count {
            let copies = (0..<4).compactMap { results.get(i + $0 * texts.count) }
            #expect(copies.count == 4 && Set(copies).count == 1 && copies[0].dotted == texts[i])
        }
    }

    // Every dotted OID built from seeded random arcs survives text → octets → text, and the
    // octets pass validation.
    @Test func randomRoundTrip() throws {
        var generator = SplitMix64(seed: 8019)
        for _ in 0..<2000 {
            let first = generator.next(below: 3)
            var arcs = [String(first), String(first == 2 ? generator.next() % 10_000 : UInt64(generator.next(below: 40)))]
            for _ in 0..<generator.next(below: 6) {
                let bits = generator.next(below: 64)
                arcs.append(String(generator.next() >> UInt64(bits) % 1_000_000_000_000_000_000))
            }
            let dotted = arcs.joined(separator: ".")
            let oid = try #require(OID(dotted: dotted), "\(dotted)")
            #expect(oid.dotted == dotted)
            #expect(try OID(derContent: oid.bytes).bytes == oid.bytes)
        }
    }
}

/// Slots written from several threads.
private final class Results: @unchecked Sendable {
    private var values: [OID?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: OID?) { lock.withLock { values[i] = value } }
    func get(_ i: Int) -> OID? { lock.withLock { values[i] } }
}
