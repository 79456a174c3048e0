import Testing

@testable import CertLintKeystores

@Suite struct KeystoreModelTests {
    @Test func hasPrivateKeyIsTrueWhenAnEntryHoldsOne() {
        let trusted = KeystoreEntry(kind: .trustedCertificate, alias: "ca", certificates: [])
        let keyed = KeystoreEntry(
            kind: .privateKey, alias: "client", certificates: [],
            privateKey: KeystoreKeyInfo(algorithm: "ec", bits: 256, curve: "P-256", matchesCertificate: true))
        func keystore(_ entries: [KeystoreEntry]) -> Keystore {
            Keystore(format: .pkcs12, entries: entries, encryption: [], integrity: nil, integrityVerified: false, opened: true)
        }
        #expect(!keystore([trusted]).hasPrivateKey)
        #expect(keystore([trusted, keyed]).hasPrivateKey)
    }

    @Test func errorCodesAreStable() {
        #expect(KeystoreError.Code.allCases.map(\.rawValue) == ["wrongPassword", "passwordRequired", "malformed", "unsupported"])
        #expect(KeystoreError(.malformed, "The file ends early.").description == "The file ends early.")
    }
}
