import CertLintDER

/// What a private key file holds, described without its secret: format, algorithm, size,
/// curve, whether and how it is encrypted, and the matching public key when it can be told.
///
/// The secret bytes are read only to find the public key (RSA modulus, EC point, or a point
/// derived from the private scalar) and are never stored in this value, so nothing that holds
/// one can print a secret.
public struct PrivateKeyInfo: Sendable, Hashable {
    /// The container format.
    public enum Format: String, Sendable, Hashable {
        /// `BEGIN RSA PRIVATE KEY`: RSAPrivateKey (RFC 8017 A.1.2).
        case pkcs1
        /// `BEGIN PRIVATE KEY`: PrivateKeyInfo / OneAsymmetricKey (RFC 5208, RFC 5958).
        case pkcs8
        /// `BEGIN ENCRYPTED PRIVATE KEY`: EncryptedPrivateKeyInfo (RFC 5958 3).
        case encryptedPKCS8 = "encrypted-pkcs8"
        /// `BEGIN EC PRIVATE KEY`: ECPrivateKey (RFC 5915).
        case sec1
        /// `BEGIN DSA PRIVATE KEY`: OpenSSL's traditional DSA form.
        case dsa
        /// A traditional PEM key with `Proc-Type: 4,ENCRYPTED` (OpenSSL's legacy encryption).
        case legacyEncryptedPEM = "legacy-pem-encrypted"
        /// `BEGIN OPENSSH PRIVATE KEY` (openssh-key-v1).
        case openssh
    }

    /// The container format.
    public let format: Format
    /// The key algorithm as facts name it (`rsa`, `ec`, `ed25519`…); `nil` when encryption hides it.
    public let algorithm: String?
    /// The key size in bits, when known.
    public let bits: Int?
    /// The curve (`P-256`…), for EC keys.
    public let curve: String?
    /// Whether the key is protected by a password.
    public let isEncrypted: Bool
    /// How it is encrypted, in words (`PBES2 (PBKDF2 with hmacWithSHA256, 2048 iterations, aes256-CBC)`).
    public let encryption: String?
    /// The encryption parameters of an encrypted PKCS#8 key.
    public let passwordBasedEncryption: PasswordBasedEncryption?
    /// The public half, when it is in the file or could be derived from the private key.
    public let publicKey: SubjectPublicKeyInfo.Key?

    /// Creates a description from its parts.
    public init(
        format: Format, algorithm: String?, bits: Int?, curve: String?, isEncrypted: Bool,
        encryption: String? = nil, passwordBasedEncryption: PasswordBasedEncryption? = nil,
        publicKey: SubjectPublicKeyInfo.Key?
    ) {
        self.format = format
        self.algorithm = algorithm
        self.bits = bits
        self.curve = curve
        self.isEncrypted = isEncrypted
        self.encryption = encryption
        self.passwordBasedEncryption = passwordBasedEncryption
        self.publicKey = publicKey
    }

    /// Whether this key is the private half of `certificate`'s public key; `nil` when it cannot
    /// be told (the key is encrypted, or its public half is unknown).
    public func matches(_ publicKeyInfo: SubjectPublicKeyInfo) -> Bool? {
        guard let publicKey else { return nil }
        return publicKeyInfo.sameKey(as: publicKey)
    }

    /// Describes a key from its PEM label and DER bytes. `headers` are the PEM block's
    /// encapsulated headers (a legacy encrypted key has `Proc-Type` and `DEK-Info`).
    public static func read(label: String, headers: [PEMBlock.Header], der: [UInt8]) throws(DERError) -> PrivateKeyInfo {
        if let procType = headers.first(where: { $0.name.lowercased() == "proc-type" }), procType.value.uppercased().contains("ENCRYPTED") {
            let cipher = headers.first { $0.name.lowercased() == "dek-info" }?.value.split(separator: ",").first.map(String.init)
            let algorithm: String?
            switch label {
            case "RSA PRIVATE KEY": algorithm = "rsa"
            case "EC PRIVATE KEY": algorithm = "ec"
            case "DSA PRIVATE KEY": algorithm = "dsa"
            default: algorithm = nil
            }
            return PrivateKeyInfo(
                format: .legacyEncryptedPEM, algorithm: algorithm, bits: nil, curve: nil, isEncrypted: true,
                encryption: cipher.map { "\($0) (OpenSSL legacy PEM encryption, MD5-based key derivation)" } ?? "OpenSSL legacy PEM encryption",
                publicKey: nil)
        }
        switch label {
        case "RSA PRIVATE KEY": return try readPKCS1(der, in: 0..<der.count)
        case "EC PRIVATE KEY": return try readSEC1(der, in: 0..<der.count, curve: nil, format: .sec1)
        case "DSA PRIVATE KEY": return try readDSA(der)
        case "ENCRYPTED PRIVATE KEY": return try readEncryptedPKCS8(der)
        case "OPENSSH PRIVATE KEY": return try OpenSSHPrivateKey.read(der)
        default: return try readPKCS8(der)
        }
    }

