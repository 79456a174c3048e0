import CertLintCrypto
import CertLintDER
import Foundation
import Testing

@testable import CertLintX509

/// Every file of `Tests/Fixtures/inputs/` read by content and compared with what
/// `inputs/expected.json` (written by make-fixtures.py from cryptography and openssl) says it is.
@Suite struct PKIFileTests {
    struct Entry: Sendable, CustomStringConvertible {
        let file: String
        let object: [String: JSONValue]
        var description: String { file }
    }

    static let entries: [Entry] = {
        guard let data = try? Data(contentsOf: Fixtures.url("inputs/expected.json")),
            let root = try? JSONDecoder().decode(JSONValue.self, from: data)
        else { return [] }
        return (root["files"]?.arrayValue ?? []).compactMap { value in
            guard let object = value.objectValue, let file = object["file"]?.stringValue else { return nil }
            return Entry(file: file, object: object)
        }
    }()

    static func read(_ file: String) throws -> PKIFile {
        PKIFile.read(try Fixtures.bytes("inputs/\(file)"))
    }

    @Test func manifestListsEveryInput() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("inputs").path).filter { $0 != "expected.json" }
        #expect(Set(files) == Set(Self.entries.map(\.file)))
        #expect(Self.entries.count >= 30)
    }

    @Test(arguments: entries.filter { ["certificate", "certificate-bundle", "pkcs7"].contains($0.object["kind"]?.stringValue) })
    func certificatesAreReadInOrder(entry: Entry) throws {
        let file = try Self.read(entry.file)
        let expected = entry.object["fingerprints_sha256"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(file.certificates.map { $0.sha256Fingerprint.hexString } == expected)
        #expect(file.encoding.rawValue == entry.object["encoding"]?.stringValue)
        for item in file.items {
            if case .unreadable(let error) = item.content { Issue.record("\(entry.file): \(error)") }
        }
        if entry.object["kind"]?.stringValue == "pkcs7" {
            #expect(file.items.count == 1)
            guard case .pkcs7(let bundle) = file.items.first?.content else {
                Issue.record("\(entry.file) is not read as PKCS#7")
                return
            }
            #expect(bundle.signerCount == 0)
            #expect(bundle.failures.isEmpty)
        }
    }

    @Test(arguments: entries.filter { $0.object["kind"]?.stringValue == "csr" })
    func requestsAreRead(entry: Entry) throws {
        let file = try Self.read(entry.file)
        guard case .certificateRequest(let csr) = file.items.first?.content else {
            Issue.record("\(entry.file) is not read as a CSR: \(String(describing: file.items.first?.content))")
            return
        }
        #expect(try csr.subject().rfc4514String == entry.object["subject"]?.stringValue)
        #expect(try csr.subjectAlternativeNames()?.dnsNames == entry.object["san_dns"]?.arrayValue?.compactMap(\.stringValue))
        if let certFile = entry.object["key_matches"]?.stringValue, let cert = try Self.read(certFile).certificates.first {
            #expect(try csr.publicKey() == cert.publicKey())
        }
    }

    @Test(arguments: entries.filter { $0.object["kind"]?.stringValue == "private-key" })
    func privateKeysAreDescribed(entry: Entry) throws {
        let file = try Self.read(entry.file)
        guard let expected = entry.object["key"]?.objectValue else { return }
        guard case .privateKey(let key) = file.items.first?.content else {
            Issue.record("\(entry.file) is not read as a private key: \(String(describing: file.items.first?.content))")
            return
        }
        let encrypted = expected["encrypted"] == .bool(true)
        #expect(key.format.rawValue == expected["format"]?.stringValue)
        #expect(key.isEncrypted == encrypted)
        // Encryption hides the algorithm of a PKCS#8 key and the size of a legacy PEM key
        // until the password is known; an OpenSSH key keeps its public half in the clear.
        let hidden = encrypted && key.format != .openssh
        if key.format == .encryptedPKCS8 {
            #expect(key.algorithm == nil)
            #expect(key.encryption?.contains("aes256-CBC") == true)
            #expect(key.encryption?.contains("hmacWithSHA256") == true)
        } else {
            #expect(key.algorithm == expected["algorithm"]?.stringValue)
        }
        if hidden {
            #expect(key.bits == nil)
            #expect(key.publicKey == nil)
        } else {
            #expect(key.bits.map { Double($0) }.map(JSONValue.number) == expected["bits"])
            let curves = ["P-256": "secp256r1", "P-384": "secp384r1", "P-521": "secp521r1"]
            #expect(key.curve.map { curves[$0] ?? $0 } == expected["curve"]?.stringValue)
        }
        // Matching: against every certificate of the inputs.
        let certificates = try Self.entries.filter { $0.object["kind"]?.stringValue == "certificate" && $0.object["encoding"]?.stringValue == "pem" }
            .map { ($0.file, try Self.read($0.file).certificates[0]) }
        let matching = try certificates.filter { try key.matches($0.1.publicKey()) == true }.map(\.0)
        if hidden {
            #expect(matching.isEmpty)
        } else if let target = expected["matches"]?.stringValue {
            #expect(matching == [target])
        } else {
            #expect(matching.isEmpty)
        }
    }

    @Test func garbageIsOneUnreadableItem() throws {
        let file = try Self.read("garbage.pem")
        #expect(file.items.count == 1)
        guard case .unreadable(let error) = file.items.first?.content else {
            Issue.record("garbage was read as \(String(describing: file.items.first?.content))")
            return
        }
        #expect(error.offset == 0)
        #expect(error.description.contains("byte 0"))
    }

    @Test func truncatedPEMSaysTheENDLineIsMissing() throws {
        let bytes = try Fixtures.bytes("inputs/truncated.pem")
        let file = PKIFile.read(bytes)
        #expect(file.encoding == .pem)
        guard case .unreadable(let error) = file.items.first?.content else {
            Issue.record("truncated.pem was read")
            return
        }
        #expect(error.code == .invalidPEM)
        #expect(error.description.contains("no END line"))
        #expect(error.offset == bytes.count)
    }

    @Test func emptyAndTextFilesHoldNothing() throws {
        #expect(try Self.read("empty.crt").encoding == .empty)
        let text = try Self.read("text.crt")
        #expect(text.encoding == .text)
        #expect(text.items.isEmpty)
    }
}
