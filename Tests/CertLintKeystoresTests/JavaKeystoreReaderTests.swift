import CertLintCrypto
import CertLintX509
import Foundation
import Testing

@testable import CertLintKeystores

// MARK: - Fixtures and their oracle

/// The repository root, found from this file (Tests/CertLintKeystoresTests/ → two levels up).
let javaKeystoreRepositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// `Tests/Fixtures/keystores/java`, written by its `make-java-keystores.py`.
let javaFixturesRoot = javaKeystoreRepositoryRoot + "/Tests/Fixtures/keystores/java"

/// `$CERTLINT_CORPORA/certigo`, when the corpora are available. A file-level constant: the
/// suite's own statics cannot be used in its attribute.
let javaCertigoFolder: String? = ProcessInfo.processInfo.environment["CERTLINT_CORPORA"].map { $0 + "/certigo" }

/// What `keytool -list -rfc` printed for one entry.
struct JavaExpectedEntry: Decodable, Equatable, CustomStringConvertible {
    var kind: String
    var fingerprints: [String]
    var description: String { "\(kind) \(fingerprints.map { String($0.prefix(12)) })" }
}

/// One fixture of expected.json.
struct JavaExpectedKeystore: Decodable, CustomTestStringConvertible {
    var file: String
    var format: String
    var password: String
    var entries: [String: JavaExpectedEntry]
    var testDescription: String { file }
}

struct JavaExpectedFile: Decodable {
    struct Damaged: Decodable { var file: String }
    var keystores: [JavaExpectedKeystore]
    var damaged: [Damaged]
}

struct JavaCertigoExpected: Decodable {
    struct Keystore: Decodable { var entries: [String: JavaExpectedEntry] }
    var password: String
    var keystores: [String: Keystore]
}

let javaExpected: JavaExpectedFile? = {
    guard let data = FileManager.default.contents(atPath: javaFixturesRoot + "/expected.json") else { return nil }
    return try? JSONDecoder().decode(JavaExpectedFile.self, from: data)
}()

/// The JKS and JCEKS fixtures (the PKCS12 ones belong to the PKCS#12 reader's tests).
let javaKeystoreFixtures: [JavaExpectedKeystore] = (javaExpected?.keystores ?? []).filter { $0.format == "jks" || $0.format == "jceks" }

func javaFixtureBytes(_ file: String) throws -> [UInt8] {
    let path = javaFixturesRoot + "/" + file
    guard let data = FileManager.default.contents(atPath: path) else {
        throw JavaFixtureMissing(path: path)
    }
    return [UInt8](data)
}

struct JavaFixtureMissing: Error, CustomStringConvertible {
    var path: String
    var description: String { "missing fixture \(path)" }
}

/// Lowercase hex.
func javaHex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// A keystore's entries as the oracle writes them: alias → kind and SHA-256 fingerprints.
func javaListing(_ keystore: Keystore) -> [String: JavaExpectedEntry] {
    var listing: [String: JavaExpectedEntry] = [:]
    for entry in keystore.entries {
        listing[entry.alias ?? "(none)"] = JavaExpectedEntry(
            kind: entry.kind.rawValue, fingerprints: entry.certificates.map { javaHex($0.sha256Fingerprint) })
    }
    return listing
}

/// The error `body` throws, when it is a KeystoreError; records an issue otherwise.
func javaKeystoreError(_ body: () throws(KeystoreError) -> Keystore) -> KeystoreError? {
    do {
        _ = try body()
        Issue.record("Expected a KeystoreError, but the keystore was read")
        return nil
    } catch {
        return error
    }
}

/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), this suite's own copy: a tiny deterministic
/// generator, so the mutation test fails the same way every run.
struct JavaMutationRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}

// MARK: - A keystore builder for cases keytool does not write

/// Writes JKS/JCEKS bytes field by field, with the keyed digest, for the cases keytool never
/// produces (version 1, other certificate types, hostile counts and serialization streams).
struct JavaKeystoreBuilder {
    var bytes: [UInt8]
    var version: Int32

