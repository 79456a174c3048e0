/// SHA-512 (FIPS 180-4 §6.4): a 512-bit digest over 128-byte blocks of 64-bit words.
public struct SHA512: HashFunction {
    /// 64: a SHA-512 digest is 512 bits.
    public static let digestByteCount = 64

    /// 128: SHA-512 consumes 1024-bit blocks.
    public static let blockByteCount = 128

    /// Buffering and padding around the compression function.
    private var engine = DigestEngine(SHA512Core.sha512)

    /// Creates a hasher in the initial state (FIPS 180-4 §5.3.5).
    public init() {}

    /// Feeds the bytes in `bufferPointer` to the hasher.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    /// Returns the 64-byte digest of every byte fed so far, leaving the hasher unchanged.
    public func finalize() -> [UInt8] {
        engine.finalize()
    }
}

extension SHA512: DigestWritingHashFunction {
    /// Writes the 64-byte digest to the start of `buffer` without allocating.
    func finalize(into buffer: UnsafeMutableRawBufferPointer) {
        engine.finalize(into: buffer)
    }
}

/// SHA-384 (FIPS 180-4 §6.5): SHA-512 started from a different initial value, truncated to
/// 384 bits.
public struct SHA384: HashFunction {
    /// 48: a SHA-384 digest is 384 bits.
    public static let digestByteCount = 48

    /// 128: SHA-384 consumes 1024-bit blocks, as SHA-512 does.
    public static let blockByteCount = 128

    /// Buffering and padding around the SHA-512 compression function.
    private var engine = DigestEngine(SHA512Core.sha384)

    /// Creates a hasher in the initial state (FIPS 180-4 §5.3.4).
    public init() {}

    /// Feeds the bytes in `bufferPointer` to the hasher.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    /// Returns the 48-byte digest of every byte fed so far, leaving the hasher unchanged.
    public func finalize() -> [UInt8] {
        engine.finalize()
    }
}

extension SHA384: DigestWritingHashFunction {
    /// Writes the 48-byte digest to the start of `buffer` without allocating.
    func finalize(into buffer: UnsafeMutableRawBufferPointer) {
        engine.finalize(into: buffer)
    }
}

/// The SHA-512 chaining state H0…H7 and its compression function, shared by SHA-384 and
/// SHA-512, which differ only in the initial state and in how many words the digest keeps.
struct SHA512Core: DigestCore {
    static let blockByteCount = 128
    static let lengthFieldByteCount = 16

    /// FIPS 180-4 §5.3.5: the first 64 bits of the fractional parts of the square roots of the
    /// first 8 primes; the digest keeps all eight words.
    static let sha512 = SHA512Core(
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179,
        digestWordCount: 8
    )

    /// FIPS 180-4 §5.3.4: the first 64 bits of the fractional parts of the square roots of the
    /// 9th through 16th primes; the digest keeps the first six words.
    static let sha384 = SHA512Core(
        0xcbbb_9d5d_c105_9ed8, 0x629a_292a_367c_d507, 0x9159_015a_3070_dd17, 0x152f_ecd8_f70e_5939,
        0x6733_2667_ffc0_0b31, 0x8eb4_4a87_6858_1511, 0xdb0c_2e0d_64f9_8fa7, 0x47b5_481d_befa_4fa4,
        digestWordCount: 6
    )

