/// What `BlockCipher.decryptCBC` does with the end of the plaintext.
public enum CBCPadding: Sendable, Hashable {
    /// Check and remove PKCS #7 padding (RFC 5652 §6.3, which PKCS #5 and PKCS #12 also use):
    /// the last byte n must be 1…blockByteCount and the last n bytes must all equal n.
    ///
    /// This is what every PKCS #12, PKCS #8 and JCEKS ciphertext carries. A check that fails is
    /// reported as `CryptoError.Code.badPadding`, the usual sign of a wrong password.
    case pkcs7

    /// Return every decrypted byte, padding included and unchecked, for ciphertexts that carry
    /// no padding (or padding the caller checks itself).
    case keep

    /// The length of the PKCS #7 padding at the end of `plaintext`, after checking it.
    ///
    /// Throws `invalidCiphertextLength` when `plaintext` is empty or not a whole number of
    /// blocks, and `badPadding` when the last byte is 0 or larger than a block, or any of the
    /// bytes it covers differs from it. The check is not constant time: certlint decrypts files
    /// the user owns, so there is no padding oracle to protect.
    ///
    /// - Precondition: `blockByteCount` is 1…255.
    public static func pkcs7PaddingLength(of plaintext: some Collection<UInt8>, blockByteCount: Int) throws(CryptoError) -> Int {
        precondition((1...255).contains(blockByteCount), "PKCS #7 pads to blocks of 1 to 255 bytes")
        let count = plaintext.count
        guard count > 0, count % blockByteCount == 0 else {
            throw CryptoError(
                .invalidCiphertextLength,
                "A PKCS #7 padded plaintext must be a positive multiple of \(blockByteCount) bytes, not \(count) bytes."
            )
        }
        let padding = Array(plaintext.suffix(blockByteCount))
        let paddingLength = Int(padding[padding.count - 1])
        guard (1...blockByteCount).contains(paddingLength) else {
            throw CryptoError(
                .badPadding,
                "The decrypted data ends in \(paddingLength), which is not a PKCS #7 padding length (1 to \(blockByteCount)); the key or password is probably wrong."
            )
        }
        guard padding.suffix(paddingLength).allSatisfy({ Int($0) == paddingLength }) else {
            throw CryptoError(
                .badPadding,
                "The last \(paddingLength) decrypted bytes are not all \(paddingLength), so the PKCS #7 padding is invalid; the key or password is probably wrong."
            )
        }
        return paddingLength
    }
}
