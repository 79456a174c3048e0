import CertLintCryptoAccel

/// AES-CBC decryption with the CPU's AES instructions (CertLintCryptoAccel), used by
/// ``BlockCipher`` where ``available``; ``AESDecryptor`` is the portable implementation it
/// replaces and the tests compare them on the same vectors.
struct AcceleratedAESDecryptor: CBCBlockDecryptor {
    /// Whether this CPU has the AES instructions.
    static let available = certlint_aes_accelerated() != 0

    let key: [UInt8]

    var blockByteCount: Int { 16 }

    /// A decryptor for a 16-, 24- or 32-byte key, or `nil` for another length.
    init?(key: [UInt8]) {
        guard key.count == 16 || key.count == 24 || key.count == 32 else { return nil }
        self.key = key
    }

    func decryptCBC(_ input: UnsafeRawBufferPointer, iv: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        precondition(iv.count == 16 && input.count % 16 == 0 && output.count >= input.count, "CBC lengths are checked by the caller")
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress, let ivBase = iv.baseAddress else { return }
        let status = key.withUnsafeBufferPointer { keyBytes in
            certlint_aes_cbc_decrypt(
                keyBytes.baseAddress, keyBytes.count, ivBase.assumingMemoryBound(to: UInt8.self), inputBase.assumingMemoryBound(to: UInt8.self),
                outputBase.assumingMemoryBound(to: UInt8.self), input.count / 16)
        }
        precondition(status == 0, "the AES key length was checked when the decryptor was made")
    }
}
