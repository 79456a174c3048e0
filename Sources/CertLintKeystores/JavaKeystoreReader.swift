import CertLintCrypto
import CertLintDER
import CertLintX509

/// Reads Sun's JKS and JCEKS keystores: every certificate, every alias, and for each private key
/// its type and size (from its certificate) and how it is protected, never the key itself.
///
/// The format (`sun.security.provider.JavaKeyStore`, `com.sun.crypto.provider.JceKeyStore`),
/// big-endian, strings as Java's `writeUTF` (a u2 length, then modified UTF-8):
///
/// ```
/// keystore    ::= magic:u4 (FEEDFEED JKS, CECECECE JCEKS) version:u4 (1 or 2) count:u4
///                 entry[count] digest:20
/// entry       ::= tag:u4 alias:utf date:u8 body
///   tag 1 private key:       length:u4 EncryptedPrivateKeyInfo[length] count:u4 certificate[count]
///   tag 2 trusted cert:      certificate
///   tag 3 secret key (JCEKS): a Java serialization stream (a SealedObject), skipped unread
/// certificate ::= type:utf ("X.509"; absent in version 1) length:u4 DER[length]
/// digest      ::= SHA-1(UTF-16BE(password) ‖ "Mighty Aphrodite" ‖ every preceding byte)
/// ```
///
/// Certificates need no password, so they are read whatever the password. The password is the
/// first of those given that makes the digest verify; when none does, the keystore is still
/// returned with its certificates, `integrityVerified` and `opened` false, so that the caller
/// reports one finding. Private keys are never decrypted (JKS keys may have a key password of
/// their own): they are described from the public key of their entry's first certificate.
///
/// ```swift
/// let keystore = try JavaKeystoreReader.read(bytes, passwords: ["", suppliedPassword])
/// if !keystore.opened { /* report: password missing or wrong */ }
/// ```
public enum JavaKeystoreReader {
    /// The most entries read; a count above it is malformed.
    public static let maxEntries = 100_000
    /// The most certificates in one private key entry's chain.
    public static let maxChainLength = 1_000

    /// The text Sun appends to the password before the keystore bytes in the digest.
    static let digestWhitener = Array("Mighty Aphrodite".utf8)

    /// Reads a JKS or JCEKS keystore, trying `passwords` in order for its integrity digest (put
    /// the empty password first).
    ///
    /// Throws ``KeystoreError/Code/malformed`` for bytes that are not a well-formed keystore
    /// (a bad magic, truncation, counts or lengths beyond the bytes, an unknown entry tag, a
    /// certificate that is not DER X.509, trailing bytes) and ``KeystoreError/Code/unsupported``
    /// for an unknown version or a certificate type other than X.509. A password that does not
    /// verify is not an error.
    public static func read(_ bytes: [UInt8], passwords: [String]) throws(KeystoreError) -> Keystore {
        var input = JavaDataInput(bytes)
        let magic = try input.readInt32("the keystore magic number")
        let format: Keystore.Format
        switch UInt32(bitPattern: magic) {
        case 0xFEED_FEED: format = .jks
        case 0xCECE_CECE: format = .jceks
        default:
            throw KeystoreError(.malformed, "The file does not start with a Java keystore magic number (FEEDFEED or CECECECE).", offset: 0)
        }
        let name = format == .jks ? "JKS" : "JCEKS"
        let version = try input.readInt32("the keystore version")
        guard version == 1 || version == 2 else {
            throw KeystoreError(.unsupported, "The \(name) keystore has version \(version); certlint reads versions 1 and 2.", offset: 4)
        }
        // The smallest entry is a trusted certificate: tag, empty alias, date, length.
        let count = try input.readCount("entry count", minimumItemSize: 18, limit: maxEntries)

        var entries: [KeystoreEntry] = []
        var encryption: [KeystoreEncryption] = []
        let reader = EntryReader(format: format, name: name, hasCertificateTypes: version == 2)
        for index in 0..<count {
            let entry = try reader.entry(&input, index: index)
            if let protection = entry.protection, !encryption.contains(protection) {
                encryption.append(protection)
            }
            entries.append(entry.entry)
        }
        let bodyEnd = input.offset
        let digest = try input.readRange(20, "the keystore's SHA-1 digest")
        guard input.isAtEnd else {
            throw KeystoreError(
                .malformed, "\(input.remaining) \(input.remaining == 1 ? "byte follows" : "bytes follow") the \(name) keystore's digest at byte \(input.offset).",
                offset: input.offset)
        }

        let verified = passwords.contains { password in
            keyedDigest(password: password, body: bytes[0..<bodyEnd]).elementsEqual(bytes[digest])
        }
        return Keystore(
            format: format, entries: entries, encryption: encryption,
            integrity: KeystoreIntegrity(algorithm: "sun-sha1", iterations: 0),
            integrityVerified: verified, opened: verified)
    }

