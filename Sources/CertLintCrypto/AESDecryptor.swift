/// AES decryption (FIPS 197) with a 128-, 192- or 256-bit key, and CBC mode over it.
///
/// This is the table-driven "equivalent inverse cipher" of FIPS 197 §5.3.5: the state is four
/// big-endian `UInt32` columns, each round is sixteen look-ups in `AESTables.decryptionTables`
/// plus the round key, and the decryption round keys (the encryption ones in reverse order, with
/// InvMixColumns applied to all but the first and last) are computed once when the value is made.
/// Decrypting allocates nothing per block.
///
/// Not constant time: the table look-ups are indexed by secret state, so cache timing can leak
/// key material to code sharing the CPU. certlint only decrypts keystores the user owns, on the
/// user's machine, so timing side channels are out of scope here; do not reuse this for a
/// service that decrypts attacker-chosen data with a long-lived secret key.
struct AESDecryptor: CBCBlockDecryptor {
    /// 10, 12 or 14 for 128-, 192- and 256-bit keys.
    let roundCount: Int

    /// 4 × (roundCount + 1) words: the decryption round keys, in the order decryption uses them.
    let roundKeys: [UInt32]

    /// 16: AES has 128-bit blocks whatever the key length.
    var blockByteCount: Int {
        16
    }

    /// Expands a 16-, 24- or 32-byte key; nil for any other length.
    init?(key: [UInt8]) {
        guard key.count == 16 || key.count == 24 || key.count == 32 else {
            return nil
        }
        let keyWordCount = key.count / 4
        let roundCount = keyWordCount + 6
        let wordCount = 4 * (roundCount + 1)

        // Key expansion (FIPS 197 §5.2).
        let sBox = AESTables.sBox
        func substituteWord(_ word: UInt32) -> UInt32 {
            UInt32(sBox[Int(word >> 24)]) << 24 | UInt32(sBox[Int((word >> 16) & 0xff)]) << 16
                | UInt32(sBox[Int((word >> 8) & 0xff)]) << 8 | UInt32(sBox[Int(word & 0xff)])
        }
        var words = [UInt32](repeating: 0, count: wordCount)
        for i in 0..<keyWordCount {
            words[i] = UInt32(key[4 * i]) << 24 | UInt32(key[4 * i + 1]) << 16 | UInt32(key[4 * i + 2]) << 8
                | UInt32(key[4 * i + 3])
        }
        var roundConstant: UInt8 = 1
        for i in keyWordCount..<wordCount {
            var temp = words[i - 1]
            if i % keyWordCount == 0 {
                temp = substituteWord(temp << 8 | temp >> 24) ^ UInt32(roundConstant) << 24
                roundConstant = AESTables.timesX(roundConstant)
            } else if keyWordCount > 6 && i % keyWordCount == 4 {
                temp = substituteWord(temp)
            }
            words[i] = words[i - keyWordCount] ^ temp
        }

        // The equivalent inverse cipher's schedule (FIPS 197 §5.3.5): rounds reversed, and
        // InvMixColumns applied to the middle ones. InvMixColumns(w) is the T-table sum of
        // InvSBox(SBox(byte)) = byte.
        let tables = AESTables.decryptionTables
        func inverseMixColumn(_ word: UInt32) -> UInt32 {
            tables[Int(sBox[Int(word >> 24)])] ^ tables[256 + Int(sBox[Int((word >> 16) & 0xff)])]
                ^ tables[512 + Int(sBox[Int((word >> 8) & 0xff)])] ^ tables[768 + Int(sBox[Int(word & 0xff)])]
        }
        var roundKeys = [UInt32](repeating: 0, count: wordCount)
        for round in 0...roundCount {
            for column in 0..<4 {
                let word = words[4 * (roundCount - round) + column]
                roundKeys[4 * round + column] = round == 0 || round == roundCount ? word : inverseMixColumn(word)
            }
        }
        self.roundCount = roundCount
        self.roundKeys = roundKeys
    }