    /// Reads an RSAPrivateKey.
    ///
    /// ```
    /// RSAPrivateKey ::= SEQUENCE { version, modulus, publicExponent, privateExponent, prime1,
    ///                              prime2, exponent1, exponent2, coefficient, otherPrimeInfos OPTIONAL }
    /// ```
    public static func readPKCS1(_ bytes: [UInt8], in range: Range<Int>) throws(DERError) -> PrivateKeyInfo {
        let root = try DER.parse(bytes, in: range)
        try root.expect(.sequence, "RSAPrivateKey")
        var fields = DERReader(bytes, children: root)
        let version = try fields.read(.integer, "version").integer(in: bytes)
        guard version == 0 || version == 1 else {
            throw DERError(.invalidValue, at: root.contentStart, "The RSA private key version is \(version); 0 or 1 expected", path: "version")
        }
        let modulus = Array(try fields.read(.integer, "modulus").unsignedIntegerBytes(in: bytes))
        let exponent = Array(try fields.read(.integer, "publicExponent").unsignedIntegerBytes(in: bytes))
        for name in ["privateExponent", "prime1", "prime2", "exponent1", "exponent2", "coefficient"] {
            _ = try fields.read(.integer, name)
        }
        _ = try fields.readIfPresent(.sequence)
        try fields.finish("RSAPrivateKey")
        let key = SubjectPublicKeyInfo.Key.rsa(modulus: modulus[...], exponent: exponent[...])
        return PrivateKeyInfo(
            format: .pkcs1, algorithm: "rsa", bits: SubjectPublicKeyInfo.bitLength(modulus[...]), curve: nil,
            isEncrypted: false, publicKey: key)
    }

    /// Reads an ECPrivateKey; `curve` comes from the PKCS#8 wrapper when the key omits it.
    ///
    /// ```
    /// ECPrivateKey ::= SEQUENCE { version INTEGER { ecPrivkeyVer1(1) }, privateKey OCTET STRING,
    ///                             parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }
    /// ```
    static func readSEC1(_ bytes: [UInt8], in range: Range<Int>, curve outerCurve: OID?, format: Format) throws(DERError) -> PrivateKeyInfo {
        let root = try DER.parse(bytes, in: range)
        try root.expect(.sequence, "ECPrivateKey")
        var fields = DERReader(bytes, children: root)
        let version = try fields.read(.integer, "version").integer(in: bytes)
        guard version == 1 else {
            throw DERError(.invalidValue, at: root.contentStart, "The EC private key version is \(version); 1 expected", path: "version")
        }
        let secret = try fields.read(.octetString, "privateKey").contentRange
        var curve = outerCurve
        if let parametersWrapper = try fields.readIfPresent(.context(0, constructed: true)) {
            var inner = DERReader(bytes, children: parametersWrapper)
            if let named = try inner.next(), named.tag == .objectIdentifier {
                curve = try named.oid(in: bytes)
            }
        }
        var point: [UInt8]?
        if let publicWrapper = try fields.readIfPresent(.context(1, constructed: true)) {
            var inner = DERReader(bytes, children: publicWrapper)
            let bitString = try inner.read(.bitString, "publicKey").bitString(in: bytes)
            point = Array(bytes[bitString.bytes])
        }
        try fields.finish("ECPrivateKey")
        if point == nil, let curve {
            point = PublicKeyDerivation.ecPoint(curve: curve, secret: bytes[secret])
        }
        let info = SubjectPublicKeyInfo(algorithm: .ecPublicKey, key: .ec(curve: curve, point: point ?? []))
        return PrivateKeyInfo(
            format: format, algorithm: "ec", bits: info.bits, curve: info.curveName, isEncrypted: false,
            publicKey: point == nil ? nil : info.key)
    }

    /// Reads OpenSSL's traditional DSA private key: `SEQUENCE { version, p, q, g, y, x }`.
    static func readDSA(_ bytes: [UInt8]) throws(DERError) -> PrivateKeyInfo {
        let root = try DER.parse(bytes)
        try root.expect(.sequence, "DSAPrivateKey")
        var fields = DERReader(bytes, children: root)
        _ = try fields.read(.integer, "version")
        let p = try fields.read(.integer, "p").unsignedIntegerBytes(in: bytes)
        for name in ["q", "g", "y", "x"] { _ = try fields.read(.integer, name) }
        try fields.finish("DSAPrivateKey")
        return PrivateKeyInfo(format: .dsa, algorithm: "dsa", bits: SubjectPublicKeyInfo.bitLength(p), curve: nil, isEncrypted: false, publicKey: nil)
    }

