import CertLintCrypto
import CertLintDER
import CertLintX509
import Foundation
import Testing

@testable import CertLintKeystores

/// The repository root, found from this file (Tests/CertLintKeystoresTests/PKCS12ReaderTests.swift).
private let pkcs12RepositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// Tests/Fixtures/keystores/pkcs12, made by make-pkcs12.py.
private let pkcs12Fixtures = pkcs12RepositoryRoot + "/Tests/Fixtures/keystores/pkcs12"

/// `$CERTLINT_CORPORA/certigo`, when the corpora are available. A file-level constant: a
/// suite's own statics cannot be used in its attribute.
let pkcs12CertigoFolder: String? = ProcessInfo.processInfo.environment["CERTLINT_CORPORA"].map { $0 + "/certigo" }

/// What OpenSSL says a fixture holds (expected.json).
private struct ExpectedKeystore: Decodable {
    struct Key: Decodable, Hashable {
        let algorithm: String
        let bits: Int
        let curve: String?
    }

    struct Encryption: Decodable, Hashable {
        let scheme: String
        let prf: String?
        let iterations: Int
        let protects: String
    }

    struct Integrity: Decodable, Hashable {
        let algorithm: String
        let iterations: Int
    }

    let password: String?
    let fingerprints: [String]?
    let keys: [Key]?
    let friendlyNames: [String]?
    let encryption: [Encryption]?
    let integrity: Integrity?
    let malformed: Bool?
}

private func loadExpected() -> [String: ExpectedKeystore] {
    guard let data = FileManager.default.contents(atPath: pkcs12Fixtures + "/expected.json"),
        let decoded = try? JSONDecoder().decode([String: ExpectedKeystore].self, from: data)
    else { return [:] }
    return decoded
}

private let expectedKeystores = loadExpected()

private func fixture(_ name: String) -> [UInt8] {
    FileManager.default.contents(atPath: pkcs12Fixtures + "/" + name).map { [UInt8]($0) } ?? []
}

private func fingerprint(_ certificate: Certificate) -> String {
    SHA256.hash(certificate.derBytes).hexString
}

/// Reads `bytes`, returning the keystore or the error.
private func readKeystore(_ bytes: [UInt8], _ passwords: [String]) -> Result<Keystore, KeystoreError> {
    do throws(KeystoreError) {
        return .success(try PKCS12Reader.read(bytes, passwords: passwords))
    } catch {
        return .failure(error)
    }
}

private func errorCode(_ result: Result<Keystore, KeystoreError>) -> KeystoreError.Code? {
    if case .failure(let error) = result { return error.code }
    return nil
}

@Suite struct PKCS12ReaderTests {
    static let readableFixtures: [String] = expectedKeystores.filter { $0.value.malformed != true }.keys.sorted()
    static let fixturePassword = "fixture-password"

    @Test func fixturesArePresent() {
        #expect(Self.readableFixtures.count >= 16)
        #expect(expectedKeystores["truncated.pfx"]?.malformed == true)
    }

