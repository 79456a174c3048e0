import Testing
@testable import CertLintDER

// Tag names and constants (X.680 table 1, X.690 8.1.2). Names are those `openssl asn1parse`
// prints, in ASN.1 spelling ("cont [ 0 ]" is our "[0]").

@Suite struct DERTagTests {
    @Test(arguments: [
        (DERTag.boolean, "BOOLEAN"), (.integer, "INTEGER"), (.bitString, "BIT STRING"), (.octetString, "OCTET STRING"),
        (.null, "NULL"), (.objectIdentifier, "OBJECT IDENTIFIER"), (.enumerated, "ENUMERATED"),
        (.utf8String, "UTF8String"), (.printableString, "PrintableString"), (.ia5String, "IA5String"),
        (.utcTime, "UTCTime"), (.generalizedTime, "GeneralizedTime"), (.bmpString, "BMPString"),
        (.sequence, "SEQUENCE"), (.set, "SET"),
        (.context(0, constructed: true), "[0] (constructed)"), (.context(2, constructed: false), "[2]"),
        (DERTag(.application, number: 1, constructed: true), "[APPLICATION 1]"),
        (DERTag(.private, number: 7, constructed: false), "[PRIVATE 7]"),
        (DERTag(.universal, number: 14, constructed: false), "UNIVERSAL 14"),
        (DERTag(.universal, number: 99, constructed: false), "UNIVERSAL 99"),
        (DERTag(.universal, number: 0, constructed: false), "end-of-contents"),
    ])
    func descriptions(tag: DERTag, text: String) {
        #expect(tag.description == text)
    }

    @Test func constants() {
        #expect(DERTag.sequence.isConstructed && DERTag.sequence.number == 16)
        #expect(DERTag.set.isConstructed && DERTag.set.number == 17)
        #expect(!DERTag.integer.isConstructed && DERTag.integer.tagClass == .universal)
        #expect(DERTag.context(3, constructed: true) != DERTag.context(3, constructed: false))
        #expect(DERTag.TagClass(rawValue: 2) == .contextSpecific)
    }

    // Every one-byte identifier reads back to the class, form and number its bits give.
    @Test func everyIdentifierByte() throws {
        for byte in UInt8(0)...UInt8(255) where byte & 0x1F != 0x1F {
            let (tag, next) = try DER.readTag([byte], at: 0, limit: 1)
            #expect(tag.tagClass.rawValue == byte >> 6)
            #expect(tag.isConstructed == (byte & 0x20 != 0))
            #expect(tag.number == UInt32(byte & 0x1F))
            #expect(next == 1)
        }
    }
}
