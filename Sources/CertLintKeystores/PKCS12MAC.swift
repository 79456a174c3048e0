import CertLintCrypto
import CertLintDER

/// The integrity MAC of a PKCS#12 file, in its classic form (HMAC keyed by the PKCS#12 KDF,
/// RFC 7292 Appendix B) or as PBMAC1 (HMAC keyed by PBKDF2, RFC 9579).
///
/// ```
/// MacData ::= SEQUENCE { mac DigestInfo, macSalt OCTET STRING, iterations INTEGER DEFAULT 1 }
/// DigestInfo ::= SEQUENCE { digestAlgorithm AlgorithmIdentifier, digest OCTET STRING }
/// PBMAC1-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier {PBKDF2},
///                              messageAuthScheme AlgorithmIdentifier {hmacWithSHA256…} }
/// ```
/// With PBMAC1, `macSalt` and `iterations` are ignored (RFC 9579 section 3); the PBKDF2
/// parameters say how the key is made, from the password's UTF-8 bytes.
struct PKCS12MAC {
    enum Scheme {
        /// HMAC with `hash`, keyed by the PKCS#12 KDF (ID 3) over the BMPString password.
        case classic(hash: DigestAlgorithm, salt: [UInt8], iterations: Int)
        /// HMAC with `hash`, keyed by PBKDF2 with `prf` over the UTF-8 password.
        case pbmac1(hash: DigestAlgorithm, prf: DigestAlgorithm, salt: [UInt8], iterations: Int, keyLength: Int)
    }

    let scheme: Scheme
    /// The MAC the file carries.
    let expected: [UInt8]
    /// Where the MacData starts, for messages.
    let offset: Int

    /// What the keystore description reports.
    var integrity: KeystoreIntegrity {
        switch scheme {
        case .classic(let hash, _, let iterations):
            return KeystoreIntegrity(algorithm: "hmac-\(hash.rawValue)", iterations: iterations)
        case .pbmac1(_, _, _, let iterations, _):
            return KeystoreIntegrity(algorithm: "pbmac1", iterations: iterations)
        }
    }

    init(_ file: PKCS12Region, _ node: DERNode) throws(DERError) {
        let bytes = file.bytes
        offset = node.start
        var macData = DERReader(bytes, children: node, rules: .ber)
        let digestInfo = try macData.read(.sequence, "MacData.mac")
        let salt = Array(bytes[try macData.read(.octetString, "MacData.macSalt").contentRange])
        var iterations = 1
        if let count = try macData.readIfPresent(.integer) {
            iterations = try count.integer(in: bytes)
        }
        try macData.finish("MacData")
        var info = DERReader(bytes, children: digestInfo, rules: .ber)
        let algorithm = try info.read(.sequence, "MacData.mac.digestAlgorithm")
        let digest = try info.read(.octetString, "MacData.mac.digest")
        try info.finish("MacData.mac")
        expected = Array(bytes[digest.contentRange])
        var algorithmFields = DERReader(bytes, children: algorithm, rules: .ber)
        let oidNode = try algorithmFields.read(.objectIdentifier, "MacData.mac.digestAlgorithm.algorithm")
        let oid = try oidNode.oid(in: bytes)
        let parameters = try algorithmFields.next()
        try algorithmFields.finish("MacData.mac.digestAlgorithm")
        if oid == PKCS12OID.pbmac1 {
            guard let parameters else {
                throw DERError(.missingField, at: algorithm.start, "PBMAC1 has no parameters", path: "MacData.mac.digestAlgorithm")
            }
            scheme = try PKCS12MAC.readPBMAC1(bytes, parameters)
        } else {
            guard let hash = PKCS12MAC.digest(oid) else {
                throw PKCS12MAC.unsupported("the digest \(oid.nameOrDotted)", at: oidNode.start)
            }
            scheme = .classic(hash: hash, salt: salt, iterations: iterations)
        }
    }

    /// PBMAC1-params with PBKDF2 (RFC 9579).
    private static func readPBMAC1(_ bytes: [UInt8], _ node: DERNode) throws(DERError) -> Scheme {
        try node.expect(.sequence, "PBMAC1-params")
        var params = DERReader(bytes, children: node, rules: .ber)
        let kdf = try params.read(.sequence, "PBMAC1-params.keyDerivationFunc")
        let mac = try params.read(.sequence, "PBMAC1-params.messageAuthScheme")
        try params.finish("PBMAC1-params")
        var kdfFields = DERReader(bytes, children: kdf, rules: .ber)
        let kdfOID = try kdfFields.read(.objectIdentifier, "keyDerivationFunc.algorithm")
        guard try kdfOID.oid(in: bytes) == .pbkdf2 else {
            throw unsupported("PBMAC1 with the key derivation \(try kdfOID.oid(in: bytes).nameOrDotted)", at: kdfOID.start)
        }
        let pbkdf2 = try kdfFields.read(.sequence, "keyDerivationFunc.parameters")
        try kdfFields.finish("keyDerivationFunc")
        let parameters = try PBKDF2Parameters(bytes, pbkdf2)
        var macFields = DERReader(bytes, children: mac, rules: .ber)
        let macOID = try macFields.read(.objectIdentifier, "messageAuthScheme.algorithm")
        guard let hash = PBKDF2Parameters.hmacDigest(try macOID.oid(in: bytes)) else {
            throw unsupported("PBMAC1 with the MAC \(try macOID.oid(in: bytes).nameOrDotted)", at: macOID.start)
        }
        let keyLength = parameters.keyLength ?? hash.digestByteCount
        guard (1...1024).contains(keyLength) else {
            throw DERError(.invalidValue, at: pbkdf2.start, "The PBMAC1 key length is \(keyLength) bytes", path: "PBKDF2-params.keyLength")
        }
        return .pbmac1(hash: hash, prf: parameters.prf, salt: parameters.salt, iterations: parameters.iterations, keyLength: keyLength)
    }