    /// Every generated keystore, opened as a caller does (`""` first), holds exactly what
    /// OpenSSL printed.
    @Test(arguments: readableFixtures)
    func keystoreMatchesOpenSSL(_ name: String) throws {
        let expected = try #require(expectedKeystores[name])
        let password = expected.password ?? ""
        let keystore = try PKCS12Reader.read(fixture(name), passwords: ["", password])
        #expect(keystore.format == .pkcs12)

        let certificates = keystore.entries.flatMap(\.certificates)
        #expect(Set(certificates.map(fingerprint)) == Set(expected.fingerprints ?? []))
        // Each certificate owns its DER and nothing else (never the file, never decrypted bytes).
        for certificate in certificates {
            #expect(certificate.buffer.count == certificate.range.count)
        }

        let keys = keystore.entries.compactMap(\.privateKey)
        let described = keys.compactMap { key in
            key.algorithm.map { ExpectedKeystore.Key(algorithm: $0, bits: key.bits ?? -1, curve: key.curve) }
        }
        #expect(described.sorted { ($0.algorithm, $0.bits) < ($1.algorithm, $1.bits) } == expected.keys ?? [])
        #expect(keys.allSatisfy { $0.matchesCertificate == true })
        #expect(keystore.hasPrivateKey == !(expected.keys ?? []).isEmpty)

        #expect(Set(keystore.entries.compactMap(\.alias)) == Set(expected.friendlyNames ?? []))

        let encryption = keystore.encryption.map {
            ExpectedKeystore.Encryption(scheme: $0.scheme, prf: $0.prf, iterations: $0.iterations, protects: $0.protects)
        }
        #expect(Set(encryption) == Set(expected.encryption ?? []))
        #expect(encryption.count == (expected.encryption ?? []).count)

        let integrity = keystore.integrity.map { ExpectedKeystore.Integrity(algorithm: $0.algorithm, iterations: $0.iterations) }
        #expect(integrity == expected.integrity)
        #expect(keystore.integrityVerified == (expected.integrity != nil))
        #expect(keystore.opened == (name != "nomac-plain.p12"))
    }

    @Test func keyEntriesHoldTheirChainLeafFirst() throws {
        let keystore = try PKCS12Reader.read(fixture("default.p12"), passwords: ["", Self.fixturePassword])
        #expect(keystore.entries.count == 1)
        let entry = try #require(keystore.entries.first)
        #expect(entry.kind == .privateKey)
        #expect(entry.alias == "server")
        #expect(entry.localKeyID?.count == 20)
        let names = try entry.certificates.map { try $0.subject().commonName ?? "" }
        #expect(names == ["server.example.test", "CertLint PKCS12 Test Intermediate CA", "CertLint PKCS12 Test Root CA"])
        #expect(entry.privateKey == KeystoreKeyInfo(algorithm: "rsa", bits: 2048, curve: nil, matchesCertificate: true))
    }

    @Test func twoKeysWithTheirChainsAndACertificate() throws {
        let keystore = try PKCS12Reader.read(fixture("multi.p12"), passwords: ["", Self.fixturePassword])
        let keyed = keystore.entries.filter { $0.kind == .privateKey }
        #expect(keyed.map(\.alias) == ["server", "client"])
        let chains = try keyed.map { try $0.certificates.map { try $0.subject().commonName ?? "" } }
        #expect(chains[0] == ["server.example.test", "CertLint PKCS12 Test Intermediate CA", "CertLint PKCS12 Test Root CA"])
        #expect(chains[1] == ["client.example.test", "CertLint PKCS12 Test Intermediate CA", "CertLint PKCS12 Test Root CA"])
        #expect(keyed[1].privateKey == KeystoreKeyInfo(algorithm: "ec", bits: 256, curve: "P-256", matchesCertificate: true))
        let trusted = keystore.entries.filter { $0.kind == .trustedCertificate }
        #expect(try trusted.map { try $0.certificates[0].subject().commonName } == ["CertLint PKCS12 Other CA"])
    }