    /// FIPS 180-4 §4.2.3: the first 64 bits of the fractional parts of the cube roots of the
    /// first 80 primes.
    static let roundConstants: [UInt64] = [
        0x428a_2f98_d728_ae22, 0x7137_4491_23ef_65cd, 0xb5c0_fbcf_ec4d_3b2f, 0xe9b5_dba5_8189_dbbc,
        0x3956_c25b_f348_b538, 0x59f1_11f1_b605_d019, 0x923f_82a4_af19_4f9b, 0xab1c_5ed5_da6d_8118,
        0xd807_aa98_a303_0242, 0x1283_5b01_4570_6fbe, 0x2431_85be_4ee4_b28c, 0x550c_7dc3_d5ff_b4e2,
        0x72be_5d74_f27b_896f, 0x80de_b1fe_3b16_96b1, 0x9bdc_06a7_25c7_1235, 0xc19b_f174_cf69_2694,
        0xe49b_69c1_9ef1_4ad2, 0xefbe_4786_384f_25e3, 0x0fc1_9dc6_8b8c_d5b5, 0x240c_a1cc_77ac_9c65,
        0x2de9_2c6f_592b_0275, 0x4a74_84aa_6ea6_e483, 0x5cb0_a9dc_bd41_fbd4, 0x76f9_88da_8311_53b5,
        0x983e_5152_ee66_dfab, 0xa831_c66d_2db4_3210, 0xb003_27c8_98fb_213f, 0xbf59_7fc7_beef_0ee4,
        0xc6e0_0bf3_3da8_8fc2, 0xd5a7_9147_930a_a725, 0x06ca_6351_e003_826f, 0x1429_2967_0a0e_6e70,
        0x27b7_0a85_46d2_2ffc, 0x2e1b_2138_5c26_c926, 0x4d2c_6dfc_5ac4_2aed, 0x5338_0d13_9d95_b3df,
        0x650a_7354_8baf_63de, 0x766a_0abb_3c77_b2a8, 0x81c2_c92e_47ed_aee6, 0x9272_2c85_1482_353b,
        0xa2bf_e8a1_4cf1_0364, 0xa81a_664b_bc42_3001, 0xc24b_8b70_d0f8_9791, 0xc76c_51a3_0654_be30,
        0xd192_e819_d6ef_5218, 0xd699_0624_5565_a910, 0xf40e_3585_5771_202a, 0x106a_a070_32bb_d1b8,
        0x19a4_c116_b8d2_d0c8, 0x1e37_6c08_5141_ab53, 0x2748_774c_df8e_eb99, 0x34b0_bcb5_e19b_48a8,
        0x391c_0cb3_c5c9_5a63, 0x4ed8_aa4a_e341_8acb, 0x5b9c_ca4f_7763_e373, 0x682e_6ff3_d6b2_b8a3,
        0x748f_82ee_5def_b2fc, 0x78a5_636f_4317_2f60, 0x84c8_7814_a1f0_ab72, 0x8cc7_0208_1a64_39ec,
        0x90be_fffa_2363_1e28, 0xa450_6ceb_de82_bde9, 0xbef9_a3f7_b2c6_7915, 0xc671_78f2_e372_532b,
        0xca27_3ece_ea26_619c, 0xd186_b8c7_21c0_c207, 0xeada_7dd6_cde0_eb1e, 0xf57d_4f7f_ee6e_d178,
        0x06f0_67aa_7217_6fba, 0x0a63_7dc5_a2c8_98a6, 0x113f_9804_bef9_0dae, 0x1b71_0b35_131c_471b,
        0x28db_77f5_2304_7d84, 0x32ca_ab7b_40c7_2493, 0x3c9e_be0a_15c9_bebc, 0x431d_67c4_9c10_0d4c,
        0x4cc5_d4be_cb3e_42b6, 0x597f_299c_fc65_7e2a, 0x5fcb_6fab_3ad6_faec, 0x6c44_198c_4a47_5817,
    ]

    private var h0: UInt64
    private var h1: UInt64
    private var h2: UInt64
    private var h3: UInt64
    private var h4: UInt64
    private var h5: UInt64
    private var h6: UInt64
    private var h7: UInt64
    /// How many of H0…H7 the digest keeps: 8 for SHA-512, 6 for SHA-384.
    private let digestWordCount: Int

    private init(
        _ h0: UInt64, _ h1: UInt64, _ h2: UInt64, _ h3: UInt64,
        _ h4: UInt64, _ h5: UInt64, _ h6: UInt64, _ h7: UInt64,
        digestWordCount: Int
    ) {
        self.h0 = h0
        self.h1 = h1
        self.h2 = h2
        self.h3 = h3
        self.h4 = h4
        self.h5 = h5
        self.h6 = h6
        self.h7 = h7
        self.digestWordCount = digestWordCount
    }

