/// The error of CertLintCrypto: a key, IV or ciphertext of the wrong shape, padding that does
/// not check out, or key-derivation parameters out of range. One type with a stable code, as
/// every module has.
///
/// None of these traps: every malformed input the keystore readers can hand over becomes one of
/// these codes. `badPadding` is what a wrong password usually looks like, since decrypting with
/// the wrong key gives random bytes whose last block rarely ends in valid PKCS #7 padding
/// (roughly 1 time in 256 it does, so a caller must still check what it decrypted). The key
/// derivation functions check their parameters before doing any work, so a hostile keystore
/// (an iteration count of 0, a negative or enormous key length) cannot crash certlint; a wrong
/// password is not an error there, since they derive some key from any password.
public struct CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for each kind of problem; tests and reporters match on it.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The key has a length the algorithm does not take.
        case invalidKeyLength
        /// The initialization vector is not exactly one block long.
        case invalidIVLength
        /// RC2's effective key bits are outside 1...1024.
        case invalidEffectiveKeyBits
        /// The ciphertext is not a whole number of blocks, or is empty where padding is expected.
        case invalidCiphertextLength
        /// The last block does not end in valid PKCS #7 padding (usually a wrong key or password).
        case badPadding
        /// A key derivation's iteration count is less than 1.
        case iterationCountOutOfRange
        /// A requested key length is negative or above `CryptoError.maximumKeyByteCount`.
        case keyByteCountOutOfRange
    }

    /// The largest key length, in bytes, that the key derivation functions accept: 1 MiB.
    ///
    /// Keystores ask for 5 to 64 bytes; the bound only stops a forged length from allocating
    /// without limit.
    public static let maximumKeyByteCount = 1 << 20

    /// What went wrong, as a stable code.
    public var code: Code
    /// A whole sentence describing the problem and naming the offending value.
    public var reason: String

    /// Creates an error with a stable `code` and a `reason` sentence.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The reason sentence.
    public var description: String {
        reason
    }

    /// Throws unless `iterations ≥ 1` and `0 ≤ keyByteCount ≤ maximumKeyByteCount`.
    static func validate(iterations: Int, keyByteCount: Int) throws(CryptoError) {
        guard iterations >= 1 else {
            throw CryptoError(
                .iterationCountOutOfRange, "The iteration count \(iterations) is less than 1."
            )
        }
        guard keyByteCount >= 0, keyByteCount <= maximumKeyByteCount else {
            throw CryptoError(
                .keyByteCountOutOfRange,
                "The key length \(keyByteCount) bytes is outside 0...\(maximumKeyByteCount)."
            )
        }
    }
}