    /// SHA-1(UTF-16BE(password) ‖ "Mighty Aphrodite" ‖ body), as Sun computes it.
    static func keyedDigest(password: String, body: ArraySlice<UInt8>) -> [UInt8] {
        var hasher = SHA1()
        var passwordBytes: [UInt8] = []
        passwordBytes.reserveCapacity(password.utf16.count * 2)
        for unit in password.utf16 {
            passwordBytes.append(UInt8(unit >> 8))
            passwordBytes.append(UInt8(unit & 0xFF))
        }
        hasher.update(passwordBytes)
        for index in passwordBytes.indices { passwordBytes[index] = 0 }
        hasher.update(digestWhitener)
        hasher.update(body)
        return hasher.finalize()
    }
}

/// Reads one entry at a time; keeps what the whole keystore shares.
private struct EntryReader {
    let format: Keystore.Format
    /// `JKS` or `JCEKS`, for messages.
    let name: String
    /// Whether each certificate is preceded by its type (version 2).
    let hasCertificateTypes: Bool

    /// The entry and, for a private key, how the key is protected.
    func entry(_ input: inout JavaDataInput, index: Int) throws(KeystoreError) -> (entry: KeystoreEntry, protection: KeystoreEncryption?) {
        let start = input.offset
        let tag = try input.readInt32("the tag of entry \(index + 1)")
        let alias = try input.readUTF("the alias of entry \(index + 1)")
        _ = try input.readInt64("the date of the entry \"\(alias)\"")
        switch tag {
        case 1:
            let length = try input.readCount("length of the protected key of the entry \"\(alias)\"")
            let key = try input.readRange(length, "the protected key of the entry \"\(alias)\"")
            let protection = try JavaKeyProtection.encryption(of: input.bytes, in: key, alias: alias)
            let chainLength = try input.readCount(
                "certificate count of the entry \"\(alias)\"", minimumItemSize: hasCertificateTypes ? 6 : 4, limit: JavaKeystoreReader.maxChainLength)
            var chain: [Certificate] = []
            for position in 0..<chainLength {
                chain.append(try certificate(&input, alias: alias, position: position))
            }
            let entry = KeystoreEntry(kind: .privateKey, alias: alias, certificates: chain, privateKey: Self.describeKey(of: chain.first))
            return (entry, protection)
        case 2:
            let certificate = try certificate(&input, alias: alias, position: nil)
            return (KeystoreEntry(kind: .trustedCertificate, alias: alias, certificates: [certificate]), nil)
        case 3 where format == .jceks:
            input = try JavaSerializedObject.skip(input, field: "the secret key of the entry \"\(alias)\"")
            return (KeystoreEntry(kind: .secretKey, alias: alias, certificates: []), nil)
        default:
            throw KeystoreError(.malformed, "Entry \(index + 1) of the \(name) keystore (byte \(start)) has the unknown tag \(tag).", offset: start)
        }
    }

    /// One certificate: its type (version 2), length and DER, copied out of the keystore so that
    /// the returned certificate does not hold the keystore's other bytes.
    private func certificate(_ input: inout JavaDataInput, alias: String, position: Int?) throws(KeystoreError) -> Certificate {
        let which = position.map { "certificate \($0 + 1) of the entry \"\(alias)\"" } ?? "certificate of the entry \"\(alias)\""
        if hasCertificateTypes {
            let typeStart = input.offset
            let type = try input.readUTF("the type of \(which)")
            guard type == "X.509" else {
                throw KeystoreError(.unsupported, "The type of \(which) is \"\(type)\"; certlint reads X.509 certificates only.", offset: typeStart)
            }
        }
        let length = try input.readCount("length of \(which)")
        let range = try input.readRange(length, which)
        do throws(DERError) {
            return try Certificate(derEncoded: Array(input.bytes[range]))
        } catch {
            let shifted = error.shifted(by: range.lowerBound)
            throw KeystoreError(.malformed, "The \(which) is not a valid X.509 certificate: \(shifted.description)", offset: shifted.offset)
        }
    }

    /// The key described from the public key of the entry's first certificate; whether it is
    /// that key's private half cannot be told without decrypting it.
    static func describeKey(of leaf: Certificate?) -> KeystoreKeyInfo {
        guard let leaf, let publicKey = try? leaf.publicKey() else {
            return KeystoreKeyInfo(algorithm: nil, bits: nil, curve: nil, matchesCertificate: nil)
        }
        return KeystoreKeyInfo(algorithm: publicKey.algorithmName, bits: publicKey.bits, curve: publicKey.curveName, matchesCertificate: nil)
    }
}
