/// Triple DES decryption, TDEA in its encrypt-decrypt-encrypt form with three keys (SP 800-67
/// Rev. 2 §3, the DES of FIPS 46-3 three times): P = D_K1(E_K2(D_K3(C))).
///
/// The three DES operations run back to back on the two 32-bit halves: the final permutation of
/// one and the initial permutation of the next cancel, so each block gets one IP, 48 rounds and
/// one IP⁻¹. Each round's S-boxes and P are one table (`DESTables.substitutionPermutation`).
/// The DES parity bits (the low bit of every key byte) are ignored, as every DES does.
///
/// Not constant time (secret-indexed table look-ups); certlint decrypts only keystores the user
/// owns, so timing side channels are out of scope.
struct TripleDESDecryptor: SixtyFourBitBlockDecryptor {
    /// The 48 round keys in the order decryption applies them (K3 backwards, K2 forwards, K1
    /// backwards), each as eight 6-bit groups, one a byte: 384 bytes.
    let roundKeyGroups: [UInt8]

    /// The merged S-box and P table.
    private let substitutionPermutation = DESTables.substitutionPermutation
    /// IP by byte.
    private let initialPermutation = DESTables.initialPermutationByByte
    /// IP⁻¹ by byte.
    private let finalPermutation = DESTables.finalPermutationByByte

    /// Expands the 24-byte key K1 ‖ K2 ‖ K3; nil for any other length.
    init?(key: [UInt8]) {
        guard key.count == 24 else {
            return nil
        }
        let keys = (0..<3).map { index in
            Self.roundKeys(forDESKey: key[(8 * index)..<(8 * index + 8)])
        }
        var groups: [UInt8] = []
        groups.reserveCapacity(3 * 16 * 8)
        for roundKey in keys[2].reversed() + keys[1] + keys[0].reversed() {
            for group in 0..<8 {
                groups.append(UInt8((roundKey >> (42 - 6 * group)) & 0x3f))
            }
        }
        self.roundKeyGroups = groups
    }

    /// The 16 48-bit round keys K1…K16 of one 8-byte DES key (FIPS 46-3, "Key Schedule Calculation").
    static func roundKeys(forDESKey key: ArraySlice<UInt8>) -> [UInt64] {
        let keyBits = key.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let choice = DESTables.permute(keyBits, width: 64, by: DESTables.permutedChoice1)
        let mask: UInt64 = 0x0fff_ffff
        var c = choice >> 28
        var d = choice & mask
        var keys: [UInt64] = []
        keys.reserveCapacity(16)
        for rotation in DESTables.keyRotations {
            c = (c << rotation | c >> (28 - rotation)) & mask
            d = (d << rotation | d >> (28 - rotation)) & mask
            keys.append(DESTables.permute(c << 28 | d, width: 56, by: DESTables.permutedChoice2))
        }
        return keys
    }

    func decryptBlock(_ block: UInt64) -> UInt64 {
        var permuted: UInt64 = 0
        for byteIndex in 0..<8 {
            permuted |= initialPermutation[256 * byteIndex + Int((block >> (56 - 8 * byteIndex)) & 0xff)]
        }
        var left = UInt32(truncatingIfNeeded: permuted >> 32)
        var right = UInt32(truncatingIfNeeded: permuted)
        var groupIndex = 0
        for _ in 0..<3 {
            for _ in 0..<16 {
                (left, right) = (right, left ^ cipherFunction(right, groupIndex: groupIndex))
                groupIndex &+= 8
            }
            // The preoutput is R16 ‖ L16; the next DES operation starts from it as L0 ‖ R0.
            (left, right) = (right, left)
        }
        let preoutput = UInt64(left) << 32 | UInt64(right)
        var output: UInt64 = 0
        for byteIndex in 0..<8 {
            output |= finalPermutation[256 * byteIndex + Int((preoutput >> (56 - 8 * byteIndex)) & 0xff)]
        }
        return output
    }

    /// f(R, K) with K the round key whose groups start at `groupIndex`.
    ///
    /// E(R)'s group i is bits 4i…4i + 5 of R (bit 0 meaning bit 32), so rotating R left by
    /// 4i − 1 brings the group to the top six bits.
    @inline(__always)
    private func cipherFunction(_ right: UInt32, groupIndex: Int) -> UInt32 {
        var output: UInt32 = 0
        for group in 0..<8 {
            let rotation = UInt32((4 * group + 31) & 31)
            let expanded = (right << rotation | right >> (32 - rotation)) >> 26
            let input = Int(expanded) ^ Int(roundKeyGroups[groupIndex + group])
            output |= substitutionPermutation[64 * group + input]
        }
        return output
    }
}