    /// The PKCS#12 files Java's keytool wrote (Tests/Fixtures/keystores/java, made for the
    /// Java keystore reader): every alias with its kind and chain, as keytool lists them.
    @Test func keytoolFilesGiveJavaEntries() throws {
        struct JavaExpected: Decodable {
            struct Store: Decodable {
                struct Entry: Decodable {
                    let fingerprints: [String]
                    let kind: String
                }
                let file: String
                let format: String
                let password: String?
                let entries: [String: Entry]?
            }
            let keystores: [Store]
        }
        let folder = pkcs12RepositoryRoot + "/Tests/Fixtures/keystores/java"
        guard let data = FileManager.default.contents(atPath: folder + "/expected.json"),
            let expected = try? JSONDecoder().decode(JavaExpected.self, from: data)
        else { return }
        for store in expected.keystores where store.format == "pkcs12" {
            guard let bytes = FileManager.default.contents(atPath: folder + "/" + store.file).map({ [UInt8]($0) }) else { continue }
            let keystore = try PKCS12Reader.read(bytes, passwords: ["", store.password ?? ""])
            var actual: [String: [String]] = [:]
            for entry in keystore.entries {
                actual[(entry.alias ?? "-") + " " + entry.kind.rawValue] = entry.certificates.map(fingerprint)
            }
            var wanted: [String: [String]] = [:]
            for (alias, entry) in store.entries ?? [:] {
                wanted[alias + " " + entry.kind] = entry.fingerprints
            }
            #expect(actual == wanted, "\(store.file)")
            #expect(keystore.entries.compactMap(\.privateKey).allSatisfy { $0.matchesCertificate == true }, "\(store.file)")
        }
    }

    @Test func certificateOnlyFileGivesTrustedEntries() throws {
        let keystore = try PKCS12Reader.read(fixture("cert-only.p12"), passwords: ["", Self.fixturePassword])
        #expect(keystore.entries.map(\.kind) == [.trustedCertificate, .trustedCertificate])
        #expect(!keystore.hasPrivateKey)
    }

    @Test(arguments: ["default.p12", "legacy.p12", "nomac.p12", "ber.p12", "pbmac1.p12", "rfc9579-a1.p12", "non-ascii.p12"])
    func aWrongPasswordIsWrongPassword(_ name: String) {
        let result = readKeystore(fixture(name), ["", "not the password"])
        #expect(errorCode(result) == .wrongPassword)
        if case .failure(let error) = result {
            #expect(!error.message.contains("not the password"))
        }
    }

    @Test(arguments: ["default.p12", "nomac.p12", "pbmac1.p12"])
    func noPasswordIsPasswordRequired(_ name: String) {
        #expect(errorCode(readKeystore(fixture(name), [""])) == .passwordRequired)
        #expect(errorCode(readKeystore(fixture(name), [])) == .passwordRequired)
    }

    @Test func theEmptyPasswordOpensAFileMadeWithIt() throws {
        let keystore = try PKCS12Reader.read(fixture("no-password.p12"), passwords: [""])
        #expect(keystore.opened && keystore.integrityVerified)
        #expect(keystore.hasPrivateKey)
        // A later wrong password does not matter once the empty one verifies.
        #expect(throws: Never.self) { try PKCS12Reader.read(fixture("no-password.p12"), passwords: ["", "other"]) }
    }

    @Test func aFileWithoutMACOrEncryptionNeedsNoPassword() throws {
        let keystore = try PKCS12Reader.read(fixture("nomac-plain.p12"), passwords: [])
        #expect(!keystore.opened && !keystore.integrityVerified && keystore.integrity == nil)
        #expect(keystore.hasPrivateKey)
    }

    @Test func passwordsAreTriedInOrder() throws {
        let keystore = try PKCS12Reader.read(fixture("nomac.p12"), passwords: ["", "first", Self.fixturePassword, "last"])
        #expect(keystore.opened)
        #expect(keystore.entries.first?.privateKey?.matchesCertificate == true)
    }

    @Test(arguments: ["truncated.pfx", "random.pfx"])
    func hostileFilesAreMalformed(_ name: String) {
        let result = readKeystore(fixture(name), ["", Self.fixturePassword])
        #expect(errorCode(result) == .malformed)
        if case .failure(let error) = result {
            #expect(error.offset != nil)
            #expect(error.message.hasSuffix("."))
        }
    }

    @Test func emptyInputIsMalformed() {
        #expect(errorCode(readKeystore([], [""])) == .malformed)
    }

