/// The AES S-boxes and the decryption T-tables, computed once from their definitions in
/// FIPS 197 rather than typed in, so no table entry can be mistyped.
enum AESTables {
    /// The S-box (FIPS 197 §5.1.1): the multiplicative inverse in GF(2⁸) followed by the affine
    /// transformation. Used by the key expansion.
    static let sBox: [UInt8] = substitutionBoxes.forward

    /// The inverse S-box (FIPS 197 §5.3.2), used by the last decryption round.
    static let inverseSBox: [UInt8] = substitutionBoxes.inverse

    /// The four decryption T-tables Td0, Td1, Td2, Td3 one after the other (1,024 words).
    ///
    /// Td0[x] is the column that InvMixColumns makes of InvSubBytes(x) in row 0 and zeros
    /// elsewhere: the bytes 0e·s, 09·s, 0d·s, 0b·s with s = InvSBox[x], row 0 in the top byte.
    /// Td1, Td2 and Td3 are Td0 rotated right by 8, 16 and 24 bits: the same byte arriving in
    /// rows 1, 2 and 3. One decryption round of a column is then four look-ups and four XORs
    /// (the "equivalent inverse cipher" of FIPS 197 §5.3.5).
    static let decryptionTables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 1024)
        for x in 0..<256 {
            let s = inverseSBox[x]
            let column = UInt32(multiply(s, 0x0e)) << 24 | UInt32(multiply(s, 0x09)) << 16
                | UInt32(multiply(s, 0x0d)) << 8 | UInt32(multiply(s, 0x0b))
            tables[x] = column
            tables[256 + x] = column >> 8 | column << 24
            tables[512 + x] = column >> 16 | column << 16
            tables[768 + x] = column >> 24 | column << 8
        }
        return tables
    }()

    /// Both S-boxes, built together because the inverse is read off the forward one.
    private static let substitutionBoxes: (forward: [UInt8], inverse: [UInt8]) = {
        // Powers of the generator 3 and their logarithms give every inverse in GF(2⁸).
        var powers = [UInt8](repeating: 0, count: 255)
        var logarithms = [Int](repeating: 0, count: 256)
        var power: UInt8 = 1
        for exponent in 0..<255 {
            powers[exponent] = power
            logarithms[Int(power)] = exponent
            power ^= timesX(power)
        }
        var forward = [UInt8](repeating: 0, count: 256)
        var inverse = [UInt8](repeating: 0, count: 256)
        for x in 0..<256 {
            // 0 has no inverse; FIPS 197 maps it to 0.
            let b = x == 0 ? 0 : powers[(255 - logarithms[x]) % 255]
            let substituted = b ^ rotateByteLeft(b, by: 1) ^ rotateByteLeft(b, by: 2) ^ rotateByteLeft(b, by: 3)
                ^ rotateByteLeft(b, by: 4) ^ 0x63
            forward[x] = substituted
            inverse[Int(substituted)] = UInt8(x)
        }
        return (forward, inverse)
    }()

    /// The product of `a` and `b` in GF(2⁸) modulo x⁸ + x⁴ + x³ + x + 1 (FIPS 197 §4.2).
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var product: UInt8 = 0
        var a = a
        var b = b
        while b != 0 {
            if b & 1 != 0 {
                product ^= a
            }
            a = timesX(a)
            b >>= 1
        }
        return product
    }

    /// `a` times x in GF(2⁸): FIPS 197's xtime() (§4.2.1).
    static func timesX(_ a: UInt8) -> UInt8 {
        (a << 1) ^ (a & 0x80 != 0 ? 0x1b : 0)
    }

    private static func rotateByteLeft(_ byte: UInt8, by count: UInt8) -> UInt8 {
        (byte << count) | (byte >> (8 - count))
    }
}
