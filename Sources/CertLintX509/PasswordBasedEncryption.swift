import CertLintDER

/// How a private key or keystore is protected by a password: the scheme, the key derivation
/// and its cost, and the cipher. Read from the algorithm identifier alone; nothing is decrypted.
///
/// ```
/// PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
/// PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER,
///                              keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
/// scrypt-params ::= SEQUENCE { salt OCTET STRING, costParameter INTEGER, blockSize INTEGER,
///                              parallelizationParameter INTEGER, keyLength INTEGER OPTIONAL }
/// pkcs-12PbeParams ::= SEQUENCE { salt OCTET STRING, iterations INTEGER }
/// ```
public struct PasswordBasedEncryption: Sendable, Hashable, CustomStringConvertible {
    /// The scheme's OID (PBES2, or a PKCS#12 / PKCS#5 v1 scheme).
    public let scheme: OID
    /// The key derivation function (PBKDF2, scrypt) for PBES2; `nil` for the older schemes,
    /// which derive keys their own way.
    public let keyDerivation: OID?
    /// The PBKDF2 pseudo-random function (hmacWithSHA1 when not given).
    public let pseudoRandomFunction: OID?
    /// The iteration count (or the scrypt cost parameter N).
    public let iterations: Int?
    /// The cipher for PBES2 (aes256-CBC, des-ede3-cbc…); for the older schemes the scheme
    /// names the cipher.
    public let cipher: OID?

    /// Reads an encryption AlgorithmIdentifier from a validated node.
    public init(_ bytes: [UInt8], _ node: DERNode) throws(DERError) {
        try node.expect(.sequence, "encryptionAlgorithm")
        var fields = DERReader(bytes, children: node)
        scheme = try fields.read(.objectIdentifier, "algorithm").oid(in: bytes)
        let parameters = try fields.next()
        try fields.finish("encryptionAlgorithm")
        var kdf: OID?
        var prf: OID?
        var iterations: Int?
        var cipher: OID?
        if scheme == .pbes2, let parameters {
            try parameters.expect(.sequence, "PBES2-params")
            var pbes2 = DERReader(bytes, children: parameters)
            let kdfNode = try pbes2.read(.sequence, "keyDerivationFunc")
            let cipherNode = try pbes2.read(.sequence, "encryptionScheme")
            try pbes2.finish("PBES2-params")
            var kdfFields = DERReader(bytes, children: kdfNode)
            kdf = try kdfFields.read(.objectIdentifier, "keyDerivationFunc.algorithm").oid(in: bytes)
            if let kdfParameters = try kdfFields.next(), kdfParameters.tag == .sequence {
                var p = DERReader(bytes, children: kdfParameters)
                _ = try p.readAny("salt")
                iterations = try p.read(.integer, "iterationCount").integer(in: bytes)
                if kdf == .pbkdf2 {
                    _ = try p.readIfPresent(.integer)
                    prf = try p.readIfPresent(.sequence).map { node throws(DERError) in
                        var prfFields = DERReader(bytes, children: node)
                        return try prfFields.read(.objectIdentifier, "prf").oid(in: bytes)
                    } ?? OID("1.2.840.113549.2.7")
                }
            }
            var cipherFields = DERReader(bytes, children: cipherNode)
            cipher = try cipherFields.read(.objectIdentifier, "encryptionScheme.algorithm").oid(in: bytes)
        } else if let parameters, parameters.tag == .sequence {
            var p = DERReader(bytes, children: parameters)
            _ = try p.readAny("salt")
            if let count = try p.readIfPresent(.integer) {
                iterations = try count.integer(in: bytes)
            }
        }
        keyDerivation = kdf
        pseudoRandomFunction = prf
        self.iterations = iterations
        self.cipher = cipher
    }

    /// A short description: `PBES2 (PBKDF2 with hmacWithSHA256, 2048 iterations, aes256-CBC)`.
    public var description: String {
        if scheme == .pbes2 {
            var parts: [String] = []
            if let keyDerivation {
                var kdf = keyDerivation.nameOrDotted
                if let pseudoRandomFunction { kdf += " with \(pseudoRandomFunction.nameOrDotted)" }
                parts.append(kdf)
            }
            if let iterations { parts.append("\(iterations) iterations") }
            if let cipher { parts.append(cipher.nameOrDotted) }
            return "PBES2 (\(parts.joined(separator: ", ")))"
        }
        if let iterations { return "\(scheme.nameOrDotted) (\(iterations) iterations)" }
        return scheme.nameOrDotted
    }
}
