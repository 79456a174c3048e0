import Testing
@testable import CertLintDER

// DERNode's ranges and the two rule sets. Header and content lengths agree with
// `openssl asn1parse` (`hl=` and `l=`) for the same bytes.

@Suite struct DERNodeTests {
    @Test func rangesOfADefiniteValue() throws {
        let bytes = hex("FF 04 81 80") + [UInt8](repeating: 0x61, count: 128)
        let node = try DER.parse(bytes, in: 1..<bytes.count)
        #expect(node.start == 1)
        #expect(node.contentStart == 4)
        #expect(node.contentEnd == bytes.count)
        #expect(node.end == bytes.count)
        #expect(node.contentRange == 4..<bytes.count)
        #expect(node.encodedRange == 1..<bytes.count)
        #expect(node.contentLength == 128)
        #expect(!node.isIndefiniteLength)
    }

    @Test func rangesOfAnIndefiniteValue() throws {
        let bytes = hex("30 80 02 01 05 00 00")
        let node = try DER.parse(bytes, rules: .ber)
        #expect(node.contentRange == 2..<5)
        #expect(node.encodedRange == 0..<7)
        #expect(node.isIndefiniteLength)
    }

    @Test func ruleSets() {
        let der = DERRules.der
        #expect(!der.allowsIndefiniteLength && !der.allowsNonMinimalLengths && !der.allowsConstructedStrings)
        let ber = DERRules.ber
        #expect(ber.allowsIndefiniteLength && ber.allowsNonMinimalLengths && ber.allowsConstructedStrings)
        #expect(der.maxDepth == ber.maxDepth && der.maxNodes == ber.maxNodes)
        #expect(der != ber)
    }
}
