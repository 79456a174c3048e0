import CertLintDER
import Foundation
import Testing

@testable import CertLintX509

/// A malformed extension value spoils that extension only: the certificate still reads, every
/// other field decodes, and the error names the extension's field path.
@Suite struct MalformedExtensionTests {
    /// The certificate `generated/san-all-kinds` with its SAN value's outer SEQUENCE (0x30)
    /// turned into a SET (0x31): the DER framing stays valid, the GeneralNames grammar breaks.
    static func corrupted() throws -> (Certificate, Int) {
        var bytes = try Fixtures.bytes("x509/generated/san-all-kinds.der")
        let original = try Certificate(derEncoded: bytes)
        let san = try #require(try original.findExtension(.subjectAltName))
        #expect(bytes[san.valueRange.lowerBound] == 0x30)
        bytes[san.valueRange.lowerBound] = 0x31
        return (try Certificate(derEncoded: bytes), san.index)
    }

    @Test func otherFieldsStillRead() throws {
        let (cert, _) = try Self.corrupted()
        #expect(try cert.subject().commonName == "san-all-kinds")
        #expect(try cert.extensions().count >= 1)
        _ = try cert.notAfter()
        _ = try cert.publicKey()
        _ = try cert.signatureAlgorithm()
    }

    @Test func theExtensionReportsWhereItIsBroken() throws {
        let (cert, index) = try Self.corrupted()
        do {
            _ = try cert.subjectAlternativeNames()
            Issue.record("a corrupted SAN was read")
        } catch {
            #expect(error.code == .unexpectedTag)
            #expect(error.path == "tbsCertificate.extensions[\(index)].extnValue (subjectAltName).GeneralNames")
            #expect(error.description.contains("Expected a SEQUENCE for GeneralNames but found a SET"))
        }
    }

    /// A value with bytes after its single DER value is rejected too (no trailing bytes).
    @Test func trailingBytesInAValueAreRejected() throws {
        var bytes = try Fixtures.bytes("x509/generated/bc-ca-pathlen-0.der")
        let cert = try Certificate(derEncoded: bytes)
        let ext = try #require(try cert.findExtension(.basicConstraints))
        // BasicConstraints SEQUENCE { BOOLEAN, INTEGER }: shorten the SEQUENCE by the INTEGER
        // (3 bytes) so the INTEGER trails it inside the OCTET STRING.
        let start = ext.valueRange.lowerBound
        #expect(bytes[start] == 0x30)
        bytes[start + 1] -= 3
        let damaged = try Certificate(derEncoded: bytes)
        do {
            _ = try damaged.basicConstraints()
            Issue.record("trailing bytes were accepted")
        } catch {
            #expect(error.code == .trailingBytes)
            #expect(error.path.hasPrefix("tbsCertificate.extensions[\(ext.index)].extnValue (basicConstraints)"))
        }
        #expect(try damaged.subject().commonName != nil)
    }
}