    /// STYLE.md habit 10: every prefix fails cleanly, the full length reads.
    @Test(arguments: ["nomac-plain.p12", "sha512-mac.p12"])
    func everyTruncationFailsCleanly(_ name: String) {
        let bytes = fixture(name)
        let password = expectedKeystores[name]?.password ?? ""
        for length in 0..<bytes.count {
            #expect(errorCode(readKeystore(Array(bytes[0..<length]), ["", password])) == .malformed, "prefix of \(length) bytes")
        }
        #expect(errorCode(readKeystore(bytes, ["", password])) == nil)
    }

    /// Seeded mutations must throw or read, never trap. The file without MAC or encryption
    /// lets mutations reach the bags, certificates and keys; the encrypted one the decryption.
    @Test(arguments: [("nomac-plain.p12", 1_000), ("nomac.p12", 200), ("legacy.p12", 100)])
    func mutationsNeverTrap(_ name: String, _ rounds: Int) {
        let original = fixture(name)
        var generator = SplitMix64(seed: 0x0050_4B43_5331_32)
        var outcomes: [String: Int] = [:]
        for _ in 0..<rounds {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &generator)
                case 2: bytes.remove(at: index)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
                }
            }
            switch readKeystore(bytes, ["", Self.fixturePassword]) {
            case .success: outcomes["read", default: 0] += 1
            case .failure(let error):
                outcomes[error.code.rawValue, default: 0] += 1
                #expect(!error.message.isEmpty && !error.message.contains(Self.fixturePassword))
            }
        }
        #expect(outcomes.values.reduce(0, +) == rounds)
    }

    /// The description keeps no secret: the dump of a keystore holds no password, the key
    /// description has no byte-holding property, and no byte array reachable from the value
    /// holds any 16-byte window of a private key's secret exponent (unencrypted.p12 carries the
    /// key in the clear, so a certificate keeping the file's buffer would fail this).
    @Test func noSecretIsKept() throws {
        for (name, password) in [("unencrypted.p12", Self.fixturePassword), ("default.p12", Self.fixturePassword), ("non-ascii.p12", "pässwörd-日本-\u{1F511}")] {
            let keystore = try PKCS12Reader.read(fixture(name), passwords: ["", password])
            var text = ""
            dump(keystore, to: &text)
            #expect(!text.contains(password))
        }

        let mirror = Mirror(reflecting: KeystoreKeyInfo(algorithm: "rsa", bits: 2048, curve: nil, matchesCertificate: true))
        for child in mirror.children {
            #expect(child.value is String? || child.value is Int? || child.value is Bool?, "\(child.label ?? "?")")
        }

        let file = fixture("unencrypted.p12")
        let secret = try Self.privateExponent(inClearKeyOf: file)
        #expect(secret.count >= 200)
        let keystore = try PKCS12Reader.read(file, passwords: ["", Self.fixturePassword])
        var arrays: [[UInt8]] = []
        Self.collectBytes(keystore, into: &arrays, depth: 0)
        #expect(!arrays.isEmpty)
        var windows = Set<[UInt8]>()
        for start in stride(from: 0, through: secret.count - 16, by: 1) {
            windows.insert(Array(secret[start..<(start + 16)]))
        }
        for array in arrays where array.count >= 16 {
            for start in 0...(array.count - 16) where windows.contains(Array(array[start..<(start + 16)])) {
                Issue.record("a byte array of the keystore holds part of the private key")
                return
            }
        }
    }

    /// The RSA private exponent of the keyBag of a file whose key is in the clear, found the
    /// way a PKCS#8 RSA key starts (version 0, rsaEncryption).
    static func privateExponent(inClearKeyOf file: [UInt8]) throws -> [UInt8] {
        let marker: [UInt8] = [0x02, 0x01, 0x00, 0x30, 0x0D, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
        let at = try #require((0..<(file.count - marker.count)).first { file[$0..<($0 + marker.count)].elementsEqual(marker) })
        let pkcs8 = try DER.parsePrefix(file, in: (at - 4)..<file.count)
        var fields = DERReader(file, children: pkcs8)
        _ = try fields.read(.integer, "version")
        _ = try fields.read(.sequence, "algorithm")
        let octets = try fields.read(.octetString, "privateKey")
        let rsa = try DER.parse(file, in: octets.contentRange)
        var key = DERReader(file, children: rsa)
        for field in ["version", "modulus", "publicExponent"] { _ = try key.read(.integer, field) }
        return Array(file[try key.read(.integer, "privateExponent").contentRange])
    }

    /// Every `[UInt8]` and `ArraySlice<UInt8>` reachable from `value`.
    static func collectBytes(_ value: Any, into arrays: inout [[UInt8]], depth: Int) {
        if let bytes = value as? [UInt8] {
            arrays.append(bytes)
            return
        }
        if let slice = value as? ArraySlice<UInt8> {
            arrays.append(Array(slice))
            return
        }
        guard depth < 16 else { return }
        for child in Mirror(reflecting: value).children {
            collectBytes(child.value, into: &arrays, depth: depth + 1)
        }
    }
}

