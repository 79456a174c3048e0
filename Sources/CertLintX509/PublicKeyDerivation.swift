import CertLintCrypto
import CertLintDER

/// Derives public keys from private ones, for telling whether a key file matches a
/// certificate when the file does not carry its public half (Ed25519 PKCS#8 as OpenSSL writes
/// it; EC keys written without their optional public point). The private bytes are only read
/// here and are not kept.
enum PublicKeyDerivation {
    /// The uncompressed EC point for `secret` on `curve`, or `nil` for curves we cannot compute.
    static func ecPoint(curve: OID, secret: ArraySlice<UInt8>) -> [UInt8]? {
        let named: NamedCurve
        switch curve.dotted {
        case "1.2.840.10045.3.1.7": named = .p256
        case "1.3.132.0.34": named = .p384
        case "1.3.132.0.35": named = .p521
        case "1.3.132.0.10": named = .secp256k1
        default: return nil
        }
        return NamedCurve.publicKey(curve: named, privateKey: secret)
    }

    /// The Ed25519 public key for a 32-byte seed.
    static func ed25519(seed: ArraySlice<UInt8>) -> [UInt8]? {
        Ed25519.publicKey(fromSeed: seed)
    }

    /// The Ed448 public key for a 57-byte seed.
    static func ed448(seed: ArraySlice<UInt8>) -> [UInt8]? {
        Ed448.publicKey(fromSeed: seed)
    }
}
