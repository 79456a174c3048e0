import CertLintCrypto
import CertLintDER

/// A password-based encryption of part of a PKCS#12 file (an encrypted safe or a shrouded
/// key), read from its AlgorithmIdentifier: PBES2 with PBKDF2 (RFC 8018), or one of the
/// PKCS#12 schemes keyed by the PKCS#12 KDF with SHA-1 (RFC 7292 Appendix C).
///
/// ```
/// PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier {PBKDF2},
///                             encryptionScheme AlgorithmIdentifier {aes256-CBC…} }
/// pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
/// ```
struct PKCS12Encryption {
    enum KeyDerivation {
        /// The PKCS#12 KDF with SHA-1 over the BMPString password; the IV is derived too.
        case pkcs12(salt: [UInt8])
        /// PBKDF2 over the UTF-8 password (as OpenSSL does); the IV is in the parameters.
        case pbkdf2(salt: [UInt8], prf: DigestAlgorithm, iv: [UInt8])
    }

    let derivation: KeyDerivation
    let iterations: Int
    let cipher: BlockCipherAlgorithm
    /// The bytes the key derivation gives (16 for two-key triple DES, which is widened to 24).
    let keyByteCount: Int
    /// The stable identifier (`pbes2-aes-256-cbc`, `pbe-sha1-3des`…).
    let schemeID: String
    /// The PBKDF2 pseudorandom function's identifier (`hmac-sha256`), for PBES2.
    let prfID: String?
    /// Where the AlgorithmIdentifier starts in its region (not always the file).
    let offset: Int

    /// How it is described in ``Keystore/encryption``.
    func description(protecting what: String) -> KeystoreEncryption {
        KeystoreEncryption(scheme: schemeID, prf: prfID, iterations: iterations, protects: what)
    }

