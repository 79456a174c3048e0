import CertLintDER

/// How a JKS or JCEKS private key entry is protected, read from the algorithm of its
/// EncryptedPrivateKeyInfo; the encrypted bytes are never looked at, let alone kept.
///
/// ```
/// EncryptedPrivateKeyInfo ::= SEQUENCE {
///     encryptionAlgorithm  AlgorithmIdentifier,   -- { algorithm OID, parameters ANY OPTIONAL }
///     encryptedData        OCTET STRING }
///
/// -- JKS, Sun's KeyProtector: 1.3.6.1.4.1.42.2.17.1.1, parameters NULL
/// -- JCEKS, PBEWithMD5AndTripleDES: 1.3.6.1.4.1.42.2.19.1, parameters
/// PBEParameter ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER }
/// ```
enum JavaKeyProtection {
    /// Sun's proprietary JKS key protector (a SHA-1 keystream).
    static let sunKeyProtector: OID = "1.3.6.1.4.1.42.2.17.1.1"
    /// SunJCE's PBEWithMD5AndTripleDES, which JCEKS uses.
    static let pbeWithMD5AndTripleDES: OID = "1.3.6.1.4.1.42.2.19.1"

    /// The encryption of the key whose EncryptedPrivateKeyInfo occupies `range` of `bytes`:
    /// `jks-sun` (no iteration count), `jceks-pbe-md5-3des` (with the PBE iteration count, 0 when
    /// the parameters are absent), or the algorithm's dotted OID for anything else Java was given.
    /// Throws ``KeystoreError/Code/malformed`` when the bytes are not an EncryptedPrivateKeyInfo,
    /// which Java checks when it stores a key; the message never quotes the bytes.
    static func encryption(of bytes: [UInt8], in range: Range<Int>, alias: String) throws(KeystoreError) -> KeystoreEncryption {
        do throws(DERError) {
            let root = try DER.parse(bytes, in: range)
            var info = DERReader(bytes, children: root)
            try root.expect(.sequence, "EncryptedPrivateKeyInfo")
            let algorithm = try info.read(.sequence, "encryptionAlgorithm")
            _ = try info.read(.octetString, "encryptedData")
            try info.finish("EncryptedPrivateKeyInfo")
            var identifier = DERReader(bytes, children: algorithm)
            let oid = try identifier.read(.objectIdentifier, "algorithm").oid(in: bytes)
            let parameters = try identifier.next()
            try identifier.finish("encryptionAlgorithm")
            switch oid {
            case sunKeyProtector:
                return KeystoreEncryption(scheme: "jks-sun", iterations: 0, protects: "private-keys")
            case pbeWithMD5AndTripleDES:
                var iterations = 0
                if let parameters, parameters.tag == .sequence {
                    var pbe = DERReader(bytes, children: parameters)
                    _ = try pbe.read(.octetString, "salt")
                    iterations = try pbe.read(.integer, "iterationCount").integer(in: bytes)
                    try pbe.finish("PBEParameter")
                }
                return KeystoreEncryption(scheme: "jceks-pbe-md5-3des", iterations: max(iterations, 0), protects: "private-keys")
            default:
                return KeystoreEncryption(scheme: oid.dotted, iterations: 0, protects: "private-keys")
            }
        } catch {
            throw KeystoreError(
                .malformed,
                "The protected private key of the entry \"\(alias)\" is not a DER EncryptedPrivateKeyInfo (a problem at byte \(error.offset) in \(error.path.isEmpty ? "it" : error.path)).",
                offset: error.offset)
        }
    }
}