/// A DER value with a definite length.
private func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
    let n = content.count
    if n < 0x80 { return [tag, UInt8(n)] + content }
    if n < 0x100 { return [tag, 0x81, UInt8(n)] + content }
    if n < 0x10000 { return [tag, 0x82, UInt8(n >> 8), UInt8(n & 0xFF)] + content }
    return [tag, 0x83, UInt8(n >> 16), UInt8((n >> 8) & 0xFF), UInt8(n & 0xFF)] + content
}

private func oidTLV(_ dotted: String) -> [UInt8] {
    (OID(dotted: dotted)?.bytes).map { tlv(0x06, $0) } ?? []
}

/// The SafeBags, as encoded, of a file whose safes are all plain (nomac-plain.p12).
private func plainBags(_ file: [UInt8]) throws -> [[UInt8]] {
    func octets(_ contentInfo: DERNode) throws -> DERNode {
        var fields = DERReader(file, children: contentInfo, rules: .ber)
        _ = try fields.read(.objectIdentifier, "contentType")
        let wrapper = try fields.read(.context(0, constructed: true), "content")
        var inner = DERReader(file, children: wrapper, rules: .ber)
        return try DER.parse(file, in: try inner.read(.octetString, "data").contentRange, rules: .ber)
    }
    var pfx = DERReader(file, children: try DER.parse(file, rules: .ber), rules: .ber)
    _ = try pfx.read(.integer, "version")
    var safes = DERReader(file, children: try octets(try pfx.read(.sequence, "authSafe")), rules: .ber)
    var bags: [[UInt8]] = []
    while let safe = try safes.next() {
        var reader = DERReader(file, children: try octets(safe), rules: .ber)
        while let bag = try reader.next() { bags.append(Array(file[bag.encodedRange])) }
    }
    return bags
}

/// Hand-made files for the limits and the schemes no tool here writes.
@Suite struct PKCS12ReaderLimitTests {
    static let data = oidTLV("1.2.840.113549.1.7.1")

    /// A PFX around `safes` (the ContentInfos of the authenticated safe) and an optional MacData.
    static func pfx(_ safes: [UInt8], mac: [UInt8] = []) -> [UInt8] {
        let authenticatedSafe = tlv(0x30, safes)
        return tlv(0x30, tlv(0x02, [3]) + tlv(0x30, data + tlv(0xA0, tlv(0x04, authenticatedSafe))) + mac)
    }

    static func plainSafe(_ bags: [UInt8]) -> [UInt8] {
        tlv(0x30, data + tlv(0xA0, tlv(0x04, tlv(0x30, bags))))
    }

    static func macData(digest: String, iterations: [UInt8]) -> [UInt8] {
        tlv(0x30, tlv(0x30, tlv(0x30, oidTLV(digest) + [0x05, 0x00]) + tlv(0x04, [UInt8](repeating: 0, count: 32))) + tlv(0x04, [1, 2, 3, 4, 5, 6, 7, 8]) + tlv(0x02, iterations))
    }

