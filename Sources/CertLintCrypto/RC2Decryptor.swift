/// RC2 decryption (RFC 2268) with any key of 1 to 128 bytes and any effective key length from
/// 1 to 1024 bits.
///
/// The effective key length T1 is a separate parameter from the key's length: the key expansion
/// (RFC 2268 §2) cuts the expanded key down to T1 bits of entropy, which is how the export-grade
/// "40-bit RC2" of PKCS #12 takes a 5-byte key at 40 bits. The block is four little-endian
/// 16-bit words.
///
/// Not constant time (the mashing rounds index the key by data); certlint decrypts only
/// keystores the user owns, so timing side channels are out of scope.
struct RC2Decryptor: SixtyFourBitBlockDecryptor {
    /// The expanded key K[0…63].
    let keyWords: [UInt16]

    /// Expands `key` (1…128 bytes) for `effectiveKeyBits` (1…1024); nil when either is out of range.
    init?(key: [UInt8], effectiveKeyBits: Int) {
        guard (1...128).contains(key.count), (1...1024).contains(effectiveKeyBits) else {
            return nil
        }
        let pi = Self.piTable
        // RFC 2268 §2: L[0…T−1] is the key; each later byte mixes the previous byte with the
        // one T places back.
        var expanded = [UInt8](repeating: 0, count: 128)
        expanded.replaceSubrange(0..<key.count, with: key)
        for i in key.count..<128 {
            expanded[i] = pi[Int(expanded[i - 1] &+ expanded[i - key.count])]
        }
        // Then the effective key length: keep T1 bits in byte 128 − T8, and rebuild everything
        // before it from there, so only those T1 bits matter.
        let effectiveByteCount = (effectiveKeyBits + 7) / 8
        let mask = UInt8(truncatingIfNeeded: 0xff >> (8 * effectiveByteCount - effectiveKeyBits))
        expanded[128 - effectiveByteCount] = pi[Int(expanded[128 - effectiveByteCount] & mask)]
        var i = 127 - effectiveByteCount
        while i >= 0 {
            expanded[i] = pi[Int(expanded[i + 1] ^ expanded[i + effectiveByteCount])]
            i -= 1
        }
        self.keyWords = (0..<64).map { UInt16(expanded[2 * $0]) | UInt16(expanded[2 * $0 + 1]) << 8 }
    }

    /// RFC 2268 §3's decryption: five reversed mixing rounds, a reversed mashing round, six
    /// mixing rounds, a mashing round and five mixing rounds, using K[63] down to K[0].
    func decryptBlock(_ block: UInt64) -> UInt64 {
        // Byte 0 of the block is the low byte of R[0].
        let littleEndian = block.byteSwapped
        var r0 = UInt16(truncatingIfNeeded: littleEndian)
        var r1 = UInt16(truncatingIfNeeded: littleEndian >> 16)
        var r2 = UInt16(truncatingIfNeeded: littleEndian >> 32)
        var r3 = UInt16(truncatingIfNeeded: littleEndian >> 48)
        var j = 63
        for round in 0..<16 {
            if round == 5 || round == 11 {
                // Reversed r-mash: R[i] −= K[R[i−1] & 63], for i = 3, 2, 1, 0.
                r3 &-= keyWords[Int(r2 & 63)]
                r2 &-= keyWords[Int(r1 & 63)]
                r1 &-= keyWords[Int(r0 & 63)]
                r0 &-= keyWords[Int(r3 & 63)]
            }
            // Reversed r-mix: R[i] = (R[i] rotated right by s[i]) − K[j] − (R[i−1] & R[i−2])
            // − (~R[i−1] & R[i−3]), for i = 3, 2, 1, 0, with s = 1, 2, 3, 5.
            r3 = (r3 >> 5 | r3 << 11) &- keyWords[j] &- (r2 & r1) &- (~r2 & r0)
            r2 = (r2 >> 3 | r2 << 13) &- keyWords[j - 1] &- (r1 & r0) &- (~r1 & r3)
            r1 = (r1 >> 2 | r1 << 14) &- keyWords[j - 2] &- (r0 & r3) &- (~r0 & r2)
            r0 = (r0 >> 1 | r0 << 15) &- keyWords[j - 3] &- (r3 & r2) &- (~r3 & r1)
            j -= 4
        }
        let words = UInt64(r0) | UInt64(r1) << 16 | UInt64(r2) << 32 | UInt64(r3) << 48
        return words.byteSwapped
    }