    /// FIPS 180-4 §6.4.2, once per 128-byte block of `blocks`.
    mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        precondition(blocks.count % Self.blockByteCount == 0, "SHA-512 compresses whole blocks only")
        var h0 = self.h0, h1 = self.h1, h2 = self.h2, h3 = self.h3
        var h4 = self.h4, h5 = self.h5, h6 = self.h6, h7 = self.h7
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 80) { schedule in
            schedule.initialize(repeating: 0)
            Self.roundConstants.withUnsafeBufferPointer { k in
                var blockStart = 0
                while blockStart < blocks.count {
                    // Message schedule W0…W79.
                    for t in 0..<16 {
                        schedule[t] = UInt64(
                            bigEndian: blocks.loadUnaligned(fromByteOffset: blockStart &+ 8 &* t, as: UInt64.self)
                        )
                    }
                    for t in 16..<80 {
                        let w15 = schedule[t &- 15]
                        let w2 = schedule[t &- 2]
                        let sigma0 = rotateRight(w15, by: 1) ^ rotateRight(w15, by: 8) ^ (w15 &>> 7)
                        let sigma1 = rotateRight(w2, by: 19) ^ rotateRight(w2, by: 61) ^ (w2 &>> 6)
                        schedule[t] = schedule[t &- 16] &+ sigma0 &+ schedule[t &- 7] &+ sigma1
                    }

                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    for t in 0..<80 {
                        let bigSigma1 = rotateRight(e, by: 14) ^ rotateRight(e, by: 18) ^ rotateRight(e, by: 41)
                        let choose = (e & f) ^ (~e & g)
                        let t1 = h &+ bigSigma1 &+ choose &+ k[t] &+ schedule[t]
                        let bigSigma0 = rotateRight(a, by: 28) ^ rotateRight(a, by: 34) ^ rotateRight(a, by: 39)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = bigSigma0 &+ majority
                        h = g
                        g = f
                        f = e
                        e = d &+ t1
                        d = c
                        c = b
                        b = a
                        a = t1 &+ t2
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                    blockStart &+= Self.blockByteCount
                }
            }
        }
        self.h0 = h0
        self.h1 = h1
        self.h2 = h2
        self.h3 = h3
        self.h4 = h4
        self.h5 = h5
        self.h6 = h6
        self.h7 = h7
    }

    /// The first `digestWordCount` of H0…H7, big-endian.
    func digest() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 * 8)
        appendBigEndian(h0, to: &bytes)
        appendBigEndian(h1, to: &bytes)
        appendBigEndian(h2, to: &bytes)
        appendBigEndian(h3, to: &bytes)
        appendBigEndian(h4, to: &bytes)
        appendBigEndian(h5, to: &bytes)
        if digestWordCount == 8 {
            appendBigEndian(h6, to: &bytes)
            appendBigEndian(h7, to: &bytes)
        }
        return bytes
    }

    /// The first `digestWordCount` of H0…H7, big-endian, into the start of `buffer`.
    func storeDigest(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= 8 * digestWordCount, "digest buffer too small")
        buffer.storeBytes(of: h0.bigEndian, toByteOffset: 0, as: UInt64.self)
        buffer.storeBytes(of: h1.bigEndian, toByteOffset: 8, as: UInt64.self)
        buffer.storeBytes(of: h2.bigEndian, toByteOffset: 16, as: UInt64.self)
        buffer.storeBytes(of: h3.bigEndian, toByteOffset: 24, as: UInt64.self)
        buffer.storeBytes(of: h4.bigEndian, toByteOffset: 32, as: UInt64.self)
        buffer.storeBytes(of: h5.bigEndian, toByteOffset: 40, as: UInt64.self)
        if digestWordCount == 8 {
            buffer.storeBytes(of: h6.bigEndian, toByteOffset: 48, as: UInt64.self)
            buffer.storeBytes(of: h7.bigEndian, toByteOffset: 56, as: UInt64.self)
        }
    }
}
