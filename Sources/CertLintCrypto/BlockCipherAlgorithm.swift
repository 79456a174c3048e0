/// A block cipher certlint can decrypt with: the ones PKCS #12 files, PKCS #8 encrypted keys and
/// Java keystores are encrypted with.
///
/// | case | standard | key bytes | block bytes | seen in |
/// |------|----------|-----------|-------------|---------|
/// | `aes128`, `aes192`, `aes256` | FIPS 197 | 16, 24, 32 | 16 | PBES2 (OpenSSL 3 and Java 9+ PKCS #12 defaults) |
/// | `desEDE3` | SP 800-67 (FIPS 46-3) | 24 | 8 | PKCS #12 `pbeWithSHAAnd3-KeyTripleDES-CBC`, JCEKS |
/// | `rc2(effectiveKeyBits:)` | RFC 2268 | 1...128 | 8 | PKCS #12 `pbeWithSHAAnd40BitRC2-CBC`, `…128BitRC2-CBC` |
///
/// Two-key triple DES (`pbeWithSHAAnd2-KeyTripleDES-CBC`) is `desEDE3` with the 24-byte key
/// K1 ‖ K2 ‖ K1.
public enum BlockCipherAlgorithm: Sendable, Hashable {
    /// AES with a 128-bit key (10 rounds).
    case aes128
    /// AES with a 192-bit key (12 rounds).
    case aes192
    /// AES with a 256-bit key (14 rounds).
    case aes256
    /// Triple DES in encrypt-decrypt-encrypt form with three independent keys K1 ‖ K2 ‖ K3.
    case desEDE3
    /// RC2 with a key of 1 to 128 bytes whose strength is cut to `effectiveKeyBits` (1...1024).
    ///
    /// PKCS #12's legacy schemes use 40 effective bits with a 5-byte key and 128 with a 16-byte
    /// key; OpenSSL's `rc2-40-cbc` and `rc2-cbc` are those two.
    case rc2(effectiveKeyBits: Int)

    /// The block length in bytes: 16 for AES, 8 for triple DES and RC2.
    ///
    /// A CBC initialization vector is one block long, and a CBC ciphertext is a whole number of blocks.
    public var blockByteCount: Int {
        switch self {
        case .aes128, .aes192, .aes256:
            return 16
        case .desEDE3, .rc2:
            return 8
        }
    }

    /// The key lengths in bytes the algorithm accepts: one length for AES and triple DES,
    /// 1...128 for RC2.
    public var keyByteCounts: ClosedRange<Int> {
        switch self {
        case .aes128:
            return 16...16
        case .aes192:
            return 24...24
        case .aes256:
            return 32...32
        case .desEDE3:
            return 24...24
        case .rc2:
            return 1...128
        }
    }

    /// A short name for messages: `AES-128`, `DES-EDE3`, `RC2 (40 effective bits)`.
    public var name: String {
        switch self {
        case .aes128:
            return "AES-128"
        case .aes192:
            return "AES-192"
        case .aes256:
            return "AES-256"
        case .desEDE3:
            return "DES-EDE3"
        case .rc2(let effectiveKeyBits):
            return "RC2 (\(effectiveKeyBits) effective bits)"
        }
    }
}