    @Test func anEmptyAuthenticatedSafeReads() throws {
        let keystore = try PKCS12Reader.read(Self.pfx([]), passwords: [""])
        #expect(keystore.entries.isEmpty && keystore.encryption.isEmpty && !keystore.opened)
    }

    @Test func aHugeMACIterationCountIsRefused() {
        let bytes = Self.pfx([], mac: Self.macData(digest: "2.16.840.1.101.3.4.2.1", iterations: [0x7F, 0xFF, 0xFF, 0xFF]))
        #expect(errorCode(readKeystore(bytes, ["", "x"])) == .unsupported)
    }

    @Test func aZeroMACIterationCountIsMalformed() {
        let bytes = Self.pfx([], mac: Self.macData(digest: "2.16.840.1.101.3.4.2.1", iterations: [0]))
        #expect(errorCode(readKeystore(bytes, ["", "x"])) == .malformed)
    }

    @Test func anUnknownMACDigestIsUnsupported() {
        let bytes = Self.pfx([], mac: Self.macData(digest: "2.16.840.1.101.3.4.2.4", iterations: [1]))
        #expect(errorCode(readKeystore(bytes, ["", "x"])) == .unsupported)
    }

    @Test func rc4IsUnsupported() {
        let params = tlv(0x30, tlv(0x04, [1, 2, 3, 4, 5, 6, 7, 8]) + tlv(0x02, [1]))
        let algorithm = tlv(0x30, oidTLV("1.2.840.113549.1.12.1.1") + params)
        let info = tlv(0x30, Self.data + algorithm + tlv(0x80, [UInt8](repeating: 0, count: 16)))
        let encrypted = tlv(0x30, oidTLV("1.2.840.113549.1.7.6") + tlv(0xA0, tlv(0x30, tlv(0x02, [0]) + info)))
        #expect(errorCode(readKeystore(Self.pfx(encrypted), ["", "x"])) == .unsupported)
    }

    @Test func aHugeEncryptionIterationCountIsRefused() {
        let params = tlv(0x30, tlv(0x04, [1, 2, 3, 4, 5, 6, 7, 8]) + tlv(0x02, [0x7F, 0xFF, 0xFF, 0xFF]))
        let algorithm = tlv(0x30, oidTLV("1.2.840.113549.1.12.1.3") + params)
        let info = tlv(0x30, Self.data + algorithm + tlv(0x80, [UInt8](repeating: 0, count: 16)))
        let encrypted = tlv(0x30, oidTLV("1.2.840.113549.1.7.6") + tlv(0xA0, tlv(0x30, tlv(0x02, [0]) + info)))
        #expect(errorCode(readKeystore(Self.pfx(encrypted), ["", "x"])) == .unsupported)
    }

    @Test func deeplyNestedSafeContentsAreMalformed() {
        // A CRL bag at the bottom of safeContentsBags nested ten deep.
        var bags = tlv(0x30, oidTLV("1.2.840.113549.1.12.10.1.4") + tlv(0xA0, [0x05, 0x00]))
        for _ in 0..<10 {
            bags = tlv(0x30, oidTLV("1.2.840.113549.1.12.10.1.6") + tlv(0xA0, tlv(0x30, bags)))
        }
        #expect(errorCode(readKeystore(Self.pfx(Self.plainSafe(bags)), [""])) == .malformed)
    }

    @Test func tooManyBagsAreMalformed() {
        let crlBag = tlv(0x30, oidTLV("1.2.840.113549.1.12.10.1.4") + tlv(0xA0, [0x05, 0x00]))
        var bags: [UInt8] = []
        for _ in 0...PKCS12Walker.maxBags { bags += crlBag }
        #expect(errorCode(readKeystore(Self.pfx(Self.plainSafe(bags)), [""])) == .malformed)
    }

