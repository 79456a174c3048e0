/// Block-cipher decryption in CBC mode (SP 800-38A §6.2), for opening PKCS #12 files, encrypted
/// PKCS #8 keys and Java keystores: AES (FIPS 197), triple DES (SP 800-67) and RC2 (RFC 2268).
///
/// ```swift
/// let plaintext = try BlockCipher.decryptCBC(encrypted, key: key, iv: iv, algorithm: .aes256)
/// ```
///
/// Decryption only: certlint reads keystores, it never writes them. Every length is checked
/// before any byte is decrypted, and every problem is a `CryptoError`, never a trap.
///
/// None of the ciphers here is constant time (they index tables with secret data) and the
/// padding check returns early. certlint decrypts files the user owns with passwords the user
/// supplies, so timing side channels and padding oracles are out of scope; do not use this
/// where an attacker can submit ciphertexts and time the answers.
public enum BlockCipher {
    /// Decrypts `ciphertext` with `algorithm` in CBC mode, then checks and removes its PKCS #7
    /// padding, or with `padding: .keep` returns every decrypted byte.
    ///
    /// - Parameters:
    ///   - ciphertext: whole blocks (`algorithm.blockByteCount` bytes each); at least one block
    ///     when `padding` is `.pkcs7`.
    ///   - key: a length in `algorithm.keyByteCounts`.
    ///   - iv: one block.
    ///   - algorithm: the cipher, and for RC2 its effective key bits (1...1024).
    ///   - padding: `.pkcs7` (the default) to check and strip PKCS #7 padding, `.keep` to leave
    ///     the plaintext as decrypted.
    /// - Returns: the plaintext.
    /// - Throws: `CryptoError` with code `invalidKeyLength`, `invalidIVLength`,
    ///   `invalidEffectiveKeyBits`, `invalidCiphertextLength`, or `badPadding` (usually a wrong
    ///   password).
    ///
    /// Inlinable so that a caller in another module hands its array over without a generic,
    /// unspecialized call; the work itself happens in this module, on raw buffers.
    @inlinable
    public static func decryptCBC(
        _ ciphertext: some Collection<UInt8>, key: some Collection<UInt8>, iv: some Collection<UInt8>,
        algorithm: BlockCipherAlgorithm, padding: CBCPadding = .pkcs7
    ) throws(CryptoError) -> [UInt8] {
        let keyBytes = Array(key)
        let ivBytes = Array(iv)
        // Contiguous input (an array, a slice of one, Data) is read in place.
        let inPlace: Result<[UInt8], CryptoError>? = ciphertext.withContiguousStorageIfAvailable { elements in
            do throws(CryptoError) {
                return .success(
                    try decryptCBC(
                        bytes: UnsafeRawBufferPointer(elements), key: keyBytes, iv: ivBytes, algorithm: algorithm, padding: padding
                    )
                )
            } catch {
                return .failure(error)
            }
        }
        if let inPlace {
            return try inPlace.get()
        }
        let copy = Array(ciphertext)
        let copied: Result<[UInt8], CryptoError> = copy.withUnsafeBytes { bytes in
            do throws(CryptoError) {
                return .success(try decryptCBC(bytes: bytes, key: keyBytes, iv: ivBytes, algorithm: algorithm, padding: padding))
            } catch {
                return .failure(error)
            }
        }
        return try copied.get()
    }

    /// `decryptCBC(_:key:iv:algorithm:padding:)` on raw bytes: checks every length, expands the
    /// key, decrypts and unpads.
    @usableFromInline
    static func decryptCBC(
        bytes: UnsafeRawBufferPointer, key: [UInt8], iv: [UInt8], algorithm: BlockCipherAlgorithm, padding: CBCPadding
    ) throws(CryptoError) -> [UInt8] {
        let blockByteCount = algorithm.blockByteCount
        let keyByteCounts = algorithm.keyByteCounts
        guard keyByteCounts.contains(key.count) else {
            let expected = keyByteCounts.count == 1
                ? "\(keyByteCounts.lowerBound) bytes" : "\(keyByteCounts.lowerBound) to \(keyByteCounts.upperBound) bytes"
            throw CryptoError(.invalidKeyLength, "A key for \(algorithm.name) is \(expected), not \(key.count).")
        }
        guard iv.count == blockByteCount else {
            throw CryptoError(
                .invalidIVLength, "A CBC initialization vector for \(algorithm.name) is \(blockByteCount) bytes (one block), not \(iv.count)."
            )
        }
        guard bytes.count % blockByteCount == 0 else {
            throw CryptoError(
                .invalidCiphertextLength,
                "A CBC ciphertext for \(algorithm.name) is a whole number of \(blockByteCount)-byte blocks, and \(bytes.count) bytes is not; the data is truncated or not \(algorithm.name)."
            )
        }
        if padding == .pkcs7 && bytes.isEmpty {
            throw CryptoError(
                .invalidCiphertextLength, "The ciphertext is empty, so it cannot hold the PKCS #7 padding it should end with."
            )
        }
        switch algorithm {
        case .aes128, .aes192, .aes256:
            if AcceleratedAESDecryptor.available, let decryptor = AcceleratedAESDecryptor(key: key) {
                return try decrypt(bytes, with: decryptor, iv: iv, padding: padding)
            }
            guard let decryptor = AESDecryptor(key: key) else {
                preconditionFailure("the AES key length was checked above")
            }
            return try decrypt(bytes, with: decryptor, iv: iv, padding: padding)
        case .desEDE3:
            guard let decryptor = TripleDESDecryptor(key: key) else {
                preconditionFailure("the triple DES key length was checked above")
            }
            return try decrypt(bytes, with: decryptor, iv: iv, padding: padding)
        case .rc2(let effectiveKeyBits):
            guard let decryptor = RC2Decryptor(key: key, effectiveKeyBits: effectiveKeyBits) else {
                throw CryptoError(
                    .invalidEffectiveKeyBits, "RC2's effective key length is 1 to 1024 bits, not \(effectiveKeyBits)."
                )
            }
            return try decrypt(bytes, with: decryptor, iv: iv, padding: padding)
        }
    }

    /// Runs `decryptor` over `bytes`, whose lengths have been checked, into a new array.
    private static func decrypt(
        _ bytes: UnsafeRawBufferPointer, with decryptor: some CBCBlockDecryptor, iv: [UInt8], padding: CBCPadding
    ) throws(CryptoError) -> [UInt8] {
        var plaintext = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initializedCount in
            iv.withUnsafeBytes { ivBytes in
                decryptor.decryptCBC(bytes, iv: ivBytes, into: UnsafeMutableRawBufferPointer(buffer))
            }
            initializedCount = bytes.count
        }
        if padding == .pkcs7 {
            let paddingLength = try CBCPadding.pkcs7PaddingLength(of: plaintext, blockByteCount: decryptor.blockByteCount)
            plaintext.removeLast(paddingLength)
        }
        return plaintext
    }
}