    func decryptCBC(_ input: UnsafeRawBufferPointer, iv: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        precondition(iv.count == 16 && input.count % 16 == 0 && output.count >= input.count, "CBC lengths are checked by the caller")
        let roundCount = self.roundCount
        AESTables.decryptionTables.withUnsafeBufferPointer { tableBuffer in
            AESTables.inverseSBox.withUnsafeBufferPointer { inverseSBoxBuffer in
                roundKeys.withUnsafeBufferPointer { roundKeyBuffer in
                    guard let tables = tableBuffer.baseAddress, let inverseSBox = inverseSBoxBuffer.baseAddress,
                        let roundKeys = roundKeyBuffer.baseAddress
                    else {
                        preconditionFailure("the AES tables and round keys are never empty")
                    }
                    var previous0 = Self.loadWord(iv, 0)
                    var previous1 = Self.loadWord(iv, 4)
                    var previous2 = Self.loadWord(iv, 8)
                    var previous3 = Self.loadWord(iv, 12)
                    var offset = 0
                    let end = input.count
                    while offset < end {
                        let c0 = Self.loadWord(input, offset)
                        let c1 = Self.loadWord(input, offset &+ 4)
                        let c2 = Self.loadWord(input, offset &+ 8)
                        let c3 = Self.loadWord(input, offset &+ 12)
                        let p = Self.decryptBlock(
                            c0, c1, c2, c3, roundKeys: roundKeys, roundCount: roundCount, tables: tables, inverseSBox: inverseSBox
                        )
                        output.storeBytes(of: (p.0 ^ previous0).bigEndian, toByteOffset: offset, as: UInt32.self)
                        output.storeBytes(of: (p.1 ^ previous1).bigEndian, toByteOffset: offset &+ 4, as: UInt32.self)
                        output.storeBytes(of: (p.2 ^ previous2).bigEndian, toByteOffset: offset &+ 8, as: UInt32.self)
                        output.storeBytes(of: (p.3 ^ previous3).bigEndian, toByteOffset: offset &+ 12, as: UInt32.self)
                        previous0 = c0
                        previous1 = c1
                        previous2 = c2
                        previous3 = c3
                        offset &+= 16
                    }
                }
            }
        }
    }

    /// The big-endian word at `offset`.
    @inline(__always)
    private static func loadWord(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    /// One block through the inverse cipher: the columns `s0`…`s3` of the ciphertext in, the
    /// columns of the plaintext out.
    @inline(__always)
    private static func decryptBlock(
        _ s0: UInt32, _ s1: UInt32, _ s2: UInt32, _ s3: UInt32,
        roundKeys: UnsafePointer<UInt32>, roundCount: Int, tables td0: UnsafePointer<UInt32>, inverseSBox: UnsafePointer<UInt8>
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        let td1 = td0 + 256
        let td2 = td0 + 512
        let td3 = td0 + 768
        var s0 = s0 ^ roundKeys[0]
        var s1 = s1 ^ roundKeys[1]
        var s2 = s2 ^ roundKeys[2]
        var s3 = s3 ^ roundKeys[3]
        var key = roundKeys + 4
        // InvShiftRows moves row r of column c to column c + r, so output column c takes row 0
        // from column c, row 1 from column c − 1, row 2 from c − 2 and row 3 from c − 3.
        for _ in 1..<roundCount {
            let t0 = td0[Int(s0 >> 24)] ^ td1[Int((s3 >> 16) & 0xff)] ^ td2[Int((s2 >> 8) & 0xff)] ^ td3[Int(s1 & 0xff)] ^ key[0]
            let t1 = td0[Int(s1 >> 24)] ^ td1[Int((s0 >> 16) & 0xff)] ^ td2[Int((s3 >> 8) & 0xff)] ^ td3[Int(s2 & 0xff)] ^ key[1]
            let t2 = td0[Int(s2 >> 24)] ^ td1[Int((s1 >> 16) & 0xff)] ^ td2[Int((s0 >> 8) & 0xff)] ^ td3[Int(s3 & 0xff)] ^ key[2]
            let t3 = td0[Int(s3 >> 24)] ^ td1[Int((s2 >> 16) & 0xff)] ^ td2[Int((s1 >> 8) & 0xff)] ^ td3[Int(s0 & 0xff)] ^ key[3]
            s0 = t0
            s1 = t1
            s2 = t2
            s3 = t3
            key += 4
        }
        // The last round has no InvMixColumns: InvSubBytes and InvShiftRows only.
        @inline(__always)
        func lastRoundColumn(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 {
            (UInt32(inverseSBox[Int(a >> 24)]) << 24) | (UInt32(inverseSBox[Int((b >> 16) & 0xff)]) << 16)
                | (UInt32(inverseSBox[Int((c >> 8) & 0xff)]) << 8) | UInt32(inverseSBox[Int(d & 0xff)])
        }
        return (
            lastRoundColumn(s0, s3, s2, s1) ^ key[0],
            lastRoundColumn(s1, s0, s3, s2) ^ key[1],
            lastRoundColumn(s2, s1, s0, s3) ^ key[2],
            lastRoundColumn(s3, s2, s1, s0) ^ key[3]
        )
    }
}