    init(magic: UInt32 = 0xFEED_FEED, version: Int32 = 2, count: Int32) {
        bytes = []
        self.version = version
        u4(magic)
        i4(version)
        i4(count)
    }

    mutating func u4(_ value: UInt32) { bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    mutating func i4(_ value: Int32) { u4(UInt32(bitPattern: value)) }
    mutating func u8(_ value: UInt64) { u4(UInt32(value >> 32)); u4(UInt32(value & 0xFFFF_FFFF)) }
    mutating func raw(_ data: [UInt8]) { bytes += data }

    /// `writeUTF` of already-encoded modified UTF-8 bytes.
    mutating func utfBytes(_ encoded: [UInt8]) {
        bytes += [UInt8(encoded.count >> 8), UInt8(encoded.count & 0xFF)]
        bytes += encoded
    }

    mutating func utf(_ text: String) { utfBytes(Array(text.utf8)) }

    mutating func header(tag: Int32, alias: String) {
        i4(tag)
        utf(alias)
        u8(1_767_225_600_000)
    }

    mutating func certificate(_ der: [UInt8], type: String = "X.509") {
        if version == 2 { utf(type) }
        i4(Int32(der.count))
        raw(der)
    }

    mutating func trusted(_ alias: String, _ der: [UInt8], type: String = "X.509") {
        header(tag: 2, alias: alias)
        certificate(der, type: type)
    }

    mutating func privateKey(_ alias: String, key: [UInt8] = JavaKeystoreBuilder.jksProtectedKey, chain: [[UInt8]]) {
        header(tag: 1, alias: alias)
        i4(Int32(key.count))
        raw(key)
        i4(Int32(chain.count))
        for der in chain { certificate(der) }
    }

    /// Appends SHA-1(UTF-16BE(password) ‖ "Mighty Aphrodite" ‖ bytes).
    func finished(password: String) -> [UInt8] {
        var hasher = SHA1()
        hasher.update(password.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        hasher.update(Array("Mighty Aphrodite".utf8))
        hasher.update(bytes)
        return bytes + hasher.finalize()
    }

    /// An EncryptedPrivateKeyInfo with Sun's KeyProtector OID and four bytes of "ciphertext".
    static let jksProtectedKey: [UInt8] = [
        0x30, 0x16, 0x30, 0x0E, 0x06, 0x0A, 0x2B, 0x06, 0x01, 0x04, 0x01, 0x2A, 0x02, 0x11, 0x01, 0x01, 0x05, 0x00,
        0x04, 0x04, 0xDE, 0xAD, 0xBE, 0xEF,
    ]
}

// MARK: - Tests

@Suite struct JavaKeystoreReaderTests {
    static let password = "changeit"

    static func certificateDER(_ name: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: javaKeystoreRepositoryRoot + "/Tests/Fixtures/x509/generated/\(name).der") else {
            throw JavaFixtureMissing(path: name)
        }
        return [UInt8](data)
    }

    @Test func oracleIsPresent() {
        #expect(javaKeystoreFixtures.count >= 9)
        #expect(javaKeystoreFixtures.contains { $0.format == "jks" })
        #expect(javaKeystoreFixtures.contains { $0.format == "jceks" })
        #expect(javaKeystoreFixtures.contains { $0.password.isEmpty })
    }

    @Test(arguments: javaKeystoreFixtures)
    func readsEveryFixtureWithItsPassword(_ fixture: JavaExpectedKeystore) throws {
        let keystore = try JavaKeystoreReader.read(try javaFixtureBytes(fixture.file), passwords: ["", fixture.password])
        #expect(keystore.format.rawValue == fixture.format)
        #expect(javaListing(keystore) == fixture.entries)
        #expect(keystore.entries.count == fixture.entries.count)
        #expect(keystore.integrityVerified)
        #expect(keystore.opened)
        #expect(keystore.integrity == KeystoreIntegrity(algorithm: "sun-sha1", iterations: 0))
        for entry in keystore.entries {
            if entry.kind == .privateKey {
                let key = try #require(entry.privateKey)
                let leafKey = try #require(entry.certificates.first).publicKey()
                #expect(key == KeystoreKeyInfo(algorithm: leafKey.algorithmName, bits: leafKey.bits, curve: leafKey.curveName, matchesCertificate: nil))
            } else {
                #expect(entry.privateKey == nil)
            }
        }
        #expect(keystore.hasPrivateKey == fixture.entries.values.contains { $0.kind == "private-key" })
        #expect(keystore.encryption.isEmpty == !keystore.hasPrivateKey)
    }

    @Test(arguments: javaKeystoreFixtures)
    func withoutTheRightPasswordTheCertificatesAreStillRead(_ fixture: JavaExpectedKeystore) throws {
        let bytes = try javaFixtureBytes(fixture.file)
        var attempts: [[String]] = [["wrong-password"], []]
        if !fixture.password.isEmpty { attempts += [[""], ["", "wrong-password"]] }
        for passwords in attempts {
            let keystore = try JavaKeystoreReader.read(bytes, passwords: passwords)
            let (verified, opened) = (keystore.integrityVerified, keystore.opened)
            #expect(javaListing(keystore) == fixture.entries, "passwords \(passwords.count)")
            #expect(!verified, "passwords \(passwords.count)")
            #expect(!opened, "passwords \(passwords.count)")
            #expect(keystore.integrity?.algorithm == "sun-sha1")
        }
    }

    @Test func thePasswordIsTheFirstThatVerifies() throws {
        let bytes = try javaFixtureBytes("keys.jks")
        #expect(try JavaKeystoreReader.read(bytes, passwords: ["", "nope", Self.password, "later"]).opened)
        #expect(try JavaKeystoreReader.read(bytes, passwords: [Self.password.uppercased()]).opened == false)
        // The empty-password fixture opens with "", and with nothing else.
        let empty = try javaFixtureBytes("empty-password.jceks")
        #expect(try JavaKeystoreReader.read(empty, passwords: [""]).integrityVerified)
        #expect(try JavaKeystoreReader.read(empty, passwords: [Self.password]).integrityVerified == false)
    }

    @Test func privateKeysAreDescribedFromTheirCertificates() throws {
        for (file, scheme, iterations) in [("keys.jks", "jks-sun", 0), ("keys.jceks", "jceks-pbe-md5-3des", 200_000)] {
            let keystore = try JavaKeystoreReader.read(try javaFixtureBytes(file), passwords: ["", Self.password])
            let byAlias = Dictionary(keystore.entries.map { ($0.alias ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            #expect(byAlias["server-rsa"]?.privateKey == KeystoreKeyInfo(algorithm: "rsa", bits: 2048, curve: nil, matchesCertificate: nil))
            #expect(byAlias["server-ec"]?.privateKey == KeystoreKeyInfo(algorithm: "ec", bits: 256, curve: "P-256", matchesCertificate: nil))
            #expect(byAlias["server-rsa"]?.certificates.count == 3)
            #expect(byAlias["server-ec"]?.certificates.count == 2)
            // keytool 17 protects JCEKS keys with 200,000 PBE iterations (jdk.jceks.iterationCount).
            #expect(keystore.encryption == [KeystoreEncryption(scheme: scheme, iterations: iterations, protects: "private-keys")])
        }
    }

    @Test func aJCEKSSecretKeyEntryIsSkippedUnread() throws {
        let keystore = try JavaKeystoreReader.read(try javaFixtureBytes("secret-key.jceks"), passwords: [Self.password])
        let secret = try #require(keystore.entries.first { $0.kind == .secretKey })
        #expect(secret.alias == "aes-key")
        #expect(secret.certificates.isEmpty)
        #expect(secret.privateKey == nil)
        #expect(keystore.entries.count == 3)
        #expect(keystore.integrityVerified)
    }

    @Test func nonASCIIAliasesAreDecoded() throws {
        for file in ["unicode-alias.jks", "unicode-alias.jceks"] {
            let keystore = try JavaKeystoreReader.read(try javaFixtureBytes(file), passwords: [Self.password])
            #expect(Set(keystore.entries.compactMap(\.alias)) == ["schlüssel-鍵", "zertifikat-größe-証明書", "anchor-🔑"])
        }
    }

    @Test func damagedFilesAreMalformed() throws {
        let damaged = javaExpected?.damaged.map(\.file) ?? []
        #expect(damaged.count == 3)
        for file in damaged {
            let bytes = try javaFixtureBytes(file)
            #expect(javaKeystoreError { () throws(KeystoreError) in try JavaKeystoreReader.read(bytes, passwords: [Self.password]) }?.code == .malformed, "\(file)")
        }
    }

    /// Every proper prefix of a keystore with a key, a secret key and a certificate must be
    /// malformed (not a trap, not a keystore); the whole file must read.
    @Test func everyTruncationIsMalformed() throws {
        for file in ["secret-key.jceks", "truststore.jks"] {
            let bytes = try javaFixtureBytes(file)
            var unexpected: [String] = []
            for length in 0..<bytes.count {
                do {
                    _ = try JavaKeystoreReader.read(Array(bytes[..<length]), passwords: [Self.password])
                    unexpected.append("\(length): read")
                } catch where error.code != .malformed {
                    unexpected.append("\(length): \(error.code)")
                } catch {}
            }
            #expect(unexpected.isEmpty, "\(file): \(unexpected.prefix(5))")
            #expect(try JavaKeystoreReader.read(bytes, passwords: [Self.password]).integrityVerified)
        }
    }

    /// Seeded random mutations (overwritten, inserted and deleted bytes, and lengths set to
    /// extremes) must throw or read, never trap or hang.
    @Test func mutationsNeverTrap() throws {
        let originals = [try javaFixtureBytes("secret-key.jceks"), try javaFixtureBytes("keys.jks")]
        var random = JavaMutationRandom(seed: 0x4A4B_5321)
        var outcomes: [KeystoreError.Code?: Int] = [:]
        for round in 0..<1_000 {
            var bytes = originals[round % originals.count]
            for _ in 0..<(1 + random.next(below: 4)) {
                let at = random.next(below: bytes.count)
                switch random.next(below: 5) {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes[at] ^= 1 << UInt8(random.next(below: 8))
                case 2: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
                case 3: bytes.remove(at: at)
                default:
                    let extreme: [UInt8] = [[0xFF, 0xFF, 0xFF, 0xFF], [0x7F, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0], [0x80, 0, 0, 0]][random.next(below: 4)]
                    for (offset, byte) in extreme.enumerated() where at + offset < bytes.count { bytes[at + offset] = byte }
                }
            }
            do {
                _ = try JavaKeystoreReader.read(bytes, passwords: ["", Self.password])
                outcomes[nil, default: 0] += 1
            } catch {
                outcomes[error.code, default: 0] += 1
            }
        }
        #expect(outcomes.values.reduce(0, +) == 1_000)
        #expect((outcomes[.malformed] ?? 0) > 0)
    }

    @Test func dumpNeverShowsThePasswordOrTheProtectedKeys() throws {
        for file in ["keys.jks", "keys.jceks", "secret-key.jceks"] {
            let bytes = try javaFixtureBytes(file)
            let keystore = try JavaKeystoreReader.read(bytes, passwords: ["", Self.password])
            var text = ""
            dump(keystore, to: &text)
            #expect(!text.contains(Self.password))
            #expect(!text.contains(javaHex(Array(Self.password.utf8))))
            // Each certificate holds a copy of its own DER only, not the keystore's bytes
            // (which include the protected keys).
            for certificate in keystore.entries.flatMap(\.certificates) {
                #expect(certificate.buffer.count == certificate.range.count)
            }
        }
    }

    // MARK: Built keystores: versions, types, hostile values

    @Test func versionOneHasNoCertificateTypes() throws {
        let der = try Self.certificateDER("chain-leaf-ec")
        var builder = JavaKeystoreBuilder(version: 1, count: 2)
        builder.trusted("anchor", der)
        builder.privateKey("key", chain: [der])
        let keystore = try JavaKeystoreReader.read(builder.finished(password: "secret"), passwords: ["", "secret"])
        #expect(keystore.opened)
        #expect(keystore.entries.map(\.kind) == [.trustedCertificate, .privateKey])
        #expect(keystore.entries[1].privateKey?.algorithm == "ec")
        #expect(keystore.encryption == [KeystoreEncryption(scheme: "jks-sun", iterations: 0, protects: "private-keys")])
    }

    @Test func unknownVersionsAndCertificateTypesAreUnsupported() throws {
        let der = try Self.certificateDER("chain-leaf")
        var version3 = JavaKeystoreBuilder(version: 3, count: 1)
        version3.trusted("a", der)
        #expect(javaKeystoreError { () throws(KeystoreError) in try JavaKeystoreReader.read(version3.finished(password: "x"), passwords: []) }?.code == .unsupported)
        var pgp = JavaKeystoreBuilder(count: 1)
        pgp.trusted("a", der, type: "PGP")
        let error = javaKeystoreError { () throws(KeystoreError) in try JavaKeystoreReader.read(pgp.finished(password: "x"), passwords: []) }
        #expect(error?.code == .unsupported)
        #expect(error?.message.contains("PGP") == true)
    }

    @Test func hostileStructureIsMalformed() throws {
        let der = try Self.certificateDER("chain-leaf")
        var cases: [(String, [UInt8])] = [("empty", []), ("magic only", [0xFE, 0xED, 0xFE, 0xED])]
        var unknownTag = JavaKeystoreBuilder(count: 1)
        unknownTag.header(tag: 9, alias: "a")
        cases.append(("unknown tag", unknownTag.finished(password: "x")))
        var secretInJKS = JavaKeystoreBuilder(count: 1)
        secretInJKS.header(tag: 3, alias: "a")
        cases.append(("secret key in JKS", secretInJKS.finished(password: "x")))
        var trailing = JavaKeystoreBuilder(count: 1)
        trailing.trusted("a", der)
        cases.append(("trailing byte", trailing.finished(password: "x") + [0]))
        var tooMany = JavaKeystoreBuilder(count: Int32.max)
        tooMany.trusted("a", der)
        cases.append(("huge count", tooMany.finished(password: "x")))
        var negative = JavaKeystoreBuilder(count: -1)
        cases.append(("negative count", negative.finished(password: "x")))
        negative = JavaKeystoreBuilder(count: 1)
        negative.header(tag: 2, alias: "a")
        negative.utf("X.509")
        negative.i4(-4)
        cases.append(("negative length", negative.finished(password: "x")))
        var longChain = JavaKeystoreBuilder(count: 1)
        longChain.header(tag: 1, alias: "a")
        longChain.i4(Int32(JavaKeystoreBuilder.jksProtectedKey.count))
        longChain.raw(JavaKeystoreBuilder.jksProtectedKey)
        longChain.i4(0x0100_0000)
        cases.append(("chain longer than the file", longChain.finished(password: "x")))
        var notAKey = JavaKeystoreBuilder(count: 1)
        notAKey.privateKey("a", key: [0x04, 0x02, 0x00, 0x00], chain: [der])
        cases.append(("key not an EncryptedPrivateKeyInfo", notAKey.finished(password: "x")))
        var notACertificate = JavaKeystoreBuilder(count: 1)
        notACertificate.trusted("a", [0x30, 0x03, 0x02, 0x01, 0x01])
        cases.append(("certificate not X.509", notACertificate.finished(password: "x")))
        var badUTF = JavaKeystoreBuilder(count: 1)
        badUTF.i4(2)
        badUTF.utfBytes([0x61, 0xE3, 0x81])  // a three-byte sequence cut short
        badUTF.u8(0)
        badUTF.certificate(der)
        cases.append(("alias not modified UTF-8", badUTF.finished(password: "x")))
        for (name, bytes) in cases {
            let error = javaKeystoreError { () throws(KeystoreError) in try JavaKeystoreReader.read(bytes, passwords: ["x"]) }
            #expect(error?.code == .malformed, "\(name): \(error?.message ?? "-")")
        }
    }

    @Test func modifiedUTF8AliasesDecodeNulAndSurrogatePairs() throws {
        let der = try Self.certificateDER("chain-leaf")
        var builder = JavaKeystoreBuilder(count: 1)
        builder.i4(2)
        // "a", NUL as C0 80, "é" in two bytes, U+1F511 as the surrogates D83D DD11 in three bytes each.
        builder.utfBytes([0x61, 0xC0, 0x80, 0xC3, 0xA9, 0xED, 0xA0, 0xBD, 0xED, 0xB4, 0x91])
        builder.u8(0)
        builder.certificate(der)
        let keystore = try JavaKeystoreReader.read(builder.finished(password: "x"), passwords: ["x"])
        #expect(keystore.entries.first?.alias == "a\u{0}é\u{1F511}")
    }

    @Test func aKeyEntryWithoutCertificatesHasAnUnknownKey() throws {
        var builder = JavaKeystoreBuilder(count: 1)
        builder.privateKey("lonely", chain: [])
        let keystore = try JavaKeystoreReader.read(builder.finished(password: "x"), passwords: ["x"])
        #expect(keystore.entries.first?.privateKey == KeystoreKeyInfo(algorithm: nil, bits: nil, curve: nil, matchesCertificate: nil))
        #expect(keystore.hasPrivateKey)
    }

    // MARK: Serialized secret keys

    /// A JCEKS with one secret key entry holding `stream`, then a trusted certificate.
    static func jceksWithSecret(_ stream: [UInt8]) throws -> [UInt8] {
        var builder = JavaKeystoreBuilder(magic: 0xCECE_CECE, count: 2)
        builder.header(tag: 3, alias: "secret")
        builder.raw(stream)
        builder.trusted("after", try certificateDER("chain-leaf"))
        return builder.finished(password: "x")
    }

    /// `TC_CLASSDESC name serialVersionUID flags fields… TC_ENDBLOCKDATA` (without the superclass).
    static func classDescription(_ name: String, flags: UInt8 = 0x02, fields: [UInt8] = [0, 0]) -> [UInt8] {
        var builder = JavaKeystoreBuilder(count: 0)
        builder.bytes = [0x72]
        builder.utf(name)
        builder.u8(0x1234_5678_9ABC_DEF0)
        builder.raw([flags] + fields + [0x78])
        return builder.bytes
    }

    @Test func nestedArraysAndReferencesAreSkipped() throws {
        // Object[] { Object[] { Object[] { "text", byte[3] }, null } } — then the next entry.
        var stream: [UInt8] = [0xAC, 0xED, 0x00, 0x05]
        stream += [0x75] + Self.classDescription("[Ljava.lang.Object;") + [0x70] + [0, 0, 0, 2]  // handles 0 (class), 1 (array)
        stream += [0x75, 0x71, 0x00, 0x7E, 0x00, 0x00] + [0, 0, 0, 2]  // handle 2
        stream += [0x75, 0x71, 0x00, 0x7E, 0x00, 0x00] + [0, 0, 0, 2]  // handle 3
        stream += [0x74, 0x00, 0x04] + Array("text".utf8)  // handle 4
        stream += [0x75] + Self.classDescription("[B") + [0x70] + [0, 0, 0, 3, 1, 2, 3]
        stream += [0x70]  // null, second element of the middle array
        stream += [0x71, 0x00, 0x7E, 0x00, 0x04]  // a reference, second element of the outer array
        let keystore = try JavaKeystoreReader.read(try Self.jceksWithSecret(stream), passwords: ["x"])
        #expect(keystore.entries.map(\.kind) == [.secretKey, .trustedCertificate])
        #expect(keystore.entries.map(\.alias) == ["secret", "after"])
        #expect(keystore.integrityVerified)
    }

    @Test func hostileSerializationIsMalformed() throws {
        let header: [UInt8] = [0xAC, 0xED, 0x00, 0x05]
        var cases: [(String, [UInt8])] = []
        // A class that names itself as its superclass.
        cases.append(("self superclass", header + [0x73] + Self.classDescription("A") + [0x71, 0x00, 0x7E, 0x00, 0x00]))
        // Arrays nested 200 deep.
        var deep = header + [0x75] + Self.classDescription("[Ljava.lang.Object;") + [0x70, 0, 0, 0, 1]
        for _ in 0..<200 { deep += [0x75, 0x71, 0x00, 0x7E, 0x00, 0x00, 0, 0, 0, 1] }
        deep += [0x70]
        cases.append(("deep nesting", deep))
        cases.append(("reference to nothing", header + [0x71, 0x00, 0x7E, 0x00, 0x05]))
        cases.append(("not a stream", [0xAC, 0xED, 0x00, 0x04, 0x70]))
        cases.append(("block data at the top", header + [0x77, 0x01, 0x00]))
        cases.append(("huge array", header + [0x75] + Self.classDescription("[J") + [0x70, 0x7F, 0xFF, 0xFF, 0xFF]))
        cases.append(("unknown field type", header + [0x73] + Self.classDescription("A", fields: [0, 1, UInt8(ascii: "Q"), 0, 1, 0x61]) + [0x70]))
        cases.append(("reset inside an object", header + [0x75] + Self.classDescription("[Ljava.lang.Object;") + [0x70, 0, 0, 0, 1, 0x79, 0x70]))
        for (name, stream) in cases {
            let bytes = try Self.jceksWithSecret(stream)
            let error = javaKeystoreError { () throws(KeystoreError) in try JavaKeystoreReader.read(bytes, passwords: ["x"]) }
            #expect(error?.code == .malformed, "\(name): \(error?.message ?? "-")")
        }
    }

    @Test func objectsWithFieldsAndWriteMethodsAreSkipped() throws {
        // class B extends A; A has an int and a String field and a writeObject that adds block data.
        var stream: [UInt8] = [0xAC, 0xED, 0x00, 0x05, 0x73]
        stream += Self.classDescription("B")  // handle 0, no fields
        stream += Self.classDescription("A", flags: 0x03, fields: [0, 2, UInt8(ascii: "I"), 0, 1, 0x6E, UInt8(ascii: "L"), 0, 1, 0x73, 0x74, 0, 18] + Array("Ljava/lang/String;".utf8))
        stream += [0x70]  // A has no superclass; handles: 0 B, 1 A, 2 the type string
        // handle 3: the object. A's data: int, String, then its annotation.
        stream += [0, 0, 0, 42, 0x74, 0, 2, 0x68, 0x69, 0x77, 0x02, 0xAB, 0xCD, 0x78]
        let keystore = try JavaKeystoreReader.read(try Self.jceksWithSecret(stream), passwords: ["x"])
        #expect(keystore.entries.map(\.kind) == [.secretKey, .trustedCertificate])
    }
}

/// The certigo corpus's JCEKS files (password `password`) against what keytool lists for them.
@Suite(.enabled(if: javaCertigoFolder != nil, "set CERTLINT_CORPORA to the corpora folder"))
struct JavaKeystoreCertigoTests {
    static let expected: JavaCertigoExpected? = {
        guard let data = FileManager.default.contents(atPath: javaFixturesRoot + "/certigo-expected.json") else { return nil }
        return try? JSONDecoder().decode(JavaCertigoExpected.self, from: data)
    }()

    @Test func certigoKeystoresMatchKeytool() throws {
        let folder = try #require(javaCertigoFolder)
        let expected = try #require(Self.expected)
        #expect(expected.keystores.count == 11)
        for (file, listing) in expected.keystores.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: folder + "/" + file) else {
                Issue.record("missing \(file)")
                continue
            }
            let keystore = try JavaKeystoreReader.read([UInt8](data), passwords: ["", expected.password])
            #expect(keystore.format == .jceks, "\(file)")
            #expect(keystore.integrityVerified, "\(file)")
            #expect(javaListing(keystore) == listing.entries, "\(file)")
            let wrong = try JavaKeystoreReader.read([UInt8](data), passwords: [""])
            #expect(!wrong.opened && javaListing(wrong) == listing.entries, "\(file)")
        }
    }
}