    /// Reads a PrivateKeyInfo / OneAsymmetricKey.
    ///
    /// ```
    /// OneAsymmetricKey ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier,
    ///      privateKey OCTET STRING, attributes [0] IMPLICIT Attributes OPTIONAL,
    ///      publicKey [1] IMPLICIT BIT STRING OPTIONAL }
    /// ```
    public static func readPKCS8(_ bytes: [UInt8]) throws(DERError) -> PrivateKeyInfo {
        let root = try DER.parse(bytes)
        try root.expect(.sequence, "PrivateKeyInfo")
        var fields = DERReader(bytes, children: root)
        let version = try fields.read(.integer, "version").integer(in: bytes)
        guard version == 0 || version == 1 else {
            throw DERError(.invalidValue, at: root.contentStart, "The PKCS#8 version is \(version); 0 or 1 expected", path: "version")
        }
        let algorithmNode = try fields.read(.sequence, "privateKeyAlgorithm")
        let secret = try fields.read(.octetString, "privateKey").contentRange
        _ = try fields.readIfPresent(.context(0, constructed: true))
        var embeddedPublic: [UInt8]?
        if let publicNode = try fields.readIfPresent(.context(1, constructed: false)) {
            let bitString = try publicNode.bitString(in: bytes)
            embeddedPublic = Array(bytes[bitString.bytes])
        }
        try fields.finish("PrivateKeyInfo")
        var algorithmFields = DERReader(bytes, children: algorithmNode)
        let algorithm = try algorithmFields.read(.objectIdentifier, "privateKeyAlgorithm.algorithm").oid(in: bytes)
        let parameters = try algorithmFields.next()
        switch algorithm {
        case .rsaEncryption, .rsassaPss:
            do throws(DERError) {
                let inner = try readPKCS1(bytes, in: secret)
                return PrivateKeyInfo(format: .pkcs8, algorithm: "rsa", bits: inner.bits, curve: nil, isEncrypted: false, publicKey: inner.publicKey)
            } catch {
                throw error.inField("privateKey")
            }
        case .ecPublicKey:
            var curve: OID?
            if let parameters, parameters.tag == .objectIdentifier { curve = try parameters.oid(in: bytes) }
            do throws(DERError) {
                return try readSEC1(bytes, in: secret, curve: curve, format: .pkcs8)
            } catch {
                throw error.inField("privateKey")
            }
        case .ed25519, .x25519, .ed448, .x448:
            // CurvePrivateKey ::= OCTET STRING, wrapped in the privateKey OCTET STRING.
            let inner: DERNode
            do throws(DERError) {
                inner = try DER.parse(bytes, in: secret)
                try inner.expect(.octetString, "CurvePrivateKey")
            } catch {
                throw error.inField("privateKey")
            }
            let seed = bytes[inner.contentRange]
            let name: String
            let key: SubjectPublicKeyInfo.Key?
            switch algorithm {
            case .ed25519:
                name = "ed25519"
                let derived = embeddedPublic ?? PublicKeyDerivation.ed25519(seed: seed)
                key = derived.map { .ed25519($0) }
            case .ed448:
                name = "ed448"
                key = (embeddedPublic ?? PublicKeyDerivation.ed448(seed: seed)).map { .ed448($0) }
            case .x25519:
                name = "x25519"
                key = embeddedPublic.map { .x25519($0) }
            default:
                name = "x448"
                key = embeddedPublic.map { .x448($0) }
            }
            let size = name == "ed448" ? 456 : (name == "x448" ? 448 : 256)
            return PrivateKeyInfo(format: .pkcs8, algorithm: name, bits: size, curve: nil, isEncrypted: false, publicKey: key)
        case .dsa:
            var pBits: Int?
            if let parameters, parameters.tag == .sequence {
                var dss = DERReader(bytes, children: parameters)
                pBits = SubjectPublicKeyInfo.bitLength(try dss.read(.integer, "Dss-Parms.p").unsignedIntegerBytes(in: bytes))
            }
            return PrivateKeyInfo(format: .pkcs8, algorithm: "dsa", bits: pBits, curve: nil, isEncrypted: false, publicKey: nil)
        default:
            return PrivateKeyInfo(format: .pkcs8, algorithm: algorithm.nameOrDotted, bits: nil, curve: nil, isEncrypted: false, publicKey: nil)
        }
    }

    /// Reads an EncryptedPrivateKeyInfo: only how it is encrypted can be told.
    ///
    /// ```
    /// EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
    /// ```
    public static func readEncryptedPKCS8(_ bytes: [UInt8]) throws(DERError) -> PrivateKeyInfo {
        let root = try DER.parse(bytes)
        try root.expect(.sequence, "EncryptedPrivateKeyInfo")
        var fields = DERReader(bytes, children: root)
        let algorithmNode = try fields.read(.sequence, "encryptionAlgorithm")
        _ = try fields.read(.octetString, "encryptedData")
        try fields.finish("EncryptedPrivateKeyInfo")
        let pbe: PasswordBasedEncryption
        do throws(DERError) {
            pbe = try PasswordBasedEncryption(bytes, algorithmNode)
        } catch {
            throw error.inField("encryptionAlgorithm")
        }
        return PrivateKeyInfo(
            format: .encryptedPKCS8, algorithm: nil, bits: nil, curve: nil, isEncrypted: true,
            encryption: pbe.description, passwordBasedEncryption: pbe, publicKey: nil)
    }
}
