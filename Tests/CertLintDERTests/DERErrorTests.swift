import Testing
@testable import CertLintDER

// DERError's field paths and its one-sentence description (habit 2). The path format follows
// apple/swift-certificates' habit of naming fields as the ASN.1 module does
// (`tbsCertificate.extensions[3].extnValue`); expected strings are written out by hand.

@Suite struct DERErrorTests {
    private let base = DERError(.invalidValue, at: 412, "A BOOLEAN has the value 0x01; DER allows only 00 and FF")

    @Test func inFieldAndAtIndexCompose() {
        #expect(base.inField("c").path == "c")
        #expect(base.atIndex(3).path == "[3]")
        #expect(base.inField("c").atIndex(3).path == "[3].c")
        #expect(base.inField("c").atIndex(3).inField("b").path == "b[3].c")
        #expect(base.inField("c").atIndex(3).inField("b").inField("a").path == "a.b[3].c")
        #expect(base.atIndex(1).atIndex(2).path == "[2][1]")
        #expect(base.atIndex(1).atIndex(2).inField("matrix").path == "matrix[2][1]")
        #expect(base.inField("extnValue").atIndex(3).inField("extensions").inField("tbsCertificate").path
            == "tbsCertificate.extensions[3].extnValue")
        let prefilled = DERError(.missingField, at: 0, "x", path: "serialNumber")
        #expect(prefilled.inField("tbsCertificate").path == "tbsCertificate.serialNumber")
    }

    @Test func wrappingKeepsEverythingElse() {
        let wrapped = base.inField("a").atIndex(2)
        #expect(wrapped.code == base.code)
        #expect(wrapped.offset == base.offset)
        #expect(wrapped.reason == base.reason)
        #expect(base.shifted(by: 100).offset == 512)
        #expect(base.shifted(by: -12).offset == 400)
        #expect(base.shifted(by: 100).path == base.path)
    }

    @Test func descriptionFormat() {
        #expect(base.description == "A BOOLEAN has the value 0x01; DER allows only 00 and FF (at byte 412).")
        #expect(
            base.inField("c").atIndex(3).inField("b").inField("a").description
                == "A BOOLEAN has the value 0x01; DER allows only 00 and FF (at byte 412 in a.b[3].c).")
        // A reason's own final period is not doubled.
        let dotted = DERError(.truncated, at: 0, "The input is empty.")
        #expect(dotted.description == "The input is empty (at byte 0).")
    }

    // The codes are stable strings that reporters and tests match on.
    @Test func codesAreStable() {
        #expect(DERError.Code.allCases.map(\.rawValue) == [
            "truncated", "indefiniteLength", "nonMinimalEncoding", "lengthTooLarge", "trailingBytes", "tooDeep",
            "tooMany", "unexpectedTag", "missingField", "invalidValue", "unexpectedElement", "invalidPEM",
            "invalidBase64", "unrecognizedFormat", "inputTooLarge",
        ])
    }

    @Test func equality() {
        #expect(base == DERError(.invalidValue, at: 412, base.reason))
        #expect(base != base.inField("x"))
        #expect(base != base.shifted(by: 1))
    }
}
