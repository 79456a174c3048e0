import CertLintCryptoAccel

/// SHA-256 (FIPS 180-4 §6.2): a 256-bit digest over 64-byte blocks.
///
/// certlint identifies certificates by their SHA-256 fingerprint, so this is the hot digest.
public struct SHA256: HashFunction {
    /// 32: a SHA-256 digest is 256 bits.
    public static let digestByteCount = 32

    /// 64: SHA-256 consumes 512-bit blocks.
    public static let blockByteCount = 64

    /// Buffering and padding around the compression function.
    private var engine = DigestEngine(SHA256Core())

    /// Creates a hasher in the initial state (FIPS 180-4 §5.3.3).
    public init() {}

    /// Feeds the bytes in `bufferPointer` to the hasher.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        engine.update(bufferPointer)
    }

    /// Returns the 32-byte digest of every byte fed so far, leaving the hasher unchanged.
    public func finalize() -> [UInt8] {
        engine.finalize()
    }
}

extension SHA256: DigestWritingHashFunction {
    /// Writes the 32-byte digest to the start of `buffer` without allocating.
    func finalize(into buffer: UnsafeMutableRawBufferPointer) {
        engine.finalize(into: buffer)
    }
}

/// The SHA-256 chaining state H0…H7 and its compression function.
struct SHA256Core: DigestCore {
    static let blockByteCount = 64
    static let lengthFieldByteCount = 8

    /// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the
    /// first 64 primes.
    static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    // FIPS 180-4 §5.3.3: the first 32 bits of the fractional parts of the square roots of the
    // first 8 primes.
    private var h0: UInt32 = 0x6a09_e667
    private var h1: UInt32 = 0xbb67_ae85
    private var h2: UInt32 = 0x3c6e_f372
    private var h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f
    private var h5: UInt32 = 0x9b05_688c
    private var h6: UInt32 = 0x1f83_d9ab
    private var h7: UInt32 = 0x5be0_cd19

    /// H0…H7, for tests that compare the two compression functions.
    var stateWords: [UInt32] { [h0, h1, h2, h3, h4, h5, h6, h7] }

    /// Whether this CPU has the SHA-256 instructions CertLintCryptoAccel uses.
    static let accelerated = certlint_sha256_accelerated() != 0

    /// FIPS 180-4 §6.2.2, once per 64-byte block of `blocks`: with the CPU's SHA-256
    /// instructions where it has them, else in Swift.
    mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        if Self.accelerated {
            compressAccelerated(blocks)
        } else {
            compressPortable(blocks)
        }
    }

    /// ``compress(_:)`` with SHA-NI (call only when ``accelerated``).
    mutating func compressAccelerated(_ blocks: UnsafeRawBufferPointer) {
        precondition(blocks.count % Self.blockByteCount == 0, "SHA-256 compresses whole blocks only")
        guard let base = blocks.baseAddress, !blocks.isEmpty else { return }
        var state = (h0, h1, h2, h3, h4, h5, h6, h7)
        withUnsafeMutableBytes(of: &state) { raw in
            certlint_sha256_compress(
                raw.baseAddress?.assumingMemoryBound(to: UInt32.self), base.assumingMemoryBound(to: UInt8.self),
                blocks.count / Self.blockByteCount)
        }
        (h0, h1, h2, h3, h4, h5, h6, h7) = state
    }

    /// ``compress(_:)`` in Swift.
    mutating func compressPortable(_ blocks: UnsafeRawBufferPointer) {
        precondition(blocks.count % Self.blockByteCount == 0, "SHA-256 compresses whole blocks only")
        var h0 = self.h0, h1 = self.h1, h2 = self.h2, h3 = self.h3
        var h4 = self.h4, h5 = self.h5, h6 = self.h6, h7 = self.h7
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            schedule.initialize(repeating: 0)
            Self.roundConstants.withUnsafeBufferPointer { k in
                var blockStart = 0
                while blockStart < blocks.count {
                    // Message schedule W0…W63.
                    for t in 0..<16 {
                        schedule[t] = UInt32(
                            bigEndian: blocks.loadUnaligned(fromByteOffset: blockStart &+ 4 &* t, as: UInt32.self)
                        )
                    }
                    for t in 16..<64 {
                        let w15 = schedule[t &- 15]
                        let w2 = schedule[t &- 2]
                        let sigma0 = rotateRight(w15, by: 7) ^ rotateRight(w15, by: 18) ^ (w15 &>> 3)
                        let sigma1 = rotateRight(w2, by: 17) ^ rotateRight(w2, by: 19) ^ (w2 &>> 10)
                        schedule[t] = schedule[t &- 16] &+ sigma0 &+ schedule[t &- 7] &+ sigma1
                    }

                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    for t in 0..<64 {
                        let bigSigma1 = rotateRight(e, by: 6) ^ rotateRight(e, by: 11) ^ rotateRight(e, by: 25)
                        let choose = (e & f) ^ (~e & g)
                        let t1 = h &+ bigSigma1 &+ choose &+ k[t] &+ schedule[t]
                        let bigSigma0 = rotateRight(a, by: 2) ^ rotateRight(a, by: 13) ^ rotateRight(a, by: 22)
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

    /// H0…H7, big-endian.
    func digest() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(SHA256.digestByteCount)
        appendBigEndian(h0, to: &bytes)
        appendBigEndian(h1, to: &bytes)
        appendBigEndian(h2, to: &bytes)
        appendBigEndian(h3, to: &bytes)
        appendBigEndian(h4, to: &bytes)
        appendBigEndian(h5, to: &bytes)
        appendBigEndian(h6, to: &bytes)
        appendBigEndian(h7, to: &bytes)
        return bytes
    }

    /// H0…H7, big-endian, into the first 32 bytes of `buffer`.
    func storeDigest(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= SHA256.digestByteCount, "digest buffer too small")
        buffer.storeBytes(of: h0.bigEndian, toByteOffset: 0, as: UInt32.self)
        buffer.storeBytes(of: h1.bigEndian, toByteOffset: 4, as: UInt32.self)
        buffer.storeBytes(of: h2.bigEndian, toByteOffset: 8, as: UInt32.self)
        buffer.storeBytes(of: h3.bigEndian, toByteOffset: 12, as: UInt32.self)
        buffer.storeBytes(of: h4.bigEndian, toByteOffset: 16, as: UInt32.self)
        buffer.storeBytes(of: h5.bigEndian, toByteOffset: 20, as: UInt32.self)
        buffer.storeBytes(of: h6.bigEndian, toByteOffset: 24, as: UInt32.self)
        buffer.storeBytes(of: h7.bigEndian, toByteOffset: 28, as: UInt32.self)
    }
}