    @Test func tooManyKeysAreUnsupported() throws {
        let bags = try plainBags(fixture("nomac-plain.p12"))
        let keyBag = try #require(bags.last)
        let safe = Self.plainSafe(Array([[UInt8]](repeating: keyBag, count: PKCS12Walker.maxKeys + 1).joined()))
        #expect(errorCode(readKeystore(Self.pfx(safe), [""])) == .unsupported)
    }

    /// Many keys sharing one local key ID and thousands of copies of one certificate: read in
    /// bounded time, each key with the first certificate, the others trusted entries.
    @Test func manyKeysAndCertificatesAreGroupedInBoundedTime() throws {
        let bags = try plainBags(fixture("nomac-plain.p12"))
        #expect(bags.count == 2)
        let certificateBag = try #require(bags.first)
        let keyBag = try #require(bags.last)
        var content: [UInt8] = []
        for _ in 0..<3_000 { content += certificateBag }
        for _ in 0..<PKCS12Walker.maxKeys { content += keyBag }
        let keystore = try PKCS12Reader.read(Self.pfx(Self.plainSafe(content)), passwords: [""])
        #expect(keystore.entries.filter { $0.kind == .privateKey }.count == PKCS12Walker.maxKeys)
        #expect(keystore.entries.filter { $0.kind == .trustedCertificate }.count == 2_999)
    }

    @Test func publicKeyIntegrityModeIsUnsupported() {
        let bytes = tlv(0x30, tlv(0x02, [3]) + tlv(0x30, oidTLV("1.2.840.113549.1.7.2") + tlv(0xA0, tlv(0x30, []))))
        #expect(errorCode(readKeystore(bytes, [""])) == .unsupported)
    }

    @Test func aWrongVersionIsMalformed() {
        var bytes = Self.pfx([])
        bytes[4] = 2
        #expect(errorCode(readKeystore(bytes, [""])) == .malformed)
    }
}

/// The certigo corpus's `.p12` files (password `password`; RC2-40 certificates, 3DES keys,
/// SHA-1 MAC) against what OpenSSL printed for them (certigo-expected.json).
@Suite(.enabled(if: pkcs12CertigoFolder != nil, "set CERTLINT_CORPORA to the corpora folder"))
struct PKCS12CertigoTests {
    struct Expected: Decodable {
        let fingerprints: [String]
        let keys: Int
    }

    static let expected: [String: Expected] = {
        guard let data = FileManager.default.contents(atPath: pkcs12Fixtures + "/certigo-expected.json"),
            let decoded = try? JSONDecoder().decode([String: Expected].self, from: data)
        else { return [:] }
        return decoded
    }()

    @Test func everyFileMatchesOpenSSL() throws {
        let folder = try #require(pkcs12CertigoFolder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".p12") }.sorted()
        #expect(files.count == 11)
        #expect(Set(files) == Set(Self.expected.keys))
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + file).map { [UInt8]($0) })
            let expected = try #require(Self.expected[file])
            switch readKeystore(bytes, ["", "password"]) {
            case .success(let keystore):
                let certificates = keystore.entries.flatMap(\.certificates)
                #expect(Set(certificates.map(fingerprint)) == Set(expected.fingerprints), "\(file)")
                let keys = keystore.entries.compactMap(\.privateKey)
                #expect(keys.count == expected.keys, "\(file)")
                #expect(keys.allSatisfy { $0.matchesCertificate == true }, "\(file)")
                #expect(keystore.integrity == KeystoreIntegrity(algorithm: "hmac-sha1", iterations: 2048), "\(file)")
                #expect(keystore.encryption.map(\.scheme).sorted() == ["pbe-sha1-3des", "pbe-sha1-rc2-40"], "\(file)")
            case .failure(let error):
                Issue.record("\(file): \(error.message)")
            }
            #expect(errorCode(readKeystore(bytes, [""])) == .passwordRequired, "\(file)")
        }
    }
}
