import CertLintDER
import CertLintCrypto

/// Derives public keys from private ones, for telling whether a key file matches a
/// certificate when the file does not carry its public half.
enum PublicKeyDerivation {
    /// The uncompressed EC point for `secret` on `curve`, or `nil` for curves we cannot compute.
    static func ecPoint(curve: OID, secret: ArraySlice<UInt8>) -> [UInt8]? {
        nil
    }

    /// The Ed25519 public key for a 32-byte seed.
    static func ed25519(seed: ArraySlice<UInt8>) -> [UInt8]? {
        nil
    }
}
