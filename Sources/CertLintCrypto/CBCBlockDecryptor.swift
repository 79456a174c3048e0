/// A keyed block cipher that can decrypt a run of whole blocks in CBC mode (SP 800-38A §6.2):
/// P₁ = D(C₁) ⊕ IV, Pᵢ = D(Cᵢ) ⊕ Cᵢ₋₁.
///
/// Conforming types hold their expanded key schedule, so one value decrypts any number of
/// messages. Callers check every length first (`BlockCipher.decryptCBC` does); the methods
/// themselves only assert them.
protocol CBCBlockDecryptor: Sendable {
    /// The block length in bytes.
    var blockByteCount: Int { get }

    /// Decrypts `input`, a whole number of blocks, in CBC mode starting from the one-block `iv`,
    /// and writes `input.count` plaintext bytes to `output`, which must not overlap `input`.
    func decryptCBC(_ input: UnsafeRawBufferPointer, iv: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
}

/// A block cipher with 64-bit blocks (triple DES, RC2), which only has to decrypt one block held
/// as a `UInt64` to get CBC mode.
protocol SixtyFourBitBlockDecryptor: CBCBlockDecryptor {
    /// Decrypts one block; the block's 8 bytes are `block` read big-endian (byte 0 is the top byte).
    func decryptBlock(_ block: UInt64) -> UInt64
}

extension SixtyFourBitBlockDecryptor {
    /// 8: DES and RC2 both have 64-bit blocks.
    var blockByteCount: Int {
        8
    }

    func decryptCBC(_ input: UnsafeRawBufferPointer, iv: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        precondition(iv.count == 8 && input.count % 8 == 0 && output.count >= input.count, "CBC lengths are checked by the caller")
        var previous = UInt64(bigEndian: iv.loadUnaligned(as: UInt64.self))
        var offset = 0
        while offset < input.count {
            let ciphertextBlock = UInt64(bigEndian: input.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let plaintextBlock = decryptBlock(ciphertextBlock) ^ previous
            output.storeBytes(of: plaintextBlock.bigEndian, toByteOffset: offset, as: UInt64.self)
            previous = ciphertextBlock
            offset &+= 8
        }
    }
}