    /// Reads an encryption AlgorithmIdentifier. Schemes certlint does not implement throw a
    /// DER error of code `unrecognizedFormat`, which becomes `unsupported`.
    init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        offset = node.start
        try node.expect(.sequence, "encryptionAlgorithm")
        var fields = DERReader(bytes, children: node, rules: .ber)
        let oidNode = try fields.read(.objectIdentifier, "encryptionAlgorithm.algorithm")
        let oid = try oidNode.oid(in: bytes)
        let parameters = try fields.readAny("encryptionAlgorithm.parameters")
        try fields.finish("encryptionAlgorithm")
        try parameters.expect(.sequence, "encryptionAlgorithm.parameters")
        switch oid {
        case PKCS12OID.pbeSHA13DES, PKCS12OID.pbeSHA12DES, PKCS12OID.pbeSHA1RC2128, PKCS12OID.pbeSHA1RC240:
            var params = DERReader(bytes, children: parameters, rules: .ber)
            let salt = Array(bytes[try params.read(.octetString, "pkcs-12PbeParams.salt").contentRange])
            iterations = try params.read(.integer, "pkcs-12PbeParams.iterations").integer(in: bytes)
            try params.finish("pkcs-12PbeParams")
            derivation = .pkcs12(salt: salt)
            prfID = nil
            switch oid {
            case PKCS12OID.pbeSHA13DES:
                (cipher, keyByteCount, schemeID) = (.desEDE3, 24, "pbe-sha1-3des")
            case PKCS12OID.pbeSHA12DES:
                (cipher, keyByteCount, schemeID) = (.desEDE3, 16, "pbe-sha1-2des")
            case PKCS12OID.pbeSHA1RC2128:
                (cipher, keyByteCount, schemeID) = (.rc2(effectiveKeyBits: 128), 16, "pbe-sha1-rc2-128")
            default:
                (cipher, keyByteCount, schemeID) = (.rc2(effectiveKeyBits: 40), 5, "pbe-sha1-rc2-40")
            }
        case .pbes2:
            var params = DERReader(bytes, children: parameters, rules: .ber)
            let kdf = try params.read(.sequence, "PBES2-params.keyDerivationFunc")
            let scheme = try params.read(.sequence, "PBES2-params.encryptionScheme")
            try params.finish("PBES2-params")
            var kdfFields = DERReader(bytes, children: kdf, rules: .ber)
            let kdfOIDNode = try kdfFields.read(.objectIdentifier, "keyDerivationFunc.algorithm")
            let kdfOID = try kdfOIDNode.oid(in: bytes)
            guard kdfOID == .pbkdf2 else {
                throw DERError(
                    .unrecognizedFormat, at: kdfOIDNode.start,
                    "PBES2 uses the key derivation \(kdfOID.nameOrDotted); certlint implements PBKDF2 only", path: "PBES2-params.keyDerivationFunc")
            }
            let pbkdf2 = try PBKDF2Parameters(bytes, try kdfFields.read(.sequence, "keyDerivationFunc.parameters"))
            try kdfFields.finish("keyDerivationFunc")
            var schemeFields = DERReader(bytes, children: scheme, rules: .ber)
            let cipherNode = try schemeFields.read(.objectIdentifier, "encryptionScheme.algorithm")
            let cipherOID = try cipherNode.oid(in: bytes)
            let ivNode = try schemeFields.readAny("encryptionScheme.parameters")
            try schemeFields.finish("encryptionScheme")
            switch cipherOID {
            case PKCS12OID.aes128CBC: (cipher, keyByteCount, schemeID) = (.aes128, 16, "pbes2-aes-128-cbc")
            case PKCS12OID.aes192CBC: (cipher, keyByteCount, schemeID) = (.aes192, 24, "pbes2-aes-192-cbc")
            case PKCS12OID.aes256CBC: (cipher, keyByteCount, schemeID) = (.aes256, 32, "pbes2-aes-256-cbc")
            case PKCS12OID.desEDE3CBC: (cipher, keyByteCount, schemeID) = (.desEDE3, 24, "pbes2-des-ede3-cbc")
            default:
                throw DERError(
                    .unrecognizedFormat, at: cipherNode.start,
                    "PBES2 uses the cipher \(cipherOID.nameOrDotted), which certlint does not implement", path: "PBES2-params.encryptionScheme")
            }
            guard ivNode.tag == .octetString, ivNode.contentLength == cipher.blockByteCount else {
                throw DERError(
                    .invalidValue, at: ivNode.start,
                    "The initialization vector of \(cipher.name) must be an OCTET STRING of \(cipher.blockByteCount) bytes",
                    path: "PBES2-params.encryptionScheme.parameters")
            }
            if let keyLength = pbkdf2.keyLength, keyLength != keyByteCount {
                throw DERError(
                    .invalidValue, at: kdf.start, "PBKDF2 asks for a \(keyLength)-byte key but \(cipher.name) takes \(keyByteCount) bytes",
                    path: "PBKDF2-params.keyLength")
            }
            iterations = pbkdf2.iterations
            derivation = .pbkdf2(salt: pbkdf2.salt, prf: pbkdf2.prf, iv: Array(bytes[ivNode.contentRange]))
            prfID = "hmac-\(pbkdf2.prf.rawValue)"
        case PKCS12OID.pbeSHA1RC4128, PKCS12OID.pbeSHA1RC440:
            throw DERError(
                .unrecognizedFormat, at: oidNode.start,
                "The PKCS#12 contents are encrypted with \(oid.nameOrDotted) (RC4), which certlint does not implement", path: "encryptionAlgorithm")
        default:
            throw DERError(
                .unrecognizedFormat, at: oidNode.start,
                "The PKCS#12 contents are encrypted with \(oid.nameOrDotted), which certlint does not implement", path: "encryptionAlgorithm")
        }
    }

    /// How decrypting with one password went.
    enum Outcome {
        /// The plaintext: padding checked, and it parses as one BER value.
        case plaintext([UInt8])
        /// The password does not fit (the padding or the plaintext is wrong).
        case wrongPassword
    }

    /// Decrypts `ciphertext` with `password`; the plaintext must end in valid padding and be
    /// one BER value. Every derived key is zeroed before returning; the caller zeroes the
    /// plaintext.
    func decrypt(
        _ ciphertext: ArraySlice<UInt8>, in region: PKCS12Region, password: PKCS12Password, budget: inout PKCS12WorkBudget, what: String
    ) throws(KeystoreError) -> Outcome {
        try budget.charge(iterations, what)
        var key: [UInt8] = []
        var iv: [UInt8] = []
        defer {
            PKCS12Password.wipe(&key)
            PKCS12Password.wipe(&iv)
        }
        var plaintext: [UInt8]
        do throws(CryptoError) {
            switch derivation {
            case .pkcs12(let salt):
                key = try PKCS12KDF.deriveKey(
                    password: password.bmp, salt: salt, iterations: iterations, keyByteCount: keyByteCount, purpose: .encryptionKey,
                    hash: .sha1)
                iv = try PKCS12KDF.deriveKey(
                    password: password.bmp, salt: salt, iterations: iterations, keyByteCount: cipher.blockByteCount,
                    purpose: .initializationVector, hash: .sha1)
                if keyByteCount == 16, cipher == .desEDE3 {
                    // Two-key triple DES: K1 ‖ K2 ‖ K1.
                    key += key[0..<8]
                }
            case .pbkdf2(let salt, let prf, let explicitIV):
                key = try PBKDF2.deriveKey(password: password.utf8, salt: salt, iterations: iterations, keyByteCount: keyByteCount, hash: prf)
                iv = explicitIV
            }
            plaintext = try BlockCipher.decryptCBC(ciphertext, key: key, iv: iv, algorithm: cipher)
        } catch {
            if error.code == .badPadding { return .wrongPassword }
            let reason = error.reason.hasSuffix(".") ? String(error.reason.dropLast()) : error.reason
            throw region.malformed("The encrypted \(what) cannot be decrypted: \(reason).", at: offset)
        }
        do throws(DERError) {
            _ = try DER.parse(plaintext, rules: .ber)
        } catch {
            PKCS12Password.wipe(&plaintext)
            return .wrongPassword
        }
        return .plaintext(plaintext)
    }
}
