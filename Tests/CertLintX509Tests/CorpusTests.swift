import CertLintCrypto
import CertLintDER
import Foundation
import Testing

@testable import CertLintX509

/// `$CERTLINT_CORPORA/certigo`, when the corpora are available.
let certigoFolder: String? = ProcessInfo.processInfo.environment["CERTLINT_CORPORA"].map { $0 + "/certigo" }

/// The third-party samples in `../shared/corpora/certigo` (square/certigo's test certificates,
/// each as PEM, CSR, PKCS#7, and some with keys). Runs when `CERTLINT_CORPORA` names the
/// corpora folder (`.ci/run` sets it); a user's clone has no corpora.
@Suite(.enabled(if: certigoFolder != nil, "set CERTLINT_CORPORA to the corpora folder"))
struct CorpusTests {
    static let folder: String? = certigoFolder

    static func files(_ suffix: String) -> [String] {
        guard let folder else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }

    static func read(_ name: String) throws -> PKIFile {
        PKIFile.read(Array(try Data(contentsOf: URL(fileURLWithPath: (folder ?? "") + "/" + name))))
    }

    @Test func corpusIsPresent() {
        #expect(Self.files(".crt").count == 11)
    }

    /// Every `.crt` reads as exactly one certificate, every field decodes, and its `.p7b`
    /// carries the same certificate (by SHA-256).
    @Test func everyCertificateAndBundleReads() throws {
        for name in Self.files(".crt") {
            let file = try Self.read(name)
            #expect(file.certificates.count == 1, "\(name)")
            guard let cert = file.certificates.first else { continue }
            // Every field decodes (a thrown error fails the test with its field path).
            _ = try cert.subject()
            _ = try cert.issuer()
            _ = try cert.notBefore()
            _ = try cert.notAfter()
            _ = try cert.publicKey()
            _ = try cert.signatureAlgorithm()
            _ = try cert.extensions()
            _ = try cert.subjectAlternativeNames()
            _ = try cert.nameConstraints()
            _ = try cert.keyUsage()
            _ = try cert.extendedKeyUsage()
            _ = try cert.basicConstraints()
            _ = try cert.authorityKeyIdentifier()
            let stem = String(name.dropLast(4))
            let bundle = try Self.read(stem + ".p7b")
            #expect(bundle.certificates.map { $0.sha256Fingerprint } == [cert.sha256Fingerprint], "\(stem).p7b")
        }
    }

    /// Every CSR reads, and its key is the certificate's key.
    @Test func everyRequestReadsAndMatchesItsCertificate() throws {
        for name in Self.files(".csr") {
            let file = try Self.read(name)
            guard case .certificateRequest(let csr) = file.items.first?.content else {
                Issue.record("\(name) is not read as a CSR: \(String(describing: file.items.first?.content))")
                continue
            }
            let cert = try Self.read(String(name.dropLast(4)) + ".crt").certificates.first
            #expect(try csr.publicKey() == cert?.publicKey(), "\(name)")
        }
    }

    /// Every `.key` is described and matches its certificate.
    @Test func everyKeyMatchesItsCertificate() throws {
        for name in Self.files(".key") {
            // `openssl ecparam -genkey` writes an EC PARAMETERS block before the key.
            let keys = try Self.read(name).items.compactMap { item -> PrivateKeyInfo? in
                if case .privateKey(let key) = item.content { return key }
                return nil
            }
            guard keys.count == 1, let key = keys.first else {
                Issue.record("\(name) holds \(keys.count) private keys; 1 expected")
                continue
            }
            #expect(!key.isEncrypted)
            guard let cert = try Self.read(String(name.dropLast(4)) + ".crt").certificates.first else { continue }
            #expect(try key.matches(cert.publicKey()) == true, "\(name)")
        }
    }

    /// Keystores are recognized by content (their contents are read by CertLintKeystores).
    @Test func keystoresAreRecognized() throws {
        for name in Self.files(".p12") + Self.files(".jceks") {
            let file = try Self.read(name)
            guard case .keystore(let format) = file.items.first?.content else {
                Issue.record("\(name) is not recognized as a keystore: \(String(describing: file.items.first?.content))")
                continue
            }
            #expect(format == (name.hasSuffix(".p12") ? .pkcs12 : .jceks), "\(name)")
        }
    }
}
