import CertLintCrypto
import CertLintDER
import Foundation
import Testing

@testable import CertLintX509

/// The places where certlint's reading of a fixture differs from Python's `cryptography`, or
/// where `cryptography` could not read it at all, each with the reading certlint gives and why.
@Suite struct ExplainedDisagreementTests {
    static func certificate(_ name: String) throws -> Certificate {
        try Certificate(derEncoded: Fixtures.bytes("x509/generated/\(name).der"))
    }

    /// RFC 4514 2.4 renders a value that is not a string as `#` followed by the hex of its
    /// whole BER encoding (tag and length included); cryptography renders the content only.
    /// The attribute here is x500UniqueIdentifier as BIT STRING `03 03 01 02 FF`.
    @Test func nonStringAttributeUsesTheWholeEncodingInRFC4514() throws {
        let subject = try Self.certificate("name-bitstring-attribute").subject()
        #expect(subject.rfc4514String == "2.5.4.45=#03030102ff,CN=unique id")
        #expect(subject.attributes.last?.encodedValue == [0x03, 0x03, 0x01, 0x02, 0xFF])
        #expect(subject.attributes.last?.string == nil)
    }

    /// cryptography refuses a TeletexString holding a Latin-1 byte (0xE9); OpenSSL shows it
    /// as "é", and so does certlint: TeletexString bytes that are not valid UTF-8 are read as
    /// ISO 8859-1.
    @Test func teletexLatin1IsReadAsOpenSSLReadsIt() throws {
        let subject = try Self.certificate("name-cn-teletex-latin1").subject()
        let cn = subject.attributes.first { $0.oid == .commonName }
        #expect(cn?.string?.kind == .teletex)
        #expect(cn?.string?.value.unicodeScalars.contains("\u{E9}") == true)
        #expect(cn?.encodedValue.contains(0xE9) == true)
    }

    /// cryptography refuses version 2 certificates outright (`InvalidVersion`); they are legal
    /// X.509 (RFC 5280 4.1.2.1) and certlint reads them, with their unique identifiers.
    @Test func version2CertificateIsRead() throws {
        let cert = try Self.certificate("v2-unique-ids")
        #expect(cert.version == 2)
        #expect(cert.hasUniqueIdentifierFields)
        #expect(try cert.extensions().isEmpty)
        _ = try cert.subject()
        _ = try cert.publicKey()
    }

    /// A TeletexString holding UTF-8 bytes ("Café" as written by cryptography) reads as UTF-8,
    /// as cryptography and Go read it, where OpenSSL shows "CafÃ©".
    @Test func teletexHoldingUTF8ReadsAsUTF8() throws {
        let subject = try Self.certificate("name-cn-teletex-utf8-bytes").subject()
        #expect(subject.commonName == "Café")
    }
}