    /// PITABLE (RFC 2268 §2), a permutation of 0…255 based on the digits of π.
    static let piTable: [UInt8] = [
        0xd9, 0x78, 0xf9, 0xc4, 0x19, 0xdd, 0xb5, 0xed, 0x28, 0xe9, 0xfd, 0x79, 0x4a, 0xa0, 0xd8, 0x9d,
        0xc6, 0x7e, 0x37, 0x83, 0x2b, 0x76, 0x53, 0x8e, 0x62, 0x4c, 0x64, 0x88, 0x44, 0x8b, 0xfb, 0xa2,
        0x17, 0x9a, 0x59, 0xf5, 0x87, 0xb3, 0x4f, 0x13, 0x61, 0x45, 0x6d, 0x8d, 0x09, 0x81, 0x7d, 0x32,
        0xbd, 0x8f, 0x40, 0xeb, 0x86, 0xb7, 0x7b, 0x0b, 0xf0, 0x95, 0x21, 0x22, 0x5c, 0x6b, 0x4e, 0x82,
        0x54, 0xd6, 0x65, 0x93, 0xce, 0x60, 0xb2, 0x1c, 0x73, 0x56, 0xc0, 0x14, 0xa7, 0x8c, 0xf1, 0xdc,
        0x12, 0x75, 0xca, 0x1f, 0x3b, 0xbe, 0xe4, 0xd1, 0x42, 0x3d, 0xd4, 0x30, 0xa3, 0x3c, 0xb6, 0x26,
        0x6f, 0xbf, 0x0e, 0xda, 0x46, 0x69, 0x07, 0x57, 0x27, 0xf2, 0x1d, 0x9b, 0xbc, 0x94, 0x43, 0x03,
        0xf8, 0x11, 0xc7, 0xf6, 0x90, 0xef, 0x3e, 0xe7, 0x06, 0xc3, 0xd5, 0x2f, 0xc8, 0x66, 0x1e, 0xd7,
        0x08, 0xe8, 0xea, 0xde, 0x80, 0x52, 0xee, 0xf7, 0x84, 0xaa, 0x72, 0xac, 0x35, 0x4d, 0x6a, 0x2a,
        0x96, 0x1a, 0xd2, 0x71, 0x5a, 0x15, 0x49, 0x74, 0x4b, 0x9f, 0xd0, 0x5e, 0x04, 0x18, 0xa4, 0xec,
        0xc2, 0xe0, 0x41, 0x6e, 0x0f, 0x51, 0xcb, 0xcc, 0x24, 0x91, 0xaf, 0x50, 0xa1, 0xf4, 0x70, 0x39,
        0x99, 0x7c, 0x3a, 0x85, 0x23, 0xb8, 0xb4, 0x7a, 0xfc, 0x02, 0x36, 0x5b, 0x25, 0x55, 0x97, 0x31,
        0x2d, 0x5d, 0xfa, 0x98, 0xe3, 0x8a, 0x92, 0xae, 0x05, 0xdf, 0x29, 0x10, 0x67, 0x6c, 0xba, 0xc9,
        0xd3, 0x00, 0xe6, 0xcf, 0xe1, 0x9e, 0xa8, 0x2c, 0x63, 0x16, 0x01, 0x3f, 0x58, 0xe2, 0x89, 0xa9,
        0x0d, 0x38, 0x34, 0x1b, 0xab, 0x33, 0xff, 0xb0, 0xbb, 0x48, 0x0c, 0x5f, 0xb9, 0xb1, 0xcd, 0x2e,
        0xc5, 0xf3, 0xdb, 0x47, 0xe5, 0xa5, 0x9c, 0x77, 0x0a, 0xa6, 0x20, 0x68, 0xfe, 0x7f, 0xc1, 0xad,
    ]
}