    /// An `unsupported` condition carried through a DER reader (``PKCS12Region`` turns the
    /// `unrecognizedFormat` code into an `unsupported` keystore error).
    static func unsupported(_ what: String, at offset: Int) -> DERError {
        DERError(.unrecognizedFormat, at: offset, "The PKCS#12 MAC uses \(what), which certlint does not implement")
    }

    /// The digest a classic MAC names.
    static func digest(_ oid: OID) -> DigestAlgorithm? {
        switch oid {
        case PKCS12OID.sha1: return .sha1
        case PKCS12OID.sha256: return .sha256
        case PKCS12OID.sha384: return .sha384
        case PKCS12OID.sha512: return .sha512
        default: return nil
        }
    }

    /// Checks the iteration count before any password is tried.
    func checkCost() throws(KeystoreError) {
        switch scheme {
        case .classic(_, _, let iterations), .pbmac1(_, _, _, let iterations, _):
            try PKCS12WorkBudget.checkIterations(iterations, "the integrity MAC", offset: offset)
        }
    }

    /// Whether the MAC over `content` verifies with `password`.
    func verifies(_ content: PKCS12Region, password: PKCS12Password, budget: inout PKCS12WorkBudget) throws(KeystoreError) -> Bool {
        var key: [UInt8]
        let hash: DigestAlgorithm
        switch scheme {
        case .classic(let digest, _, let iterations), .pbmac1(let digest, _, _, let iterations, _):
            hash = digest
            try budget.charge(iterations, "the integrity MAC")
        }
        do throws(CryptoError) {
            switch scheme {
            case .classic(let digest, let salt, let iterations):
                key = try PKCS12KDF.deriveKey(
                    password: password.bmp, salt: salt, iterations: iterations, keyByteCount: digest.digestByteCount,
                    purpose: .macKey, hash: digest)
            case .pbmac1(_, let prf, let salt, let iterations, let keyLength):
                key = try PBKDF2.deriveKey(password: password.utf8, salt: salt, iterations: iterations, keyByteCount: keyLength, hash: prf)
            }
        } catch {
            throw KeystoreError(.malformed, "The PKCS#12 MAC parameters are invalid: \(error.reason)", offset: offset)
        }
        defer { PKCS12Password.wipe(&key) }
        guard expected.count == hash.digestByteCount else {
            throw KeystoreError(
                .malformed,
                "The PKCS#12 MAC is \(expected.count) bytes long; HMAC-\(hash.rawValue.uppercased()) gives \(hash.digestByteCount).",
                offset: offset)
        }
        let message = content.bytes[content.range]
        let computed: [UInt8]
        switch hash {
        case .sha1: computed = HMAC<SHA1>.authenticationCode(for: message, key: key)
        case .sha256: computed = HMAC<SHA256>.authenticationCode(for: message, key: key)
        case .sha384: computed = HMAC<SHA384>.authenticationCode(for: message, key: key)
        case .sha512: computed = HMAC<SHA512>.authenticationCode(for: message, key: key)
        }
        var difference: UInt8 = 0
        for (a, b) in zip(computed, expected) { difference |= a ^ b }
        return difference == 0
    }
}

/// PBKDF2's parameters (RFC 8018 A.2), as PBES2 and PBMAC1 carry them.
///
/// ```
/// PBKDF2-params ::= SEQUENCE { salt CHOICE { specified OCTET STRING, otherSource AlgorithmIdentifier },
///                              iterationCount INTEGER, keyLength INTEGER OPTIONAL,
///                              prf AlgorithmIdentifier DEFAULT algid-hmacWithSHA1 }
/// ```
struct PBKDF2Parameters {
    let salt: [UInt8]
    let iterations: Int
    let keyLength: Int?
    let prf: DigestAlgorithm

    init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        var fields = DERReader(bytes, children: node, rules: .ber)
        let saltNode = try fields.readAny("PBKDF2-params.salt")
        guard saltNode.tag == .octetString else {
            throw DERError(
                .unrecognizedFormat, at: saltNode.start, "PBKDF2 takes its salt from another source, which certlint does not implement",
                path: "PBKDF2-params.salt")
        }
        salt = Array(bytes[saltNode.contentRange])
        iterations = try fields.read(.integer, "PBKDF2-params.iterationCount").integer(in: bytes)
        keyLength = try fields.readIfPresent(.integer)?.integer(in: bytes)
        if let prfNode = try fields.readIfPresent(.sequence) {
            var prfFields = DERReader(bytes, children: prfNode, rules: .ber)
            let oidNode = try prfFields.read(.objectIdentifier, "PBKDF2-params.prf.algorithm")
            let oid = try oidNode.oid(in: bytes)
            guard let digest = PBKDF2Parameters.hmacDigest(oid) else {
                throw DERError(
                    .unrecognizedFormat, at: oidNode.start, "PBKDF2 uses the pseudorandom function \(oid.nameOrDotted), which certlint does not implement",
                    path: "PBKDF2-params.prf")
            }
            prf = digest
        } else {
            prf = .sha1
        }
        try fields.finish("PBKDF2-params")
    }

    /// The hash of an `hmacWithSHA…` identifier (SHA-224 and the SHA-512/t variants are not
    /// implemented).
    static func hmacDigest(_ oid: OID) -> DigestAlgorithm? {
        switch oid {
        case PKCS12OID.hmacWithSHA1: return .sha1
        case PKCS12OID.hmacWithSHA256: return .sha256
        case PKCS12OID.hmacWithSHA384: return .sha384
        case PKCS12OID.hmacWithSHA512: return .sha512
        default: return nil
        }
    }
}
